"""State changes of the Jaarrapportage (B16, art 11 g): start, generate, retry, finalize.

Only the CIO Rijk (``RijksbreedRecht.JAARRAPPORTAGE_OPSTELLEN``) starts,
retries and finalizes; every change is audited in its own transaction.

``jaarrapportage_genereren`` is what the Celery task runs. It is the one
service that is *not* a single transaction: it records its progress in
separate short transactions (so the page can poll it), does the slow work
(reading, HTML, PDF, XLSX) outside any transaction, writes the files, checks
them against their checksum, and only then, in one last transaction, marks
the report ``concept``. A worker killed anywhere before that leaves the report
``bezig`` without a heartbeat: ``Jaarrapportage.is_verweesd`` shows it as
failed and ``jaarrapportage_opnieuw`` restarts it. When the broker delivers
the killed attempt's message again (``acks_late``), the generation finds its
own attempt ``bezig`` and marks it failed at once, instead of running again
(a report that kills its worker, e.g. out of memory, would otherwise loop).
Every attempt carries its number (``poging``): a late message of an earlier
attempt finds another number and does nothing.
"""

import datetime
import logging

from celery.exceptions import SoftTimeLimitExceeded
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from cio_stelsel import audit, wachtrij
from cio_stelsel.permissions import heeft_rijksbreed_recht
from cio_stelsel.rechten import RijksbreedRecht

from . import jaarrapportage_opmaak as opmaak
from . import selectors
from .jaarrapportage_gegevens import peildatum_van, sha256, verzamelen
from .models import TIJDSLIMIET, Jaarrapportage

logger = logging.getLogger(__name__)
Status = Jaarrapportage.Status
AUDITVELDEN = ["jaar", "peildatum", "status", "poging", "checksum", "invoer_checksum", "definitief_door", "definitief_op"]


class Afgebroken(Exception):
    """This attempt is no longer the current one (retried, or finished by another delivery): stop quietly."""


def mag_opstellen(user) -> bool:
    return heeft_rijksbreed_recht(user, RijksbreedRecht.JAARRAPPORTAGE_OPSTELLEN)


def _vereist(actor) -> None:
    if not mag_opstellen(actor):
        raise PermissionDenied(_("Alleen de CIO Rijk stelt de jaarrapportage op (B16, art 11 g Besluit CIO-stelsel)."))


def beschikbare_jaren(op: datetime.date | None = None) -> list[int]:
    """Years that can be reported, newest first: from the first published peildatum to the last 31-12 on or before today."""
    op = op or timezone.localdate()
    peildata = selectors.peildata()
    if not peildata:
        return []
    laatste = op.year if op >= peildatum_van(op.year) else op.year - 1
    return list(range(laatste, min(peildata).year - 1, -1))


def _verweesde_afsluiten(jaar: int, *, behalve: int | None = None) -> None:
    """Mark orphaned waiting/running reports of ``jaar`` as failed, so a new attempt may run (one running per year)."""
    for oud in Jaarrapportage.objects.select_for_update().filter(jaar=jaar, status__in=Jaarrapportage.LOPEND).exclude(pk=behalve):
        if not oud.is_verweesd:
            raise ValidationError(
                _("Voor %(jaar)s loopt al een generatie (gestart %(tijd)s).")
                % {"jaar": jaar, "tijd": timezone.localtime(oud.gestart_op).strftime("%d-%m-%Y %H:%M")}
            )
        voor = audit.momentopname(oud, AUDITVELDEN)
        oud.foutmelding = oud.getoonde_foutmelding
        oud.status = Status.MISLUKT
        oud.save(update_fields=["status", "foutmelding"])
        audit.vastleggen(
            actor=None, actie="jaarrapportage.verweesd", obj=oud, voor=voor, na=audit.momentopname(oud, AUDITVELDEN), reden=oud.foutmelding
        )


def _in_wachtrij(pk: int, poging: int) -> None:
    """Queue the task (after commit). A broker that cannot be reached makes the report fail visibly, retryable."""
    try:
        # By name (cio_stelsel.wachtrij.taak): the task imports this module, not the other way round.
        resultaat = wachtrij.taak("dashboard.tasks.jaarrapportage_genereren").apply_async(args=[pk, poging])
    except Exception as exc:  # the broker is down: say so instead of waiting forever
        logger.exception("Jaarrapportage %s: taak niet in de wachtrij gezet", pk)
        _mislukt(pk, poging, _("De generatie kon niet worden gestart: de takenwachtrij is niet bereikbaar (%(fout)s).") % {"fout": exc})
        return
    Jaarrapportage.objects.filter(pk=pk, poging=poging, taak_id="").update(taak_id=resultaat.id or "")


