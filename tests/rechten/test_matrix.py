"""The generated permission matrix (issue 13): every URL × every role × every method × objects of own and other organisation.

* Every named URL pattern of the URLconf (``get_resolver`` walk) and every
  operation of the committed OpenAPI schema must be declared in ``TABEL``; a
  new view fails ``test_every_url_and_operation_is_declared`` until it is.
* The expected answer comes from ``cio_stelsel.rechten`` (which role holds which
  right, on which organisation, art by art) and the Besluit's rules about states
  (B7, B28: the CIO Rijk sees decided oordelen and submitted aanmeldingen, not
  drafts; B15: the public sees published versions only). It is *not* computed by
  the code under test.
* The actual answer: the status code (refused = 401, 403, 404, 405 or a redirect
  to a log-in page). For a write declared with a payload (``Schrijf``) allowed
  means: the request succeeded *and* wrote an audit record. Every request runs in
  a savepoint that is rolled back, so the world stays as built.

A failure names the role, method, URL and object. The number of cases checked is
printed in the terminal summary (tests/rechten/conftest.py).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from cio_stelsel.models import AuditRecord
from cio_stelsel.rechten import GROEP_RECHTEN, ROL_OBJECTRECHTEN, Recht, RijksbreedRecht
from tests.rechten.fixtures import (  # the fixture wereld: tests/conftest.py (plugin), _media: tests/rechten/conftest.py
    GEEN,
    P1,
    P2,
    PROFIELEN,
    TELLER,
    Obj,
    Profiel,
)

# --------------------------------------------------------------------------
# The rules, from rechten.py


Regelfunctie = Callable[[Profiel, Obj | None], bool]


def _objectrechten(p: Profiel) -> set[str]:
    return {str(r) for r in ROL_OBJECTRECHTEN.get(p.rol, (set(), ""))[0]} if p.rol else set()


def objrecht(recht: str) -> Regelfunctie:
    """The role holds ``recht`` on the object's organisation (a role for BZK does not reach FIN or only Logius)."""
    return lambda p, o: str(recht) in _objectrechten(p) and o is not None and o.org is not None and p.org == o.org


def ergens(recht: str) -> Regelfunctie:
    """The role holds ``recht`` on some organisation (pages that list or create within the own scope)."""
    return lambda p, o: str(recht) in _objectrechten(p)


# Which dienstonderdelen of the world belong to which ministerie.
DIENSTONDERDELEN = {"logius": "bzk"}


def van_dienstonderdeel(recht: str) -> Regelfunctie:
    """The role holds ``recht`` on a dienstonderdeel of the object's ministerie."""
    return lambda p, o: str(recht) in _objectrechten(p) and o is not None and DIENSTONDERDELEN.get(p.org) == o.org


def rijks(recht: str) -> Regelfunctie:
    return lambda p, o: bool(p.rol) and str(recht) in {str(r) for r in GROEP_RECHTEN.get(p.rol, (set(), ""))[0]}


def of(*regels: Regelfunctie) -> Regelfunctie:
    return lambda p, o: any(r(p, o) for r in regels)


def en(*regels: Regelfunctie) -> Regelfunctie:
    return lambda p, o: all(r(p, o) for r in regels)


def staat(*staten: str) -> Regelfunctie:
    return lambda p, o: o is not None and o.staat in staten


IEDEREEN: Regelfunctie = lambda p, o: True  # noqa: E731
INGELOGD: Regelfunctie = lambda p, o: not p.anoniem  # noqa: E731
NIEMAND: Regelfunctie = lambda p, o: False  # noqa: E731
INZIEN = of(objrecht(Recht.PORTFOLIO_INZIEN), rijks(RijksbreedRecht.RIJKSBREED_INZIEN))
# B7, B28: the CIO Rijk sees a decided oordeel and a submitted aanmelding, never a ministry's draft.
OORDEEL_ZIEN = of(objrecht(Recht.PORTFOLIO_INZIEN), en(rijks(RijksbreedRecht.RIJKSBREED_INZIEN), staat("vastgesteld")))
AANMELDING_ZIEN = of(objrecht(Recht.PORTFOLIO_INZIEN), en(rijks(RijksbreedRecht.RIJKSBREED_INZIEN), staat("aangemeld")))
GEPUBLICEERD = staat("gepubliceerd")
# B28: the CIO Rijk reads a version once the ministry signed it off, never a concept version.
VERSIE_ZIEN = of(objrecht(Recht.PORTFOLIO_INZIEN), en(rijks(RijksbreedRecht.RIJKSBREED_INZIEN), staat("gecontroleerd", "gepubliceerd")))
# B12, B28: a plan is internal to its ministerie; the CIO Rijk sees it once the minister decided it.
PLAN_ZIEN = of(objrecht(Recht.PORTFOLIO_INZIEN), en(rijks(RijksbreedRecht.RIJKSBREED_INZIEN), staat("vastgesteld")))


