"""CIO-oordelen, afwijkingen (art 5.3), bestuursraad items and AcICT aanmeldingen (art 4 j-k, 5, 7 k; B1-B9).

Oordelen are internal to the ministerie and the CIO Rijk (who sees decided ones
only, B7, B28); never public. State changes go through ``services.py``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cio_stelsel.permissions import scope
from cio_stelsel.rechten import Recht
from portfolio.models import IctActiviteit


class Beoordeling(models.TextChoices):
    VOLDOENDE = "voldoende", _("Voldoende")
    AANDACHTSPUNTEN = "aandachtspunten", _("Voldoende met aandachtspunten")
    ONVOLDOENDE = "onvoldoende", _("Onvoldoende")


class CioOordeelQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """Own organisation: all oordelen, drafts included. CIO Rijk: only decided ones (B7, B28)."""
        s = scope(user, Recht.PORTFOLIO_INZIEN)
        if s.rijksbreed:
            return self.filter(status=CioOordeel.Status.VASTGESTELD)
        return s.filter(self, "activiteit__ministerie", "activiteit__dienstonderdeel")

    def vastgesteld(self):
        return self.filter(status=CioOordeel.Status.VASTGESTELD)


def _pdf_pad(oordeel, naam: str) -> str:
    return f"oordelen/{naam}"


class CioOordeel(models.Model):
    """The CIO's opinion on control, feasibility, risks and implications of an activity (art 4 j)."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        VASTGESTELD = "vastgesteld", _("Vastgesteld")

    class Uitkomst(models.TextChoices):
        POSITIEF = "positief", _("Positief")
        POSITIEF_ONDER_VOORWAARDEN = "positief_onder_voorwaarden", _("Positief onder voorwaarden")
        NEGATIEF = "negatief", _("Negatief")

    POSITIEVE_UITKOMSTEN = (Uitkomst.POSITIEF, Uitkomst.POSITIEF_ONDER_VOORWAARDEN)

    activiteit = models.ForeignKey(IctActiviteit, on_delete=models.PROTECT, related_name="oordelen", verbose_name=_("ICT-activiteit"))
    aanleiding = models.CharField(
        _("aanleiding / fase"),
        max_length=200,
        help_text=_("Bijvoorbeeld 'voor de start', 'herijking 2025', 'overgang naar realisatie' (B4: in elke fase)."),
    )
    kwaliteitskader_versie = models.CharField(
        _("versie kwaliteitskader"),
        max_length=50,
        blank=True,
        help_text=_("De toegepaste versie van het kwaliteitskader CIO-oordelen Rijksoverheid (B6)."),
    )
    beheersing = models.CharField(_("beheersing"), max_length=20, choices=Beoordeling.choices, blank=True)
    beheersing_toelichting = models.TextField(_("toelichting beheersing"), blank=True)
    haalbaarheid = models.CharField(_("haalbaarheid"), max_length=20, choices=Beoordeling.choices, blank=True)
    haalbaarheid_toelichting = models.TextField(_("toelichting haalbaarheid"), blank=True)
    risicos = models.CharField(_("risico's"), max_length=20, choices=Beoordeling.choices, blank=True)
    risicos_toelichting = models.TextField(_("toelichting risico's"), blank=True)
    implicaties = models.CharField(_("implicaties"), max_length=20, choices=Beoordeling.choices, blank=True)
    implicaties_toelichting = models.TextField(_("toelichting implicaties"), blank=True)
    # B5: the CISO's information-security contribution (art 7 k).
    ciso_bijdrage = models.TextField(_("bijdrage informatiebeveiliging (CISO)"), blank=True)
    ciso_bijdrage_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    ciso_bijdrage_op = models.DateTimeField(_("bijdrage CISO op"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    uitkomst = models.CharField(_("uitkomst"), max_length=30, choices=Uitkomst.choices, blank=True)
    motivering = models.TextField(_("motivering"), blank=True)
    opgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    vastgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    vastgesteld_op = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)
    versie = models.PositiveIntegerField(default=1, editable=False)
    # The document of the decided oordeel (with its afwijking, if any), made by a Celery task (oordelen/pdf.py).
    pdf = models.FileField(_("PDF"), upload_to=_pdf_pad, blank=True, max_length=300, editable=False)
    pdf_checksum = models.CharField(_("checksum PDF (SHA-256)"), max_length=64, blank=True, editable=False)
    pdf_gemaakt_op = models.DateTimeField(_("PDF gemaakt op"), null=True, blank=True, editable=False)

    objects = CioOordeelQuerySet.as_manager()

    class Meta:
        verbose_name = _("CIO-oordeel")
        verbose_name_plural = _("CIO-oordelen")
        ordering = [models.F("vastgesteld_op").desc(nulls_first=True), "-aangemaakt_op"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="concept") | (~Q(uitkomst="") & Q(vastgesteld_op__isnull=False) & ~Q(ciso_bijdrage="")),
                name="vastgesteld_oordeel_compleet",
                violation_error_message=_("Een vastgesteld oordeel heeft een uitkomst, een datum en een CISO-bijdrage (B5)."),
            ),
        ]

    def __str__(self):
        return _("CIO-oordeel %(nr)s over %(act)s") % {"nr": self.pk, "act": self.activiteit.naam}

    def auditscope(self):
        return self.activiteit.ministerie, self.activiteit.dienstonderdeel

    @property
    def is_positief(self) -> bool:
        return self.uitkomst in self.POSITIEVE_UITKOMSTEN

    ASPECTEN = ("beheersing", "haalbaarheid", "risicos", "implicaties")