@transaction.atomic
def jaarrapportage_starten(*, actor, jaar: int) -> Jaarrapportage:
    """The CIO Rijk starts generating the report for ``jaar`` (peildatum 31-12); it runs as a Celery task."""
    _vereist(actor)
    if jaar not in beschikbare_jaren():
        raise ValidationError({"jaar": _("Kies een jaar met gepubliceerde gegevens waarvan de peildatum 31-12 voorbij is.")})
    if Jaarrapportage.objects.filter(jaar=jaar, status=Status.DEFINITIEF).exists():
        raise ValidationError(
            {"jaar": _("De jaarrapportage %(jaar)s is al definitief; die wordt niet opnieuw gegenereerd.") % {"jaar": jaar}}
        )
    try:
        _verweesde_afsluiten(jaar)
    except ValidationError as exc:
        raise ValidationError({"jaar": exc.messages}) from exc
    try:
        with transaction.atomic():
            rapport = Jaarrapportage.objects.create(
                jaar=jaar,
                peildatum=peildatum_van(jaar),
                gestart_door=actor,
                stap=_("Wacht op een verwerker"),
            )
    except IntegrityError as exc:  # someone else started the same year at the same moment
        raise ValidationError({"jaar": _("Voor %(jaar)s loopt al een generatie.") % {"jaar": jaar}}) from exc
    audit.vastleggen(actor=actor, actie="jaarrapportage.gestart", obj=rapport, na=audit.momentopname(rapport, AUDITVELDEN))
    pk, poging = rapport.pk, rapport.poging
    transaction.on_commit(lambda: _in_wachtrij(pk, poging))
    return rapport


@transaction.atomic
def jaarrapportage_opnieuw(*, actor, rapport: Jaarrapportage) -> Jaarrapportage:
    """Retry a failed (or orphaned) generation: a new attempt with the next number."""
    _vereist(actor)
    actueel = Jaarrapportage.objects.select_for_update().get(pk=rapport.pk)
    if not actueel.is_mislukt:
        raise ValidationError(_("Alleen een mislukte of onderbroken generatie kan opnieuw worden gestart."))
    if Jaarrapportage.objects.filter(jaar=actueel.jaar, status=Status.DEFINITIEF).exists():
        raise ValidationError(
            _("De jaarrapportage %(jaar)s is al definitief; die wordt niet opnieuw gegenereerd.") % {"jaar": actueel.jaar}
        )
    _verweesde_afsluiten(actueel.jaar, behalve=actueel.pk)
    voor = audit.momentopname(actueel, AUDITVELDEN)
    reden = actueel.getoonde_foutmelding
    nu = timezone.now()
    actueel.poging += 1
    actueel.status = Status.WACHTEND
    actueel.stap = _("Wacht op een verwerker")
    actueel.voortgang = 0
    actueel.foutmelding = ""
    actueel.taak_id = ""
    actueel.gestart_op = actueel.hartslag_op = nu
    actueel.save()
    audit.vastleggen(
        actor=actor, actie="jaarrapportage.opnieuw", obj=actueel, voor=voor, na=audit.momentopname(actueel, AUDITVELDEN), reden=reden
    )
    pk, poging = actueel.pk, actueel.poging
    transaction.on_commit(lambda: _in_wachtrij(pk, poging))
    return actueel


