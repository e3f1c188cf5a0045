"""The informatieplannen part of the demo data (issue 14): a plan per ministerie, the I-strategie Rijk, the commitments.

``gegevens`` holds the texts, ``laden`` loads them through the services; ``demo_laden`` runs it through the
hook registered in informatieplannen/apps.py (after the portfolio, whose activities the plans link).
"""

from .laden import informatieplannen_laden

__all__ = ["informatieplannen_laden"]