def op_ministerie(recht: str) -> Regelfunctie:
    """The role holds ``recht`` on a ministerie (not only on a dienstonderdeel): an informatieplan is departmental."""
    return lambda p, o: str(recht) in _objectrechten(p) and p.org in ("bzk", "fin")


BEHEER = rijks(RijksbreedRecht.STELSEL_BEHEREN)
# B26: the CIO Rijk maintains the I-strategie and registers commitments; the holder of an action reports its progress
# (its ministerie's CIO-office or CIO; the CIO Rijk for an overlegorgaan, which it chairs, art 15); the responsible
# ministerie or the CIO Rijk updates a commitment.
ISTRATEGIE = rijks(RijksbreedRecht.ISTRATEGIE_BEHEREN)
HOUDER = of(objrecht(Recht.PORTFOLIO_BEWERKEN), en(staat("overlegorgaan"), ISTRATEGIE))
TOEZEGGING_BIJWERKEN = of(ISTRATEGIE, objrecht(Recht.PORTFOLIO_BEWERKEN))
RAPPORTAGEMODEL = rijks(RijksbreedRecht.RAPPORTAGEMODEL_BEHEREN)
JAARRAPPORTAGE = rijks(RijksbreedRecht.JAARRAPPORTAGE_OPSTELLEN)


def _audit_zien(p: Profiel, o: Obj) -> bool:
    """A record is visible to who may see its object, by the object's own rule (issue 13, finding 3)."""
    model = o.extra["model"]
    if model == "ciooordeel":
        return OORDEEL_ZIEN(p, o)
    if model == "aanmelding":
        return AANMELDING_ZIEN(p, o)
    return of(objrecht(Recht.PORTFOLIO_INZIEN), rijks(RijksbreedRecht.AUDIT_INZIEN))(p, o)


# --------------------------------------------------------------------------
# The table: URL name → the rule per method and the objects it is asked about


@dataclass
class Schrijf:
    """A write with a valid payload: allowed = it succeeded and wrote an audit record."""

    regel: Regelfunctie
    gegevens: Callable[[Obj], dict]
    query: Callable[[Obj], str] | None = None  # e.g. DELETE ...?versie=


@dataclass
class Regel:
    methoden: dict  # method → Regelfunctie (reach) or Schrijf
    objecten: str | None = None  # a key of Wereld.objecten
    kies: Regelfunctie | None = None  # which of those objects (called with profile None)
    vast: dict = field(default_factory=dict)  # fixed URL kwargs (a slug, a format)
    eigen_client: bool = False  # the request changes the session (log out, language)
    in_url: bool = True  # False: the object goes in the payload (create on a list)
    steekproef: bool = False  # the same static document for all: ask anonymous, a user without role and a superuser only
    mag_503: bool = False  # 503 is a valid answer (readiness: a part such as the worker is down), not a server error


def R(regel=None, objecten=None, **kw) -> Regel:
    return Regel({"GET": regel if regel is not None else INGELOGD}, objecten, **kw)


def GP(regel, objecten=None, **kw) -> Regel:
    return Regel({"GET": regel, "POST": regel}, objecten, **kw)


def POST(regel, objecten=None, **kw) -> Regel:
    return Regel({"POST": regel}, objecten, **kw)


ASPECTEN = {"aanleiding": "Matrix", "beheersing": "voldoende"}