@transaction.atomic
def jaarrapportage_definitief(*, actor, rapport: Jaarrapportage, onvolledig_akkoord: bool = False, motivering: str = "") -> Jaarrapportage:
    """The CIO Rijk marks a concept report final (B16): frozen from then on, and public.

    A report whose peildatum was incomplete (its ``invoer["volledigheid"]``, issue 12)
    is made final only by an explicit decision: ``onvolledig_akkoord`` and a
    ``motivering``, both recorded in the audit record.
    """
    _vereist(actor)
    actueel = Jaarrapportage.objects.select_for_update().get(pk=rapport.pk)
    volledig = (actueel.invoer or {}).get("volledigheid", {}).get("volledig", True)
    if not volledig:
        fouten = {}
        if not onvolledig_akkoord:
            fouten["onvolledig_akkoord"] = _(
                "De gegevens van deze peildatum zijn onvolledig: bevestig uitdrukkelijk dat de rapportage toch definitief wordt."
            )
        if not motivering.strip():
            fouten["motivering"] = _("Geef de reden waarom de rapportage definitief wordt terwijl de gegevens onvolledig zijn.")
        if fouten:
            raise ValidationError(fouten)
    if actueel.status != Status.CONCEPT:
        raise ValidationError(
            _("Alleen een gegenereerde concept-jaarrapportage kan definitief worden gemaakt (nu: %(s)s).")
            % {"s": actueel.getoonde_status_label.lower()}
        )
    if Jaarrapportage.objects.filter(jaar=actueel.jaar, status=Status.DEFINITIEF).exists():
        raise ValidationError(_("Van %(jaar)s is al een definitieve jaarrapportage.") % {"jaar": actueel.jaar})
    with actueel.pdf.open("rb") as f:
        if sha256(f.read()) != actueel.checksum:
            raise ValidationError(_("Het opgeslagen PDF-bestand komt niet overeen met zijn checksum; genereer de rapportage opnieuw."))
    voor = audit.momentopname(actueel, AUDITVELDEN)
    actueel.status = Status.DEFINITIEF
    actueel.definitief_door = actor
    actueel.definitief_op = timezone.now()
    actueel.save(update_fields=["status", "definitief_door", "definitief_op"])
    na = audit.momentopname(actueel, AUDITVELDEN)
    if not volledig:
        v = actueel.invoer["volledigheid"]
        na.update(onvolledig_akkoord=True, verwacht=v["verwacht"], gepubliceerd=v["gepubliceerd"], ontbrekend=len(v["ontbrekend"]))
    audit.vastleggen(actor=actor, actie="jaarrapportage.definitief", obj=actueel, voor=voor, na=na, reden=motivering.strip())
    return actueel


# --------------------------------------------------------------------------
# Generating (the Celery task's work)


def _voortgang(rapport: Jaarrapportage, stap: str, voortgang: int) -> None:
    """Record progress in its own (autocommit) transaction, so the page sees it at once; also the heartbeat."""
    bijgewerkt = Jaarrapportage.objects.filter(pk=rapport.pk, poging=rapport.poging, status=Status.BEZIG).update(
        stap=stap, voortgang=voortgang, hartslag_op=timezone.now()
    )
    if not bijgewerkt:
        raise Afgebroken
    rapport.stap = stap


def _mislukt(pk: int, poging: int, reden: str) -> None:
    with transaction.atomic():
        rapport = Jaarrapportage.objects.select_for_update().filter(pk=pk, poging=poging, status__in=Jaarrapportage.LOPEND).first()
        if rapport is None:
            return
        voor = audit.momentopname(rapport, AUDITVELDEN)
        rapport.status = Status.MISLUKT
        rapport.foutmelding = reden
        rapport.hartslag_op = timezone.now()
        rapport.save(update_fields=["status", "foutmelding", "hartslag_op"])
        audit.vastleggen(
            actor=None, actie="jaarrapportage.mislukt", obj=rapport, voor=voor, na=audit.momentopname(rapport, AUDITVELDEN), reden=reden
        )


