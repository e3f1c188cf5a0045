"""Loading the demo portfolio through the services, with the organisation's people as actors.

See ``portfolio.demo`` for what is loaded and in which order.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils import timezone

from cio_stelsel import haken
from cio_stelsel.models import Dienstonderdeel, Ministerie, Roltoewijzing, Zbo
from cio_stelsel.rechten import Rol

from .. import services
from ..models import (
    ActiviteitVersie,
    Gebeurtenis,
    IctActiviteit,
    Kamerstuk,
    Kwaliteitstoets,
    MaatschappelijkeBaat,
    Mijlpaal,
    Ontwikkelpartij,
    RedenHerijking,
    Status,
)
from ..publicatie_selectors import verwacht
from .activiteiten import ACTIVITEITEN
from .gegevens import CORRECTIES, HORIZON, KAMERDOSSIERS, PEILDATA, Spec
from .planner import Plan, plannen

# --------------------------------------------------------------------------
# Loading

# The actions that only add or complete lines of the activity's lists: saved together (_Uitvoering.opslaan).
LIJSTACTIES = {"onderdelen", "mijlpaal", "toets"}


def _houder(rol, *, ministerie=None, dienstonderdeel=None):
    """The user account of the current holder of a role (None: vacant or without account)."""
    qs = Roltoewijzing.objects.actief().filter(rol=rol, persoon__user__isnull=False, persoon__user__is_active=True)
    if dienstonderdeel is not None:
        qs = qs.filter(dienstonderdeel=dienstonderdeel)
    elif ministerie is not None:
        qs = qs.filter(ministerie=ministerie, dienstonderdeel__isnull=True)
    t = qs.select_related("persoon__user").order_by("begindatum", "pk").first()
    return t.persoon.user if t else None


@dataclass
class Actoren:
    office: object
    ciso: object | None
    cio: object | None  # decides the oordeel (departmental CIO or CIO of the dienstonderdeel)
    cio_departementaal: object | None  # signs off the peildatum


class _Lader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.aangemaakt: Counter[str] = Counter()  # new objects
        self.gedaan: Counter[str] = Counter()  # transitions (status, sign-off, publication)
        self.overgeslagen: dict[str, list[str]] = defaultdict(list)
        self.vandaag = timezone.localdate()
        self.ministeries = {m.code: m for m in Ministerie.objects.all()}
        self.redenen = {r.code: r for r in RedenHerijking.objects.all()}
        self.cio_rijk = _houder(Rol.CIO_RIJK)
        self._actoren: dict = {}
        # B1: with the start gate of the oordelen app registered, a started activity needs a positive CIO-oordeel.
        self.startpoort = bool(services.STARTVOORWAARDEN)

    def melden(self, tekst: str) -> None:
        if self.stdout is not None:
            self.stdout.write(tekst + "\n")

    # -- who acts -------------------------------------------------------------

    def organisatie(self, spec: Spec):
        m = self.ministeries[spec.ministerie]
        if not spec.organisatie:
            return m, None, None
        do = Dienstonderdeel.objects.filter(Q(naam=spec.organisatie) | Q(afkorting=spec.organisatie), ministerie=m).first()
        if do:
            return m, do, None
        zbo = Zbo.objects.filter(Q(naam=spec.organisatie) | Q(afkorting=spec.organisatie), ministerie=m).first()
        if zbo:
            return m, None, zbo
        self.overgeslagen["organisatie ontbreekt (activiteit onder het ministerie geplaatst)"].append(f"{spec.nummer} {spec.organisatie}")
        return m, None, None

    def actoren(self, m, do) -> Actoren:
        sleutel = (m.pk, do.pk if do else None)
        if sleutel not in self._actoren:
            departementaal = {rol: _houder(rol, ministerie=m) for rol in (Rol.CIO_OFFICE, Rol.DEPARTEMENTALE_CISO, Rol.DEPARTEMENTALE_CIO)}
            lokaal = {}
            if do is not None:
                lokaal = {
                    Rol.CIO_OFFICE: _houder(Rol.CIO_OFFICE, dienstonderdeel=do),
                    Rol.DEPARTEMENTALE_CISO: _houder(Rol.CISO_DIENSTONDERDEEL, dienstonderdeel=do),
                    Rol.DEPARTEMENTALE_CIO: _houder(Rol.CIO_DIENSTONDERDEEL, dienstonderdeel=do),
                }
            kies = {rol: lokaal.get(rol) or departementaal[rol] for rol in departementaal}
            self._actoren[sleutel] = Actoren(
                office=kies[Rol.CIO_OFFICE],
                ciso=kies[Rol.DEPARTEMENTALE_CISO],
                cio=kies[Rol.DEPARTEMENTALE_CIO],
                cio_departementaal=departementaal[Rol.DEPARTEMENTALE_CIO],
            )
        return self._actoren[sleutel]

    # -- the run --------------------------------------------------------------

    def laden(self) -> dict:
        if not self.ministeries:
            self.melden("Portfolio: geen ministeries gevonden; laad eerst de organisatie (manage.py demo_laden).")
            return {"aangemaakt": {}}
        if not self.redenen:
            self.melden("Portfolio: de redenen herijking ontbreken (migratie portfolio 0002); niets geladen.")
            return {"aangemaakt": {}}
        bestaand = set(IctActiviteit.objects.filter(nummer__in=[s.nummer for s in ACTIVITEITEN]).values_list("nummer", flat=True))
        uitvoeringen = []
        for plan in plannen():
            s = plan.spec
            if s.nummer in bestaand:
                continue
            if s.ministerie not in self.ministeries:
                self.overgeslagen["ministerie ontbreekt"].append(f"{s.nummer} ({s.ministerie})")
                continue
            m, do, zbo = self.organisatie(s)
            wie = self.actoren(m, do)
            if wie.office is None:
                self.overgeslagen["geen CIO-office met account"].append(f"{s.nummer} ({m.afkorting})")
                continue
            if self.startpoort and plan.nodig_oordeel and any(a.soort == "start" and a.datum <= self.vandaag for a in plan.acties):
                if wie.ciso is None or wie.cio is None:
                    self.overgeslagen["geen CISO of CIO met account voor het CIO-oordeel vóór de start (B1)"].append(
                        f"{s.nummer} ({m.afkorting})"
                    )
                    continue
            uitvoeringen.append(_Uitvoering(self, plan, m, do, zbo, wie))
        for peildatum in [*PEILDATA, None]:
            grens = min(peildatum or self.vandaag, self.vandaag, HORIZON if peildatum is None else peildatum)
            for u in uitvoeringen:
                u.tot(grens)
            if peildatum is not None and peildatum <= self.vandaag:
                self.publiceren(peildatum, uitvoeringen)
        self.verslag(len(bestaand))
        return {"aangemaakt": dict(self.aangemaakt), "gedaan": dict(self.gedaan)}

    def verslag(self, al_aanwezig: int) -> None:
        if self.aangemaakt:
            self.melden("Portfolio: " + ", ".join(f"{n} {soort}" for soort, n in self.aangemaakt.items()) + " aangemaakt.")
            self.melden("Portfolio: " + ", ".join(f"{n} {soort}" for soort, n in self.gedaan.items()) + ".")
        elif al_aanwezig:
            self.melden("Portfolio: alle demo-activiteiten bestonden al; niets gewijzigd.")
        for reden, lijst in self.overgeslagen.items():
            self.melden(f"Portfolio: {len(lijst)} overgeslagen, {reden}: {', '.join(lijst)}")

    # -- publication ------------------------------------------------------------

    def publiceren(self, peildatum, uitvoeringen) -> None:
        """Prepare the versions for a peildatum, have the CIO sign them off and the CIO Rijk publish them."""
        per_activiteit = {u.activiteit.pk: u for u in uitvoeringen if u.activiteit is not None}
        te_doen = verwacht(IctActiviteit.objects.filter(pk__in=list(per_activiteit)), peildatum).values_list("pk", flat=True)
        versies = defaultdict(list)  # ministerie -> [(versie, doel)]
        for pk in sorted(te_doen):
            u = per_activiteit[pk]
            doel = u.plan.versiestand.get(peildatum, "ontbreekt")
            if doel == "ontbreekt":
                self.gedaan["versies bewust niet voorbereid"] += 1
                continue
            versies[u.ministerie].append((u.voorbereiden(peildatum), doel, u))
        for m, lijst in versies.items():
            self.verder(m, peildatum, lijst)
        for nummer in CORRECTIES.get(peildatum, []):
            u = next((u for u in uitvoeringen if u.plan.spec.nummer == nummer and u.activiteit is not None), None)
            if u is None or not ActiviteitVersie.objects.filter(activiteit=u.activiteit, peildatum=peildatum).exists():
                continue
            u.corrigeren(peildatum)
            v = u.voorbereiden(peildatum)
            self.gedaan["correcties"] += 1
            if peildatum != PEILDATA[-1]:
                self.verder(u.ministerie, peildatum, [(v, "gepubliceerd", u)])

    def verder(self, m, peildatum, lijst) -> None:
        cio = lijst[0][2].wie.cio_departementaal if lijst else None
        af = [v for v, doel, _u in lijst if doel in ("gecontroleerd", "gepubliceerd")]
        if af and cio is None:
            self.overgeslagen[f"niet afgetekend per {peildatum:%d-%m-%Y}, geen departementale CIO met account"].append(
                f"{m.afkorting} ({len(af)})"
            )
            return
        if af:
            services.versies_aftekenen(actor=cio, ministerie=m, peildatum=peildatum, versies=af)
            self.gedaan["versies afgetekend"] += len(af)
        pub = [v for v, doel, _u in lijst if doel == "gepubliceerd"]
        if pub and self.cio_rijk is None:
            self.overgeslagen["niet gepubliceerd, geen CIO Rijk met account"].append(f"{m.afkorting} {peildatum:%Y}")
            return
        if pub:
            services.versies_publiceren(actor=self.cio_rijk, ministerie=m, peildatum=peildatum, versies=pub)
            self.gedaan["versies gepubliceerd"] += len(pub)


class _Uitvoering:
    """Applies one plan's actions through the services, up to a date."""

    def __init__(self, lader: _Lader, plan: Plan, ministerie, dienstonderdeel, zbo, wie: Actoren):
        self.lader, self.plan, self.wie = lader, plan, wie
        self.ministerie, self.dienstonderdeel, self.zbo = ministerie, dienstonderdeel, zbo
        self.activiteit: IctActiviteit | None = None
        self.mijlpalen: list[Mijlpaal] = []
        self.volgende = 0
        self.wachtend: list = []  # list lines not saved yet (wijzig, opslaan)

    @property
    def office(self):
        return self.wie.office

    def tel(self, soort: str, n: int = 1) -> None:
        self.lader.aangemaakt[soort] += n

    def vers(self) -> IctActiviteit:
        """The activity as it is now (for the oordeel hook). The services themselves lock and read the row again,
        so the loader passes its own instance without reading it first (it only needs the pk and organisation)."""
        self.activiteit.refresh_from_db()
        return self.activiteit

    def tot(self, grens: datetime.date) -> None:
        while self.volgende < len(self.plan.acties) and self.plan.acties[self.volgende].datum <= grens:
            actie = self.plan.acties[self.volgende]
            if actie.soort not in LIJSTACTIES:
                self.opslaan()
            getattr(self, f"_{actie.soort}")(actie.datum, **actie.gegevens)
            self.volgende += 1
        self.opslaan()

    def wijzig(self, onderdelen) -> None:
        """Lines for the activity's lists (partijen, baten, mijlpalen, toetsen, Kamerstukken), saved together by opslaan."""
        for obj in onderdelen:
            if not any(obj is o for o in self.wachtend):
                self.wachtend.append(obj)

    def opslaan(self) -> None:
        """Save the waiting lines in one change, as an office enters the lines of a period in one form (issue 21:
        one activiteit_wijzigen per activity and period instead of one per line; the same lines, dates and checks).
        Runs before every other action (start, events, status, version), so each sees the lines dated before it."""
        if not self.wachtend:
            return
        onderdelen, self.wachtend = self.wachtend, []
        # versie=None: no optimistic lock, the loader is the only writer in its transaction (the service locks the row).
        services.activiteit_wijzigen(actor=self.office, activiteit=self.activiteit, gegevens={}, versie=None, onderdelen=onderdelen)

    # -- actions --------------------------------------------------------------

    def _aanmaken(self, datum):
        s = self.plan.spec
        self.activiteit = services.activiteit_aanmaken(
            actor=self.office,
            nummer=s.nummer,
            gegevens={
                "naam": s.naam,
                "ministerie": self.ministerie,
                "dienstonderdeel": self.dienstonderdeel,
                "zbo": self.zbo,
                "opdrachtgevende_organisatie": s.opdrachtgever,
                "onderwerp": s.onderwerp,
                "dienstverlening": s.dienstverlening,
                "wij_verbeteren_op": s.verbeteren,
                "soort": s.soort,
                "startdatum": self.plan.startdatum,
                "reden_van_starten": s.reden,
                "doel": s.doel,
                "samenvatting": s.samenvatting,
                "maatwerk": s.kosten == "maatwerk",
                "ontwikkelwijze": s.wijze,
            },
            initieel=self.plan.initieel,
        )
        self.tel("ICT-activiteiten")

    def _onderdelen(self, datum, partijen=(), baten=(), mijlpalen=()):
        objecten = [Ontwikkelpartij(partij=p, rol=r) for p, r in partijen]
        objecten += [MaatschappelijkeBaat(toelichting=t, kwantitatief_per_jaar=j, kwantitatief_incidenteel=i) for t, j, i in baten]
        nieuw = [
            Mijlpaal(omschrijving=m["omschrijving"], verwachte_datum=m["verwachte_datum"], projectplanversie=m["projectplanversie"])
            for m in mijlpalen
        ]
        self.wijzig(objecten + nieuw)
        self.mijlpalen += nieuw
        self.tel("ontwikkelpartijen", len(partijen))
        self.tel("maatschappelijke baten", len(baten))
        self.tel("mijlpalen", len(nieuw))

    def _mijlpaal(self, datum, index, conform):
        m = self.mijlpalen[index]
        m.behaald, m.gerealiseerde_datum, m.conform_eisen = True, datum, conform
        self.wijzig([m])

    def _toets(self, datum, kamerstuk=False, **g):
        if kamerstuk:
            self.wijzig([Kamerstuk(nummer=g["nummer"], titel=g["titel"], briefdatum=g["briefdatum"], acict_advies=g["acict"])])
            self.tel("Kamerstukken")
        else:
            self.wijzig(
                [Kwaliteitstoets(toetsdatum=datum, uitvoerende_partij=g["partij"], soort=g["soort"], omschrijving=g["omschrijving"])]
            )
            self.tel("kwaliteitstoetsen")

    def _start(self, datum):
        if self.lader.startpoort and self.plan.nodig_oordeel:
            self.oordeel(datum)
        services.status_wijzigen(
            actor=self.office, activiteit=self.activiteit, versie=None, status=Status.IN_UITVOERING, ingangsdatum=datum
        )

    def oordeel(self, datum):
        """B1: a positive CIO-oordeel before the start, by the oordelen app (hook "demo.oordeel_voor_start", oordelen/demo.py)."""
        for oordeel_voor_start in haken.functies("demo.oordeel_voor_start"):
            oordeel_voor_start(self, datum)

    def _herijking(self, datum, einddatum, bedragen, redenen, toelichting_kosten, toelichting_einddatum):
        services.gebeurtenis_toevoegen(
            actor=self.office,
            activiteit=self.activiteit,
            versie=None,
            soort=Gebeurtenis.Soort.HERIJKING,
            datum=datum,
            einddatum=einddatum,
            bedragen=bedragen,
            toelichting_kosten=toelichting_kosten,
            toelichting_einddatum=toelichting_einddatum,
            redenen=[self.lader.redenen[r] for r in redenen],
        )
        self.tel("herijkingen")

    def _rapportage(self, datum, einddatum, bedragen, toelichting_kosten=""):
        services.gebeurtenis_toevoegen(
            actor=self.office,
            activiteit=self.activiteit,
            versie=None,
            soort=Gebeurtenis.Soort.RAPPORTAGE,
            datum=datum,
            einddatum=einddatum,
            bedragen=bedragen,
            toelichting_kosten=toelichting_kosten,
        )
        self.tel("rapportages")

    def _slot(self, datum, status, reden):
        a = self.activiteit
        if status == Status.GEANNULEERD:
            services.status_wijzigen(actor=self.office, activiteit=a, versie=None, status=status, annuleringsdatum=datum, reden=reden)
        elif status == Status.AFGEROND:
            services.status_wijzigen(actor=self.office, activiteit=a, versie=None, status=status, dechargedatum=datum)
        else:
            services.status_wijzigen(
                actor=self.office,
                activiteit=a,
                versie=None,
                status=status,
                ingangsdatum=datum,
                reden="Heroriëntatie na tegenvallende resultaten; de planning wordt herzien.",
            )
        self.lader.gedaan[f"status {Status(status).label.lower()}"] += 1

    # -- publication ------------------------------------------------------------

    def voorbereiden(self, peildatum) -> ActiviteitVersie:
        self.opslaan()
        v = services.versie_voorbereiden(actor=self.office, activiteit=self.activiteit, peildatum=peildatum)
        self.tel("versies")
        return v

    def corrigeren(self, peildatum) -> None:
        """A correction after the version was made: a letter to the Kamer that was missing."""
        datum = peildatum - datetime.timedelta(days=40)
        s = self.plan.spec
        self.wijzig(
            [
                Kamerstuk(
                    nummer=f"{KAMERDOSSIERS.get(s.ministerie, '26 643')}, nr. {400 + s.nummer % 97}",
                    titel=f"Stand van zaken {s.naam}",
                    briefdatum=datum,
                )
            ]
        )
        self.tel("Kamerstukken")


def portfolio_laden(stdout=None) -> dict:
    """Load the demo portfolio and its publication. Idempotent; run it inside a transaction (demo_laden does).

    Assumes the organisation demo data (cio_stelsel.demo.organisatie_laden); reports what it skips.
    Returns {"aangemaakt": {kind: number of new objects}, "gedaan": {transition: number}}.
    """
    try:
        return _Lader(stdout).laden()
    except (PermissionDenied, ValidationError) as exc:
        raise RuntimeError(f"Demodata portfolio: een service weigerde: {exc}") from exc
