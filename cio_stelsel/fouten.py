"""Errors that the services of every app raise and the API maps to a status (cio_stelsel/api/exceptions.py).

Here, in the bottom layer, so that the API's error handler needs no import of
the apps above it (tests/test_lagen.py).
"""

from django.core.exceptions import ValidationError


class Conflict(ValidationError):
    """Someone else saved the object since it was loaded (optimistic locking): 409 in the API."""
