"""The organisation of the CIO-stelsel (Besluit CIO-stelsel Rijksdienst 2021, art 2-17).

Ministeries are data, not an enum: cabinets split, merge and rename them, so a
ministerie has a validity period and links to its predecessors. Roles are held
by persons for a period (``Roltoewijzing``); the permissions that follow from
them live in ``rechten.py`` and are applied by ``services.rechten_synchroniseren``.

State changes go through ``services.py``; the ``clean()`` methods here only
hold the checks that concern a single row, so forms and the admin show them.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from .rechten import Recht, RijksbreedRecht, Rol


def vandaag() -> datetime.date:
    return timezone.localdate()


class GeldigheidQuerySet(models.QuerySet):
    def actief(self, op: datetime.date | None = None):
        """Rows whose period [begin, eind] (eind inclusive, open when empty) contains ``op``."""
        op = op or vandaag()
        return self.filter(**{f"{self.model.BEGIN_VELD}__lte": op}).filter(
            Q(**{f"{self.model.EIND_VELD}__isnull": True}) | Q(**{f"{self.model.EIND_VELD}__gte": op})
        )


class Ministerie(models.Model):
    """A kerndepartement (art 2). Renamed or split ministries keep their history."""

    BEGIN_VELD, EIND_VELD = "geldig_van", "geldig_tot"

    naam = models.CharField(_("naam"), max_length=200)
    afkorting = models.CharField(_("afkorting"), max_length=20)
    code = models.SlugField(_("code"), max_length=20, unique=True, help_text=_("Vaste code, ook in open data (bijvoorbeeld 'bzk')."))
    geldig_van = models.DateField(_("geldig van"), default=datetime.date(1900, 1, 1))
    geldig_tot = models.DateField(_("geldig tot en met"), null=True, blank=True)
    voorgangers = models.ManyToManyField(
        "self",
        symmetrical=False,
        related_name="opvolgers",
        blank=True,
        verbose_name=_("voorgangers"),
        help_text=_("Ministeries waaruit dit ministerie is ontstaan (splitsing, samenvoeging, naamswijziging)."),
    )

    objects = GeldigheidQuerySet.as_manager()

    class Meta:
        verbose_name = _("ministerie")
        verbose_name_plural = _("ministeries")
        ordering = ["naam"]
        permissions = [(r.value, r.label) for r in Recht] + [(r.value, r.label) for r in RijksbreedRecht]
        constraints = [
            models.CheckConstraint(
                condition=Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=models.F("geldig_van")),
                name="ministerie_geldigheid_volgorde",
                violation_error_message=_("'Geldig tot en met' ligt vóór 'geldig van'."),
            )
        ]

    def __str__(self):
        return f"{self.naam} ({self.afkorting})"

    @property
    def is_actief(self) -> bool:
        op = vandaag()
        return self.geldig_van <= op and (self.geldig_tot is None or self.geldig_tot >= op)


class Dienstonderdeel(models.Model):
    """A dienstonderdeel of one ministerie (art 9). ``substantieel_portfolio`` is set by the minister."""

    ministerie = models.ForeignKey(Ministerie, on_delete=models.PROTECT, related_name="dienstonderdelen", verbose_name=_("ministerie"))
    naam = models.CharField(_("naam"), max_length=200)
    afkorting = models.CharField(_("afkorting"), max_length=30, blank=True)
    substantieel_portfolio = models.BooleanField(
        _("substantieel ICT-portfolio"),
        default=False,
        help_text=_("Door de minister aangewezen (art 9.1): dan zijn een eigen CIO en CISO verplicht (S5)."),
    )
    is_ict_dienstverlener = models.BooleanField(
        _("ICT-dienstverlener"), default=False, help_text=_("Bijvoorbeeld SSC-ICT, DICTU, Logius (lid van CTO-raad en TORN).")
    )

    class Meta:
        verbose_name = _("dienstonderdeel")
        verbose_name_plural = _("dienstonderdelen")
        ordering = ["ministerie__naam", "naam"]
        permissions = [(r.value, r.label) for r in Recht]
        constraints = [models.UniqueConstraint(fields=["ministerie", "naam"], name="dienstonderdeel_naam_uniek")]

    def __str__(self):
        return self.naam


class Zbo(models.Model):
    """A zelfstandig bestuursorgaan owned by a ministerie: no mandatory stelsel roles (S8)."""

    ministerie = models.ForeignKey(Ministerie, on_delete=models.PROTECT, related_name="zbos", verbose_name=_("ministerie"))
    naam = models.CharField(_("naam"), max_length=200)
    afkorting = models.CharField(_("afkorting"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("zbo")
        verbose_name_plural = _("zbo's")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Persoon(models.Model):
    """A person who holds (or held) a role in the stelsel. Optionally linked to a log-in."""

    voornaam = models.CharField(_("voornaam"), max_length=100)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=30, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=150)
    email = models.EmailField(_("e-mailadres"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="persoon",
        verbose_name=_("gebruikersaccount"),
    )

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["achternaam", "voornaam"]

    def __str__(self):
        return " ".join(p for p in (self.voornaam, self.tussenvoegsel, self.achternaam) if p)


class CioOffice(models.Model):
    """The office that supports a CIO (art 3.5): one per ministerie or dienstonderdeel with a CIO (S3)."""

    ministerie = models.ForeignKey(Ministerie, on_delete=models.PROTECT, related_name="cio_offices", verbose_name=_("ministerie"))
    dienstonderdeel = models.OneToOneField(
        Dienstonderdeel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cio_office",
        verbose_name=_("dienstonderdeel"),
    )
    naam = models.CharField(_("naam"), max_length=200)

    class Meta:
        verbose_name = _("CIO-office")
        verbose_name_plural = _("CIO-offices")
        constraints = [
            # S3: one departmental office per ministerie (the one without dienstonderdeel).
            models.UniqueConstraint(
                fields=["ministerie"],
                condition=Q(dienstonderdeel__isnull=True),
                name="s3_een_departementaal_cio_office",
                violation_error_message=_("Dit ministerie heeft al een CIO-office (S3, art 3.5)."),
            )
        ]

    def __str__(self):
        return self.naam


class RoltoewijzingQuerySet(GeldigheidQuerySet):
    pass


class Roltoewijzing(models.Model):
    """A person holds a role for an organisation during [begindatum, einddatum] (einddatum inclusive)."""

    BEGIN_VELD, EIND_VELD = "begindatum", "einddatum"

    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="roltoewijzingen", verbose_name=_("persoon"))
    rol = models.CharField(_("rol"), max_length=40, choices=Rol.choices)
    ministerie = models.ForeignKey(
        Ministerie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="roltoewijzingen",
        verbose_name=_("ministerie"),
    )
    dienstonderdeel = models.ForeignKey(
        Dienstonderdeel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="roltoewijzingen",
        verbose_name=_("dienstonderdeel"),
    )
    begindatum = models.DateField(_("begindatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True, help_text=_("Laatste dag in de rol."))
    # S7 (art 12.2; art 3a Coördinatiebesluit): the consultation of the CIO Rijk
    # on behalf of the Minister of BZK before a departmental CIO is appointed ...
    consultatie_benoeming_datum = models.DateField(_("datum consultatie CIO Rijk (benoeming)"), null=True, blank=True)
    consultatie_benoeming = models.TextField(_("consultatie CIO Rijk (benoeming)"), blank=True)
    # ... or dismissed.
    consultatie_ontslag_datum = models.DateField(_("datum consultatie CIO Rijk (ontslag)"), null=True, blank=True)
    consultatie_ontslag = models.TextField(_("consultatie CIO Rijk (ontslag)"), blank=True)
    reden_beeindiging = models.TextField(_("reden beëindiging"), blank=True)
    # Art 3.1, 6.1: the minister appoints the departmental CIO and CISO. Who decided
    # it is recorded (required when a person enters the appointment).
    besloten_door = models.ForeignKey(
        Persoon,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("besloten door"),
        help_text=_("De minister die tot de benoeming besloot (art 3.1, 6.1)."),
    )

    objects = RoltoewijzingQuerySet.as_manager()

    class Meta:
        verbose_name = _("roltoewijzing")
        verbose_name_plural = _("roltoewijzingen")
        ordering = ["-begindatum"]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("begindatum")),
                name="roltoewijzing_einddatum_na_begindatum",
                violation_error_message=_("De einddatum ligt vóór de begindatum."),
            )
        ]
        indexes = [models.Index(fields=["rol", "begindatum", "einddatum"])]

    def __str__(self):
        waar = self.dienstonderdeel or self.ministerie
        return f"{self.get_rol_display()}: {self.persoon}" + (f" ({waar})" if waar else "")

    @property
    def organisatie(self):
        return self.dienstonderdeel or self.ministerie

    def is_actief(self, op: datetime.date | None = None) -> bool:
        op = op or vandaag()
        return self.begindatum <= op and (self.einddatum is None or self.einddatum >= op)


class Overlegorgaan(models.Model):
    """The CIO-beraad and its voorportalen (art 15)."""

    class Soort(models.TextChoices):
        CIO_BERAAD = "cio_beraad", _("CIO-beraad")
        CISO_RAAD = "ciso_raad", _("CISO-raad")
        CTO_RAAD = "cto_raad", _("CTO-raad")
        TORN = "torn", _("TORN (Tactisch Overleg Rijksnetwerken)")
        TORV = "torv", _("TORV (Tactisch Overleg Rijksbrede Voorzieningen)")

    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, unique=True)
    omschrijving = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        verbose_name = _("overlegorgaan")
        verbose_name_plural = _("overlegorganen")
        ordering = ["soort"]

    def __str__(self):
        return self.get_soort_display()


class Overleglidmaatschap(models.Model):
    BEGIN_VELD, EIND_VELD = "begindatum", "einddatum"

    class Functie(models.TextChoices):
        VOORZITTER = "voorzitter", _("voorzitter")
        LID = "lid", _("lid")

    overlegorgaan = models.ForeignKey(
        Overlegorgaan, on_delete=models.CASCADE, related_name="lidmaatschappen", verbose_name=_("overlegorgaan")
    )
    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="lidmaatschappen", verbose_name=_("persoon"))
    functie = models.CharField(_("functie"), max_length=20, choices=Functie.choices, default=Functie.LID)
    namens_ministerie = models.ForeignKey(
        Ministerie, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("namens ministerie")
    )
    namens_dienstonderdeel = models.ForeignKey(
        Dienstonderdeel,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("namens dienstonderdeel"),
        help_text=_("Voor de CTO-raad en het TORN: de ICT-dienstverlener die het lid vertegenwoordigt."),
    )
    gedelegeerd_door_cio_rijk = models.BooleanField(
        _("gedelegeerd door de CIO Rijk"), default=False, help_text=_("Voorzitters van TORN en TORV (art 15.8 en 15.9).")
    )
    begindatum = models.DateField(_("begindatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)

    objects = GeldigheidQuerySet.as_manager()

    class Meta:
        verbose_name = _("lidmaatschap overlegorgaan")
        verbose_name_plural = _("lidmaatschappen overlegorganen")
        ordering = ["overlegorgaan", "-functie", "persoon__achternaam"]

    def __str__(self):
        return f"{self.persoon}, {self.get_functie_display()} {self.overlegorgaan}"


class HandvestVersie(models.Model):
    """A version of the handvest of the CIO-beraad; overdue after two years (B24, art 15.4)."""

    overlegorgaan = models.ForeignKey(
        Overlegorgaan, on_delete=models.CASCADE, related_name="handvestversies", verbose_name=_("overlegorgaan")
    )
    versie = models.CharField(_("versie"), max_length=20)
    vastgesteld_op = models.DateField(_("vastgesteld op"))
    samenvatting = models.TextField(_("samenvatting"), blank=True)

    class Meta:
        verbose_name = _("versie handvest")
        verbose_name_plural = _("versies handvest")
        ordering = ["-vastgesteld_op"]
        constraints = [models.UniqueConstraint(fields=["overlegorgaan", "versie"], name="handvest_versie_uniek")]

    def __str__(self):
        return f"{self.overlegorgaan} handvest {self.versie}"


class Art17Afwijking(models.Model):
    """A deviation from named provisions of the Besluit for one ministerie (art 17, B27, S10)."""

    BEGIN_VELD, EIND_VELD = "begindatum", "einddatum"

    class Bepaling(models.TextChoices):
        # The provisions a ministerie may deviate from, with the structural rule they carry.
        ART_3_1 = "art3.1", _("Artikel 3, eerste lid: departementale CIO (S1)")
        ART_3_4 = "art3.4", _("Artikel 3, vierde lid: CIO lid van de bestuursraad (S2)")
        ART_3_5 = "art3.5", _("Artikel 3, vijfde lid: CIO-office (S3)")
        ART_6_1 = "art6.1", _("Artikel 6, eerste lid: departementale CISO (S4)")
        ART_9_1 = "art9.1", _("Artikel 9, eerste lid: CIO van een dienstonderdeel (S5)")
        ART_9_4 = "art9.4", _("Artikel 9, vierde lid: CISO van een dienstonderdeel (S5)")

    REGEL_PER_BEPALING = {
        Bepaling.ART_3_1: "S1",
        Bepaling.ART_3_4: "S2",
        Bepaling.ART_3_5: "S3",
        Bepaling.ART_6_1: "S4",
        Bepaling.ART_9_1: "S5",
        Bepaling.ART_9_4: "S5",
    }

    class Status(models.TextChoices):
        AANGEVRAAGD = "aangevraagd", _("aangevraagd")
        GOEDGEKEURD = "goedgekeurd", _("goedgekeurd")
        AFGEWEZEN = "afgewezen", _("afgewezen")

    ministerie = models.ForeignKey(Ministerie, on_delete=models.PROTECT, related_name="art17_afwijkingen", verbose_name=_("ministerie"))
    bepalingen = models.JSONField(_("bepalingen"), default=list, help_text=_("De artikelleden waarvan wordt afgeweken."))
    reden = models.TextField(_("reden (doeltreffendheid)"))
    aangevraagd_door = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="+", verbose_name=_("aangevraagd door (minister)"))
    consultatie_bzk_datum = models.DateField(_("datum consultatie Minister van BZK"))
    consultatie_bzk = models.TextField(_("consultatie Minister van BZK"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.AANGEVRAAGD)
    begindatum = models.DateField(_("begindatum"))
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)

    objects = GeldigheidQuerySet.as_manager()

    class Meta:
        verbose_name = _("afwijking (art 17)")
        verbose_name_plural = _("afwijkingen (art 17)")
        ordering = ["-begindatum"]

    def __str__(self):
        return _("Afwijking art 17 %(ministerie)s: %(bepalingen)s") % {
            "ministerie": self.ministerie.afkorting,
            "bepalingen": ", ".join(self.bepalingen),
        }

    @property
    def regels(self) -> set[str]:
        return {self.REGEL_PER_BEPALING[b] for b in self.bepalingen if b in self.REGEL_PER_BEPALING}

    def bepalingen_weergave(self) -> list[str]:
        labels = dict(self.Bepaling.choices)
        return [str(labels.get(b, b)) for b in self.bepalingen]


class AuditRecordQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Het auditlog is alleen-toevoegen: records worden nooit gewijzigd.")

    def delete(self):
        raise TypeError("Het auditlog is alleen-toevoegen: records worden nooit verwijderd.")


class AuditRecord(models.Model):
    """Append-only audit log. Written by ``cio_stelsel.audit.vastleggen`` in the business transaction.

    On PostgreSQL a trigger (migration 0003) refuses UPDATE and DELETE as well.
    """

    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    actor_naam = models.CharField(_("naam actor"), max_length=300, blank=True)
    actie = models.CharField(_("actie"), max_length=100, db_index=True)
    object_type = models.CharField(_("objecttype"), max_length=100, db_index=True)
    object_id = models.CharField(_("object-id"), max_length=64, db_index=True)
    object_weergave = models.CharField(_("object"), max_length=500)
    ministerie = models.ForeignKey(
        Ministerie, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("ministerie")
    )
    dienstonderdeel = models.ForeignKey(
        Dienstonderdeel, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("dienstonderdeel")
    )
    voor = models.JSONField(_("voor"), null=True, blank=True)
    na = models.JSONField(_("na"), null=True, blank=True)
    reden = models.TextField(_("reden"), blank=True)

    objects = AuditRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditrecord")
        verbose_name_plural = _("auditlog")
        ordering = ["-tijdstip", "-id"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.actor_naam}: {self.actie} {self.object_weergave}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Het auditlog is alleen-toevoegen: records worden nooit gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Het auditlog is alleen-toevoegen: records worden nooit verwijderd.")

    def wijzigingen(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for every field that differs."""
        voor, na = self.voor or {}, self.na or {}
        return [(k, voor.get(k), na.get(k)) for k in sorted(set(voor) | set(na)) if voor.get(k) != na.get(k)]


