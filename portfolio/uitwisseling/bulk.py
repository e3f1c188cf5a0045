"""The import's steps per batch (``uitvoeren``): the rules and audit records of the services, with bulk reads and writes.

``uitvoering.importeren`` runs the plan of a file. One service call per step
costs 10 to 40 queries (a lock, a fresh copy, full_clean's look-ups, a version
bump, an audit insert): 5,000 rows took minutes. Here the rows are taken in
batches of ``PARTIJ`` and each step kind is applied to all rows of a batch at
once, with a constant number of queries per batch whatever its size:

* read once per batch what the services read per call: the date of the last
  event in force and the initial baseline's end date of the existing
  activities, which of the new numbers are taken;
* check every row with the services' own rules (``services.gebeurtenis_opbouwen``,
  ``_valideer_organisatie``, ``_valideer_startdatum``, ``_valideer_gebeurtenis``,
  ``full_clean``, ``STARTVOORWAARDEN``, the transitions of ``OVERGANGEN``); what
  ``full_clean`` would look up per row (the unique Nummer, the foreign keys, the
  check constraint on one uitvoerende organisatie) is checked in memory or with
  the batch's one query: the organisations come from the check's context,
  read in the same transaction, and the database's constraints still hold;
* write with ``bulk_create``/``bulk_update`` per model and round; the audit
  records are the ones the services write (same actie, object, voor, na, reden,
  scope: ``audit.opbouwen``), appended in one insert per batch in the order the
  services would have written them.

The version bumps of the services (``_verhoog_versie``: versie + 1 and
gewijzigd_op per call) are followed in memory, so every audit snapshot shows the
versie the per-call path shows, and written once per batch.

``bulk_create`` and ``bulk_update`` send no ``post_save``: no receiver listens to
the models written here (``publicatiecache.PUBLIEKE_STAMDATA`` lists what is
public stamdata; tests/portfolio/test_uitwisseling_bulk.py fails when a receiver
is connected to one of them). The hooks of the apps above (``STARTVOORWAARDEN``,
the art 5.3 start gate of oordelen) are called per activity as before.

A step kind this module does not do in bulk (the correction of an initial
baseline, ``baseline``, rare) sends its whole row through the services, as do all
rows of a batch in which the database refused a bulk write (its savepoint is
rolled back), so the failing rows are reported one by one as before.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import DatabaseError, connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from cio_stelsel import audit

from .. import peildatumstand, services
from ..models import ActiviteitHistorie, Gebeurtenis, IctActiviteit, Status
from .lezen import Fout
from .plan import Rijplan, Stap

PARTIJ = 500  # rows per batch: one set of bulk queries and one progress report per batch
IN_BULK = {"aanmaken", "gebeurtenis", "wijzigen", "status"}
_ORGANISATIEVELDEN = ["ministerie", "dienstonderdeel", "zbo"]
_STATUSVELDEN = ["status", "dechargedatum", "annuleringsdatum", "reden_annulering"]


@dataclass
class _Rij:
    """A row of the batch while its steps run: the activity in memory and what the checks need of its history."""

    plan: Rijplan
    nummer: int | None
    volgorde: int
    obj: IctActiviteit | None = None
    laatste_datum: datetime.date | None = None
    initiele_einddatum: datetime.date | None = None
    stap: int = 0
    fout: Exception | None = None
    fout_stap: Stap | None = None
    audit: list = field(default_factory=list)  # (step number, record)

    def volgende_groep(self) -> list[Stap]:
        """The next steps to run in one round: a run of events, or one other step."""
        stappen = self.plan.stappen
        if self.fout is not None or self.stap >= len(stappen):
            return []
        eerste = stappen[self.stap]
        groep = [eerste]
        if eerste.soort == "gebeurtenis":
            while self.stap + len(groep) < len(stappen) and stappen[self.stap + len(groep)].soort == "gebeurtenis":
                groep.append(stappen[self.stap + len(groep)])
        return groep


def _activiteit_valideren(a: IctActiviteit, nummer_bezet: bool) -> None:
    """``a.full_clean()`` and the services' organisation and start date rules, without a query.

    ``full_clean`` would look up each foreign key, the unique Nummer and the check
    constraint in the database; the organisations come from the check's context,
    the Nummer was looked up for the batch, and the constraint is evaluated here.
    """
    fouten: dict[str, list] = {}
    try:
        a.full_clean(exclude=_ORGANISATIEVELDEN, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        fouten.update(exc.message_dict)
    if nummer_bezet:
        fouten.setdefault("nummer", []).append(a.unique_error_message(IctActiviteit, ["nummer"]).messages[0])
    if a.dienstonderdeel_id and a.zbo_id:
        (beperking,) = [c for c in IctActiviteit._meta.constraints if c.name == "activiteit_een_uitvoerende_organisatie"]
        fouten.setdefault(NON_FIELD_ERRORS, []).append(beperking.get_violation_error_message())
    if fouten:
        raise ValidationError(fouten)
    services._valideer_organisatie(a)
    services._valideer_startdatum(a)


def _bijwerken(objs: list[IctActiviteit], velden: list[str]) -> None:
    """``bulk_update(objs, velden)`` as one ``WITH v AS (VALUES ...) UPDATE ... FROM v`` per 500 rows.

    Django's ``bulk_update`` builds a ``When(pk=...)`` expression per row and field and
    the database then searches a CASE of 500 branches per row: for a batch of 500
    activities that took longer than inserting all their events. PostgreSQL and
    SQLite (3.33 and later) both join the VALUES list instead.
    """
    meta = IctActiviteit._meta
    velden_ = [meta.get_field(v) for v in velden]
    qn = connection.ops.quote_name
    casten = connection.vendor == "postgresql"  # the VALUES' parameters have no column type there
    namen = ["id", *(f"w{i}" for i in range(len(velden_)))]
    zetten = ", ".join(
        f"{qn(veld.column)} = " + (f"CAST(v.{naam} AS {veld.cast_db_type(connection)})" if casten else f"v.{naam}")
        for naam, veld in zip(namen[1:], velden_)
    )
    rij = "(" + ", ".join(["%s"] * len(namen)) + ")"
    for start in range(0, len(objs), 500):
        deel = objs[start : start + 500]
        params = []
        for obj in deel:
            params.append(obj.pk)
            params += [veld.get_db_prep_save(getattr(obj, veld.attname), connection) for veld in velden_]
        sql = (
            f"WITH v ({', '.join(namen)}) AS (VALUES {', '.join([rij] * len(deel))}) "
            f"UPDATE {qn(meta.db_table)} SET {zetten} FROM v WHERE {qn(meta.db_table)}.{qn(meta.pk.column)} = v.id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)


def _verhoog_versie(a: IctActiviteit) -> None:
    """What ``services._verhoog_versie`` does to the row, in memory (written once per batch)."""
    a.versie += 1
    a.gewijzigd_op = timezone.now()


class _Partij:
    """One batch of rows: its steps in rounds, each round in bulk."""

    def __init__(self, rijen: list[_Rij], actor):
        self.rijen = rijen
        self.actor = actor
        self.vandaag = timezone.localdate()
        self.statusrij = False
        self.gewijzigde_velden: set[str] = set()

    # -- reads, once per batch ---------------------------------------------------
    def lezen(self) -> None:
        bestaand = {r.obj.pk: r for r in self.rijen if r.obj is not None}
        if bestaand:
            laatste = (
                Gebeurtenis.objects.geldend()
                .filter(activiteit_id__in=list(bestaand))
                .values("activiteit_id")
                .annotate(d=Max("datum"))
                .values_list("activiteit_id", "d")
            )
            for pk, d in laatste:
                bestaand[pk].laatste_datum = d
            initieel = Gebeurtenis.objects.filter(activiteit_id__in=list(bestaand), soort=Gebeurtenis.Soort.INITIEEL)
            for pk, einde in initieel.values_list("activiteit_id", "einddatum"):
                bestaand[pk].initiele_einddatum = einde
        nieuw = [r.nummer for r in self.rijen if r.obj is None and r.nummer]
        self.bezet = set(IctActiviteit.objects.filter(nummer__in=nieuw).values_list("nummer", flat=True)) if nieuw else set()
        if nieuw:
            # Serialise number assignment as activiteit_aanmaken does: lock the highest.
            IctActiviteit.objects.select_for_update().order_by("-nummer").values_list("pk", flat=True).first()

    # -- the rounds ------------------------------------------------------------
    def uitvoeren(self) -> None:
        self.lezen()
        while True:
            ronde = [(r, r.volgende_groep()) for r in self.rijen]
            ronde = [(r, g) for r, g in ronde if g]
            if not ronde:
                break
            per_soort: dict[str, list] = {}
            for r, groep in ronde:
                per_soort.setdefault(groep[0].soort, []).append((r, groep))
            for soort, werk in per_soort.items():
                getattr(self, f"_{soort}")(werk)
            for r, groep in ronde:
                if r.fout is None:
                    r.stap += len(groep)
        self.afronden()

    def _mislukt(self, r: _Rij, stap: Stap, exc: Exception) -> None:
        r.fout, r.fout_stap = exc, stap

    def _mag_bewerken(self, a: IctActiviteit) -> None:
        services._mag_bewerken(self.actor, a.ministerie_id, a.dienstonderdeel_id)

    # aanmaken: services.activiteit_aanmaken
    def _aanmaken(self, werk) -> None:
        klaar = []
        for r, (stap,) in werk:
            kw = stap.kwargs
            try:
                a = IctActiviteit(**{k: v for k, v in kw["gegevens"].items() if k in services.ALGEMENE_VELDEN})
                self._mag_bewerken(a)
                a.nummer = r.nummer
                a.status = Status.NOG_NIET_GESTART
                _activiteit_valideren(a, r.nummer in self.bezet)
                baseline = Gebeurtenis(activiteit=a, soort=Gebeurtenis.Soort.INITIEEL, **kw["initieel"])
                baseline.datum = baseline.datum or a.startdatum or self.vandaag
                services._valideer_gebeurtenis(baseline, a)
                baseline.full_clean(exclude=["activiteit"])
            except (ValidationError, PermissionDenied) as exc:
                self._mislukt(r, stap, exc)
                continue
            klaar.append((r, stap, a, baseline))
        if not klaar:
            return
        IctActiviteit.objects.bulk_create([a for _r, _s, a, _b in klaar])
        for _r, _s, a, b in klaar:
            b.activiteit = a
        Gebeurtenis.objects.bulk_create([b for _r, _s, _a, b in klaar])
        for r, _stap, a, b in klaar:
            r.obj, r.laatste_datum, r.initiele_einddatum = a, b.datum, b.einddatum
            na = audit.momentopname(a)
            na["initieel"] = audit.momentopname(b)
            self._audit(r, actie="activiteit.aangemaakt", obj=a, na=na)

    # gebeurtenis: services.gebeurtenis_toevoegen
    def _gebeurtenis(self, werk) -> None:
        klaar = []
        for r, groep in werk:
            a = r.obj
            nieuw = []
            laatste = r.laatste_datum
            for stap in groep:
                kw = stap.kwargs
                try:
                    self._mag_bewerken(a)
                    redenen = list(kw.get("redenen", ()))
                    g = services.gebeurtenis_opbouwen(
                        actueel=a,
                        soort=kw["soort"],
                        datum=kw["datum"],
                        einddatum=kw["einddatum"],
                        bedragen=kw["bedragen"],
                        toelichting_kosten=kw.get("toelichting_kosten", ""),
                        toelichting_einddatum=kw.get("toelichting_einddatum", ""),
                        redenen=redenen,
                        laatste_datum=laatste,
                    )
                except (ValidationError, PermissionDenied) as exc:
                    self._mislukt(r, stap, exc)
                    break
                laatste = max(laatste, g.datum) if laatste else g.datum
                nieuw.append((stap, g, redenen))
            if r.fout is None:
                klaar.append((r, nieuw))
                r.laatste_datum = laatste
        alle = [(r, stap, g, redenen) for r, nieuw in klaar for stap, g, redenen in nieuw]
        if not alle:
            return
        Gebeurtenis.objects.bulk_create([g for _r, _s, g, _re in alle])
        Koppeling = Gebeurtenis.redenen.through
        Koppeling.objects.bulk_create(
            [Koppeling(gebeurtenis_id=g.pk, redenherijking_id=reden.pk) for _r, _s, g, redenen in alle for reden in redenen]
        )
        for r, stap, g, redenen in alle:
            _verhoog_versie(r.obj)
            na = audit.momentopname(g)
            na["redenen"] = [reden.code for reden in redenen]
            self._audit(r, actie=f"gebeurtenis.{g.soort}", obj=g, na=na, stap=stap)

    # wijzigen: services.activiteit_wijzigen
    def _wijzigen(self, werk) -> None:
        klaar = []
        for r, (stap,) in werk:
            a = r.obj
            kw = stap.kwargs
            try:
                self._mag_bewerken(a)
                voor = audit.momentopname(a)
                oude_naam, oude_organisatie = a.naam, peildatumstand.organisatie_waarde(a)
                for veld, waarde in kw["gegevens"].items():
                    if veld in services.ALGEMENE_VELDEN:
                        setattr(a, veld, waarde)
                        self.gewijzigde_velden.add(veld)
                self._mag_bewerken(a)
                _activiteit_valideren(a, False)
                services.startdatum_voor_einde(a, r.initiele_einddatum)
                onderdelen = list(kw.get("onderdelen", ()))
                for obj in onderdelen:
                    if obj.activiteit_id not in (None, a.pk):
                        raise PermissionDenied(_("Dit onderdeel hoort bij een andere ICT-activiteit."))
                    obj.activiteit = a
                    obj.full_clean(exclude=["activiteit"])
                verwijderen = list(kw.get("verwijderen", ()))
                for obj in verwijderen:
                    if obj.activiteit_id != a.pk:
                        raise PermissionDenied(_("Dit onderdeel hoort bij een andere ICT-activiteit."))
            except (ValidationError, PermissionDenied) as exc:
                self._mislukt(r, stap, exc)
                continue
            a.gewijzigd_op = timezone.now()  # a.save() (auto_now)
            historie = [
                ActiviteitHistorie(activiteit=a, veld=veld, oud=oud, nieuw=nieuw, geldig_vanaf=self.vandaag, vastgelegd_door=self._door())
                for veld, oud, nieuw in (
                    ("naam", oude_naam, a.naam),
                    ("organisatie", oude_organisatie, peildatumstand.organisatie_waarde(a)),
                )
                if oud != nieuw
            ]
            klaar.append((r, stap, voor, historie, onderdelen, verwijderen))
        if not klaar:
            return
        ActiviteitHistorie.objects.bulk_create([h for k in klaar for h in k[3]])
        per_model: dict = {}
        for k in klaar:
            for obj in k[4]:
                per_model.setdefault(type(obj), []).append(obj)
        for model, objs in per_model.items():
            model.objects.bulk_create(objs)
        weg: dict = {}
        for k in klaar:
            for obj in k[5]:
                weg.setdefault(type(obj), []).append(obj.pk)
        for model, pks in weg.items():
            model.objects.filter(pk__in=pks).delete()
        for r, stap, voor, _h, onderdelen, verwijderen in klaar:
            lijsten = [f"{o._meta.model_name}:{o.pk}" for o in onderdelen] + [f"-{o._meta.model_name}:{o.pk}" for o in verwijderen]
            _verhoog_versie(r.obj)
            na = audit.momentopname(r.obj)
            na["onderdelen"] = lijsten
            self._audit(r, actie="activiteit.gewijzigd", obj=r.obj, voor=voor, na=na, stap=stap)

    # status: services.status_wijzigen
    def _status(self, werk) -> None:
        self.statusrij = True
        klaar = []
        for r, (stap,) in werk:
            a = r.obj
            kw = stap.kwargs
            try:
                self._mag_bewerken(a)
                huidig, _nieuw, ingangsdatum = services.status_controleren(actueel=a, **kw)
                voor = audit.momentopname(a)
            except (ValidationError, PermissionDenied) as exc:
                self._mislukt(r, stap, exc)
                continue
            nieuw = Status(kw["status"])
            a.status = nieuw
            if nieuw == Status.AFGEROND:
                a.dechargedatum = kw.get("dechargedatum")
            if nieuw == Status.GEANNULEERD:
                a.annuleringsdatum = kw.get("annuleringsdatum")
                a.reden_annulering = kw.get("reden", "")
            historie = ActiviteitHistorie(
                activiteit=a, veld="status", oud=huidig.value, nieuw=nieuw.value, geldig_vanaf=ingangsdatum, vastgelegd_door=self._door()
            )
            klaar.append((r, stap, voor, historie))
        if not klaar:
            return
        ActiviteitHistorie.objects.bulk_create([k[3] for k in klaar])
        for r, stap, voor, _h in klaar:
            _verhoog_versie(r.obj)
            self._audit(
                r,
                actie="activiteit.status",
                obj=r.obj,
                voor=voor,
                na=audit.momentopname(r.obj),
                reden=stap.kwargs.get("reden", ""),
                stap=stap,
            )

    # -- audit and the final write -------------------------------------------------
    def _door(self):
        return self.actor if getattr(self.actor, "pk", None) else None

    def _audit(self, r: _Rij, stap: Stap | None = None, **kwargs) -> None:
        r.audit.append(audit.opbouwen(actor=self.actor, **kwargs))

    def afronden(self) -> None:
        """Write the versions (and the fields the steps changed) once, then the audit records in the services' order."""
        gedaan = [r for r in self.rijen if r.obj is not None and r.fout is None]
        velden = ["versie", "gewijzigd_op"]
        velden += [v for v in services.ALGEMENE_VELDEN if v in self.gewijzigde_velden]
        if self.statusrij:
            velden += _STATUSVELDEN
        if gedaan:
            _bijwerken([r.obj for r in gedaan], velden)
        records = [record for r in sorted(self.rijen, key=lambda r: r.volgorde) if r.fout is None for record in r.audit]
        if records:
            audit.alle_vastleggen(records)


