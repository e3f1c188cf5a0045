"""Meerjarige departementale informatieplannen and their kwaliteitstoets (art 4 c, 7 d, 11 i; B10-B12).

A plan is internal to its ministerie and the CIO Rijk (besluit.md section 4); the CIO Rijk sees
a plan only once the minister has decided it (vastgesteld), never a concept (B28). State changes
go through ``services.py``; a vastgesteld plan never changes: an actualisatie is a new plan that
starts from the last version (``vorige``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cio_stelsel.permissions import heeft_rijksbreed_recht, scope
from cio_stelsel.rechten import Recht, RijksbreedRecht


class Beoordeling(models.TextChoices):
    VOLDOENDE = "voldoende", _("Voldoende")
    AANDACHTSPUNTEN = "aandachtspunten", _("Voldoende met aandachtspunten")
    ONVOLDOENDE = "onvoldoende", _("Onvoldoende")


class Criterium(models.TextChoices):
    """The parts of the Kwaliteitskader meerjarige departementale IV-plannen a toets covers."""

    AMBITIES = "ambities", _("Ambities en strategische doelen")
    PORTFOLIO = "portfolio", _("Portfolio en logische meerjarenplanning")
    FINANCIEEL = "financieel", _("Financiële paragraaf")
    INFORMATIEBEVEILIGING = "informatiebeveiliging", _("Informatiebeveiliging")
    SAMENHANG = "samenhang", _("Samenhang met de I-strategie Rijk")


def _pdf_pad(plan, naam: str) -> str:
    return f"informatieplannen/{plan.ministerie_id}/{naam}"


class InformatieplanQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """Own ministerie: every version, concepts included. CIO Rijk: only vastgestelde (and getoetste) plans (B12, B28)."""
        eigen = scope(user, Recht.PORTFOLIO_INZIEN)
        if eigen.rijksbreed or heeft_rijksbreed_recht(user, RijksbreedRecht.INFORMATIEPLAN_TOETSEN):
            eigen_ids = eigen.ministerie_ids
            return self.filter(Q(status__in=Informatieplan.NA_VASTSTELLING) | Q(ministerie__in=eigen_ids))
        # A plan is departmental: a dienstonderdeel's scope does not reach it.
        return self.filter(ministerie__in=eigen.ministerie_ids)

    def openbaar(self):
        """What the public side may read: plans the minister made public, and only vastgestelde ones (section 4)."""
        return self.filter(openbaar=True, status__in=Informatieplan.NA_VASTSTELLING)


class Informatieplan(models.Model):
    """The meerjarig informatieplan of one ministerie (art 4 c)."""

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        TER_VASTSTELLING = "ter_vaststelling", _("Ter vaststelling")
        VASTGESTELD = "vastgesteld", _("Vastgesteld")
        GETOETST = "getoetst", _("Getoetst door de CIO Rijk")

    NA_VASTSTELLING = (Status.VASTGESTELD, Status.GETOETST)

    ministerie = models.ForeignKey(
        "cio_stelsel.Ministerie", on_delete=models.PROTECT, related_name="informatieplannen", verbose_name=_("ministerie")
    )
    titel = models.CharField(_("titel"), max_length=200)
    periode_van = models.PositiveSmallIntegerField(_("eerste jaar"))
    periode_tot = models.PositiveSmallIntegerField(
        _("laatste jaar"), help_text=_("Een informatieplan is meerjarig (B10): het laatste jaar ligt na het eerste.")
    )
    ambities = models.TextField(_("ambities"), blank=True)
    strategische_doelen = models.TextField(_("strategische doelen"), blank=True)
    # B11: written by the ministry's CISO only (art 7 d).
    informatiebeveiliging = models.TextField(_("paragraaf informatiebeveiliging (CISO)"), blank=True)
    informatiebeveiliging_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    informatiebeveiliging_op = models.DateTimeField(_("paragraaf informatiebeveiliging op"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    vorige = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actualisaties",
        verbose_name=_("actualisatie van"),
    )
    volgnummer = models.PositiveSmallIntegerField(_("versie"), default=1, editable=False)
    opgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    aangeboden_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    aangeboden_op = models.DateTimeField(_("ter vaststelling aangeboden op"), null=True, blank=True)
    vastgesteld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    vastgesteld_op = models.DateTimeField(_("vastgesteld op"), null=True, blank=True)
    # Optimistic lock: a form posts the version it showed.
    versie = models.PositiveIntegerField(default=1, editable=False)
    # The minister may make a vastgesteld plan public (besluit.md section 4): then it is on the public I-plan
    # page of the ministerie, with this summary and the plan as an accessible PDF (informatieplannen/pdf.py).
    openbaar = models.BooleanField(_("openbaar"), default=False, editable=False)
    openbare_samenvatting = models.TextField(
        _("samenvatting voor de openbare pagina"),
        blank=True,
        help_text=_("Wat burgers en Kamerleden op de openbare I-plan-pagina lezen, naast het plan als PDF."),
    )
    openbaar_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    openbaar_op = models.DateTimeField(_("openbaar gemaakt op"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to=_pdf_pad, blank=True, max_length=300, editable=False)
    pdf_checksum = models.CharField(_("checksum PDF (SHA-256)"), max_length=64, blank=True, editable=False)
    pdf_gemaakt_op = models.DateTimeField(_("PDF gemaakt op"), null=True, blank=True, editable=False)

    objects = InformatieplanQuerySet.as_manager()

    class Meta:
        verbose_name = _("informatieplan")
        verbose_name_plural = _("informatieplannen")
        ordering = ["ministerie__afkorting", "-periode_van", "-volgnummer"]
        constraints = [
            models.CheckConstraint(
                condition=Q(periode_tot__gt=models.F("periode_van")),
                name="informatieplan_meerjarig",
                violation_error_message=_("Een informatieplan is meerjarig: het laatste jaar ligt na het eerste (B10)."),
            ),
            models.CheckConstraint(
                condition=Q(status="concept") | ~Q(informatiebeveiliging=""),
                name="informatieplan_ciso_paragraaf",
                violation_error_message=_("Een aangeboden informatieplan heeft een paragraaf informatiebeveiliging van de CISO (B11)."),
            ),
            models.CheckConstraint(
                condition=Q(openbaar=False) | (Q(status__in=["vastgesteld", "getoetst"]) & ~Q(openbare_samenvatting="")),
                name="informatieplan_openbaar_alleen_vastgesteld",
                violation_error_message=_("Alleen een vastgesteld informatieplan met een samenvatting wordt openbaar (B12)."),
            ),
        ]

    def __str__(self):
        return _("%(titel)s (%(min)s, %(van)s-%(tot)s, versie %(v)s)") % {
            "titel": self.titel,
            "min": self.ministerie.afkorting,
            "van": self.periode_van,
            "tot": self.periode_tot,
            "v": self.volgnummer,
        }

    def auditscope(self):
        return self.ministerie, None

    @property
    def jaren(self) -> list[int]:
        return list(range(self.periode_van, self.periode_tot + 1))

    @property
    def is_concept(self) -> bool:
        return self.status == self.Status.CONCEPT


class PlanActiviteitQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user):
        """As the plan it belongs to (B28: its audit trail too, cio_stelsel.selectors.audit_zichtbaar_voor)."""
        return self.filter(plan__in=Informatieplan.objects.zichtbaar_voor(user))


class PlanActiviteit(models.Model):
    """An activity of the plan's portfolio: an existing ICT-activiteit of the ministerie, or a voorgenomen one."""

    plan = models.ForeignKey(Informatieplan, on_delete=models.CASCADE, related_name="activiteiten", verbose_name=_("informatieplan"))
    activiteit = models.ForeignKey(
        "portfolio.IctActiviteit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="planregels",
        verbose_name=_("ICT-activiteit"),
    )
    voorgenomen_naam = models.CharField(
        _("voorgenomen activiteit"),
        max_length=300,
        blank=True,
        help_text=_("Een activiteit die nog niet in het portfolio staat."),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)

    objects = PlanActiviteitQuerySet.as_manager()

    class Meta:
        verbose_name = _("activiteit in het informatieplan")
        verbose_name_plural = _("activiteiten in het informatieplan")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(activiteit__isnull=False) & Q(voorgenomen_naam="")) | (Q(activiteit__isnull=True) & ~Q(voorgenomen_naam="")),
                name="planactiviteit_bestaand_of_voorgenomen",
                violation_error_message=_("Kies een bestaande ICT-activiteit of geef de naam van een voorgenomen activiteit, niet beide."),
            ),
        ]

    def __str__(self):
        return self.activiteit.naam if self.activiteit_id else self.voorgenomen_naam

    @property
    def voorgenomen(self) -> bool:
        return self.activiteit_id is None

    def auditscope(self):
        return self.plan.auditscope()