TABEL: dict[str, Regel] = {
    # -- account and language
    "login": R(IEDEREEN),
    "logout": POST(IEDEREEN, eigen_client=True),
    "password_change": GP(INGELOGD),
    "password_change_done": R(INGELOGD),
    "set_language": POST(IEDEREEN, eigen_client=True),
    # Password reset by e-mail (issue 20): for everyone, with the same answer for every address.
    "password_reset": GP(IEDEREEN, eigen_client=True),
    "password_reset_done": R(IEDEREEN),
    "password_reset_confirm": R(IEDEREEN, vast={"uidb64": "MQ", "token": "ongeldig-token"}),
    "password_reset_complete": R(IEDEREEN),
    # The second factor (issue 17, BIO 5.17.01): every logged-in user; resetting another's is STELSEL_BEHEREN.
    "tweede_factor:verifieren": GP(INGELOGD),
    "tweede_factor:inrichten": GP(INGELOGD),
    "tweede_factor:herstelcodes": GP(INGELOGD),
    "tweede_factor:beheer": GP(BEHEER),
    # Passkeys (issue 17): one's own list; removing is one's own passkey only (the matrix world has no passkeys:
    # 404 for all; own and another's: tests/cio_stelsel/test_passkeys.py).
    "tweede_factor:passkeys": R(INGELOGD),
    "tweede_factor:passkey_verwijderen": GP(NIEMAND, vast={"pk": 999_999}),
    # The WebAuthn ceremonies (django-otp-webauthn): a logged-in user only (no passwordless log-in); completing
    # without a begun ceremony is a 400 of the library. The script's translations are for everyone.
    "otp_webauthn:credential-registration-begin": POST(INGELOGD),
    "otp_webauthn:credential-registration-complete": POST(INGELOGD),
    "otp_webauthn:credential-authentication-begin": POST(INGELOGD),
    "otp_webauthn:credential-authentication-complete": POST(INGELOGD),
    "otp_webauthn:js-i18n-catalog": R(IEDEREEN, steekproef=True),
    # Single sign-on (issue 17): off without OIDC_RP_CLIENT_ID, as in the tests (404); tests/cio_stelsel/test_sso.py.
    "sso_inloggen": R(NIEMAND, steekproef=True),
    "sso_terug": R(NIEMAND, steekproef=True),
    # -- operations (issue 17): health for the orchestrator, security.txt (RFC 9116)
    "gezondheid_levend": R(IEDEREEN, steekproef=True),
    "gezondheid_gereed": R(IEDEREEN, steekproef=True, mag_503=True),  # no worker runs during the matrix: 503 "werker"
    "security_txt": R(IEDEREEN, steekproef=True),
    "admin:index": R(lambda p, o: p.superuser),
    # -- public dashboard and open data (B15: published only)
    "dashboard:home": R(IEDEREEN),
    "dashboard:zoeken": R(IEDEREEN),
    "dashboard:vergelijken": R(IEDEREEN),
    "dashboard:activiteiten": R(IEDEREEN),
    "dashboard:activiteit": R(GEPUBLICEERD, "activiteit_staten"),
    "dashboard:ministeries": R(IEDEREEN),
    "dashboard:ministerie": R(IEDEREEN, "ministerie_code"),
    "dashboard:grafieken": R(IEDEREEN),
    "dashboard:open_data": R(IEDEREEN),
    "dashboard:export": R(IEDEREEN, vast={"formaat": "csv"}),
    "dashboard:export_activiteit": R(GEPUBLICEERD, "activiteit_staten", vast={"formaat": "csv"}),
    "dashboard:toegankelijkheid": R(IEDEREEN),
    "dashboard:kwetsbaarheid": R(IEDEREEN),
    "dashboard:taal": R(IEDEREEN, vast={"code": "en"}, eigen_client=True),
    "jaarrapportage:publiek": R(IEDEREEN),
    **{f"jaarrapportage:publiek_{n}": R(staat("definitief"), "rapportjaar") for n in ("html", "pdf", "xlsx")},
    # -- jaarrapportage (B16: the CIO Rijk prepares it)
    "jaarrapportage:lijst": R(INGELOGD),
    "jaarrapportage:starten": POST(JAARRAPPORTAGE),
    # A draft report for the CIO Rijk only; a final one for everyone who logs in (and the public, above).
    **{
        f"jaarrapportage:{n}": R(of(JAARRAPPORTAGE, en(INGELOGD, staat("definitief"))), "jaarrapportage")
        for n in ("detail", "status", "pdf", "html", "xlsx")
    },
    **{f"jaarrapportage:{n}": POST(JAARRAPPORTAGE, "jaarrapportage") for n in ("opnieuw", "definitief")},
    # -- organisation, roles, audit (cio_stelsel)
    "cio_stelsel:werkvoorraad": R(),
    "cio_stelsel:ministeries": R(),
    "cio_stelsel:ministerie": R(INGELOGD, "ministerie"),
    "cio_stelsel:rolgeschiedenis": R(INGELOGD, "ministerie"),
    "cio_stelsel:stelsel_overzicht": R(rijks(RijksbreedRecht.STELSEL_INZIEN)),
    "cio_stelsel:roltoewijzing_starten": GP(BEHEER),
    "cio_stelsel:roltoewijzing_beeindigen": GP(BEHEER, "roltoewijzing"),
    "cio_stelsel:persoon_nieuw": GP(BEHEER),
    "cio_stelsel:overlegorganen": R(),
    "cio_stelsel:overleglid_toevoegen": GP(BEHEER, "overlegorgaan"),
    "cio_stelsel:handvest_vaststellen": GP(BEHEER, "overlegorgaan"),
    "cio_stelsel:art17": R(rijks(RijksbreedRecht.STELSEL_INZIEN)),
    "cio_stelsel:art17_aanvragen": GP(BEHEER),
    "cio_stelsel:art17_besluiten": POST(NIEMAND, GEEN),
    "cio_stelsel:audit": R(),
    "cio_stelsel:auditrecord": R(_audit_zien, "auditrecord"),
    "cio_stelsel:api_tokens": R(),
    "cio_stelsel:api_token_nieuw": GP(INGELOGD),
    "cio_stelsel:api_token_intrekken": GP(lambda p, o: p.naam == o.extra["eigenaar"], "token"),
    # -- oordelen and aanmeldingen (art 4 j, k; 5; 7 k)
    "oordelen:lijst": R(),
    "oordelen:overzicht": R(of(ergens(Recht.PORTFOLIO_INZIEN), rijks(RijksbreedRecht.RIJKSBREED_INZIEN))),
    "oordelen:nieuw": GP(objrecht(Recht.OORDEEL_OPSTELLEN), "activiteit_org"),
    "oordelen:oordeel": R(OORDEEL_ZIEN, "oordeel"),
    "oordelen:bewerken": GP(en(OORDEEL_ZIEN, objrecht(Recht.OORDEEL_OPSTELLEN)), "oordeel"),
    "oordelen:ciso_bijdrage": POST(OORDEEL_ZIEN, "oordeel"),
    "oordelen:vaststellen": POST(OORDEEL_ZIEN, "oordeel"),
    "oordelen:afwijking": POST(OORDEEL_ZIEN, "oordeel"),
    "oordelen:pdf": R(en(OORDEEL_ZIEN, staat("vastgesteld")), "oordeel", kies=staat("concept")),
    "oordelen:voorwaarde": GP(NIEMAND, GEEN),
    "oordelen:agendapunt": GP(NIEMAND, GEEN),
    "oordelen:aanmelding_nieuw": GP(objrecht(Recht.OORDEEL_OPSTELLEN), "activiteit_org"),
    "oordelen:aanmelding": R(AANMELDING_ZIEN, "aanmelding"),
    # B9: only the departmental CIO submits; the step is refused before its form is read.
    "oordelen:aanmelding_stap": POST(en(AANMELDING_ZIEN, objrecht(Recht.ACICT_AANMELDEN)), "aanmelding", vast={"stap": "indienen"}),
    # -- informatieplannen (issue 14; B10-B12, B28: the CIO Rijk sees no concept plan)
    "informatieplannen:lijst": R(),
    "informatieplannen:nieuw": GP(op_ministerie(Recht.INFORMATIEPLAN_OPSTELLEN)),
    "informatieplannen:plan": R(PLAN_ZIEN, "informatieplan"),
    **{
        f"informatieplannen:{n}": GP(en(PLAN_ZIEN, objrecht(Recht.INFORMATIEPLAN_OPSTELLEN)), "informatieplan")
        for n in ("bewerken", "regel_nieuw", "aanbieden", "actualiseren")
    },
    # B11: the information-security section, by the ministry's CISO only.
    "informatieplannen:informatiebeveiliging": GP(en(PLAN_ZIEN, objrecht(Recht.CISOBIJDRAGE_LEVEREN)), "informatieplan"),
    # B12: the minister of the ministerie decides (or sends back); the CIO Rijk reviews.
    **{
        f"informatieplannen:{n}": GP(en(PLAN_ZIEN, objrecht(Recht.INFORMATIEPLAN_VASTSTELLEN)), "informatieplan")
        for n in ("vaststellen", "terugsturen")
    },
    # The bundled report of a year's toetsen to the Minister of BZK (art 11 i): the CIO Rijk only.
    "informatieplannen:toetsrapport": R(rijks(RijksbreedRecht.INFORMATIEPLAN_TOETSEN), vast={"jaar": 2026}),
    "informatieplannen:toetsen": GP(en(PLAN_ZIEN, rijks(RijksbreedRecht.INFORMATIEPLAN_TOETSEN)), "informatieplan"),
    # Section 4: only the minister of the ministerie makes a (vastgesteld) plan openbaar; the changes against the
    # previous version for who may see the plan.
    "informatieplannen:openbaar_maken": GP(en(PLAN_ZIEN, objrecht(Recht.INFORMATIEPLAN_VASTSTELLEN)), "informatieplan"),
    "informatieplannen:wijzigingen": R(PLAN_ZIEN, "informatieplan"),
    # The public I-plan pages: openbare plans only, for everyone.
    "iplannen:lijst": R(IEDEREEN),
    "iplannen:ministerie": R(IEDEREEN, "ministerie_code"),
    "iplannen:pdf": R(IEDEREEN, "openbaar_plan"),
    **{
        f"informatieplannen:{n}": GP(objrecht(Recht.INFORMATIEPLAN_OPSTELLEN), "planregel")
        for n in ("regel_financien", "regel_koppelen", "regel_verwijderen")
    },
    # -- the I-strategie Rijk and the toezeggingen (issue 14, B26): public; the CIO Rijk maintains, the holder reports
    "istrategie:overzicht": R(),
    "istrategie:acties": R(),
    "istrategie:actie": R(INGELOGD, "istrategie_actie"),
    "istrategie:voortgang": GP(HOUDER, "istrategie_actie"),
    "istrategie:strategie_nieuw": GP(ISTRATEGIE),
    **{f"istrategie:{n}": GP(ISTRATEGIE, "istrategie") for n in ("strategie_bewerken", "actualisatie_nieuw")},
    "istrategie:onderdeel_nieuw": GP(ISTRATEGIE, "istrategie_ouder"),
    **{f"istrategie:onderdeel_{n}": GP(ISTRATEGIE, "istrategie_onderdeel") for n in ("bewerken", "verwijderen")},
    "istrategie:toezeggingen": R(),
    "istrategie:toezegging_nieuw": GP(ISTRATEGIE),
    "istrategie:toezegging": R(INGELOGD, "toezegging"),
    "istrategie:toezegging_status": GP(TOEZEGGING_BIJWERKEN, "toezegging"),
    "istrategie:toezegging_koppelen": GP(ISTRATEGIE, "toezegging"),
    "istrategie_publiek:istrategie": R(IEDEREEN),
    "istrategie_publiek:toezeggingen": R(IEDEREEN),
    **{f"istrategie_publiek:{n}": R(IEDEREEN, vast={"formaat": "csv"}) for n in ("istrategie_export", "toezeggingen_export")},
    # -- portfolio (B14: own organisation only; the CIO Rijk reads, never edits, L1068)
    "portfolio:lijst": R(),
    "portfolio:nieuw": GP(ergens(Recht.PORTFOLIO_BEWERKEN)),
    "portfolio:detail": R(INZIEN, "activiteit_org"),
    **{
        f"portfolio:{n}": GP(objrecht(Recht.PORTFOLIO_BEWERKEN), "activiteit_org")
        for n in ("bewerken", "gebeurtenis", "baseline", "status")
    },
    "portfolio:import": GP(ergens(Recht.PORTFOLIO_BEWERKEN)),
    "portfolio:import_bevestigen": GP(NIEMAND, "importsleutel"),
    "portfolio:import_taak": R(NIEMAND, "importsleutel"),
    "portfolio:export": R(of(ergens(Recht.PORTFOLIO_INZIEN), rijks(RijksbreedRecht.RIJKSBREED_INZIEN))),
    "portfolio:publicatie": R(),
    # The reporting cycle (issue 12): everyone with a log-in sees where it stands; only the CIO Rijk publishes in bulk.
    "portfolio:cyclus": R(),
    "portfolio:peildatum_publiceren": GP(rijks(RijksbreedRecht.PEILDATUM_PUBLICEREN), vast={"peildatum": P1.isoformat()}),
    # A recorded correction of the last event (issue 20): who may edit the activity.
    "portfolio:gebeurtenis_correctie": GP(objrecht(Recht.PORTFOLIO_BEWERKEN), "activiteit_org"),
    # A dienstonderdeel's scope reaches its ministerie's page (showing only its own rows).
    "portfolio:publicatie_ministerie": R(of(INZIEN, van_dienstonderdeel(Recht.PORTFOLIO_INZIEN)), "ministerie_peildatum"),
    "portfolio:versies_aftekenen": GP(objrecht(Recht.PEILDATUM_AFTEKENEN), "ministerie_peildatum"),
    "portfolio:versies_publiceren": GP(rijks(RijksbreedRecht.PEILDATUM_PUBLICEREN), "ministerie_peildatum"),
    "portfolio:versie_voorbereiden": POST(objrecht(Recht.PORTFOLIO_BEWERKEN), "activiteit_peildatum"),
    "portfolio:versie": R(VERSIE_ZIEN, "versie"),
    "portfolio:rapportagemodel": R(RAPPORTAGEMODEL),
    "portfolio:rapportagemodel_drempel": POST(RAPPORTAGEMODEL),
    "portfolio:rapportagemodel_drempel_intrekken": GP(NIEMAND, GEEN),
    "portfolio:rapportagemodel_reden_nieuw": POST(RAPPORTAGEMODEL),
    "portfolio:rapportagemodel_reden": GP(RAPPORTAGEMODEL, "reden"),
    "portfolio:rapportagemodel_reden_verwijderen": R(RAPPORTAGEMODEL, "reden"),
    # -- API: public
    **{f"api:publiek-{n}": R(IEDEREEN) for n in ("activiteiten", "ministeries", "kerncijfers", "peildata")},
    "api:publiek-activiteit": R(GEPUBLICEERD, "activiteit_staten"),
    # Section 4: the public API has the openbare informatieplannen only; none of the world's internal plans.
    "api:publiek-informatieplannen": R(IEDEREEN),
    "api:publiek-informatieplan": R(NIEMAND, "informatieplan"),
    # The informatieplannen API (read-only) with the rights of the pages (B12, B28).
    "api:informatieplan-list": R(INGELOGD),
    "api:informatieplan-detail": R(PLAN_ZIEN, "informatieplan"),
    "api:schema": R(IEDEREEN, steekproef=True),
    "api:docs": R(IEDEREEN, steekproef=True),
    "api:docs_probeer": R(IEDEREEN, steekproef=True),
    # -- API: the I-strategie Rijk and the toezeggingen (issue 14, B26): the rights of the pages
    **{f"api:publiek-{n}": R(IEDEREEN) for n in ("istrategie", "toezeggingen")},
    "api:istrategie-actie-list": R(INGELOGD),
    "api:istrategie-actie-detail": R(INGELOGD, "istrategie_actie"),
    "api:istrategie-actie-voortgang": Regel(
        {"POST": Schrijf(HOUDER, lambda o: {"tekst": "Matrix", "status": "lopend"})}, "istrategie_actie"
    ),
    "api:istrategie-actualisatie-list": Regel(
        {
            "GET": INGELOGD,
            "POST": Schrijf(
                ISTRATEGIE,
                lambda o: {
                    "strategie": o.kwargs["pk"],
                    "jaar": 2026,
                    "besproken_in_cio_beraad_op": "2026-05-12",
                    "cio_beraad_verslag": "Matrix",
                    "kamerstuk": "26 643, nr. 1",
                    "verzonden_op": "2026-06-01",
                },
            ),
        },
        "istrategie",
        in_url=False,
    ),
    "api:toezegging-list": Regel(
        {
            "GET": INGELOGD,
            "POST": Schrijf(
                ISTRATEGIE,
                lambda o: {
                    "soort": "motie",
                    "nummer": "26 643, nr. 9",
                    "tekst": "Matrix",
                    "datum": "2025-01-01",
                    "ministerie": o.extra["code"],
                },
            ),
        },
        "ministerie",
        in_url=False,
    ),
    "api:toezegging-detail": R(INGELOGD, "toezegging"),
    "api:toezegging-stand": Regel({"POST": Schrijf(TOEZEGGING_BIJWERKEN, lambda o: {"status": "afgedaan"})}, "toezegging"),
    # -- API: activities and their parts (B14)
    "api:activiteit-list": Regel(
        {
            "GET": INGELOGD,
            "POST": Schrijf(
                objrecht(Recht.PORTFOLIO_BEWERKEN),
                lambda o: {
                    "naam": "Matrix",
                    "ministerie": o.extra["code"],
                    "startdatum": "2023-01-01",
                    "onderwerp": "Dienstverlening",
                    "initieel": {"einddatum": "2026-12-31", "geschat_uitbesteed_werk": "9000000.00"},
                },
            ),
        },
        "ministerie",
        in_url=False,
    ),
    "api:activiteit-detail": Regel(
        {"GET": INZIEN, "PATCH": Schrijf(objrecht(Recht.PORTFOLIO_BEWERKEN), lambda o: {"naam": "Matrix", "versie": versie_van(o)})},
        "activiteit_org",
    ),
    "api:activiteit-baseline": Regel({"PATCH": INZIEN}, "activiteit_org"),
    "api:activiteit-gebeurtenissen": Regel({"GET": INZIEN, "POST": INZIEN}, "activiteit_org"),
    "api:activiteit-status": POST(INZIEN, "activiteit_org"),
    "api:activiteit-gebeurtenis-corrigeren": POST(INZIEN, "activiteit_org"),
    **{
        f"api:{d}-list": Regel({"GET": INZIEN, "POST": INZIEN}, "activiteit_org")
        for d in ("mijlpalen", "kwaliteitstoetsen", "kamerstukken", "baten", "ontwikkelpartijen")
    },
    "api:mijlpalen-detail": Regel(
        {
            "GET": INZIEN,
            "PATCH": Schrijf(objrecht(Recht.PORTFOLIO_BEWERKEN), lambda o: {"omschrijving": "Matrix", "versie": versie_van(o)}),
            "DELETE": Schrijf(objrecht(Recht.PORTFOLIO_BEWERKEN), lambda o: {}, query=lambda o: f"?versie={versie_van(o)}"),
        },
        "mijlpaal",
    ),
    # The other parts share the mijlpalen code (_OnderdeelViewSet); asked about an id that does not exist.
    **{
        f"api:{d}-detail": Regel({"GET": NIEMAND, "PATCH": NIEMAND, "DELETE": NIEMAND}, "onderdeel_geen")
        for d in ("kwaliteitstoetsen", "kamerstukken", "baten", "ontwikkelpartijen")
    },
    # -- API: publication per peildatum (concept → gecontroleerd → gepubliceerd, B14, B15)
    "api:versie-list": R(INGELOGD),
    "api:versie-detail": R(VERSIE_ZIEN, "versie"),
    "api:versie-voorbereiden": Regel(
        {"POST": Schrijf(objrecht(Recht.PORTFOLIO_BEWERKEN), lambda o: {"activiteit": o.extra["obj"].nummer, "peildatum": P2.isoformat()})},
        "activiteit_org",
        in_url=False,
    ),
    "api:versie-aftekenen": Regel(
        {"POST": Schrijf(objrecht(Recht.PEILDATUM_AFTEKENEN), lambda o: {"ministerie": o.extra["code"], "peildatum": P1.isoformat()})},
        "ministerie",
        in_url=False,
    ),
    "api:versie-publiceren": Regel(
        {
            "POST": Schrijf(
                rijks(RijksbreedRecht.PEILDATUM_PUBLICEREN), lambda o: {"ministerie": o.extra["code"], "peildatum": P1.isoformat()}
            )
        },
        "ministerie",
        in_url=False,
    ),
    # -- API: oordelen (art 4 j, 5; B5-B7) and aanmeldingen (art 4 k; B8, B9)
    "api:oordeel-list": Regel(
        {"GET": INGELOGD, "POST": Schrijf(objrecht(Recht.OORDEEL_OPSTELLEN), lambda o: {"activiteit": o.extra["obj"].nummer, **VOLLEDIG})},
        "activiteit",
        kies=staat("gecontroleerd"),
        in_url=False,
    ),
    "api:oordeel-detail": Regel(
        {
            "GET": OORDEEL_ZIEN,
            "PATCH": Schrijf(
                en(objrecht(Recht.OORDEEL_OPSTELLEN), staat("concept")), lambda o: {"aanleiding": "Matrix", "versie": o.extra["obj"].versie}
            ),
        },
        "oordeel",
    ),
    "api:oordeel-ciso-bijdrage": Regel(
        {"POST": Schrijf(en(objrecht(Recht.CISOBIJDRAGE_LEVEREN), staat("concept")), lambda o: {"ciso_bijdrage": "Matrix"})}, "oordeel"
    ),
    "api:oordeel-vaststellen": Regel(
        {
            "POST": Schrijf(
                en(objrecht(Recht.OORDEEL_VASTSTELLEN), staat("concept")), lambda o: {"uitkomst": "positief", "motivering": "Matrix"}
            )
        },
        "oordeel",
    ),
    "api:oordeel-afwijking": POST(OORDEEL_ZIEN, "oordeel"),
    "api:aanmelding-list": Regel({"GET": INGELOGD, "POST": INGELOGD}),
    "api:aanmelding-detail": R(AANMELDING_ZIEN, "aanmelding"),
    "api:aanmelding-indienen": Regel({"POST": Schrijf(en(objrecht(Recht.ACICT_AANMELDEN), staat("concept")), lambda o: {})}, "aanmelding"),
    **{f"api:aanmelding-{n}": POST(AANMELDING_ZIEN, "aanmelding") for n in ("advies", "collegebesluit", "reactie")},
}
VOLLEDIG = {
    "aanleiding": "Matrix",
    "kwaliteitskader_versie": "Kwaliteitskader 2.1",
    "beheersing": "voldoende",
    "beheersing_toelichting": "x",
    "haalbaarheid": "voldoende",
    "haalbaarheid_toelichting": "x",
    "risicos": "voldoende",
    "risicos_toelichting": "x",
    "implicaties": "voldoende",
    "implicaties_toelichting": "x",
}
# Named patterns that are one family, declared by their gate: the Django admin (staff only; checked on its index).
FAMILIES = {"admin": "admin:index"}


