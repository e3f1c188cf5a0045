"""The dry run (``controleren``): every row checked against the database and the actor's rights, never writing.

It collects all errors as (rij, kolom, reden), rij being the row number in the
spreadsheet (the header is row 1), and plans the service calls of each row
(``Rijplan``) that ``uitvoering.importeren`` runs. A constant number of queries.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from .. import services
from ..models import (
    KOSTENCATEGORIEEN,
    Gebeurtenis,
    IctActiviteit,
    Ontwikkelpartij,
    Status,
)
from .cellen import (
    _Ongeldig,
    bedrag,
    datum,
    geheel_getal,
    ja_nee,
    lees_partijen,
    splits_lijst,
    tekst,
)
from .context import _Context, _Historie, _nul
from .kolommen import (
    AANTAL_ACICT,
    AANTAL_BATEN,
    AANTAL_MIJLPALEN,
    ACTUEEL_TOTAAL,
    ACTUELE_EINDDATUM,
    ANNULERINGSDATUM,
    BATEN,
    DECHARGEDATUM,
    DIENSTONDERDEEL,
    DIENSTVERLENING,
    DOEL,
    HISTORIE,
    INITIEEL_TOTAAL,
    INITIELE_DATUM,
    INITIELE_EINDDATUM,
    KOLOM,
    KWALITEITSTOETSEN,
    LIJSTEN,
    MAATWERK,
    MIJLPALEN,
    MINISTERIE,
    NAAM,
    NUMMER,
    ONDERWERP,
    ONTWIKKELPARTIJEN,
    ONTWIKKELWIJZE,
    OPDRACHTGEVER,
    PEILDATUM,
    REDEN_ANNULERING,
    REDEN_HERIJKING,
    REDEN_VAN_STARTEN,
    SAMENVATTING,
    SOORT,
    STARTDATUM,
    STATUS,
    TOELICHTING_EINDDATUM,
    TOELICHTING_KOSTEN,
    UITGAVEN,
    VERPLICHT,
    WIJ_VERBETEREN_OP,
    ZBO,
    _Ev,
    _som,
    kolom_actueel,
    kolom_gerealiseerd,
    kolom_initieel,
    kolomnaam,
    lijst_json,
    partij_tekst,
)
from .lezen import Fout, Rijen, _leeg
from .plan import (
    ACTIVITEIT_KOLOMMEN,
    BASELINE_KOLOMMEN,
    BIJGEWERKT,
    GEBEURTENIS_KOLOMMEN,
    NIEUW,
    ONGEWIJZIGD,
    STATUS_KOLOMMEN,
    Controle,
    Rijplan,
    Stap,
    statuspad,
)

MAX_HISTORIE = 500
MILJOENENGRENS = Decimal("1000.00")  # a positive total below this is probably in EUR mln


def _d(datum_: datetime.date | None) -> str:
    return datum_.strftime("%d-%m-%Y") if datum_ else "—"


def _waarde(w) -> str:
    """A field's value as the import preview shows it: dates as dd-mm-jjjj, empty as '—', text quoted and shortened."""
    if w is None or w == "":
        return "—"
    if isinstance(w, datetime.date):
        return _d(w)
    t = str(w)
    return f"'{t[:77]}...'" if len(t) > 80 else f"'{t}'"


_FOUT = object()  # a value that could not be read (its error is already recorded)


def _ok(*waarden) -> bool:
    return all(w is not _FOUT for w in waarden)


