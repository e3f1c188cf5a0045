"""Loading the informatieplannen demo data through the services, with the organisation's people as actors.

Runs after the portfolio (hook ``demo_laden``, volgorde 30, registered in informatieplannen/apps.py): a plan's
financial paragraph links the ministry's demo activities. Each plan is drafted by the ministry's CIO-office,
its information-security section written by its CISO (B11), offered by the office, decided by its minister
(B12) and reviewed by the CIO Rijk (art 11 i), as far as ``gegevens.STAND`` asks and the accounts allow.
The I-strategie's tree (themes to actions) has no service of its own: the CIO Rijk's loader writes it in
bulk with one audit record; its progress, its B26 update and the commitments go through the services.

Idempotent: a ministerie that has a plan, an I-strategie with the same title, a commitment whose number
exists, is left alone.
"""

import decimal
import math
from collections import Counter, defaultdict

from django.core.exceptions import PermissionDenied, ValidationError

from cio_stelsel import audit
from cio_stelsel.models import Ministerie, Overlegorgaan, Roltoewijzing
from cio_stelsel.rechten import Rol
from portfolio.demo import ACTIVITEITEN
from portfolio.models import IctActiviteit, Status

from .. import istrategie, services
from ..models import Actie, Informatieplan, IStrategie, Maatregel, Speerpunt, Thema, Toezegging
from . import gegevens as g

SPECS = {s.nummer: s for s in ACTIVITEITEN}


def _houders(rol) -> dict:
    """{ministerie_id or None: user} of the current holders of ``rol`` with an account (one query)."""
    qs = (
        Roltoewijzing.objects.actief()
        .filter(rol=rol, persoon__user__isnull=False, persoon__user__is_active=True, dienstonderdeel__isnull=True)
        .select_related("persoon__user")
        .order_by("-begindatum", "-pk")
    )
    return {t.ministerie_id: t.persoon.user for t in qs}


def _euro(bedrag: float) -> decimal.Decimal:
    return decimal.Decimal(int(round(bedrag / 1000.0)) * 1000)


