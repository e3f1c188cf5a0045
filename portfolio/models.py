"""ICT-activiteiten in the reporting model of the Rijks ICT-dashboard (domain/rapportagemodel.md).

The core is a dated event history per activity (``Gebeurtenis``: Initieel,
Rapportage, Herijking), never overwritten. Every derived figure (initial and
current estimate, slip, spend, ...) is computed from it in one place:
``IctActiviteitQuerySet.met_kerncijfers()`` in the database, read through
``IctActiviteit.kerncijfers``.

Publication per peildatum (B14, B15) freezes a copy of an activity's data in an
``ActiviteitVersie``; the public only ever reads published versions.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, DurationField, ExpressionWrapper, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cio_stelsel.models import Dienstonderdeel, Ministerie, Zbo
from cio_stelsel.permissions import scope
from cio_stelsel.rechten import Recht

BEDRAG = {"max_digits": 15, "decimal_places": 2}
NUL = Decimal("0.00")


class Kostencategorie(models.TextChoices):
    """The cost categories of the current reporting model (amounts in euros)."""

    INTERN_PERSONEEL = "intern_personeel", _("Intern personeel")
    EXTERN_PERSONEEL = "extern_personeel", _("Extern personeel")
    OVERIG_MATERIEEL = "overig_materieel", _("Overig materieel")
    UITBESTEED_WERK = "uitbesteed_werk", _("Uitbesteed werk")
    OVERIGE_KOSTEN = "overige_kosten", _("Overige kosten")


KOSTENCATEGORIEEN = [c.value for c in Kostencategorie]


class Rapportagemodel(models.Model):
    """What the CIO Rijk sets for the dashboard (B13): the threshold, from a date on."""

    geldig_vanaf = models.DateField(_("geldig vanaf"), unique=True)
    drempel_eur = models.DecimalField(
        _("drempel grote ICT-component (EUR)"),
        validators=[MinValueValidator(0)],
        help_text=_("Meerjarige ICT-component vanaf dit bedrag (Kader Portfoliomanagement Rijk)."),
        **BEDRAG,
    )
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("rapportagemodel")
        verbose_name_plural = _("rapportagemodellen")
        ordering = ["-geldig_vanaf"]

    def __str__(self):
        return f"{self.geldig_vanaf}: {self.drempel_eur}"


def drempel(op: datetime.date | None = None) -> Decimal:
    """The threshold in force on a date (default today): the latest Rapportagemodel in force, else settings.GROTE_ICT_DREMPEL_EUR."""
    op = op or timezone.localdate()
    model = Rapportagemodel.objects.filter(geldig_vanaf__lte=op).order_by("-geldig_vanaf").first()
    return model.drempel_eur if model else Decimal(settings.GROTE_ICT_DREMPEL_EUR)


def drempel_uit(drempels, op: datetime.date) -> Decimal:
    """``drempel(op)`` from ``drempels``, every Rapportagemodel as (geldig_vanaf, drempel_eur) by geldig_vanaf: no query."""
    geldig = [bedrag for vanaf, bedrag in drempels if vanaf <= op]
    return geldig[-1] if geldig else Decimal(settings.GROTE_ICT_DREMPEL_EUR)


class RedenHerijking(models.Model):
    """The reasons for a herijking (multi-select). Data, so the reporting model can change (B13)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    naam = models.CharField(_("naam"), max_length=200, unique=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("reden herijking")
        verbose_name_plural = _("redenen herijking")
        ordering = ["volgorde", "naam"]

    def __str__(self):
        return self.naam


class Status(models.TextChoices):
    NOG_NIET_GESTART = "nog_niet_gestart", _("Nog niet gestart")
    IN_UITVOERING = "in_uitvoering", _("In uitvoering")
    IN_HERORIENTATIE = "in_heroriëntatie", _("In heroriëntatie")
    AFGEROND = "afgerond", _("Afgerond")
    GEANNULEERD = "geannuleerd", _("Geannuleerd")


class Soort(models.TextChoices):
    VERNIEUWING = "vernieuwing", _("Vernieuwing")
    BEHEER_EN_ONDERHOUD = "beheer_en_onderhoud", _("Beheer en onderhoud")


ActiviteitStatus = Status


class Ontwikkelwijze(models.TextChoices):
    AGILE_SCRUM = "agile_scrum", _("Agile Scrum")
    SAFE = "safe", _("SAFe")
    WATERVAL = "waterval", _("Waterval")
    STANDAARDPRODUCT = "standaardproduct", _("Standaardproduct")
    HYBRIDE = "hybride", _("Hybride")
    ANDERS = "anders", _("Anders")


def gebeurtenissen_op(activiteit=None, op: datetime.date | None = None):
    """The events that count for the stand of ``activiteit`` on ``op`` (default: all, the current stand).

    The one filter of the event history by date (issue 12): an event dated after
    the peildatum is left out, whenever it was entered; one dated on or before it
    belongs in, even when entered late. ``activiteit`` is an activity, a pk or an
    ``OuterRef`` (None: the events of all activities). Every derived figure
    (``met_kerncijfers``) and every frozen version (``portfolio.peildatumstand``)
    reads the events through here.
    """
    qs = Gebeurtenis.objects.geldend()  # without events a correction superseded (issue 20)
    if activiteit is not None:
        qs = qs.filter(activiteit=activiteit)
    if op is not None:
        qs = qs.filter(datum__lte=op)
    return qs


def _laatste_gebeurtenis(op=None, **filters):
    return gebeurtenissen_op(OuterRef("pk"), op).filter(**filters).order_by("-datum", "-pk")


def _eerste_gebeurtenis(op=None, **filters):
    return gebeurtenissen_op(OuterRef("pk"), op).filter(**filters).order_by("datum", "pk")


class IctActiviteitQuerySet(models.QuerySet):
    # -- permission entry point (B14) --------------------------------------
    def zichtbaar_voor(self, user):
        """Activities ``user`` may read: own ministerie / dienstonderdeel, or all for the CIO Rijk."""
        return scope(user, Recht.PORTFOLIO_INZIEN).filter(self)

    def bewerkbaar_voor(self, user):
        """Activities ``user`` may change: only of their own organisation; never rijksbreed (L1068)."""
        return scope(user, Recht.PORTFOLIO_BEWERKEN).filter(self)

    # -- derived figures, in the database ----------------------------------
    def met_kerncijfers(self, op: datetime.date | None = None):
        """Annotate every derived figure of rapportagemodel.md; computed from the event history, never stored.

        ``op``: the figures as they stood on that date (events dated after it left out, issue 12).
        """
        initieel = _eerste_gebeurtenis(op, soort=Gebeurtenis.Soort.INITIEEL)
        actueel = _laatste_gebeurtenis(op)
        bedrag = models.DecimalField(**BEDRAG)
        qs = self.annotate(
            k_initieel_totaal=Subquery(initieel.values("totaal_geschat")[:1], output_field=bedrag),
            k_actueel_totaal=Subquery(actueel.values("totaal_geschat")[:1], output_field=bedrag),
            k_gerealiseerd=Subquery(actueel.values("totaal_gerealiseerd")[:1], output_field=bedrag),
            k_initiele_einddatum=Subquery(initieel.values("einddatum")[:1], output_field=models.DateField()),
            k_actuele_einddatum=Subquery(actueel.values("einddatum")[:1], output_field=models.DateField()),
            k_peildatum=Subquery(actueel.values("datum")[:1], output_field=models.DateField()),
            k_aantal_herijkingen=Coalesce(
                Subquery(
                    gebeurtenissen_op(OuterRef("pk"), op)
                    .filter(soort=Gebeurtenis.Soort.HERIJKING)
                    .order_by()
                    .values("activiteit")
                    .annotate(n=Count("pk"))
                    .values("n")[:1],
                    output_field=models.IntegerField(),
                ),
                Value(0),
            ),
        )
        for cat in KOSTENCATEGORIEEN:
            qs = qs.annotate(
                **{
                    f"k_initieel_{cat}": Subquery(initieel.values(f"geschat_{cat}")[:1], output_field=bedrag),
                    f"k_actueel_{cat}": Subquery(actueel.values(f"geschat_{cat}")[:1], output_field=bedrag),
                    f"k_gerealiseerd_{cat}": Subquery(actueel.values(f"gerealiseerd_{cat}")[:1], output_field=bedrag),
                }
            )
        return qs.annotate(
            k_verschil=F("k_actueel_totaal") - F("k_initieel_totaal"),
            k_prognose=F("k_actueel_totaal") - F("k_gerealiseerd"),
            k_doorlooptijd_initieel=ExpressionWrapper(F("k_initiele_einddatum") - F("startdatum"), output_field=DurationField()),
            k_doorlooptijd_actueel=ExpressionWrapper(F("k_actuele_einddatum") - F("startdatum"), output_field=DurationField()),
            k_vertraging=ExpressionWrapper(F("k_actuele_einddatum") - F("k_initiele_einddatum"), output_field=DurationField()),
        )

    def rapporteerbaar(self, op: datetime.date | None = None):
        """At or above the threshold (B15): by the current or the initial estimate, so re-baselining down does not hide it."""
        grens = drempel(op)
        return self.met_kerncijfers().filter(Q(k_actueel_totaal__gte=grens) | Q(k_initieel_totaal__gte=grens))


class IctActiviteit(models.Model):
    """A project, programme or maintenance activity with a (possibly large) ICT component."""

    nummer = models.PositiveIntegerField(_("nummer"), unique=True, help_text=_("Vast publiek nummer."))
    naam = models.CharField(_("naam"), max_length=300)
    ministerie = models.ForeignKey(Ministerie, on_delete=models.PROTECT, related_name="activiteiten", verbose_name=_("ministerie"))
    dienstonderdeel = models.ForeignKey(
        Dienstonderdeel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activiteiten",
        verbose_name=_("dienstonderdeel"),
        help_text=_("Uitvoerende organisatie, als dat een dienstonderdeel is."),
    )
    zbo = models.ForeignKey(
        Zbo,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activiteiten",
        verbose_name=_("zbo"),
        help_text=_("Uitvoerende organisatie, als dat een zbo is."),
    )
    opdrachtgevende_organisatie = models.CharField(_("opdrachtgevende organisatie"), max_length=200, blank=True)
    onderwerp = models.CharField(_("onderwerp"), max_length=120, blank=True, help_text=_("Beleidsterrein, bijvoorbeeld 'Belastingen'."))
    dienstverlening = models.CharField(
        _("dienstverlening"), max_length=200, blank=True, help_text=_("De publieke dienst die het ondersteunt.")
    )
    wij_verbeteren_op = models.CharField(_("wij verbeteren op"), max_length=200, blank=True)
    soort = models.CharField(_("soort ICT-activiteit"), max_length=30, choices=Soort.choices, default=Soort.VERNIEUWING)
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.NOG_NIET_GESTART)
    startdatum = models.DateField(_("startdatum"), null=True, blank=True)
    reden_van_starten = models.TextField(_("reden van starten"), blank=True)
    doel = models.TextField(_("doel"), blank=True)
    samenvatting = models.TextField(_("samenvatting"), blank=True)
    maatwerk = models.BooleanField(_("maatwerk"), null=True, blank=True)
    ontwikkelwijze = models.CharField(_("ontwikkelwijze"), max_length=30, choices=Ontwikkelwijze.choices, blank=True)
    dechargedatum = models.DateField(
        _("dechargedatum"), null=True, blank=True, help_text=_("Datum waarop decharge is verleend (nodig voor Afgerond).")
    )
    annuleringsdatum = models.DateField(_("annuleringsdatum"), null=True, blank=True)
    reden_annulering = models.TextField(_("reden annulering"), blank=True)
    versie = models.PositiveIntegerField(
        _("versie"), default=1, editable=False, help_text=_("Voor het voorkomen van overschrijven (optimistic locking).")
    )
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = IctActiviteitQuerySet.as_manager()

    class Meta:
        verbose_name = _("ICT-activiteit")
        verbose_name_plural = _("ICT-activiteiten")
        ordering = ["ministerie__afkorting", "naam"]
        constraints = [
            models.CheckConstraint(
                condition=Q(dienstonderdeel__isnull=True) | Q(zbo__isnull=True),
                name="activiteit_een_uitvoerende_organisatie",
                violation_error_message=_("Kies een dienstonderdeel óf een zbo als uitvoerende organisatie, niet beide."),
            ),
        ]
        indexes = [models.Index(fields=["ministerie", "status"]), models.Index(fields=["soort"])]

    def __str__(self):
        return f"{self.nummer} {self.naam}"

    @property
    def organisatie(self):
        """The uitvoerende organisatie: the dienstonderdeel or zbo, else the ministerie."""
        return self.dienstonderdeel or self.zbo or self.ministerie

    def auditscope(self):
        return self.ministerie, self.dienstonderdeel

    @property
    def kerncijfers(self) -> "Kerncijfers":
        return Kerncijfers.van(self)