# --------------------------------------------------------------------------
# Enumeration: the URLconf and the OpenAPI schema


def url_namen() -> dict[str, str]:
    """Every named URL pattern of the URLconf, qualified by namespace → its route."""
    namen = {}

    def loop(resolver, prefix, ns):
        for p in resolver.url_patterns:
            if isinstance(p, URLResolver):
                loop(p, prefix + str(p.pattern), f"{ns}:{p.namespace}" if ns and p.namespace else (p.namespace or ns))
            elif isinstance(p, URLPattern) and p.name:
                namen[f"{ns}:{p.name}" if ns else p.name] = prefix + str(p.pattern)

    loop(get_resolver(), "", None)
    return namen


def api_operaties() -> dict[str, set[str]]:
    """URL name → the methods of the committed openapi.yaml for its path."""
    schema = yaml.safe_load((Path(settings.BASE_DIR) / "openapi.yaml").read_text(encoding="utf-8"))
    uit: dict[str, set[str]] = {}
    for pad, operaties in schema["paths"].items():
        voorbeeld = pad.replace("{nummer}", "1").replace("{id}", "1").replace("{pk}", "1")
        naam = resolve(voorbeeld).view_name
        uit.setdefault(naam, set()).update(m.upper() for m in operaties if m in {"get", "post", "put", "patch", "delete"})
    return uit