class FinancieleConsequentie(models.Model):
    """B10: the financial consequence of a planned activity in one year of the plan, with its reasoning."""

    regel = models.ForeignKey(PlanActiviteit, on_delete=models.CASCADE, related_name="financien", verbose_name=_("activiteit"))
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    bedrag = models.DecimalField(_("bedrag (EUR)"), max_digits=14, decimal_places=2)
    redenering = models.TextField(_("onderbouwing"))

    class Meta:
        verbose_name = _("financiële consequentie")
        verbose_name_plural = _("financiële consequenties")
        ordering = ["jaar"]
        constraints = [
            models.UniqueConstraint(fields=["regel", "jaar"], name="financiele_consequentie_per_jaar"),
            models.CheckConstraint(
                condition=~Q(redenering=""),
                name="financiele_consequentie_onderbouwd",
                violation_error_message=_("Elke financiële consequentie heeft een onderbouwing (B10)."),
            ),
        ]

    def __str__(self):
        return f"{self.regel} {self.jaar}: {self.bedrag}"

    def auditscope(self):
        return self.regel.auditscope()


class PlanToets(models.Model):
    """The CIO Rijk's kwaliteitstoets of a vastgesteld plan (art 11 i, B12): findings per criterion and a verdict."""

    plan = models.OneToOneField(Informatieplan, on_delete=models.PROTECT, related_name="toets", verbose_name=_("informatieplan"))
    eindoordeel = models.CharField(_("eindoordeel"), max_length=20, choices=Beoordeling.choices)
    samenvatting = models.TextField(_("samenvatting"))
    getoetst_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    getoetst_op = models.DateTimeField(_("getoetst op"), auto_now_add=True)

    class Meta:
        verbose_name = _("kwaliteitstoets informatieplan")
        verbose_name_plural = _("kwaliteitstoetsen informatieplannen")
        ordering = ["-getoetst_op"]

    def __str__(self):
        return _("Kwaliteitstoets van %(plan)s") % {"plan": self.plan}

    def auditscope(self):
        return self.plan.auditscope()


