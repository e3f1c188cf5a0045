"""The world of the permission matrix: two ministeries, a dienstonderdeel, a user per role, objects in every state.

Built once per module (``wereld_bouwen``) through the real services, so the
rights are the ones ``rechten_synchroniseren`` grants. Every ministry role is
held for BZK (or its dienstonderdeel Logius); FIN is "another organisation" for
all of them, and its own CIO-office medewerker is the "user of another
ministerie".
"""

import datetime
import uuid
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings

from cio_stelsel.models import AuditRecord, Overlegorgaan
from cio_stelsel.rechten import Rol

# Cases checked in this run (printed by tests/rechten/conftest.py in the terminal summary).
TELLER = {"gevallen": 0}

GEEN = "geen"  # an id that does not exist: refused for everyone, but the gate is still asked
P1 = datetime.date(2024, 12, 31)
P2 = datetime.date(2025, 6, 30)
BEGIN = datetime.date(2021, 1, 1)
ASPECTEN = {
    "aanleiding": "Voor de start",
    "kwaliteitskader_versie": "Kwaliteitskader CIO-oordelen Rijksoverheid 2.1",
    "beheersing": "voldoende",
    "beheersing_toelichting": "Op orde.",
    "haalbaarheid": "voldoende",
    "haalbaarheid_toelichting": "Haalbaar.",
    "risicos": "voldoende",
    "risicos_toelichting": "In beeld.",
    "implicaties": "voldoende",
    "implicaties_toelichting": "Geen.",
}


@dataclass(frozen=True)
class Profiel:
    """Who asks: a role held for an organisation ("bzk", "logius", "fin" or None for rijksbreed)."""

    naam: str
    rol: str | None = None
    org: str | None = None
    anoniem: bool = False
    superuser: bool = False


PROFIELEN = [
    Profiel("anoniem", anoniem=True),
    Profiel("superuser zonder rol", superuser=True),
    Profiel("ingelogd zonder rol"),
    Profiel("cio-office BZK", Rol.CIO_OFFICE, "bzk"),
    Profiel("cio-office FIN (ander ministerie)", Rol.CIO_OFFICE, "fin"),
    Profiel("cio-office Logius (dienstonderdeel)", Rol.CIO_OFFICE, "logius"),
    Profiel("departementale CIO BZK", Rol.DEPARTEMENTALE_CIO, "bzk"),
    Profiel("departementale CISO BZK", Rol.DEPARTEMENTALE_CISO, "bzk"),
    Profiel("CIO Logius", Rol.CIO_DIENSTONDERDEEL, "logius"),
    Profiel("CISO Logius", Rol.CISO_DIENSTONDERDEEL, "logius"),
    Profiel("SG BZK", Rol.SECRETARIS_GENERAAL, "bzk"),
    Profiel("minister BZK", Rol.MINISTER, "bzk"),
    Profiel("beveiligingsautoriteit BZK", Rol.BEVEILIGINGSAUTORITEIT, "bzk"),
    Profiel("bestuursraadlid BZK", Rol.BESTUURSRAADLID, "bzk"),
    Profiel("CIO Rijk", Rol.CIO_RIJK),
    Profiel("CISO Rijk", Rol.CISO_RIJK),
    Profiel("functioneel beheerder", Rol.FUNCTIONEEL_BEHEERDER),
]


@dataclass
class Obj:
    """One object a URL is asked about: its URL kwargs, its organisation and its state."""

    label: str
    kwargs: dict
    org: str | None = None
    staat: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class Wereld:
    orgs: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)  # profiel naam -> user
    objecten: dict = field(default_factory=dict)  # soort -> [Obj]