def test_every_url_and_operation_is_declared():
    ontbrekend = []
    for naam in url_namen():
        familie = naam.split(":", 1)[0]
        if naam not in TABEL and not (familie in FAMILIES and FAMILIES[familie] in TABEL):
            ontbrekend.append(naam)
    assert not ontbrekend, f"Niet in de rechtenmatrix (tests/rechten/test_matrix.py TABEL): {ontbrekend}"
    verkeerd = []
    for naam, methoden in api_operaties().items():
        if naam not in TABEL:
            verkeerd.append(f"{naam}: niet gedeclareerd")
        elif set(TABEL[naam].methoden) != methoden:
            verkeerd.append(f"{naam}: schema {sorted(methoden)}, matrix {sorted(TABEL[naam].methoden)}")
    assert not verkeerd, verkeerd
    overbodig = set(TABEL) - set(url_namen())
    assert not overbodig, f"In de matrix maar niet in de URLconf: {overbodig}"


# --------------------------------------------------------------------------
# The world, once per module


# --------------------------------------------------------------------------
# Asking

STEEKPROEF = [p for p in PROFIELEN if p.rol is None]


LOGIN_PADEN = ("/inloggen/", "/beheer/login/")


def geweigerd(r) -> bool:
    if r.status_code in (401, 403, 404, 405):
        return True
    return r.status_code in (301, 302) and r["Location"].split("?")[0].endswith(LOGIN_PADEN)