class _Lader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.aangemaakt: Counter[str] = Counter()
        self.gedaan: Counter[str] = Counter()
        self.overgeslagen: dict[str, list[str]] = defaultdict(list)
        self.ministeries = {m.code: m for m in Ministerie.objects.filter(code__in=list(g.STAND))}
        self.office = _houders(Rol.CIO_OFFICE)
        self.ciso = _houders(Rol.DEPARTEMENTALE_CISO)
        self.minister = _houders(Rol.MINISTER)
        self.cio_rijk = _houders(Rol.CIO_RIJK).get(None)

    def melden(self, tekst: str) -> None:
        if self.stdout is not None:
            self.stdout.write(tekst + "\n")

    def laden(self) -> dict:
        if not self.ministeries:
            self.melden("Informatieplannen: geen ministeries gevonden; laad eerst de organisatie (manage.py demo_laden).")
            return {"aangemaakt": {}}
        met_plan = set(Informatieplan.objects.values_list("ministerie__code", flat=True))
        for code, stand in g.STAND.items():
            if code in self.ministeries and code not in met_plan:
                self.plan(self.ministeries[code], stand)
        acties = self.istrategie()
        self.toezeggingen(acties)
        self.verslag()
        return {"aangemaakt": dict(self.aangemaakt), "gedaan": dict(self.gedaan)}

    def verslag(self) -> None:
        if self.aangemaakt:
            self.melden("Informatieplannen: " + ", ".join(f"{n} {soort}" for soort, n in self.aangemaakt.items()) + " aangemaakt.")
        else:
            self.melden("Informatieplannen: alles was er al; niets gewijzigd.")
        if self.gedaan:
            self.melden("Informatieplannen: " + ", ".join(f"{n} {soort}" for soort, n in self.gedaan.items()) + ".")
        for reden, lijst in self.overgeslagen.items():
            self.melden(f"Informatieplannen: {len(lijst)} overgeslagen, {reden}: {', '.join(lijst)}")

    # -- a plan per ministerie ------------------------------------------------------

    def plan(self, m: Ministerie, stand: str) -> None:
        office = self.office.get(m.pk)
        if office is None:
            self.overgeslagen["geen CIO-office met account"].append(m.afkorting)
            return
        van, tot = g.PERIODE.get(m.code, g.STANDAARD_PERIODE)
        focus, voorgenomen, per_jaar = g.FOCUS[m.code]
        plan = services.plan_opstellen(
            actor=office,
            ministerie=m,
            gegevens={
                "titel": f"Meerjarig informatieplan {m.afkorting} {van}-{tot}",
                "periode_van": van,
                "periode_tot": tot,
                "ambities": g.AMBITIES.format(focus=focus),
                "strategische_doelen": g.DOELEN.format(eind=tot - 1),
            },
        )
        self.aangemaakt["informatieplannen"] += 1
        self.regels(plan, office, voorgenomen, per_jaar)
        if stand == "zonder_ciso":
            return
        if not self.paragraaf(plan, m):
            return
        if stand == "concept":
            return
        plan = services.plan_aanbieden(actor=office, plan=plan)
        self.gedaan["plannen aangeboden"] += 1
        if stand == "ter_vaststelling":
            return
        minister = self.minister.get(m.pk)
        if minister is None:
            self.overgeslagen["ter vaststelling gebleven, geen minister met account"].append(m.afkorting)
            return
        plan = services.plan_vaststellen(actor=minister, plan=plan)
        self.gedaan["plannen vastgesteld"] += 1
        if stand == "getoetst":
            if self.cio_rijk is None:
                self.overgeslagen["niet getoetst, geen CIO Rijk met account"].append(m.afkorting)
            else:
                t = g.TOETS
                services.plan_toetsen(
                    actor=self.cio_rijk,
                    plan=plan,
                    bevindingen=t["bevindingen"],
                    eindoordeel=t["eindoordeel"],
                    samenvatting=t["samenvatting"],
                )
                self.aangemaakt["kwaliteitstoetsen"] += 1
        if m.code in g.ACTUALISATIE:
            nieuw = services.plan_actualiseren(actor=office, plan=plan)
            services.plan_wijzigen(
                actor=office,
                plan=nieuw,
                versie=nieuw.versie,
                gegevens={"ambities": f"{nieuw.ambities}\n\n{g.ACTUALISATIE[m.code]}"},
            )
            self.aangemaakt["actualisaties"] += 1

    def regels(self, plan: Informatieplan, office, voorgenomen: str, per_jaar: int) -> None:
        """The financial paragraph (B10): the ministry's running demo activities and one voorgenomen activity."""
        activiteiten = (
            IctActiviteit.objects.filter(ministerie=plan.ministerie, nummer__in=list(SPECS))
            .exclude(status__in=[Status.AFGEROND, Status.GEANNULEERD])
            .order_by("nummer")[: g.ACTIVITEITEN_PER_PLAN]
        )
        for a in activiteiten:
            s = SPECS[a.nummer]
            eind = s.start.year + math.ceil(s.jaren)
            jaarlijks = s.budget * 1_000_000 / max(s.jaren, 1)
            financien = []
            for jaar in plan.jaren:
                if jaar <= eind:
                    financien.append({"jaar": jaar, "bedrag": _euro(jaarlijks), "redenering": g.FINANCIEN_REDENERING["uitvoering"]})
                else:
                    financien.append({"jaar": jaar, "bedrag": _euro(jaarlijks / 5), "redenering": g.FINANCIEN_REDENERING["beheer"]})
            services.regel_toevoegen(actor=office, plan=plan, activiteit=a, toelichting=s.doel, financien=financien)
            self.aangemaakt["planregels"] += 1
        services.regel_toevoegen(
            actor=office,
            plan=plan,
            voorgenomen_naam=voorgenomen,
            toelichting="Voorgenomen: de business case wordt in het eerste jaar van het plan opgesteld.",
            financien=[
                {"jaar": jaar, "bedrag": _euro(per_jaar * (0.4 if i == 0 else 1)), "redenering": g.FINANCIEN_REDENERING["voorgenomen"]}
                for i, jaar in enumerate(plan.jaren)
            ],
        )
        self.aangemaakt["planregels"] += 1

    def paragraaf(self, plan: Informatieplan, m: Ministerie) -> bool:
        """B11: the CISO writes the section on information security (and nobody else)."""
        ciso = self.ciso.get(m.pk)
        if ciso is None:
            self.overgeslagen["in concept gebleven, geen CISO met account (B11)"].append(m.afkorting)
            return False
        nadruk = g.NADRUK[sum(map(ord, m.code)) % len(g.NADRUK)]
        services.informatiebeveiliging_schrijven(actor=ciso, plan=plan, tekst=g.INFORMATIEBEVEILIGING.format(nadruk=nadruk))
        return True

    # -- the I-strategie Rijk (B26) --------------------------------------------------

    def istrategie(self) -> dict[str, Actie]:
        """The tree in bulk (no service creates it), one audit record; the progress and the B26 update by the services."""
        titel, van, tot = g.ISTRATEGIE
        bestaand = IStrategie.objects.filter(titel=titel).first()
        if bestaand is not None:
            return {a.omschrijving: a for a in Actie.objects.filter(maatregel__speerpunt__thema__strategie=bestaand)}
        if self.cio_rijk is None:
            self.overgeslagen["geen I-strategie, geen CIO Rijk met account"].append(titel)
            return {}
        organen = {o.soort: o for o in Overlegorgaan.objects.all()}
        ministeries = {m.code: m for m in Ministerie.objects.all()}
        strategie = IStrategie.objects.create(titel=titel, periode_van=van, periode_tot=tot)
        themas = Thema.objects.bulk_create(Thema(strategie=strategie, naam=naam, volgorde=i) for i, (naam, _s) in enumerate(g.THEMAS, 1))
        speerpunten, maatregelen, acties, notities = [], [], [], []
        for thema, (_naam, punten) in zip(themas, g.THEMAS, strict=True):
            for naam, lijst in punten:
                speerpunten.append((Speerpunt(thema=thema, naam=naam), lijst))
        Speerpunt.objects.bulk_create(s for s, _l in speerpunten)
        for speerpunt, lijst in speerpunten:
            for omschrijving, acties_ in lijst:
                maatregelen.append((Maatregel(speerpunt=speerpunt, omschrijving=omschrijving), acties_))
        Maatregel.objects.bulk_create(m for m, _a in maatregelen)
        for maatregel, lijst in maatregelen:
            for omschrijving, houder, termijn, voortgang in lijst:
                if houder not in ministeries and houder not in organen:
                    self.overgeslagen["actie zonder houder (ministerie of overlegorgaan ontbreekt)"].append(houder)
                    continue
                actie = Actie(
                    maatregel=maatregel,
                    omschrijving=omschrijving,
                    houder_ministerie=ministeries.get(houder),
                    houder_overlegorgaan=organen.get(houder) if houder not in ministeries else None,
                    termijn=termijn,
                )
                acties.append(actie)
                notities.append(voortgang)
        Actie.objects.bulk_create(acties)
        audit.vastleggen(
            actor=self.cio_rijk,
            actie="istrategie.aangemaakt",
            obj=strategie,
            na={
                **audit.momentopname(strategie),
                "themas": len(themas),
                "speerpunten": len(speerpunten),
                "maatregelen": len(maatregelen),
                "acties": len(acties),
            },
        )
        self.aangemaakt["I-strategie-acties"] += len(acties)
        for actie, voortgang in zip(acties, notities, strict=True):
            melder = self.office.get(actie.houder_ministerie_id) if actie.houder_ministerie_id else self.cio_rijk
            for datum, status, tekst in voortgang:
                if melder is None:
                    self.overgeslagen["voortgang niet gemeld, geen houder met account"].append(actie.omschrijving[:40])
                    break
                istrategie.voortgang_melden(actor=melder, actie=actie, tekst=tekst, status=status, datum=datum)
                self.aangemaakt["voortgangsnotities"] += 1
        for a in g.ACTUALISATIES:
            istrategie.actualisatie_vastleggen(actor=self.cio_rijk, strategie=strategie, **a)
            self.aangemaakt["actualisaties I-strategie"] += 1
        return {a.omschrijving: a for a in acties}

    # -- moties en toezeggingen -------------------------------------------------------

    def toezeggingen(self, acties: dict[str, Actie]) -> None:
        if self.cio_rijk is None:
            return
        bestaand = set(Toezegging.objects.filter(nummer__in=[t["nummer"] for t in g.TOEZEGGINGEN]).values_list("nummer", flat=True))
        ministeries = {m.code: m for m in Ministerie.objects.all()}
        for t in g.TOEZEGGINGEN:
            if t["nummer"] in bestaand:
                continue
            z = istrategie.toezegging_registreren(
                actor=self.cio_rijk,
                gegevens={
                    **{k: t[k] for k in ("soort", "nummer", "tekst", "datum", "termijn")},
                    "ministerie": ministeries[t["ministerie"]],
                },
            )
            self.aangemaakt["toezeggingen en moties"] += 1
            gekoppeld_acties = [acties[o] for o in t["acties"] if o in acties]
            gekoppeld_activiteiten = list(IctActiviteit.objects.filter(nummer__in=t.get("activiteiten", [])))
            if gekoppeld_acties or gekoppeld_activiteiten:
                # No service links a commitment yet: the link is recorded like one.
                z.acties.add(*gekoppeld_acties)
                z.activiteiten.add(*gekoppeld_activiteiten)
                audit.vastleggen(
                    actor=self.cio_rijk,
                    actie="toezegging.gekoppeld",
                    obj=z,
                    na={"acties": [a.pk for a in gekoppeld_acties], "activiteiten": [a.nummer for a in gekoppeld_activiteiten]},
                )
            if t["bijwerken"] and t["bijwerken"][0] != Toezegging.Status.OPEN:
                status, toelichting, nieuwe_termijn = t["bijwerken"]
                istrategie.toezegging_bijwerken(
                    actor=self.cio_rijk, toezegging=z, status=status, toelichting=toelichting, nieuwe_termijn=nieuwe_termijn
                )
                self.gedaan["toezeggingen bijgewerkt"] += 1
            elif t["bijwerken"]:
                istrategie.toezegging_bijwerken(
                    actor=self.cio_rijk, toezegging=z, status=Toezegging.Status.OPEN, toelichting=t["bijwerken"][1]
                )
                self.gedaan["toezeggingen bijgewerkt"] += 1


def informatieplannen_laden(stdout=None) -> dict:
    """Load the informatieplannen, the I-strategie Rijk and the commitments. Idempotent; inside demo_laden's transaction.

    Returns {"aangemaakt": {kind: number of new objects}, "gedaan": {transition: number}}.
    """
    try:
        return _Lader(stdout).laden()
    except (PermissionDenied, ValidationError) as exc:
        raise RuntimeError(f"Demodata informatieplannen: een service weigerde: {exc}") from exc