def wereld_bouwen() -> Wereld:
    from cio_stelsel import services as stelsel
    from informatieplannen import pdf as informatieplan_pdf
    from informatieplannen import services as informatieplannen
    from oordelen import services as oordelen
    from portfolio import services as portfolio
    from tests.factories import DienstonderdeelFactory, MinisterieFactory, PersoonFactory, activiteit, benoem

    User = get_user_model()
    w = Wereld()
    bzk = MinisterieFactory(naam="Ministerie van BZK", afkorting="BZK", code="bzk")
    fin = MinisterieFactory(naam="Ministerie van Financiën", afkorting="FIN", code="fin")
    logius = DienstonderdeelFactory(ministerie=bzk, naam="Logius", afkorting="Logius", substantieel_portfolio=True)
    w.orgs = {"bzk": bzk, "fin": fin, "logius": logius}

    for p in PROFIELEN:
        if p.anoniem:
            continue
        if p.rol is None:
            w.users[p.naam] = User.objects.create_user(
                username=p.naam.replace(" ", "-"), password="x", is_staff=p.superuser, is_superuser=p.superuser
            )
            continue
        w.users[p.naam] = benoem(p.rol, w.orgs.get(p.org), begindatum=BEGIN).persoon.user
    # The people of FIN who make its data (not profiles of their own).
    cio_fin = benoem(Rol.DEPARTEMENTALE_CIO, fin, begindatum=BEGIN).persoon.user
    ciso_fin = benoem(Rol.DEPARTEMENTALE_CISO, fin, begindatum=BEGIN).persoon.user
    office_fin = w.users["cio-office FIN (ander ministerie)"]
    mensen = {
        "bzk": (w.users["cio-office BZK"], w.users["departementale CIO BZK"], w.users["departementale CISO BZK"]),
        "fin": (office_fin, cio_fin, ciso_fin),
    }
    cio_rijk = w.users["CIO Rijk"]

    objecten = w.objecten
    for code, (office, cio, ciso) in mensen.items():
        m = w.orgs[code]
        # a1: published at P1, concept oordeel with the CISO's contribution.
        # a2: signed off (gecontroleerd) at P1, decided oordeel, submitted aanmelding.
        # a3: concept version at P1, decided oordeel, concept aanmelding.
        a1 = activiteit(office, m, naam=f"Gepubliceerd {code}", geschat=40_000_000)
        a2 = activiteit(office, m, naam=f"Gecontroleerd {code}", geschat=40_000_000)
        a3 = activiteit(office, m, naam=f"Concept {code}", geschat=40_000_000)
        v1 = portfolio.versie_voorbereiden(actor=office, activiteit=a1, peildatum=P1)
        portfolio.versies_aftekenen(actor=cio, ministerie=m, peildatum=P1, versies=[v1])
        portfolio.versies_publiceren(actor=cio_rijk, ministerie=m, peildatum=P1, versies=[v1])
        v2 = portfolio.versie_voorbereiden(actor=office, activiteit=a2, peildatum=P1)
        portfolio.versies_aftekenen(actor=cio, ministerie=m, peildatum=P1, versies=[v2])
        v3 = portfolio.versie_voorbereiden(actor=office, activiteit=a3, peildatum=P1)

        concept = oordelen.oordeel_opstellen(actor=office, activiteit=a1, gegevens=ASPECTEN)
        concept = oordelen.ciso_bijdrage_leveren(actor=ciso, oordeel=concept, bijdrage="BIO getoetst.")
        besluiten = {}
        for a in (a2, a3):
            o = oordelen.oordeel_opstellen(actor=office, activiteit=a, gegevens=ASPECTEN)
            oordelen.ciso_bijdrage_leveren(actor=ciso, oordeel=o, bijdrage="BIO getoetst.")
            besluiten[a.pk] = oordelen.oordeel_vaststellen(actor=cio, oordeel=o, uitkomst="positief", motivering="Goed.", voorwaarden=[])
        ingediend = oordelen.aanmelding_indienen(actor=cio, aanmelding=oordelen.aanmelding_opstellen(actor=office, activiteit=a2))
        aanmelding_concept = oordelen.aanmelding_opstellen(actor=office, activiteit=a3, toelichting="Concept")

        for a, staat, v in ((a1, "gepubliceerd", v1), (a2, "gecontroleerd", v2), (a3, "concept", v3)):
            objecten.setdefault("activiteit", []).append(Obj(f"activiteit {staat} {code}", {"nummer": a.nummer}, code, staat, {"obj": a}))
            objecten.setdefault("versie", []).append(Obj(f"versie {staat} {code}", {"pk": v.pk}, code, staat, {"obj": v}))
        for o, staat in ((concept, "concept"), (besluiten[a2.pk], "vastgesteld")):
            objecten.setdefault("oordeel", []).append(Obj(f"oordeel {staat} {code}", {"pk": o.pk}, code, staat, {"obj": o}))
        for a, staat in ((ingediend, "aangemeld"), (aanmelding_concept, "concept")):
            objecten.setdefault("aanmelding", []).append(Obj(f"aanmelding {staat} {code}", {"pk": a.pk}, code, staat, {"obj": a}))
        # Informatieplannen (issue 14): a concept with a voorgenomen activity, and a plan the minister decided.
        minister = w.users["minister BZK"] if code == "bzk" else benoem(Rol.MINISTER, m, begindatum=BEGIN).persoon.user
        for staat in ("concept", "vastgesteld"):
            plan = informatieplannen.plan_opstellen(
                actor=office,
                ministerie=m,
                gegevens={"titel": f"Informatieplan {code} {staat}", "periode_van": 2025, "periode_tot": 2026, "ambities": "Wendbaar."},
            )
            regel = informatieplannen.regel_toevoegen(
                actor=office,
                plan=plan,
                voorgenomen_naam="Voorgenomen",
                financien=[{"jaar": j, "bedrag": "1000", "redenering": "Raming."} for j in (2025, 2026)],
            )
            if staat == "vastgesteld":
                informatieplannen.informatiebeveiliging_schrijven(actor=ciso, plan=plan, tekst="BIO.")
                informatieplannen.plan_aanbieden(actor=office, plan=plan)
                plan = informatieplannen.plan_vaststellen(actor=minister, plan=plan)
            else:
                objecten.setdefault("planregel", []).append(Obj(f"planregel concept {code}", {"pk": regel.pk}, code, staat))
            objecten.setdefault("informatieplan", []).append(Obj(f"informatieplan {staat} {code}", {"pk": plan.pk}, code, staat))
        # An actualisatie of the vastgestelde plan, decided and made openbaar by the minister (section 4), with its
        # PDF made now (the public download would otherwise render it in every rolled-back request).
        openbaar = informatieplannen.plan_actualiseren(actor=office, plan=plan)
        informatieplannen.informatiebeveiliging_schrijven(actor=ciso, plan=openbaar, tekst="BIO.")
        informatieplannen.plan_aanbieden(actor=office, plan=openbaar)
        openbaar = informatieplannen.plan_vaststellen(actor=minister, plan=openbaar)
        informatieplannen.plan_openbaar_maken(actor=minister, plan=openbaar, samenvatting="Openbaar.")
        informatieplan_pdf.pdf_maken(openbaar.pk)
        objecten.setdefault("openbaar_plan", []).append(
            Obj(f"openbaar informatieplan {code}", {"code": code, "pk": openbaar.pk}, code, "openbaar")
        )
        objecten.setdefault("ministerie", []).append(Obj(f"ministerie {code}", {"pk": m.pk}, code))
        objecten.setdefault("ministerie_peildatum", []).append(Obj(f"{code} op {P1}", {"pk": m.pk, "peildatum": P1}, code))
        objecten.setdefault("activiteit_peildatum", []).append(
            Obj(f"activiteit concept {code} op {P2}", {"pk": a3.pk, "peildatum": P2}, code, "concept", {"obj": a3})
        )
        toewijzing = stelsel.roltoewijzing_starten(
            actor=None, persoon=PersoonFactory(), rol=Rol.BESTUURSRAADLID, organisatie=m, begindatum=BEGIN
        )
        objecten.setdefault("roltoewijzing", []).append(Obj(f"roltoewijzing {code}", {"pk": toewijzing.pk}, code))
        for obj, staat in ((concept, "concept"), (besluiten[a2.pk], "vastgesteld"), (aanmelding_concept, "concept")):
            record = AuditRecord.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).order_by("pk").first()
            objecten.setdefault("auditrecord", []).append(
                Obj(f"auditrecord {obj._meta.model_name} {staat} {code}", {"pk": record.pk}, code, staat, {"model": obj._meta.model_name})
            )

    rijksbreed = AuditRecord.objects.filter(actie="roltoewijzing.gestart", ministerie__isnull=True).order_by("pk").first()
    objecten["auditrecord"].append(
        Obj("auditrecord rijksbrede roltoewijzing", {"pk": rijksbreed.pk}, None, None, {"model": "roltoewijzing"})
    )
    orgaan = Overlegorgaan.objects.get_or_create(soort=Overlegorgaan.Soort.choices[0][0])[0]
    objecten["overlegorgaan"] = [Obj("overlegorgaan", {"pk": orgaan.pk})]
    _token, _geheim = stelsel.api_token_aanmaken(
        actor=w.users["cio-office BZK"], naam="matrix", alleen_lezen=False, verloopt_op=datetime.date.today() + datetime.timedelta(days=30)
    )
    objecten["token"] = [Obj("API-token van cio-office BZK", {"pk": _token.pk}, "bzk", extra={"eigenaar": "cio-office BZK"})]
    return w