class Bevinding(models.Model):
    toets = models.ForeignKey(PlanToets, on_delete=models.CASCADE, related_name="bevindingen", verbose_name=_("toets"))
    criterium = models.CharField(_("criterium"), max_length=30, choices=Criterium.choices)
    beoordeling = models.CharField(_("beoordeling"), max_length=20, choices=Beoordeling.choices)
    bevinding = models.TextField(_("bevinding"))

    class Meta:
        verbose_name = _("bevinding")
        verbose_name_plural = _("bevindingen")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["toets", "criterium"], name="bevinding_per_criterium")]

    def __str__(self):
        return f"{self.get_criterium_display()}: {self.get_beoordeling_display()}"

    def auditscope(self):
        return self.toets.auditscope()


# --------------------------------------------------------------------------
# The I-strategie Rijk (B26) and the commitments to the Tweede Kamer. Public (besluit.md section 4).


class IStrategie(models.Model):
    """The rijksbrede I-strategie (seed 001: I-strategie Rijk 2021-2025), maintained by the CIO Rijk."""

    titel = models.CharField(_("titel"), max_length=200)
    periode_van = models.PositiveSmallIntegerField(_("eerste jaar"))
    periode_tot = models.PositiveSmallIntegerField(_("laatste jaar"))

    class Meta:
        verbose_name = _("I-strategie Rijk")
        verbose_name_plural = _("I-strategieën Rijk")
        ordering = ["-periode_van"]

    def __str__(self):
        return self.titel

    def auditscope(self):
        return None, None


class Thema(models.Model):
    strategie = models.ForeignKey(IStrategie, on_delete=models.CASCADE, related_name="themas", verbose_name=_("I-strategie"))
    naam = models.CharField(_("naam"), max_length=200)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["volgorde", "pk"]

    def __str__(self):
        return self.naam

    def auditscope(self):
        return None, None


class Speerpunt(models.Model):
    thema = models.ForeignKey(Thema, on_delete=models.CASCADE, related_name="speerpunten", verbose_name=_("thema"))
    naam = models.CharField(_("naam"), max_length=300)

    class Meta:
        verbose_name = _("I-speerpunt")
        verbose_name_plural = _("I-speerpunten")
        ordering = ["pk"]

    def __str__(self):
        return self.naam

    def auditscope(self):
        return None, None


class Maatregel(models.Model):
    speerpunt = models.ForeignKey(Speerpunt, on_delete=models.CASCADE, related_name="maatregelen", verbose_name=_("I-speerpunt"))
    omschrijving = models.TextField(_("omschrijving"))

    class Meta:
        verbose_name = _("maatregel")
        verbose_name_plural = _("maatregelen")
        ordering = ["pk"]

    def __str__(self):
        return self.omschrijving[:80]

    def auditscope(self):
        return None, None