def uitvoeren(
    plannen: list[Rijplan],
    actor,
    nummers: dict[int, int | None],
    per_rij: Callable[[Rijplan, int | None], None],
    fouten_uit: Callable[[Exception, int, Stap], list[Fout]],
    voortgang: Callable[[int, int], None] | None = None,
) -> list[Fout]:
    """Run the steps of ``plannen`` in batches; returns the errors per row (the caller rolls back if any).

    ``nummers``: the Nummer of each plan (by its row); ``per_rij``: the per-call path through the
    services (for a step this module does not do in bulk, and to name the failing rows of a batch
    the database refused); ``voortgang(done, total)`` after every batch.
    """
    fouten: list[Fout] = []

    def een_voor_een(deel: list[Rijplan]) -> None:
        for plan in deel:
            try:
                per_rij(plan, nummers[plan.rij])
            except (ValidationError, PermissionDenied, DatabaseError) as exc:
                fouten.extend(fouten_uit(exc, plan.rij, plan.huidige_stap))

    for start in range(0, len(plannen), PARTIJ):
        deel = plannen[start : start + PARTIJ]
        los = [p for p in deel if any(s.soort not in IN_BULK for s in p.stappen)]
        samen = [p for p in deel if all(s.soort in IN_BULK for s in p.stappen)]
        een_voor_een(los)
        if samen:
            rijen = [_Rij(plan=p, nummer=nummers[p.rij], volgorde=n, obj=p.activiteit) for n, p in enumerate(samen)]
            versies = {p.rij: p.activiteit.versie for p in samen if p.activiteit is not None}
            try:
                with transaction.atomic():  # a savepoint: a refused bulk write leaves the import usable
                    _Partij(rijen, actor).uitvoeren()
            except DatabaseError:
                for p in samen:
                    if p.activiteit is not None:
                        p.activiteit.refresh_from_db()
                        p.activiteit.versie = versies[p.rij]
                een_voor_een(samen)
            else:
                for r in rijen:
                    if r.fout is not None:
                        fouten.extend(fouten_uit(r.fout, r.plan.rij, r.fout_stap))
        if voortgang is not None:
            voortgang(start + len(deel), len(plannen))
    return fouten