@pytest.fixture(scope="module")
def wereld(django_db_setup, django_db_blocker, tmp_path_factory, request):
    snel = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        MEDIA_ROOT=tmp_path_factory.mktemp("matrix-media"),
        REST_FRAMEWORK={
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {"anon": "1000000/minute", "user": "1000000/minute", "publiek": "1000000/minute"},
        },
    )
    with snel, django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            w = wereld_bouwen()
            _extra_objecten(w)
            w.clients, w.tokens = {}, {}
            for p in PROFIELEN:
                c = Client()
                if not p.anoniem:
                    c.force_login(w.users[p.naam], backend="django.contrib.auth.backends.ModelBackend")
                    w.tokens[p.naam] = _token(w.users[p.naam])
                w.clients[p.naam] = c
            yield w
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()


def _extra_objecten(w) -> None:
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from dashboard.models import Jaarrapportage
    from portfolio.models import RedenHerijking

    o = w.objecten
    for obj in o["ministerie"]:
        obj.extra["code"] = w.orgs[obj.org].code
    o["ministerie_code"] = [Obj(f"ministerie {m.code}", {"code": m.code}, m.code) for m in (w.orgs["bzk"], w.orgs["fin"])]
    o[GEEN] = [Obj("bestaat niet", {"pk": 2_000_000_000})]
    o["onderdeel_geen"] = [
        Obj(f"onderdeel dat niet bestaat van {a.label}", {**a.kwargs, "pk": 2_000_000_000}, a.org, a.staat)
        for a in o["activiteit"][:1] + o["activiteit"][3:4]
    ]
    o["importsleutel"] = [Obj("onbekende importsleutel", {"sleutel": uuid.uuid4()})]
    o["jaarrapportage"], o["rapportjaar"] = [], []
    for jaar, status in ((2024, Jaarrapportage.Status.DEFINITIEF), (2023, Jaarrapportage.Status.CONCEPT)):
        rapport = Jaarrapportage(
            jaar=jaar,
            peildatum=datetime.date(jaar, 12, 31),
            status=status,
            gestart_door=w.users["CIO Rijk"],
            html="<p>Jaarrapportage</p>",
            klaar_op=timezone.now(),
            checksum="0" * 64,
        )
        rapport.pdf.save(f"jaarrapportage-{jaar}.pdf", ContentFile(b"%PDF-1.4 matrix"), save=False)
        rapport.xlsx.save(f"jaarrapportage-{jaar}.xlsx", ContentFile(b"PK matrix"), save=False)
        rapport.save()
        o["jaarrapportage"].append(Obj(f"jaarrapportage {jaar} {status}", {"pk": rapport.pk}, None, str(status)))
        o["rapportjaar"].append(Obj(f"publieke jaarrapportage {jaar} ({status})", {"jaar": jaar}, None, str(status)))
    reden = RedenHerijking.objects.order_by("pk").first()
    o["reden"] = [Obj(f"reden herijking {reden}", {"pk": reden.pk})]
    for obj in o["activiteit"]:
        obj.extra["code"] = w.orgs[obj.org].code
    # Where the state does not change the answer: the own organisation's concept and the other's published one.
    o["activiteit_org"] = [a for a in o["activiteit"] if (a.org, a.staat) in {("bzk", "concept"), ("fin", "gepubliceerd")}]
    # A mijlpaal on each of those two activities (through the service, as the API adds one).
    from portfolio import services as portfolio_services
    from portfolio.models import Mijlpaal

    o["mijlpaal"] = []
    for a in o["activiteit_org"]:
        act = a.extra["obj"]
        act.refresh_from_db()
        mijlpaal = Mijlpaal(activiteit=act, omschrijving="Go-live")
        portfolio_services.activiteit_wijzigen(
            actor=w.users["cio-office BZK" if a.org == "bzk" else "cio-office FIN (ander ministerie)"],
            activiteit=act,
            gegevens={},
            versie=act.versie,
            onderdelen=[mijlpaal],
        )
        o["mijlpaal"].append(Obj(f"mijlpaal van {a.label}", {"nummer": act.nummer, "pk": mijlpaal.pk}, a.org, a.staat, {"obj": act}))
    # Where only the state does (the public): the three states of one ministerie.
    o["activiteit_staten"] = [a for a in o["activiteit"] if a.org == "bzk"]
    _istrategie_objecten(w)