def vraag(client, methode: str, url: str, gegevens: dict | None, api: bool):
    if methode == "GET":
        return client.get(url)
    if api:
        import json

        return client.generic(methode, url, json.dumps(gegevens or {}), content_type="application/json")
    return (
        client.generic(methode, url, "", content_type="application/x-www-form-urlencoded")
        if methode != "POST"
        else client.post(url, gegevens or {})
    )


def controleer(w, naam: str) -> list[str]:
    regel = TABEL[naam]
    objecten = [None]
    if regel.objecten:
        objecten = [o for o in w.objecten[regel.objecten] if regel.kies is None or regel.kies(None, o)]
    api = naam.startswith("api:")
    fouten = []
    for o in objecten:
        kwargs = {**(o.kwargs if o is not None and regel.in_url else {}), **regel.vast}
        basis = reverse(naam, kwargs=kwargs or None)
        for methode, verwachting in regel.methoden.items():
            schrijf = isinstance(verwachting, Schrijf)
            functie = verwachting.regel if schrijf else verwachting
            gegevens = verwachting.gegevens(o) if schrijf else None
            url = basis + (verwachting.query(o) if schrijf and verwachting.query else "")
            for p in STEEKPROEF if regel.steekproef else PROFIELEN:
                client = w.clients[p.naam]
                if regel.eigen_client:
                    client = Client()
                    if not p.anoniem:
                        client.force_login(w.users[p.naam], backend="django.contrib.auth.backends.ModelBackend")
                verwacht = functie(p, o)
                with transaction.atomic():
                    voor = AuditRecord.objects.count() if schrijf else 0
                    r = vraag(client, methode, url, gegevens, api)
                    geschreven = schrijf and AuditRecord.objects.count() > voor
                    transaction.set_rollback(True)
                TELLER["gevallen"] += 1
                waar = f"{p.naam} | {methode} {url} ({naam}) | {o.label if o else '-'}"
                if r.status_code >= 500 and not (regel.mag_503 and r.status_code == 503):
                    fouten.append(f"{waar}: {r.status_code} (serverfout)")
                elif schrijf:
                    if verwacht and not (geschreven and r.status_code < 400):
                        fouten.append(f"{waar}: mag schrijven, kreeg {r.status_code} {_kort(r)}")
                    elif not verwacht and (geschreven or not 400 <= r.status_code < 500):
                        fouten.append(f"{waar}: mag niet schrijven, kreeg {r.status_code}{' en een auditrecord' if geschreven else ''}")
                elif verwacht and geweigerd(r):
                    fouten.append(f"{waar}: toegestaan verwacht, kreeg {r.status_code} {_kort(r)}")
                elif not verwacht and not geweigerd(r):
                    fouten.append(f"{waar}: geweigerd verwacht, kreeg {r.status_code}")
    return fouten


def versie_van(o: Obj) -> int:
    """The activity's current version (read fresh: building the world may have changed it)."""
    a = o.extra["obj"]
    return type(a).objects.values_list("versie", flat=True).get(pk=a.pk)


def _kort(r) -> str:
    if r.status_code in (301, 302):
        return f"→ {r['Location']}"
    return r.content[:160].decode(errors="replace").replace("\n", " ") if r.get("Content-Type", "").startswith("application/") else ""


@pytest.mark.django_db
@pytest.mark.parametrize("naam", sorted(TABEL))
def test_rechtenmatrix(wereld, naam):
    fouten = controleer(wereld, naam)
    assert not fouten, f"{len(fouten)} afwijking(en) van de rechtenmatrix:\n" + "\n".join(fouten)