# Direct foreign-key object-permission models (faster than guardian's generic
# ones and they cascade when the organisation is deleted).
class MinisterieUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Ministerie, on_delete=models.CASCADE)


class MinisterieGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Ministerie, on_delete=models.CASCADE)


class DienstonderdeelUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Dienstonderdeel, on_delete=models.CASCADE)


class DienstonderdeelGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Dienstonderdeel, on_delete=models.CASCADE)


class ApiTokenQuerySet(models.QuerySet):
    def geldig(self, op: datetime.date | None = None):
        """Tokens that still authenticate on ``op``: not revoked, not yet expired."""
        return self.filter(ingetrokken_op__isnull=True, verloopt_op__gt=op or vandaag())


class ApiToken(models.Model):
    """A personal API token (``Authorization: Token <geheim>``).

    Only the SHA-256 hash of the secret is stored; the secret is shown once, when
    the token is made (``services.api_token_aanmaken``). A token authenticates
    as its user: every right comes from the user's roles through
    ``permissions.scope()``, so a token never grants more than its user has. A
    read-only token may only read (GET, HEAD, OPTIONS).
    """

    VOORVOEGSEL = "cio_"
    # Days a token may live at most.
    MAXIMALE_LOOPTIJD_DAGEN = 365

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("gebruiker"))
    naam = models.CharField(_("naam"), max_length=100, help_text=_("Waarvoor u het token gebruikt, bijvoorbeeld 'Rapportage-script'."))
    prefix = models.CharField(_("begin van het token"), max_length=16, unique=True, help_text=_("Niet geheim: om het token te herkennen."))
    sleutel_hash = models.CharField(_("SHA-256 van het geheim"), max_length=64, unique=True, editable=False)
    alleen_lezen = models.BooleanField(_("alleen lezen"), default=True)
    verloopt_op = models.DateField(_("verloopt op"), help_text=_("Vanaf deze dag werkt het token niet meer."))
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    laatst_gebruikt_op = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")
        ordering = ["-aangemaakt_op", "-pk"]

    def __str__(self):
        return f"{self.naam} ({self.prefix}…)"

    @staticmethod
    def hash_van(geheim: str) -> str:
        import hashlib

        return hashlib.sha256(geheim.encode("utf-8")).hexdigest()

    @property
    def is_ingetrokken(self) -> bool:
        return self.ingetrokken_op is not None

    @property
    def is_verlopen(self) -> bool:
        return self.verloopt_op <= vandaag()

    @property
    def is_geldig(self) -> bool:
        return not self.is_ingetrokken and not self.is_verlopen


class UitgesteldeTaak(models.Model):
    """A background task that could not be queued because the broker was unreachable (cio_stelsel/wachtrij.py).

    Kept here, in the database, until the broker takes it again: work is run
    later, never silently lost. A technical table, not a record of the Besluit.
    """

    taak = models.CharField(_("taak"), max_length=200)
    argumenten = models.JSONField(_("argumenten"), default=list)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    pogingen = models.PositiveIntegerField(_("pogingen"), default=0)
    laatste_fout = models.CharField(_("laatste fout"), max_length=500, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("uitgestelde taak")
        verbose_name_plural = _("uitgestelde taken")

    def __str__(self):
        return f"{self.taak}{tuple(self.argumenten)}"