class Actie(models.Model):
    """An action of a maatregel, held by a ministerie or an overlegorgaan (e.g. the CIO-beraad)."""

    class Status(models.TextChoices):
        NIET_GESTART = "niet_gestart", _("Niet gestart")
        LOPEND = "lopend", _("Lopend")
        VERTRAAGD = "vertraagd", _("Vertraagd")
        AFGEROND = "afgerond", _("Afgerond")

    maatregel = models.ForeignKey(Maatregel, on_delete=models.CASCADE, related_name="acties", verbose_name=_("maatregel"))
    omschrijving = models.TextField(_("omschrijving"))
    houder_ministerie = models.ForeignKey(
        "cio_stelsel.Ministerie", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("houder (ministerie)")
    )
    houder_overlegorgaan = models.ForeignKey(
        "cio_stelsel.Overlegorgaan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("houder (overlegorgaan)"),
    )
    termijn = models.DateField(_("termijn"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NIET_GESTART)

    class Meta:
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        ordering = ["termijn", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(houder_ministerie__isnull=False, houder_overlegorgaan__isnull=True)
                | Q(houder_ministerie__isnull=True, houder_overlegorgaan__isnull=False),
                name="actie_een_houder",
                violation_error_message=_("Een actie heeft één houder: een ministerie of een overlegorgaan."),
            ),
        ]

    def __str__(self):
        return self.omschrijving[:80]

    def auditscope(self):
        return self.houder_ministerie, None

    @property
    def houder(self):
        return self.houder_ministerie or self.houder_overlegorgaan


class Voortgang(models.Model):
    """A dated progress note on an action, by its holder."""

    actie = models.ForeignKey(Actie, on_delete=models.CASCADE, related_name="voortgang", verbose_name=_("actie"))
    datum = models.DateField(_("datum"))
    tekst = models.TextField(_("voortgang"))
    status = models.CharField(_("status"), max_length=20, choices=Actie.Status.choices)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("voortgangsnotitie")
        verbose_name_plural = _("voortgangsnotities")
        ordering = ["-datum", "-pk"]

    def __str__(self):
        return f"{self.datum}: {self.tekst[:60]}"

    def auditscope(self):
        return self.actie.auditscope()


class StrategieActualisatie(models.Model):
    """B26: the yearly update, discussed in the CIO-beraad and sent to the Tweede Kamer."""

    strategie = models.ForeignKey(IStrategie, on_delete=models.CASCADE, related_name="actualisaties", verbose_name=_("I-strategie"))
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    besproken_in_cio_beraad_op = models.DateField(_("besproken in het CIO-beraad op"))
    cio_beraad_verslag = models.CharField(
        _("verslag CIO-beraad"), max_length=200, help_text=_("Kenmerk of titel van het verslag van de vergadering.")
    )
    kamerstuk = models.CharField(_("Kamerstuk"), max_length=50, help_text=_("Bijvoorbeeld '26 643, nr. 1012'."))
    verzonden_op = models.DateField(_("aan de Tweede Kamer gezonden op"))
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        verbose_name = _("actualisatie I-strategie")
        verbose_name_plural = _("actualisaties I-strategie")
        ordering = ["-verzonden_op"]
        constraints = [
            models.UniqueConstraint(fields=["strategie", "jaar"], name="istrategie_actualisatie_per_jaar"),
            models.CheckConstraint(
                condition=Q(verzonden_op__gte=models.F("besproken_in_cio_beraad_op")),
                name="istrategie_eerst_cio_beraad",
                violation_error_message=_("De actualisatie wordt eerst in het CIO-beraad besproken en daarna aan de Kamer gezonden (B26)."),
            ),
        ]

    def __str__(self):
        return _("Actualisatie %(jaar)s van %(s)s") % {"jaar": self.jaar, "s": self.strategie}

    def auditscope(self):
        return None, None


class Toezegging(models.Model):
    """A commitment to the Tweede Kamer: a toezegging (TZyyyymm-nnn) or a motie (Kamerstuk number)."""

    class Soort(models.TextChoices):
        TOEZEGGING = "toezegging", _("Toezegging")
        MOTIE = "motie", _("Motie")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        AFGEDAAN = "afgedaan", _("Afgedaan")
        UITGESTELD = "uitgesteld", _("Uitgesteld")

    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    nummer = models.CharField(
        _("nummer"),
        max_length=50,
        unique=True,
        help_text=_("Toezegging: TZjjjjmm-nnn. Motie: het Kamerstuknummer, bijvoorbeeld '26 643, nr. 700'."),
    )
    tekst = models.TextField(_("tekst"))
    datum = models.DateField(_("datum"))
    ministerie = models.ForeignKey(
        "cio_stelsel.Ministerie", on_delete=models.PROTECT, related_name="+", verbose_name=_("verantwoordelijk ministerie")
    )
    termijn = models.DateField(_("termijn"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    toelichting = models.TextField(_("toelichting"), blank=True)
    acties = models.ManyToManyField(Actie, blank=True, related_name="toezeggingen", verbose_name=_("acties I-strategie"))
    activiteiten = models.ManyToManyField(
        "portfolio.IctActiviteit", blank=True, related_name="toezeggingen", verbose_name=_("ICT-activiteiten")
    )

    class Meta:
        verbose_name = _("toezegging of motie")
        verbose_name_plural = _("toezeggingen en moties")
        ordering = ["termijn", "nummer"]

    def __str__(self):
        return f"{self.nummer}: {self.tekst[:60]}"

    def auditscope(self):
        return self.ministerie, None