def _istrategie_objecten(w) -> None:
    """The I-strategie Rijk (issue 14, B26): an action held by BZK, one by FIN, one by the CIO-beraad; a commitment per ministerie."""
    from informatieplannen import istrategie
    from informatieplannen.models import Actie, IStrategie, Maatregel, Speerpunt, Thema

    o = w.objecten
    s = IStrategie.objects.create(titel="I-strategie Rijk 2021-2025", periode_van=2021, periode_tot=2025)
    thema = Thema.objects.create(strategie=s, naam="Digitale weerbaarheid")
    sp = Speerpunt.objects.create(thema=thema, naam="Informatiebeveiliging")
    m = Maatregel.objects.create(speerpunt=sp, omschrijving="Versnellen")
    beraad = Overlegorgaan.objects.get_or_create(soort=Overlegorgaan.Soort.CIO_BERAAD)[0]
    o["istrategie"] = [Obj("I-strategie", {"pk": s.pk})]
    o["istrategie_ouder"] = [Obj("thema bij de I-strategie", {"soort": "thema", "ouder": s.pk})]
    o["istrategie_onderdeel"] = [Obj("thema", {"soort": "thema", "pk": thema.pk})]
    o["istrategie_actie"] = []
    for code in ("bzk", "fin"):
        a = Actie.objects.create(
            maatregel=m, omschrijving=f"Actie {code}", houder_ministerie=w.orgs[code], termijn=datetime.date(2025, 6, 30)
        )
        o["istrategie_actie"].append(Obj(f"actie van {code}", {"pk": a.pk}, code, "ministerie"))
        t = istrategie.toezegging_registreren(
            actor=w.users["CIO Rijk"],
            gegevens={
                "soort": "toezegging",
                "nummer": f"TZ202501-{100 + len(o['istrategie_actie'])}",
                "tekst": f"Toezegging {code}",
                "datum": datetime.date(2025, 1, 1),
                "ministerie": w.orgs[code],
                "termijn": datetime.date(2025, 12, 31),
            },
        )
        o.setdefault("toezegging", []).append(Obj(f"toezegging van {code}", {"pk": t.pk}, code))
    a = Actie.objects.create(maatregel=m, omschrijving="Actie CIO-beraad", houder_overlegorgaan=beraad, termijn=datetime.date(2025, 6, 30))
    o["istrategie_actie"].append(Obj("actie van het CIO-beraad", {"pk": a.pk}, None, "overlegorgaan"))


def _token(user) -> str:
    """A real personal read-write API token of ``user`` (the secret, for the Authorization header)."""
    from cio_stelsel import services

    _obj, geheim = services.api_token_aanmaken(
        actor=user, naam="rollen", alleen_lezen=False, verloopt_op=datetime.date.today() + datetime.timedelta(days=30)
    )
    return geheim