class GebeurtenisQuerySet(models.QuerySet):
    def geldend(self):
        """The events in force: without those a correction superseded (``vervangt``).

        Key figures, charts, frozen versions and the export read these; the history
        page and the audit trail still show the superseded ones, marked.
        """
        return self.exclude(models.Exists(Gebeurtenis.objects.filter(vervangt=OuterRef("pk"))))


class Gebeurtenis(models.Model):
    """A dated event in the cost and duration history. Never overwritten: a change is a new event.

    A mistaken last event is corrected by a new event that ``vervangt`` (supersedes) it
    (services.gebeurtenis_corrigeren, audited with a reason); nothing is deleted.
    """

    class Soort(models.TextChoices):
        INITIEEL = "initieel", _("Initieel")
        RAPPORTAGE = "rapportage", _("Rapportage")
        HERIJKING = "herijking", _("Herijking")

    activiteit = models.ForeignKey(IctActiviteit, on_delete=models.CASCADE, related_name="gebeurtenissen", verbose_name=_("ICT-activiteit"))
    soort = models.CharField(_("soort actie"), max_length=20, choices=Soort.choices)
    datum = models.DateField(_("datum"))
    einddatum = models.DateField(_("geschatte einddatum"), null=True, blank=True)
    toelichting_kosten = models.TextField(_("toelichting wijziging kosten"), blank=True)
    toelichting_einddatum = models.TextField(_("toelichting wijziging einddatum"), blank=True)
    vervangt = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vervangen_door",
        editable=False,
        verbose_name=_("vervangt"),
        help_text=_("De gebeurtenis die deze correctie vervangt; die telt daarna niet meer mee."),
    )
    reden_correctie = models.TextField(_("reden correctie"), blank=True, editable=False)
    redenen = models.ManyToManyField(RedenHerijking, blank=True, related_name="gebeurtenissen", verbose_name=_("redenen herijking"))
    geschat_intern_personeel = models.DecimalField(_("geschat: intern personeel"), default=NUL, validators=[MinValueValidator(0)], **BEDRAG)
    geschat_extern_personeel = models.DecimalField(_("geschat: extern personeel"), default=NUL, validators=[MinValueValidator(0)], **BEDRAG)
    geschat_overig_materieel = models.DecimalField(_("geschat: overig materieel"), default=NUL, validators=[MinValueValidator(0)], **BEDRAG)
    geschat_uitbesteed_werk = models.DecimalField(_("geschat: uitbesteed werk"), default=NUL, validators=[MinValueValidator(0)], **BEDRAG)
    geschat_overige_kosten = models.DecimalField(_("geschat: overige kosten"), default=NUL, validators=[MinValueValidator(0)], **BEDRAG)
    gerealiseerd_intern_personeel = models.DecimalField(
        _("gerealiseerd: intern personeel"), default=NUL, validators=[MinValueValidator(0)], **BEDRAG
    )
    gerealiseerd_extern_personeel = models.DecimalField(
        _("gerealiseerd: extern personeel"), default=NUL, validators=[MinValueValidator(0)], **BEDRAG
    )
    gerealiseerd_overig_materieel = models.DecimalField(
        _("gerealiseerd: overig materieel"), default=NUL, validators=[MinValueValidator(0)], **BEDRAG
    )
    gerealiseerd_uitbesteed_werk = models.DecimalField(
        _("gerealiseerd: uitbesteed werk"), default=NUL, validators=[MinValueValidator(0)], **BEDRAG
    )
    gerealiseerd_overige_kosten = models.DecimalField(
        _("gerealiseerd: overige kosten"), default=NUL, validators=[MinValueValidator(0)], **BEDRAG
    )
    # Totals computed by the database from the categories: never typed in.
    totaal_geschat = models.GeneratedField(
        expression=sum((F(f"geschat_{c}") for c in KOSTENCATEGORIEEN[1:]), F(f"geschat_{KOSTENCATEGORIEEN[0]}")),
        output_field=models.DecimalField(**BEDRAG),
        db_persist=True,
        verbose_name=_("totaal geschat"),
    )
    totaal_gerealiseerd = models.GeneratedField(
        expression=sum((F(f"gerealiseerd_{c}") for c in KOSTENCATEGORIEEN[1:]), F(f"gerealiseerd_{KOSTENCATEGORIEEN[0]}")),
        output_field=models.DecimalField(**BEDRAG),
        db_persist=True,
        verbose_name=_("totaal gerealiseerd"),
    )
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    objects = GebeurtenisQuerySet.as_manager()

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        ordering = ["datum", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["activiteit"],
                condition=Q(soort="initieel"),
                name="een_initiele_baseline",
                violation_error_message=_("Een activiteit heeft precies één initiële baseline."),
            ),
        ]
        indexes = [models.Index(fields=["activiteit", "datum"])]

    def __str__(self):
        return f"{self.get_soort_display()} {self.datum:%d-%m-%Y}"

    @property
    def soort_label(self) -> str:
        """The label of ``soort``, under the name the public page's events use (templates/includes/activiteit/)."""
        return self.get_soort_display()

    def auditscope(self):
        return self.activiteit.ministerie, self.activiteit.dienstonderdeel

    def geschat(self, categorie: str) -> Decimal:
        return getattr(self, f"geschat_{categorie}")

    def gerealiseerd(self, categorie: str) -> Decimal:
        return getattr(self, f"gerealiseerd_{categorie}")


