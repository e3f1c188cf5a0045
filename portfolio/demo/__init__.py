"""Demo data for a local installation: ICT-activiteiten with a multi-year history, and their publication.

Every activity below is **fictitious**, though modelled on the kind of
activities the Rijks ICT-dashboard carries (names, sizes, slips and overruns
are plausible, not real). Suppliers are fictitious firms or the Rijk's own
ICT-dienstverleners. Kamerstukken use real dossier numbers (26 643 is the ICT
dossier) with an invented "nr.": a real letter with that number is about
something else, so no links are stored.

:func:`portfolio_laden` builds everything **through the services**, with the
people of the organisation demo data (``cio_stelsel.demo``) as actors: the
CIO-office of the ministerie (or of the dienstonderdeel) enters the data, the
CISO and CIO decide the CIO-oordeel an activity needs before it starts (B1),
the departmental CIO signs off each peildatum, the CIO Rijk publishes. A role
without a user account is simply not acted for: an activity whose office has no
account is skipped, one that cannot get its start oordeel is skipped, and
versions wait in concept where the ministry's CIO has no account. The loader
reports each of these.

A version holds the stand on its peildatum (portfolio.peildatumstand); the
history is still built year by year, as it happened: all events up to
31-12-2023, then the versions for that peildatum; then 2024; then 2025; then
the events of this year (not in any version yet). Status changes carry the
date they took effect (``ingangsdatum``).

Deterministic (``random.Random(2026)``, plans computed before anything is
loaded) and idempotent: an activity whose ``nummer`` exists is left alone.
"""

from .activiteiten import ACTIVITEITEN
from .gegevens import HORIZON, PEILDATA, ZAAD, Spec
from .laden import portfolio_laden
from .planner import Actie, Plan, Planner, plannen

__all__ = ["ACTIVITEITEN", "HORIZON", "PEILDATA", "ZAAD", "Actie", "Plan", "Planner", "Spec", "plannen", "portfolio_laden"]