def _reden(exc: BaseException, stap: str) -> str:
    if isinstance(exc, SoftTimeLimitExceeded):
        return _(
            "De generatie duurde langer dan de tijdslimiet van %(min)s minuten (bij de stap '%(stap)s'). Probeer het opnieuw; "
            "blijft het misgaan, neem dan contact op met functioneel beheer."
        ) % {"min": TIJDSLIMIET // 60, "stap": stap}
    if isinstance(exc, OSError):
        return _("Het bestand kon niet worden opgeslagen (bij de stap '%(stap)s'): %(fout)s.") % {"stap": stap, "fout": exc}
    return _("De generatie is mislukt bij de stap '%(stap)s': %(soort)s: %(fout)s.") % {
        "stap": stap,
        "soort": type(exc).__name__,
        "fout": exc,
    }


def _opslaan(rapport: Jaarrapportage, veld: str, naam: str, inhoud: bytes, geschreven: list) -> str:
    """Write a file completely and read it back; returns the stored name."""
    field = Jaarrapportage._meta.get_field(veld)
    opgeslagen = field.storage.save(field.generate_filename(rapport, naam), ContentFile(inhoud))
    geschreven.append((veld, opgeslagen))
    with field.storage.open(opgeslagen, "rb") as f:
        if sha256(f.read()) != sha256(inhoud):
            raise OSError(_("het opgeslagen bestand %(naam)s is onvolledig") % {"naam": opgeslagen})
    return opgeslagen


def _opruimen(geschreven: list[tuple[str, str]]) -> None:
    """Remove the files of an attempt that did not finish (best effort)."""
    for veld, naam in geschreven:
        try:
            Jaarrapportage._meta.get_field(veld).storage.delete(naam)
        except OSError:
            logger.warning("Kon %s niet verwijderen", naam)


@transaction.atomic
def _afronden(rapport: Jaarrapportage, *, pdf_naam: str, xlsx_naam: str, checksum: str, html: str, invoer: dict, invoer_checksum: str):
    """The one place that marks a report done: after its files are written and checked, and only for the current attempt."""
    actueel = Jaarrapportage.objects.select_for_update().get(pk=rapport.pk)
    if actueel.poging != rapport.poging or actueel.status != Status.BEZIG:
        raise Afgebroken
    voor = audit.momentopname(actueel, AUDITVELDEN)
    nu = timezone.now()
    actueel.pdf.name, actueel.xlsx.name = pdf_naam, xlsx_naam
    actueel.checksum, actueel.invoer, actueel.invoer_checksum, actueel.html = checksum, invoer, invoer_checksum, html
    actueel.status, actueel.stap, actueel.voortgang, actueel.foutmelding = Status.CONCEPT, _("Gereed"), 100, ""
    actueel.klaar_op = actueel.hartslag_op = nu
    actueel.save()
    audit.vastleggen(
        actor=None,
        actie="jaarrapportage.gegenereerd",
        obj=actueel,
        voor=voor,
        na=audit.momentopname(actueel, AUDITVELDEN),
        reden=_("%(n)s gepubliceerde versies, poging %(p)s") % {"n": len(invoer["versies"]), "p": actueel.poging},
    )
    return actueel


def jaarrapportage_genereren(*, pk: int, poging: int | None = None, taak_id: str = "") -> str:
    """Generate the report (run by the Celery task). Returns the resulting status, or 'verouderd' for a stale message."""
    with transaction.atomic():
        rapport = Jaarrapportage.objects.select_for_update().select_related("gestart_door").get(pk=pk)
        if poging is not None and rapport.poging != poging:
            return "verouderd"
        if rapport.status not in Jaarrapportage.LOPEND:
            return rapport.status  # done, failed or final already (e.g. a redelivered message): nothing to do
        herleverd = rapport.status == Status.BEZIG
        if not herleverd:
            rapport.status, rapport.stap, rapport.voortgang = Status.BEZIG, _("Gegevens verzamelen"), 5
            rapport.hartslag_op = timezone.now()
            rapport.taak_id = taak_id or rapport.taak_id
            rapport.save(update_fields=["status", "stap", "voortgang", "hartslag_op", "taak_id"])
    if herleverd:
        # This attempt's message again (acks_late + reject_on_worker_lost): the worker running it died, e.g. out
        # of memory. Say so and let the CIO Rijk retry, rather than run it again and again automatically.
        _mislukt(
            pk,
            rapport.poging,
            _(
                "De verwerker is gestopt tijdens de stap '%(stap)s' (bijvoorbeeld door een herstart of "
                "geheugentekort). Start de generatie opnieuw."
            )
            % {"stap": rapport.stap},
        )
        return Status.MISLUKT
    geschreven: list[tuple[str, str]] = []
    try:
        with override("nl"):
            gegevens = verzamelen(jaar=rapport.jaar, user=rapport.gestart_door)
            _voortgang(rapport, _("HTML opmaken"), 25)
            inhoud = opmaak.html_inhoud(gegevens)
            document = opmaak.html_document(gegevens, inhoud)
            _voortgang(rapport, _("PDF maken"), 40)
            pdf = opmaak.pdf(document)
            _voortgang(rapport, _("Tabellen (XLSX) maken"), 85)
            werkmap = opmaak.xlsx(gegevens)
            _voortgang(rapport, _("Bestanden opslaan"), 92)
            basis = f"jaarrapportage-{rapport.jaar}-{rapport.pk}-{rapport.poging}"
            pdf_naam = _opslaan(rapport, "pdf", f"{basis}.pdf", pdf, geschreven)
            xlsx_naam = _opslaan(rapport, "xlsx", f"{basis}.xlsx", werkmap, geschreven)
        _afronden(
            rapport,
            pdf_naam=pdf_naam,
            xlsx_naam=xlsx_naam,
            checksum=sha256(pdf),
            html=inhoud,
            invoer=gegevens.invoer,
            invoer_checksum=gegevens.invoer_checksum,
        )
    except Afgebroken:
        _opruimen(geschreven)
        logger.info("Jaarrapportage %s poging %s: afgebroken, een nieuwere poging loopt", pk, rapport.poging)
        return "verouderd"
    except Exception as exc:  # noqa: BLE001 - every failure becomes a visible, retryable 'mislukt' with its reason
        logger.exception("Jaarrapportage %s poging %s mislukt", pk, rapport.poging)
        _opruimen(geschreven)
        _mislukt(pk, rapport.poging, _reden(exc, rapport.stap))
        return Status.MISLUKT
    return Status.CONCEPT