class ActiviteitHistorie(models.Model):
    """A change of an activity's status, name or organisation, and the date it takes effect (issue 12).

    The activity row holds the current values; these rows say since when, so a
    version for an earlier peildatum holds the values in force on that date
    (``portfolio.peildatumstand.stand_op``). Append-only, written by the services.
    """

    class Veld(models.TextChoices):
        STATUS = "status", _("Status")
        NAAM = "naam", _("Naam")
        ORGANISATIE = "organisatie", _("Organisatie")

    activiteit = models.ForeignKey(IctActiviteit, on_delete=models.CASCADE, related_name="historie", verbose_name=_("ICT-activiteit"))
    veld = models.CharField(_("veld"), max_length=20, choices=Veld.choices)
    oud = models.JSONField(_("oude waarde"), null=True, blank=True)
    nieuw = models.JSONField(_("nieuwe waarde"), null=True, blank=True)
    geldig_vanaf = models.DateField(_("geldig vanaf"))
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = _("historie van een ICT-activiteit")
        verbose_name_plural = _("historie van ICT-activiteiten")
        ordering = ["activiteit", "veld", "geldig_vanaf", "pk"]
        indexes = [models.Index(fields=["activiteit", "veld", "geldig_vanaf"])]

    def __str__(self):
        return f"{self.activiteit_id} {self.veld} {self.geldig_vanaf}: {self.nieuw}"

    def auditscope(self):
        return self.activiteit.ministerie, self.activiteit.dienstonderdeel


