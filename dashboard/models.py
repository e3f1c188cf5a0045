"""The Jaarrapportage: the chapter on informatievoorziening of the Jaarrapportage Bedrijfsvoering Rijk (art 11 g; B16).

The CIO Rijk generates it for a year (peildatum 31-12) from the published data
of the Rijks ICT-dashboard. Generating is a Celery task
(``dashboard.tasks.jaarrapportage_genereren``) that reports its progress in
this row; state changes go through ``dashboard/jaarrapportage_services.py``.

Lifecycle: wachtend → bezig → concept (or mislukt → wachtend again on retry)
→ definitief. A report is "done" (concept) only after its PDF is fully written
and verified against its checksum; a worker killed in the middle leaves it
``bezig``, and ``is_verweesd`` shows it as failed and retryable once its
heartbeat is older than the task's hard time limit. A definitief report is
frozen: it is never regenerated or changed, and it is public.
"""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cio_stelsel.permissions import heeft_rijksbreed_recht
from cio_stelsel.rechten import RijksbreedRecht

# Hard time limit of the generation task (seconds); the soft limit is a minute less.
TIJDSLIMIET = int(getattr(settings, "JAARRAPPORTAGE_TIJDSLIMIET", 600))
# A wachtend/bezig report whose heartbeat is older than this is orphaned: its
# worker was killed (or the message lost). Longer than the hard time limit, so
# a report that is still really being generated is never shown as failed.
VERWEESD_NA = datetime.timedelta(seconds=TIJDSLIMIET + 120)


class JaarrapportageQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """The CIO Rijk sees every report; everyone else who logs in the definitief ones; anonymous users none."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if heeft_rijksbreed_recht(user, RijksbreedRecht.JAARRAPPORTAGE_OPSTELLEN):
            return self
        return self.definitief()

    def definitief(self):
        """The final reports: the only ones that are public (besluit.md section 4)."""
        return self.filter(status=Jaarrapportage.Status.DEFINITIEF)


def _pdf_pad(rapport: "Jaarrapportage", bestandsnaam: str) -> str:
    return f"jaarrapportages/{rapport.jaar}/{bestandsnaam}"


class Jaarrapportage(models.Model):
    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("Wachtend")
        BEZIG = "bezig", _("Bezig")
        MISLUKT = "mislukt", _("Mislukt")
        CONCEPT = "concept", _("Concept")
        DEFINITIEF = "definitief", _("Definitief")

    LOPEND = (Status.WACHTEND, Status.BEZIG)
    GEREED = (Status.CONCEPT, Status.DEFINITIEF)

    jaar = models.PositiveSmallIntegerField(_("jaar"))
    peildatum = models.DateField(_("peildatum"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WACHTEND)
    stap = models.CharField(_("stap"), max_length=200, blank=True)
    voortgang = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0, validators=[MaxValueValidator(100)])
    foutmelding = models.TextField(_("foutmelding"), blank=True)
    invoer = models.JSONField(
        _("invoer"),
        default=dict,
        blank=True,
        help_text=_("Precies welke gepubliceerde versies (pk, activiteitnummer, versienummer) en welke drempel zijn gebruikt."),
    )
    invoer_checksum = models.CharField(_("checksum invoer (SHA-256)"), max_length=64, blank=True)
    checksum = models.CharField(_("checksum PDF (SHA-256)"), max_length=64, blank=True)
    pdf = models.FileField(_("PDF"), upload_to=_pdf_pad, blank=True, max_length=300)
    xlsx = models.FileField(_("tabellen (XLSX)"), upload_to=_pdf_pad, blank=True, max_length=300)
    html = models.TextField(_("inhoud (HTML)"), blank=True)
    gestart_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("gestart door"))
    gestart_op = models.DateTimeField(_("gestart op"), default=timezone.now)
    hartslag_op = models.DateTimeField(_("laatste voortgang op"), default=timezone.now)
    klaar_op = models.DateTimeField(_("gereed op"), null=True, blank=True)
    definitief_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("definitief gemaakt door"),
    )
    definitief_op = models.DateTimeField(_("definitief gemaakt op"), null=True, blank=True)
    taak_id = models.CharField(_("Celery-taak"), max_length=64, blank=True)
    poging = models.PositiveSmallIntegerField(_("poging"), default=1)

    objects = JaarrapportageQuerySet.as_manager()

    class Meta:
        verbose_name = _("jaarrapportage")
        verbose_name_plural = _("jaarrapportages")
        ordering = ["-jaar", "-gestart_op", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["jaar"],
                condition=Q(status="definitief"),
                name="jaarrapportage_een_definitief_per_jaar",
                violation_error_message=_("Van dit jaar is al een definitieve jaarrapportage."),
            ),
            models.UniqueConstraint(
                fields=["jaar"],
                condition=Q(status__in=["wachtend", "bezig"]),
                name="jaarrapportage_een_lopend_per_jaar",
                violation_error_message=_("Voor dit jaar loopt al een generatie."),
            ),
            models.CheckConstraint(condition=Q(voortgang__lte=100), name="jaarrapportage_voortgang_max_100"),
            models.CheckConstraint(
                condition=~Q(status__in=["concept", "definitief"]) | (~Q(pdf="") & ~Q(checksum="")),
                name="jaarrapportage_gereed_heeft_pdf",
                violation_error_message=_("Een gereede jaarrapportage heeft een PDF en een checksum."),
            ),
        ]

    def __str__(self):
        return _("Jaarrapportage %(jaar)s (%(status)s)") % {"jaar": self.jaar, "status": self.get_status_display().lower()}

    @property
    def is_lopend(self) -> bool:
        return self.status in self.LOPEND and not self.is_verweesd

    @property
    def is_gereed(self) -> bool:
        return self.status in self.GEREED

    @property
    def is_verweesd(self) -> bool:
        """Waiting or running, but no sign of life for longer than the task may take: its worker died."""
        return self.status in self.LOPEND and timezone.now() - self.hartslag_op > VERWEESD_NA

    @property
    def is_mislukt(self) -> bool:
        """Failed, or orphaned (shown as failed): can be retried."""
        return self.status == self.Status.MISLUKT or self.is_verweesd

    @property
    def getoonde_status(self) -> str:
        """The status as users see it: an orphaned report is 'mislukt'."""
        return self.Status.MISLUKT if self.is_verweesd else self.status

    @property
    def getoonde_status_label(self) -> str:
        return self.Status(self.getoonde_status).label

    @property
    def getoonde_foutmelding(self) -> str:
        if self.is_verweesd:
            return str(
                _(
                    "De generatie is onderbroken: er is sinds %(tijd)s geen voortgang meer gemeld "
                    "(de verwerker is waarschijnlijk gestopt). Start de generatie opnieuw."
                )
                % {"tijd": timezone.localtime(self.hartslag_op).strftime("%d-%m-%Y %H:%M")}
            )
        return self.foutmelding