class _Rijcontrole:
    """Checks one row and plans its service calls; never writes."""

    def __init__(self, ctx: _Context, rij: int, waarden: dict, kolommen: set[str], peildatum: datetime.date | None):
        self.ctx = ctx
        self.rij = rij
        self.w = waarden
        self.kolommen = kolommen
        self.peildatum = peildatum
        self.fouten: list[Fout] = []
        self.waarschuwingen: list[Fout] = []

    # -- helpers -----------------------------------------------------------
    def fout(self, kolom: str, reden) -> None:
        self.fouten.append(Fout(self.rij, kolom, str(reden)))

    def waarschuwing(self, kolom: str, reden) -> None:
        self.waarschuwingen.append(Fout(self.rij, kolom, str(reden)))

    def heeft(self, kolom: str) -> bool:
        return kolom in self.kolommen

    def lees(self, kolom: str, parser: Callable, **kwargs):
        try:
            return parser(self.w.get(kolom), **kwargs)
        except _Ongeldig as exc:
            self.fout(kolom, exc.reden)
            return _FOUT

    def tekstveld(self, kolom: str, veld: str) -> str:
        waarde = tekst(self.w.get(kolom))
        max_length = IctActiviteit._meta.get_field(veld).max_length
        if max_length and len(waarde) > max_length:
            self.fout(kolom, _("Hoogstens %(n)s tekens (nu %(m)s).") % {"n": max_length, "m": len(waarde)})
            return _FOUT
        return waarde

    # -- the check ---------------------------------------------------------
    def controleren(self, nummer) -> Rijplan:
        ctx = self.ctx
        plan = Rijplan(rij=self.rij, nummer=nummer if nummer is not _FOUT else None, naam=tekst(self.w.get(NAAM)))
        bestaand = ctx.bestaand.get(nummer) if _ok(nummer) and nummer else None
        if bestaand is not None and not ctx.scope.omvat(bestaand.ministerie_id, bestaand.dienstonderdeel_id):
            self.fout(
                NUMMER,
                _("ICT-activiteit %(nr)s hoort bij een organisatie waarvoor u geen ICT-activiteiten mag wijzigen (B14).") % {"nr": nummer},
            )
            plan.fout = True
            return plan
        plan.activiteit = bestaand
        plan.actie = BIJGEWERKT if bestaand else NIEUW

        velden = self._algemene_velden(bestaand)
        plan.ministerie = velden["ministerie"] if _ok(velden["ministerie"]) else None
        if bestaand is not None:
            hist = ctx.historie.get(bestaand.pk)
            if hist is None or hist.eerste.soort != Gebeurtenis.Soort.INITIEEL:
                self.fout(
                    NUMMER,
                    _("ICT-activiteit %(nr)s heeft geen initiële baseline; neem contact op met de functioneel beheerder.") % {"nr": nummer},
                )
                plan.fout = True
                return plan
            historie = None
        else:
            historie = self._historie()
            hist = None

        startdatum = velden["startdatum"]
        gebeurtenisplan = self._gebeurtenissen(bestaand, hist, historie, startdatum, plan)
        statusplan = self._status(bestaand, velden, startdatum)
        partijen = self._partijen(bestaand)
        lijsten = self._lijsten(bestaand)

        if self.fouten:
            plan.fout = True
            return plan

        # -- the plan ------------------------------------------------------
        if bestaand is None:
            gegevens = {k: v for k, v in velden.items()}
            eerste, overige = gebeurtenisplan["basis"], gebeurtenisplan["historie"]
            initieel = {
                "datum": eerste.datum,
                "einddatum": eerste.einddatum,
                **eerste.bedragen(),
                "toelichting_kosten": eerste.toelichting_kosten,
                "toelichting_einddatum": eerste.toelichting_einddatum,
            }
            plan.stappen.append(
                Stap("aanmaken", {"gegevens": gegevens, "initieel": initieel}, {**ACTIVITEIT_KOLOMMEN, **BASELINE_KOLOMMEN})
            )
            plan.wijzigingen.append(_("Nieuwe ICT-activiteit met initiële baseline per %(d)s") % {"d": _d(eerste.datum)})
            for ev in overige:
                plan.stappen.append(Stap("gebeurtenis", self._gebeurteniskwargs(ev), {}, standaardkolom=HISTORIE))
            if overige:
                plan.wijzigingen.append(_("%(n)s gebeurtenissen uit de historie") % {"n": len(overige)})
        else:
            gewijzigd = {k: v for k, v in velden.items() if not self._gelijk(k, v, getattr(bestaand, k))}
            toevoegen, verwijderen = partijen
            if gewijzigd or toevoegen or verwijderen:
                plan.stappen.append(
                    Stap("wijzigen", {"gegevens": gewijzigd, "onderdelen": toevoegen, "verwijderen": verwijderen}, ACTIVITEIT_KOLOMMEN)
                )
                # each changed field with its old and its new value (issue 18: the preview named the fields only)
                for k, v in gewijzigd.items():
                    plan.wijzigingen.append(
                        _("%(veld)s: %(oud)s → %(nieuw)s")
                        % {"veld": ACTIVITEIT_KOLOMMEN[k], "oud": _waarde(getattr(bestaand, k)), "nieuw": _waarde(v)}
                    )
                if toevoegen or verwijderen:
                    plan.wijzigingen.append(
                        _("Ontwikkelpartijen: %(plus)s toegevoegd, %(min)s verwijderd") % {"plus": len(toevoegen), "min": len(verwijderen)}
                    )
            if gebeurtenisplan["baseline"]:
                plan.stappen.append(Stap("baseline", {"gegevens": gebeurtenisplan["baseline"]}, BASELINE_KOLOMMEN))
                plan.wijzigingen.append(_("Initiële baseline gecorrigeerd (er is nog geen latere gebeurtenis)"))
        nieuw_ev = gebeurtenisplan["nieuw"]
        if nieuw_ev is not None:
            plan.stappen.append(Stap("gebeurtenis", self._gebeurteniskwargs(nieuw_ev), GEBEURTENIS_KOLOMMEN, standaardkolom=PEILDATUM))
            if nieuw_ev.soort == Gebeurtenis.Soort.HERIJKING:
                plan.wijzigingen.append(
                    _("Herijking per %(d)s (%(redenen)s)")
                    % {"d": _d(nieuw_ev.datum), "redenen": "; ".join(r.naam for r in nieuw_ev.redenen)}
                )
            else:
                plan.wijzigingen.append(_("Rapportage per %(d)s") % {"d": _d(nieuw_ev.datum)})
        if bestaand is None and (partijen[0] or lijsten):
            plan.stappen.append(
                Stap(
                    "wijzigen",
                    {"gegevens": {}, "onderdelen": partijen[0] + lijsten, "verwijderen": []},
                    {},
                    standaardkolom=ONTWIKKELPARTIJEN,
                )
            )
            plan.wijzigingen.append(_("%(n)s ontwikkelpartijen en lijstonderdelen") % {"n": len(partijen[0]) + len(lijsten)})
        for stap in statusplan:
            plan.stappen.append(stap)
        if statusplan:
            with translation.override("nl"):
                van = Status(bestaand.status if bestaand else Status.NOG_NIET_GESTART).label
                naar = Status(statusplan[-1].kwargs["status"]).label
            plan.wijzigingen.append(_("Status: %(van)s → %(naar)s") % {"van": van, "naar": naar})
        if bestaand is not None and not plan.stappen:
            plan.actie = ONGEWIJZIGD
        return plan

    @staticmethod
    def _gelijk(veld: str, nieuw, oud) -> bool:
        if veld in ("ministerie", "dienstonderdeel", "zbo"):
            return (nieuw.pk if nieuw else None) == (oud.pk if oud else None)
        if isinstance(nieuw, str):
            return nieuw == tekst(oud)
        return nieuw == oud

    def _gebeurteniskwargs(self, ev: _Ev) -> dict:
        return {
            "soort": ev.soort,
            "datum": ev.datum,
            "einddatum": ev.einddatum,
            "bedragen": ev.bedragen(),
            "toelichting_kosten": ev.toelichting_kosten,
            "toelichting_einddatum": ev.toelichting_einddatum,
            "redenen": list(ev.redenen),
        }

    # -- general fields ----------------------------------------------------
    def _algemene_velden(self, bestaand: IctActiviteit | None) -> dict:
        """The general fields the file sets (only columns present; for a new activity all of them)."""
        ctx = self.ctx
        velden: dict[str, Any] = {}
        ministerie = _FOUT
        if _leeg(self.w.get(MINISTERIE)):
            self.fout(MINISTERIE, _("Vul het ministerie in (afkorting of code)."))
        else:
            ministerie = self.lees(MINISTERIE, lambda w: ctx.ministerie(tekst(w)))
        velden["ministerie"] = ministerie
        dienstonderdeel = bestaand.dienstonderdeel if bestaand else None
        zbo = bestaand.zbo if bestaand else None
        if _ok(ministerie):
            if self.heeft(DIENSTONDERDEEL):
                dienstonderdeel = (
                    None
                    if _leeg(self.w.get(DIENSTONDERDEEL))
                    else self.lees(DIENSTONDERDEEL, lambda w: ctx.dienstonderdeel(ministerie, tekst(w)))
                )
            elif dienstonderdeel is not None and dienstonderdeel.ministerie_id != ministerie.pk:
                self.fout(
                    DIENSTONDERDEEL,
                    _("Het dienstonderdeel %(do)s hoort niet bij %(m)s: neem de kolom Dienstonderdeel op.")
                    % {"do": dienstonderdeel, "m": ministerie.afkorting},
                )
                dienstonderdeel = _FOUT
            if self.heeft(ZBO):
                zbo = None if _leeg(self.w.get(ZBO)) else self.lees(ZBO, lambda w: ctx.zbo(ministerie, tekst(w)))
            elif zbo is not None and zbo.ministerie_id != ministerie.pk:
                self.fout(ZBO, _("De zbo %(zbo)s hoort niet bij %(m)s: neem de kolom Zbo op.") % {"zbo": zbo, "m": ministerie.afkorting})
                zbo = _FOUT
            if _ok(dienstonderdeel, zbo) and dienstonderdeel and zbo:
                self.fout(ZBO, _("Kies een dienstonderdeel óf een zbo als uitvoerende organisatie, niet beide."))
            if _ok(dienstonderdeel) and not ctx.scope.omvat(ministerie.pk, dienstonderdeel.pk if dienstonderdeel else None):
                self.fout(
                    MINISTERIE,
                    _("U mag geen ICT-activiteiten invoeren of wijzigen voor %(org)s (B14, art 16.4).")
                    % {"org": f"{ministerie.afkorting} / {dienstonderdeel}" if dienstonderdeel else ministerie.afkorting},
                )
        if self.heeft(DIENSTONDERDEEL) or not bestaand:
            velden["dienstonderdeel"] = dienstonderdeel
        if self.heeft(ZBO) or not bestaand:
            velden["zbo"] = zbo
        naam = self.tekstveld(NAAM, "naam")
        if naam == "":
            self.fout(NAAM, _("Vul de naam van de ICT-activiteit in."))
        velden["naam"] = naam
        velden["soort"] = self.lees(SOORT, ctx.soort)
        velden["startdatum"] = self.lees(STARTDATUM, datum)
        for kolom, veld in (
            (ONDERWERP, "onderwerp"),
            (DIENSTVERLENING, "dienstverlening"),
            (WIJ_VERBETEREN_OP, "wij_verbeteren_op"),
            (OPDRACHTGEVER, "opdrachtgevende_organisatie"),
            (REDEN_VAN_STARTEN, "reden_van_starten"),
            (DOEL, "doel"),
            (SAMENVATTING, "samenvatting"),
        ):
            if self.heeft(kolom) or not bestaand:
                velden[veld] = self.tekstveld(kolom, veld)
        if self.heeft(MAATWERK) or not bestaand:
            velden["maatwerk"] = self.lees(MAATWERK, ja_nee)
        if self.heeft(ONTWIKKELWIJZE) or not bestaand:
            velden["ontwikkelwijze"] = self.lees(ONTWIKKELWIJZE, ctx.ontwikkelwijze, leeg_mag=True)
        return velden

    # -- events ------------------------------------------------------------
    def _bedragen(self, kolomnaam_: Callable) -> dict | Any:
        uit = {}
        for cat in KOSTENCATEGORIEEN:
            waarde = self.lees(kolomnaam_(cat), bedrag)
            uit[cat] = Decimal("0.00") if waarde is None else waarde
        return uit if _ok(*uit.values()) else _FOUT

    def _controleer_totaal(self, kolom: str, bedragen) -> None:
        totaal = self.lees(kolom, bedrag)
        if _ok(totaal, bedragen) and totaal is not None and totaal != _som(bedragen):
            self.fout(
                kolom,
                _(
                    "%(totaal)s is niet de som van de bedragen per kostencategorie (%(som)s). Dit totaal wordt berekend: pas de bedragen per kostencategorie aan."
                )
                % {"totaal": f"{totaal:.2f}", "som": f"{_som(bedragen):.2f}"},
            )

    def _historie(self) -> list[_Ev] | None:
        """The events of the column Historie (JSON) for a new activity; None when absent or empty."""
        if not self.heeft(HISTORIE) or _leeg(self.w.get(HISTORIE)):
            return None
        try:
            items = json.loads(tekst(self.w.get(HISTORIE)))
            if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
                raise ValueError
            if len(items) > MAX_HISTORIE:
                self.fout(HISTORIE, _("Meer dan %(n)s gebeurtenissen in één historie.") % {"n": MAX_HISTORIE})
                return _FOUT
        except ValueError:
            self.fout(
                HISTORIE, _("Geen geldige historie: verwacht een JSON-lijst van gebeurtenissen (zoals in de export), of laat de cel leeg.")
            )
            return _FOUT
        evs = []
        fouten_voor = len(self.fouten)
        for nr, item in enumerate(items, start=1):

            def f(reden, nr=nr):
                self.fout(HISTORIE, _("Gebeurtenis %(nr)s: %(reden)s") % {"nr": nr, "reden": reden})

            soort = item.get("soort")
            verwacht = [Gebeurtenis.Soort.INITIEEL] if nr == 1 else [Gebeurtenis.Soort.RAPPORTAGE, Gebeurtenis.Soort.HERIJKING]
            if soort not in verwacht:
                f(_("soort moet %(s)s zijn.") % {"s": " of ".join(verwacht)})
                continue
            try:
                d = datum(item.get("datum"))
                e = datum(item.get("einddatum"))
                bedragen = {}
                for sleutel in ("geschat", "gerealiseerd"):
                    waarden = item.get(sleutel) or {}
                    if not isinstance(waarden, dict) or set(waarden) - set(KOSTENCATEGORIEEN):
                        raise _Ongeldig(_("%(s)s bevat onbekende kostencategorieën.") % {"s": sleutel})
                    bedragen[sleutel] = {c: bedrag(waarden.get(c)) or Decimal("0.00") for c in KOSTENCATEGORIEEN}
                redenen = [self.ctx.reden(str(r)) for r in (item.get("redenen") or [])]
            except _Ongeldig as exc:
                f(exc.reden)
                continue
            if d is None:
                f(_("de datum ontbreekt."))
                continue
            evs.append(
                _Ev(
                    soort,
                    d,
                    e,
                    bedragen["geschat"],
                    bedragen["gerealiseerd"],
                    str(item.get("toelichting_kosten") or ""),
                    str(item.get("toelichting_einddatum") or ""),
                    redenen,
                )
            )
        return evs if len(self.fouten) == fouten_voor else _FOUT

    def _gebeurtenissen(self, bestaand, hist: _Historie | None, historie, startdatum, plan) -> dict:
        """Compare the initial and current figures of the row with the history; plan baseline correction and a new event."""
        uit = {"basis": None, "historie": [], "baseline": {}, "nieuw": None}
        init_datum = self.lees(INITIELE_DATUM, datum) if self.heeft(INITIELE_DATUM) else None
        init_eind = self.lees(INITIELE_EINDDATUM, datum)
        init_bedragen = self._bedragen(kolom_initieel)
        act_eind = self.lees(ACTUELE_EINDDATUM, datum)
        act_bedragen = self._bedragen(kolom_actueel)
        ger_bedragen = self._bedragen(kolom_gerealiseerd)
        peildatum = self.lees(PEILDATUM, datum) if self.heeft(PEILDATUM) else None
        if peildatum is None:
            peildatum = self.peildatum
        toel_k = tekst(self.w.get(TOELICHTING_KOSTEN)) if self.heeft(TOELICHTING_KOSTEN) else None
        toel_e = tekst(self.w.get(TOELICHTING_EINDDATUM)) if self.heeft(TOELICHTING_EINDDATUM) else None
        redenen = []
        for deel in splits_lijst(self.w.get(REDEN_HERIJKING)):
            r = self.lees(REDEN_HERIJKING, lambda w, deel=deel: self.ctx.reden(deel))
            if _ok(r) and r not in redenen:
                redenen.append(r)
        if _ok(init_bedragen, act_bedragen) and any(Decimal("0") < _som(b) < MILJOENENGRENS for b in (init_bedragen, act_bedragen)):
            self.waarschuwing(
                ACTUEEL_TOTAAL, _("Het totaal is kleiner dan 1.000 euro. Bedragen staan in het bestand in euro's, niet in miljoenen.")
            )
        self._controleer_totaal(INITIEEL_TOTAAL, init_bedragen)
        self._controleer_totaal(ACTUEEL_TOTAAL, act_bedragen)
        self._controleer_totaal(UITGAVEN, ger_bedragen)
        if _ok(startdatum) and startdatum:
            for kolom, e in ((INITIELE_EINDDATUM, init_eind), (ACTUELE_EINDDATUM, act_eind)):
                if _ok(e) and e and e <= startdatum:
                    self.fout(kolom, _("De einddatum (%(e)s) moet na de startdatum (%(s)s) liggen.") % {"e": _d(e), "s": _d(startdatum)})
        if not _ok(init_eind, init_bedragen, init_datum, historie):
            return uit

        # -- the history before this row ------------------------------------
        if hist is None:  # a new activity
            if historie:
                evs = historie
                hist = _Historie.van(evs)
                eerste = evs[0]
                for kolom, ok in (
                    (INITIELE_DATUM, init_datum is None or init_datum == eerste.datum),
                    (INITIELE_EINDDATUM, init_eind == eerste.einddatum),
                    *((kolom_initieel(c), init_bedragen[c] == eerste.geschat[c]) for c in KOSTENCATEGORIEEN),
                ):
                    if not ok:
                        self.fout(
                            kolom,
                            _(
                                "Wijkt af van de initiële baseline in %(h)s. Maak die kolom leeg om de activiteit uit de kolommen op te bouwen."
                            )
                            % {"h": HISTORIE},
                        )
                if _ok(startdatum) and startdatum:
                    for nr, ev in enumerate(evs, start=1):
                        if ev.einddatum and ev.einddatum <= startdatum:
                            self.fout(
                                HISTORIE,
                                _("Gebeurtenis %(nr)s: de einddatum (%(e)s) moet na de startdatum (%(s)s) liggen.")
                                % {"nr": nr, "e": _d(ev.einddatum), "s": _d(startdatum)},
                            )
                for nr, (voor, na) in enumerate(zip(evs, evs[1:]), start=2):
                    if na.datum < voor.datum:
                        self.fout(HISTORIE, _("Gebeurtenis %(nr)s ligt vóór de vorige: de historie moet op datum staan.") % {"nr": nr})
                    if na.soort == Gebeurtenis.Soort.HERIJKING and (
                        not na.redenen or not (na.toelichting_kosten.strip() or na.toelichting_einddatum.strip())
                    ):
                        self.fout(HISTORIE, _("Gebeurtenis %(nr)s: een herijking heeft redenen en een toelichting.") % {"nr": nr})
                    if na.soort == Gebeurtenis.Soort.RAPPORTAGE and na.redenen:
                        self.fout(HISTORIE, _("Gebeurtenis %(nr)s: redenen horen alleen bij een herijking.") % {"nr": nr})
                uit["basis"], uit["historie"] = evs[0], list(evs[1:])
            else:
                d = init_datum or (startdatum if _ok(startdatum) else None)
                if d is None:
                    self.fout(
                        INITIELE_DATUM if self.heeft(INITIELE_DATUM) else STARTDATUM,
                        _("Vul de startdatum of de initiële datum in: de datum van de initiële baseline."),
                    )
                    return uit
                basis = _Ev(Gebeurtenis.Soort.INITIEEL, d, init_eind, dict(init_bedragen), _nul())
                # One event only when the current figures are the initial ones (then the file's spend is the baseline's).
                if (
                    _ok(act_eind, act_bedragen, ger_bedragen, peildatum)
                    and (peildatum is None or peildatum == d)
                    and act_eind == init_eind
                    and act_bedragen == init_bedragen
                    and not redenen
                ):
                    basis.gerealiseerd = dict(ger_bedragen)
                    basis.toelichting_kosten = toel_k or ""
                    basis.toelichting_einddatum = toel_e or ""
                hist = _Historie(basis, basis, 1, set())
                uit["basis"] = basis
        else:  # an existing activity: the initial columns may change only while the baseline is the only event
            eerste = hist.eerste
            wijziging = {}
            if init_datum is not None and init_datum != eerste.datum:
                wijziging["datum"] = (INITIELE_DATUM, init_datum)
            if init_eind != eerste.einddatum:
                wijziging["einddatum"] = (INITIELE_EINDDATUM, init_eind)
            for c in KOSTENCATEGORIEEN:
                if init_bedragen[c] != eerste.geschat[c]:
                    wijziging[f"geschat_{c}"] = (kolom_initieel(c), init_bedragen[c])
            if wijziging and hist.aantal > 1:
                for veld, (kolom, _w) in wijziging.items():
                    oud = _d(getattr(eerste, veld)) if veld in ("datum", "einddatum") else f"{eerste.geschat[veld[8:]]:.2f}"
                    self.fout(
                        kolom,
                        _(
                            "De initiële baseline ligt vast zodra er een latere rapportage of herijking is (nu %(oud)s). Leg een wijziging vast als herijking in de actuele kolommen."
                        )
                        % {"oud": oud},
                    )
                return uit
            if wijziging:
                uit["baseline"] = {veld: w for veld, (_k_, w) in wijziging.items()}
                eerste = _Ev(
                    eerste.soort,
                    wijziging.get("datum", (None, eerste.datum))[1],
                    wijziging.get("einddatum", (None, eerste.einddatum))[1],
                    {c: wijziging.get(f"geschat_{c}", (None, eerste.geschat[c]))[1] for c in KOSTENCATEGORIEEN},
                    eerste.gerealiseerd,
                    eerste.toelichting_kosten,
                    eerste.toelichting_einddatum,
                    eerste.redenen,
                )
                hist = _Historie(eerste, eerste, 1, hist.bekend)

        # -- the current figures ------------------------------------------------
        if not _ok(act_eind, act_bedragen, ger_bedragen, peildatum):
            return uit
        laatste = hist.laatste
        bekend = hist.bekend
        weg = [r for r in self.ctx.redenen if r.pk in bekend and r not in redenen]
        if weg:
            self.fout(
                REDEN_HERIJKING,
                _("Een eerdere herijking kan niet worden verwijderd; ontbrekende reden(en): %(r)s.")
                % {"r": "; ".join(r.naam for r in weg)},
            )
        nieuwe_redenen = [r for r in redenen if r.pk not in bekend]
        cijfers_anders = act_eind != laatste.einddatum or act_bedragen != laatste.geschat or ger_bedragen != laatste.gerealiseerd
        datum_anders = peildatum is not None and peildatum != laatste.datum
        if cijfers_anders or datum_anders or nieuwe_redenen:
            if peildatum is None:
                self.fout(
                    PEILDATUM,
                    _("De actuele cijfers wijken af van de laatste gebeurtenis (%(d)s): vul de peildatum van de nieuwe rapportage in.")
                    % {"d": _d(laatste.datum)},
                )
                return uit
            if peildatum < laatste.datum:
                self.fout(
                    PEILDATUM,
                    _("De peildatum ligt vóór de laatste gebeurtenis (%(d)s): de historie wordt alleen aangevuld.")
                    % {"d": _d(laatste.datum)},
                )
                return uit
            soort = Gebeurtenis.Soort.HERIJKING if nieuwe_redenen else Gebeurtenis.Soort.RAPPORTAGE
            ev = _Ev(soort, peildatum, act_eind, dict(act_bedragen), dict(ger_bedragen), toel_k or "", toel_e or "", nieuwe_redenen)
            if soort == Gebeurtenis.Soort.HERIJKING and not (ev.toelichting_kosten.strip() or ev.toelichting_einddatum.strip()):
                self.fout(
                    TOELICHTING_KOSTEN, _("Een herijking heeft een toelichting: vul de toelichting wijziging kosten of einddatum in.")
                )
            uit["nieuw"] = ev
        elif (toel_k is not None and toel_k != tekst(laatste.toelichting_kosten)) or (
            toel_e is not None and toel_e != tekst(laatste.toelichting_einddatum)
        ):
            kolom = TOELICHTING_KOSTEN if toel_k is not None and toel_k != tekst(laatste.toelichting_kosten) else TOELICHTING_EINDDATUM
            self.fout(
                kolom,
                _(
                    "De toelichting hoort bij de laatste gebeurtenis (%(d)s) en die wordt nooit overschreven. Leg een nieuwe rapportage vast (andere peildatum of cijfers) of laat de toelichting ongewijzigd."
                )
                % {"d": _d(laatste.datum)},
            )
        return uit

    # -- status --------------------------------------------------------------
    def _status(self, bestaand, velden, startdatum) -> list[Stap]:
        status = self.lees(STATUS, self.ctx.status)
        decharge = self.lees(DECHARGEDATUM, datum) if self.heeft(DECHARGEDATUM) else None
        annulering = self.lees(ANNULERINGSDATUM, datum) if self.heeft(ANNULERINGSDATUM) else None
        reden = tekst(self.w.get(REDEN_ANNULERING)) if self.heeft(REDEN_ANNULERING) else None
        if not _ok(status, decharge, annulering):
            return []
        huidig = bestaand.status if bestaand else Status.NOG_NIET_GESTART
        with translation.override("nl"):
            label = str(Status(status).label)
        # What only a status transition sets must match the database (or be about to be set).
        for kolom, waarde, oud, hoort_bij in (
            (DECHARGEDATUM, decharge, bestaand.dechargedatum if bestaand else None, Status.AFGEROND),
            (ANNULERINGSDATUM, annulering, bestaand.annuleringsdatum if bestaand else None, Status.GEANNULEERD),
            (REDEN_ANNULERING, reden, bestaand.reden_annulering if bestaand else "", Status.GEANNULEERD),
        ):
            gelijk = waarde == tekst(oud) if isinstance(waarde, str) else waarde == oud
            if waarde is None or gelijk:
                continue
            if status == hoort_bij and huidig != hoort_bij:
                continue  # set by the transition below
            if status != hoort_bij:
                self.fout(kolom, _("Hoort alleen bij de status %(s)s; laat deze cel leeg.") % {"s": Status(hoort_bij).label})
            else:
                self.fout(
                    kolom,
                    _("Wordt vastgelegd bij de overgang naar %(s)s en kan daarna niet meer worden gewijzigd (nu %(oud)s).")
                    % {"s": label, "oud": _d(oud) if isinstance(oud, datetime.date) else (oud or "—")},
                )
        if status == huidig:
            return []
        pad = statuspad(huidig, status)
        if pad is None:
            with translation.override("nl"):
                self.fout(
                    STATUS,
                    _("Van '%(van)s' naar '%(naar)s' kan niet volgens de statusdefinities.") % {"van": Status(huidig).label, "naar": label},
                )
            return []
        stappen = []
        for stap in pad:
            kwargs = {"status": stap}
            if stap == Status.IN_UITVOERING and not (_ok(startdatum) and startdatum):
                self.fout(STARTDATUM, _("Een activiteit in uitvoering heeft een startdatum."))
            if stap == Status.AFGEROND:
                if not decharge:
                    self.fout(
                        DECHARGEDATUM,
                        _("'Afgerond' betekent dat decharge is verleend: vul de dechargedatum in.")
                        if self.heeft(DECHARGEDATUM)
                        else _("'Afgerond' betekent dat decharge is verleend: neem de kolom Dechargedatum op en vul hem in."),
                    )
                elif _ok(startdatum) and startdatum and decharge < startdatum:
                    self.fout(DECHARGEDATUM, _("De dechargedatum ligt vóór de startdatum."))
                kwargs["dechargedatum"] = decharge
            if stap == Status.GEANNULEERD:
                if not annulering:
                    self.fout(ANNULERINGSDATUM, _("Vul de datum in waarop de activiteit is gestopt."))
                if not (reden or "").strip():
                    self.fout(REDEN_ANNULERING, _("Geef de reden van de annulering."))
                kwargs["annuleringsdatum"] = annulering
                kwargs["reden"] = reden or ""
            stappen.append(Stap("status", kwargs, STATUS_KOLOMMEN, standaardkolom=STATUS))
        # The start gate (art 5.3, from the oordelen app) for an existing activity; for a new one it runs in the service.
        if bestaand is not None and huidig == Status.NOG_NIET_GESTART and Status.IN_UITVOERING in pad:
            for voorwaarde in services.STARTVOORWAARDEN:
                try:
                    voorwaarde(bestaand)
                except ValidationError as exc:
                    for reden_ in exc.messages:
                        self.fout(STATUS, reden_)
        return stappen

    # -- lists ---------------------------------------------------------------
    def _partijen(self, bestaand) -> tuple[list, list]:
        if not self.heeft(ONTWIKKELPARTIJEN):
            return [], []
        gelezen = lees_partijen(self.w.get(ONTWIKKELPARTIJEN))
        fout = False
        for partij, rol in gelezen:
            p = Ontwikkelpartij(partij=partij, rol=rol)
            try:
                p.clean_fields(exclude=["activiteit"])
            except ValidationError as exc:
                fout = True
                for berichten in exc.message_dict.values():
                    self.fout(ONTWIKKELPARTIJEN, f"{partij_tekst(partij, rol)}: {' '.join(berichten)}")
        if fout:
            return [], []
        oud = list(bestaand.ontwikkelpartijen.all()) if bestaand else []
        gelijk = 0
        while gelijk < min(len(oud), len(gelezen)) and (oud[gelijk].partij, oud[gelijk].rol) == gelezen[gelijk]:
            gelijk += 1
        return [Ontwikkelpartij(partij=p, rol=r) for p, r in gelezen[gelijk:]], oud[gelijk:]

    def _lijsten(self, bestaand) -> list:
        """The list items of the JSON columns for a new activity (model instances, validated)."""
        onderdelen = []
        for kolom, (model, _related, velden) in LIJSTEN.items():
            if not self.heeft(kolom):
                continue
            waarde = tekst(self.w.get(kolom))
            if bestaand is not None:
                if waarde and _normaliseer_json(waarde) != _normaliseer_json(
                    lijst_json(self.ctx.lijsten.get(kolom, {}).get(bestaand.pk, []), velden)
                ):
                    self.waarschuwing(
                        kolom,
                        _(
                            "Wijkt af van het register; deze kolom wordt alleen bij een nieuwe ICT-activiteit ingelezen. Wijzig de lijst op de pagina van de activiteit."
                        ),
                    )
                continue
            if not waarde:
                continue
            try:
                items = json.loads(waarde)
                if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
                    raise ValueError
            except ValueError:
                self.fout(kolom, _("Geen geldige JSON-lijst (zoals in de export)."))
                continue
            for nr, item in enumerate(items, start=1):
                onbekend = set(item) - set(velden)
                if onbekend:
                    self.fout(kolom, _("Onderdeel %(nr)s: onbekende velden %(v)s.") % {"nr": nr, "v": ", ".join(sorted(onbekend))})
                    continue
                obj = model(**{v: item[v] for v in velden if v in item and item[v] is not None})
                try:
                    obj.full_clean(exclude=["activiteit"], validate_unique=False, validate_constraints=False)
                except ValidationError as exc:
                    for veld, berichten in exc.message_dict.items():
                        self.fout(
                            kolom, _("Onderdeel %(nr)s, %(veld)s: %(reden)s") % {"nr": nr, "veld": veld, "reden": " ".join(berichten)}
                        )
                    continue
                onderdelen.append(obj)
        if bestaand is None:
            for kolom, aantal_kolom in ((BATEN, AANTAL_BATEN), (MIJLPALEN, AANTAL_MIJLPALEN), (KWALITEITSTOETSEN, AANTAL_ACICT)):
                try:
                    aantal = geheel_getal(self.w.get(aantal_kolom))
                except _Ongeldig:
                    aantal = None
                if aantal and (not self.heeft(kolom) or not tekst(self.w.get(kolom))):
                    self.waarschuwing(
                        aantal_kolom,
                        _("Het bestand noemt %(n)s, maar bevat de lijst zelf niet (kolom %(k)s): die wordt niet aangemaakt.")
                        % {"n": aantal, "k": kolom},
                    )
        return onderdelen


