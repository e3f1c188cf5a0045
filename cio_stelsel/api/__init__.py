"""What every endpoint of the API shares: token authentication, problem+json errors, pagination, throttling.

The API has no permission rules of its own. Its permission classes only ask
"is someone authenticated" and "may this token write"; what a user may see is
the models' ``zichtbaar_voor(user)`` and what a user may change is decided by
the services (``PermissionDenied`` → 403), exactly as for the pages.
"""