class _Onderdeel(models.Model):
    """A row of one of the repeating lists of an activity."""

    class Meta:
        abstract = True

    def auditscope(self):
        return self.activiteit.ministerie, self.activiteit.dienstonderdeel


class Mijlpaal(_Onderdeel):
    activiteit = models.ForeignKey(IctActiviteit, on_delete=models.CASCADE, related_name="mijlpalen", verbose_name=_("ICT-activiteit"))
    omschrijving = models.CharField(_("omschrijving"), max_length=300)
    verwachte_datum = models.DateField(_("verwachte datum"), null=True, blank=True)
    gerealiseerde_datum = models.DateField(_("gerealiseerde datum"), null=True, blank=True)
    behaald = models.BooleanField(_("behaald"), default=False)
    conform_eisen = models.BooleanField(_("conform eisen"), null=True, blank=True)
    projectplanversie = models.CharField(_("projectplanversie"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("mijlpaal")
        verbose_name_plural = _("mijlpalen")
        ordering = ["verwachte_datum", "pk"]

    def __str__(self):
        return self.omschrijving


class Kwaliteitstoets(_Onderdeel):
    class Soort(models.TextChoices):
        ACICT_ADVIES = "acict_advies", _("AcICT-advies")
        GATEWAY_REVIEW = "gateway_review", _("Gateway review")
        ADR_AUDIT = "adr_audit", _("ADR-audit")
        CIO_OORDEEL = "cio_oordeel", _("CIO-oordeel")
        OVERIG = "overig", _("Overig")

    activiteit = models.ForeignKey(
        IctActiviteit, on_delete=models.CASCADE, related_name="kwaliteitstoetsen", verbose_name=_("ICT-activiteit")
    )
    toetsdatum = models.DateField(_("toetsdatum"))
    uitvoerende_partij = models.CharField(_("uitvoerende partij"), max_length=200)
    soort = models.CharField(_("soort toets"), max_length=30, choices=Soort.choices)
    omschrijving = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("kwaliteitstoets")
        verbose_name_plural = _("kwaliteitstoetsen")
        ordering = ["toetsdatum", "pk"]

    def __str__(self):
        return f"{self.get_soort_display()} {self.toetsdatum:%d-%m-%Y}"

    @property
    def soort_label(self) -> str:
        """The label of ``soort``, under the name the public page's dicts use (templates/includes/activiteit/)."""
        return self.get_soort_display()


class Kamerstuk(_Onderdeel):
    activiteit = models.ForeignKey(IctActiviteit, on_delete=models.CASCADE, related_name="kamerstukken", verbose_name=_("ICT-activiteit"))
    nummer = models.CharField(_("nummer"), max_length=50, help_text=_("Bijvoorbeeld '26 643, nr. 656'."))
    titel = models.CharField(_("titel"), max_length=300)
    link = models.URLField(_("link"), blank=True)
    briefdatum = models.DateField(_("briefdatum"), null=True, blank=True)
    acict_advies = models.BooleanField(_("AcICT-advies"), default=False)

    class Meta:
        verbose_name = _("Tweede Kamerstuk")
        verbose_name_plural = _("Tweede Kamerstukken")
        ordering = ["briefdatum", "pk"]

    def __str__(self):
        return f"{self.nummer} {self.titel}"


class MaatschappelijkeBaat(_Onderdeel):
    activiteit = models.ForeignKey(IctActiviteit, on_delete=models.CASCADE, related_name="baten", verbose_name=_("ICT-activiteit"))
    toelichting = models.TextField(_("toelichting"))
    kwantitatief_per_jaar = models.DecimalField(
        _("kwantitatief per jaar (EUR)"), null=True, blank=True, validators=[MinValueValidator(0)], **BEDRAG
    )
    kwantitatief_incidenteel = models.DecimalField(
        _("kwantitatief incidenteel (EUR)"), null=True, blank=True, validators=[MinValueValidator(0)], **BEDRAG
    )

    class Meta:
        verbose_name = _("maatschappelijke baat")
        verbose_name_plural = _("maatschappelijke baten")
        ordering = ["pk"]

    def __str__(self):
        return self.toelichting[:80]


class Ontwikkelpartij(_Onderdeel):
    activiteit = models.ForeignKey(
        IctActiviteit, on_delete=models.CASCADE, related_name="ontwikkelpartijen", verbose_name=_("ICT-activiteit")
    )
    partij = models.CharField(_("partij"), max_length=200)
    rol = models.CharField(_("rol"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("ontwikkelpartij")
        verbose_name_plural = _("ontwikkelpartijen")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.partij} ({self.rol})" if self.rol else self.partij


class ActiviteitVersieQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """Own organisation: every version. The CIO Rijk: signed-off and published ones, never a concept (B28)."""
        s = scope(user, Recht.PORTFOLIO_INZIEN)
        if s.rijksbreed:
            return self.exclude(status=ActiviteitVersie.Status.CONCEPT)
        return s.filter(self, "activiteit__ministerie", "activiteit__dienstonderdeel")

    def telbaar_voor(self, user):
        """For counts per status only (the reporting cycle: how far each ministry is), never for content.

        The CIO Rijk follows the cycle of every ministry, so a concept is counted, but not shown (B28).
        """
        return scope(user, Recht.PORTFOLIO_INZIEN).filter(self, "activiteit__ministerie", "activiteit__dienstonderdeel")

    def gepubliceerd(self):
        """Only published versions: all the public ever sees."""
        return self.filter(status=ActiviteitVersie.Status.GEPUBLICEERD)

    def nieuwste_peildatum(self) -> datetime.date | None:
        """The newest peildatum with a published version (None when nothing is published)."""
        return self.gepubliceerd().order_by("-peildatum").values_list("peildatum", flat=True).first()

    def geldend(self, peildatum: datetime.date):
        """Per activity the latest published version for a peildatum (a correction supersedes)."""
        nieuwere = ActiviteitVersie.objects.filter(
            activiteit=OuterRef("activiteit"),
            peildatum=peildatum,
            status=ActiviteitVersie.Status.GEPUBLICEERD,
            versienummer__gt=OuterRef("versienummer"),
        )
        return self.gepubliceerd().filter(peildatum=peildatum).exclude(models.Exists(nieuwere))


class ActiviteitVersie(models.Model):
    """A frozen copy of an activity's data for a peildatum: concept → gecontroleerd → gepubliceerd (B14, B15).

    The key figures are columns (the dashboard aggregates them in the database);
    ``gegevens`` holds the full record (general fields, events, lists). A
    published version is immutable; a correction is a new version.
    """

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        GECONTROLEERD = "gecontroleerd", _("Gecontroleerd")
        GEPUBLICEERD = "gepubliceerd", _("Gepubliceerd")
        VERVALLEN = "vervallen", _("Vervallen")

    activiteit = models.ForeignKey(IctActiviteit, on_delete=models.PROTECT, related_name="versies", verbose_name=_("ICT-activiteit"))
    peildatum = models.DateField(_("peildatum"))
    versienummer = models.PositiveIntegerField(_("versienummer"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    # Copies at the moment of preparing, for aggregation (the frozen record is ``gegevens``).
    ministerie = models.ForeignKey(Ministerie, on_delete=models.PROTECT, related_name="+", verbose_name=_("ministerie"))
    dienstonderdeel = models.ForeignKey(Dienstonderdeel, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    naam = models.CharField(_("naam"), max_length=300)
    activiteit_status = models.CharField(_("status activiteit"), max_length=30, choices=ActiviteitStatus.choices)
    soort = models.CharField(_("soort ICT-activiteit"), max_length=30, choices=Soort.choices)
    onderwerp = models.CharField(_("onderwerp"), max_length=120, blank=True)
    startdatum = models.DateField(_("startdatum"), null=True, blank=True)
    initiele_einddatum = models.DateField(_("initiële schatting einddatum"), null=True, blank=True)
    actuele_einddatum = models.DateField(_("actuele schatting einddatum"), null=True, blank=True)
    initieel_totaal = models.DecimalField(_("initiële schatting meerjarige kosten"), null=True, blank=True, **BEDRAG)
    actueel_totaal = models.DecimalField(_("actuele schatting meerjarige kosten"), null=True, blank=True, **BEDRAG)
    gerealiseerd = models.DecimalField(_("cumulatieve meerjarige uitgaven"), null=True, blank=True, **BEDRAG)
    aantal_herijkingen = models.PositiveIntegerField(_("aantal herijkingen"), default=0)
    aantal_acict_adviezen = models.PositiveIntegerField(_("aantal AcICT-adviezen"), default=0)
    organisatie = models.CharField(_("organisatie"), max_length=200, blank=True, help_text=_("Uitvoerende organisatie."))
    aantal_baten = models.PositiveIntegerField(_("aantal maatschappelijke baten"), default=0)
    herijkingen_per_reden = models.JSONField(
        _("herijkingen per reden"), default=dict, blank=True, help_text=_("{naam reden: aantal herijkingen met die reden}")
    )
    gegevens = models.JSONField(_("gegevens"))
    voorbereid_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    voorbereid_op = models.DateTimeField(_("voorbereid op"), auto_now_add=True)
    gecontroleerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    gecontroleerd_op = models.DateTimeField(_("gecontroleerd op"), null=True, blank=True)
    gepubliceerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    gepubliceerd_op = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)

    objects = ActiviteitVersieQuerySet.as_manager()

    class Meta:
        verbose_name = _("versie voor publicatie")
        verbose_name_plural = _("versies voor publicatie")
        ordering = ["-peildatum", "activiteit", "-versienummer"]
        constraints = [models.UniqueConstraint(fields=["activiteit", "peildatum", "versienummer"], name="versie_uniek")]
        indexes = [
            models.Index(fields=["peildatum", "status"]),
            models.Index(fields=["ministerie", "peildatum"]),
            # "De stand op peildatum P" (dashboard.selectors.stand): per activity its newest published
            # version, read from this index alone on PostgreSQL (DISTINCT ON, index-only scan).
            models.Index(
                fields=["activiteit", "-peildatum", "-versienummer", "id"],
                condition=Q(status="gepubliceerd"),
                name="versie_gepubliceerd_stand",
            ),
            # The newest publication (dashboard.selectors.publicatiestempel), read from one index entry.
            models.Index(fields=["gepubliceerd_op"], condition=Q(status="gepubliceerd"), name="versie_gepubliceerd_op"),
        ]

    def __str__(self):
        return f"{self.activiteit_id} {self.peildatum} v{self.versienummer} ({self.get_status_display()})"

    def auditscope(self):
        return self.ministerie, self.dienstonderdeel


class Kerncijfers:
    """The derived figures of one activity, read from the ``met_kerncijfers()`` annotations.

    Formatting helpers only: the figures themselves come from the database.
    """

    def __init__(self, **waarden):
        self.__dict__.update(waarden)

    @classmethod
    def van(cls, activiteit: IctActiviteit) -> "Kerncijfers":
        if not hasattr(activiteit, "k_actueel_totaal"):
            activiteit = IctActiviteit.objects.met_kerncijfers().get(pk=activiteit.pk)
        waarden = {k[2:]: v for k, v in activiteit.__dict__.items() if k.startswith("k_")}
        return cls(**waarden)

    @property
    def verschil_pct(self) -> Decimal | None:
        if self.initieel_totaal in (None, NUL) or self.actueel_totaal is None:
            return None
        return (self.actueel_totaal - self.initieel_totaal) / self.initieel_totaal * 100

    @staticmethod
    def _maanden(duur: datetime.timedelta | None) -> Decimal | None:
        if duur is None:
            return None
        return (Decimal(duur.days) / Decimal("30.4375")).quantize(Decimal("0.1"))

    @staticmethod
    def _jaren(duur: datetime.timedelta | None) -> Decimal | None:
        if duur is None:
            return None
        return (Decimal(duur.days) / Decimal("365.25")).quantize(Decimal("0.01"))

    @property
    def doorlooptijd_initieel_maanden(self):
        return self._maanden(self.doorlooptijd_initieel)

    @property
    def doorlooptijd_actueel_maanden(self):
        return self._maanden(self.doorlooptijd_actueel)

    @property
    def doorlooptijd_initieel_jaren(self):
        return self._jaren(self.doorlooptijd_initieel)

    @property
    def doorlooptijd_actueel_jaren(self):
        return self._jaren(self.doorlooptijd_actueel)

    @property
    def vertraging_jaren(self):
        return self._jaren(self.vertraging)

    @property
    def vertraging_pct(self) -> Decimal | None:
        if not self.doorlooptijd_initieel or self.vertraging is None or self.doorlooptijd_initieel.days == 0:
            return None
        return (Decimal(self.vertraging.days) / Decimal(self.doorlooptijd_initieel.days) * 100).quantize(Decimal("0.1"))


class Importtaak(models.Model):
    """A large import (portfolio/uitwisseling/) that runs in a Celery worker instead of in the web request.

    The uploaded file stays where the dry run stored it (``MEDIA_ROOT/imports/<id>``,
    see uitwisseling_views); the id of the task is the key of that file. The import
    itself is all or nothing (one transaction), so a task that fails or whose
    worker dies changed nothing; only its owner sees it.
    """

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("Wachtend")
        BEZIG = "bezig", _("Bezig")
        GESLAAGD = "geslaagd", _("Geslaagd")
        MISLUKT = "mislukt", _("Mislukt")

    LOPEND = (Status.WACHTEND, Status.BEZIG)

    id = models.UUIDField(primary_key=True)
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("gebruiker"))
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=200)
    peildatum = models.DateField(_("peildatum voor nieuwe rapportages"), null=True, blank=True)
    aantal_rijen = models.PositiveIntegerField(_("aantal rijen"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WACHTEND)
    nieuw = models.PositiveIntegerField(_("nieuw"), default=0)
    bijgewerkt = models.PositiveIntegerField(_("bijgewerkt"), default=0)
    ongewijzigd = models.PositiveIntegerField(_("ongewijzigd"), default=0)
    fouten = models.JSONField(_("fouten"), default=list, blank=True, help_text=_("Per fout: rij, kolom en reden."))
    foutmelding = models.TextField(_("foutmelding"), blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    gestart_op = models.DateTimeField(_("gestart op"), null=True, blank=True)
    klaar_op = models.DateTimeField(_("gereed op"), null=True, blank=True)
    taak_id = models.CharField(_("Celery-taak"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("importtaak")
        verbose_name_plural = _("importtaken")
        ordering = ["-aangemaakt_op"]

    def __str__(self):
        return f"{self.bestandsnaam} ({self.get_status_display()})"

    @property
    def is_lopend(self) -> bool:
        return self.status in self.LOPEND