def _normaliseer_json(waarde: str) -> Any:
    try:
        return json.loads(waarde) if waarde else []
    except ValueError:
        return waarde


def _kolommen_van(rijen) -> list[str]:
    kolommen = getattr(rijen, "kolommen", None)
    if kolommen:
        return list(kolommen)
    gezien = {}
    for rij in rijen:
        for k in rij:
            gezien.setdefault(kolomnaam(k), None)
    return list(gezien)


def controleren(rijen, actor, *, peildatum: datetime.date | None = None, _vergrendelen: bool = False) -> Controle:
    """The dry run: check every row against the database and the actor's rights, collect ALL errors. Never writes.

    ``peildatum``: the date of new rapportages for rows whose Peildatum actueel is absent or empty.
    """
    controle = Controle()
    controle.fouten.extend(getattr(rijen, "fouten", []))
    controle.waarschuwingen.extend(getattr(rijen, "waarschuwingen", []))
    kolommen = _kolommen_van(rijen)
    for k in kolommen:
        if k not in KOLOM:
            controle.waarschuwingen.append(Fout(1, k, _("Onbekende kolom; wordt genegeerd.")))
    for k in VERPLICHT:
        if k not in kolommen:
            controle.fouten.append(Fout(1, k, _("Deze verplichte kolom ontbreekt in de kopregel.")))
    if controle.fouten:
        return controle
    if not any(any(not _leeg(w) for w in rij.values()) for rij in rijen):
        controle.fouten.append(Fout(None, "", _("Het bestand bevat geen ICT-activiteiten, alleen een kopregel.")))
        return controle
    rijnummers = list(getattr(rijen, "rijnummers", None) or range(2, len(rijen) + 2))
    if isinstance(rijen, Rijen):  # inlezen already used the canonical column names
        genormaliseerd = rijen
    else:
        genormaliseerd = [{kolomnaam(k): v for k, v in rij.items()} for rij in rijen]

    nummers: dict[int, int] = {}
    gelezen_nummers = []
    for rijnummer, rij in zip(rijnummers, genormaliseerd):
        try:
            nummer = geheel_getal(rij.get(NUMMER))
            if nummer is not None and nummer <= 0:
                raise _Ongeldig(_("Het nummer is een positief geheel getal."))
        except _Ongeldig as exc:
            controle.fouten.append(Fout(rijnummer, NUMMER, exc.reden))
            nummer = _FOUT
        gelezen_nummers.append(nummer)
        if _ok(nummer) and nummer is not None:
            if nummer in nummers:
                controle.fouten.append(
                    Fout(rijnummer, NUMMER, _("Nummer %(nr)s komt ook voor in rij %(rij)s.") % {"nr": nummer, "rij": nummers[nummer]})
                )
            else:
                nummers[nummer] = rijnummer

    # The lists of existing activities are only compared (for a warning) when the file fills such a column.
    lijstkolommen = [k for k in LIJSTEN if any(not _leeg(rij.get(k)) for rij in genormaliseerd)]
    ctx = _Context(actor, set(nummers), _vergrendelen, lijstkolommen)
    if ctx.scope.leeg:
        controle.fouten.append(Fout(None, "", _("U heeft geen recht om ICT-activiteiten in te voeren of te wijzigen.")))
    kolomset = set(kolommen)
    for rijnummer, rij, nummer in zip(rijnummers, genormaliseerd, gelezen_nummers):
        rc = _Rijcontrole(ctx, rijnummer, rij, kolomset, peildatum)
        plan = rc.controleren(nummer)
        if nummer is _FOUT or (nummer is not None and nummers.get(nummer) != rijnummer):
            plan.fout = True
        controle.fouten.extend(rc.fouten)
        controle.waarschuwingen.extend(rc.waarschuwingen)
        controle.rijen.append(plan)
    return controle