class Voorwaarde(models.Model):
    """A condition of a 'positief onder voorwaarden' oordeel, tracked until met or the activity changes."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        VERVULD = "vervuld", _("Vervuld")
        VERVALLEN = "vervallen", _("Vervallen (activiteit gewijzigd)")

    oordeel = models.ForeignKey(CioOordeel, on_delete=models.CASCADE, related_name="voorwaarden", verbose_name=_("oordeel"))
    omschrijving = models.TextField(_("omschrijving"))
    termijn = models.DateField(_("termijn"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    afgehandeld_op = models.DateField(_("afgehandeld op"), null=True, blank=True)
    toelichting = models.TextField(_("toelichting afhandeling"), blank=True)

    class Meta:
        verbose_name = _("voorwaarde")
        verbose_name_plural = _("voorwaarden")
        ordering = ["pk"]

    def __str__(self):
        return self.omschrijving[:80]

    def auditscope(self):
        return self.oordeel.auditscope()


class Afwijking(models.Model):
    """A reasoned deviation from a negative CIO-oordeel by the SG or the minister (art 5.3, B1)."""

    class Door(models.TextChoices):
        SECRETARIS_GENERAAL = "secretaris_generaal", _("Secretaris-generaal")
        MINISTER = "minister", _("Minister")

    oordeel = models.OneToOneField(CioOordeel, on_delete=models.PROTECT, related_name="afwijking", verbose_name=_("oordeel"))
    door_rol = models.CharField(_("vastgelegd als"), max_length=30, choices=Door.choices)
    motivering = models.TextField(_("motivering"))
    datum = models.DateField(_("datum besluit"))
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    vastgelegd_op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("afwijking van negatief CIO-oordeel")
        verbose_name_plural = _("afwijkingen van negatieve CIO-oordelen")

    def __str__(self):
        return _("Afwijking (art 5.3) van %(o)s") % {"o": self.oordeel}

    def auditscope(self):
        return self.oordeel.auditscope()


class BestuursraadAgendapunt(models.Model):
    """B3: a negative oordeel puts an item on the agenda of the ministerie's bestuursraad."""

    class Status(models.TextChoices):
        OPEN = "open", _("Geagendeerd")
        BEHANDELD = "behandeld", _("Behandeld")

    oordeel = models.OneToOneField(CioOordeel, on_delete=models.PROTECT, related_name="agendapunt", verbose_name=_("oordeel"))
    ministerie = models.ForeignKey("cio_stelsel.Ministerie", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    aangemaakt_op = models.DateTimeField(_("geagendeerd op"), auto_now_add=True)
    behandeld_op = models.DateField(_("behandeld op"), null=True, blank=True)
    verslag = models.TextField(_("verslag"), blank=True)

    class Meta:
        verbose_name = _("agendapunt bestuursraad")
        verbose_name_plural = _("agendapunten bestuursraad")
        ordering = ["-aangemaakt_op"]

    def __str__(self):
        return _("Bestuursraad: %(o)s") % {"o": self.oordeel}

    def auditscope(self):
        return self.oordeel.auditscope()


class AanmeldingQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """Own organisation; the CIO Rijk sees aanmeldingen once submitted (not drafts, B28)."""
        s = scope(user, Recht.PORTFOLIO_INZIEN)
        if s.rijksbreed:
            return self.exclude(status=Aanmelding.Status.CONCEPT)
        return s.filter(self, "activiteit__ministerie", "activiteit__dienstonderdeel")


class Aanmelding(models.Model):
    """Registration of an activity with the Adviescollege ICT-toetsing (art 4 k; B8, B9)."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        AANGEMELD = "aangemeld", _("Aangemeld")
        TOETSING_BESLOTEN = "toetsing_besloten", _("College besluit tot toetsing")
        NIET_GETOETST = "niet_getoetst", _("College toetst niet")
        ADVIES_ONTVANGEN = "advies_ontvangen", _("Advies ontvangen")
        REACTIE_VASTGESTELD = "reactie_vastgesteld", _("Bestuurlijke reactie vastgesteld")

    activiteit = models.ForeignKey(IctActiviteit, on_delete=models.PROTECT, related_name="aanmeldingen", verbose_name=_("ICT-activiteit"))
    oordeel = models.ForeignKey(CioOordeel, on_delete=models.PROTECT, related_name="aanmeldingen", verbose_name=_("CIO-oordeel"))
    toelichting = models.TextField(_("toelichting bij de aanmelding"), blank=True)
    status = models.CharField(_("status"), max_length=30, choices=Status.choices, default=Status.CONCEPT)
    opgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    aangemeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    aangemeld_op = models.DateField(_("aangemeld op"), null=True, blank=True)
    collegebesluit_op = models.DateField(_("datum besluit college"), null=True, blank=True)
    advies_datum = models.DateField(_("datum advies"), null=True, blank=True)
    advies_samenvatting = models.TextField(_("samenvatting advies"), blank=True)
    advies_link = models.URLField(_("link naar het advies"), blank=True)
    advies_kamerstuk = models.CharField(_("Kamerstuk"), max_length=50, blank=True, help_text=_("Bijvoorbeeld '26 643, nr. 1012'."))
    reactie_datum = models.DateField(_("datum bestuurlijke reactie"), null=True, blank=True)
    reactie_toelichting = models.TextField(_("bestuurlijke reactie"), blank=True)
    gedeeld_met_cio_rijk_op = models.DateField(_("gedeeld met de CIO Rijk op"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    objects = AanmeldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("aanmelding AcICT")
        verbose_name_plural = _("aanmeldingen AcICT")
        ordering = ["-aangemaakt_op"]

    def __str__(self):
        return _("Aanmelding AcICT: %(a)s") % {"a": self.activiteit.naam}

    def auditscope(self):
        return self.activiteit.ministerie, self.activiteit.dienstonderdeel


class Aanbeveling(models.Model):
    """A recommendation of an AcICT advice and the ministry's response to it."""

    class Reactie(models.TextChoices):
        OVERGENOMEN = "overgenomen", _("Overgenomen")
        DEELS_OVERGENOMEN = "deels_overgenomen", _("Deels overgenomen")
        NIET_OVERGENOMEN = "niet_overgenomen", _("Niet overgenomen")

    aanmelding = models.ForeignKey(Aanmelding, on_delete=models.CASCADE, related_name="aanbevelingen", verbose_name=_("aanmelding"))
    nummer = models.PositiveSmallIntegerField(_("nummer"))
    tekst = models.TextField(_("aanbeveling"))
    reactie = models.CharField(_("reactie"), max_length=30, choices=Reactie.choices, blank=True)
    reactie_toelichting = models.TextField(_("toelichting op de reactie"), blank=True)

    class Meta:
        verbose_name = _("aanbeveling")
        verbose_name_plural = _("aanbevelingen")
        ordering = ["nummer"]
        constraints = [models.UniqueConstraint(fields=["aanmelding", "nummer"], name="aanbeveling_nummer_uniek")]

    def __str__(self):
        return f"{self.nummer}. {self.tekst[:60]}"

    def auditscope(self):
        return self.aanmelding.auditscope()
