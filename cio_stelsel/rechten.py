"""Who may do what: the permission matrix of the Besluit, in one place.

Roles are held by persons for a period (``Roltoewijzing``). While a role
assignment is active its holder's user gets

* membership of the Django Group of the role (Dutch name, created by the data
  migration ``0002_groepen``), which carries the *rijksbrede* (global)
  permissions of ``GROEP_RECHTEN``; and
* the object permissions of ``ROL_OBJECTRECHTEN`` on the organisation the
  assignment is for (a ministerie or a dienstonderdeel), through
  django-guardian's direct foreign-key permission models.

``cio_stelsel.services.rechten_synchroniseren`` applies this; nothing else
grants or revokes. Every entry carries the article of the Besluit (and the rule
id of ``domain/besluit.md``) it comes from, so ``manage.py rechtenmatrix``
prints the matrix straight from this code.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    CIO_OFFICE = "cio_office", _("CIO-office medewerker")
    DEPARTEMENTALE_CIO = "departementale_cio", _("Departementale CIO")
    DEPARTEMENTALE_CISO = "departementale_ciso", _("Departementale CISO")
    CIO_DIENSTONDERDEEL = "cio_dienstonderdeel", _("CIO dienstonderdeel")
    CISO_DIENSTONDERDEEL = "ciso_dienstonderdeel", _("CISO dienstonderdeel")
    CIO_RIJK = "cio_rijk", _("CIO Rijk")
    CISO_RIJK = "ciso_rijk", _("CISO Rijk")
    SECRETARIS_GENERAAL = "secretaris_generaal", _("Secretaris-generaal")
    MINISTER = "minister", _("Minister")
    BEVEILIGINGSAUTORITEIT = "beveiligingsautoriteit", _("Beveiligingsautoriteit")
    BESTUURSRAADLID = "bestuursraadlid", _("Lid bestuursraad")
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", _("Functioneel beheerder")


# Which organisation a role is held for.
ROLLEN_PER_MINISTERIE = {
    Rol.DEPARTEMENTALE_CIO,
    Rol.DEPARTEMENTALE_CISO,
    Rol.SECRETARIS_GENERAAL,
    Rol.MINISTER,
    Rol.BEVEILIGINGSAUTORITEIT,
    Rol.BESTUURSRAADLID,
}
ROLLEN_PER_DIENSTONDERDEEL = {Rol.CIO_DIENSTONDERDEEL, Rol.CISO_DIENSTONDERDEEL}
# A CIO-office medewerker works for a ministerie's office or a dienstonderdeel's.
ROLLEN_PER_MINISTERIE_OF_DIENSTONDERDEEL = {Rol.CIO_OFFICE}
ROLLEN_RIJKSBREED = {Rol.CIO_RIJK, Rol.CISO_RIJK, Rol.FUNCTIONEEL_BEHEERDER}
# Roles of which at most one person holds the role at any time for one
# organisation (S1, S4, S5, S6) and the structural rule that says so.
ENKELVOUDIGE_ROLLEN = {
    Rol.DEPARTEMENTALE_CIO: "S1",
    Rol.DEPARTEMENTALE_CISO: "S4",
    Rol.CIO_DIENSTONDERDEEL: "S5",
    Rol.CISO_DIENSTONDERDEEL: "S5",
    Rol.CIO_RIJK: "S6",
    Rol.CISO_RIJK: "S6",
    Rol.SECRETARIS_GENERAAL: "S1",
}
# Not here: a ministerie can have more than one minister (e.g. JenV with a
# minister for Asiel en Migratie), and many bestuursraad members.


class Recht(models.TextChoices):
    """Object permissions, held on a ``Ministerie`` or a ``Dienstonderdeel``."""

    PORTFOLIO_INZIEN = "portfolio_inzien", _("Portfolio en interne stukken inzien")
    PORTFOLIO_BEWERKEN = "portfolio_bewerken", _("ICT-activiteiten invoeren en bewerken")
    OORDEEL_OPSTELLEN = "oordeel_opstellen", _("CIO-oordeel opstellen (concept)")
    OORDEEL_VASTSTELLEN = "oordeel_vaststellen", _("CIO-oordeel vaststellen")
    CISOBIJDRAGE_LEVEREN = "cisobijdrage_leveren", _("Informatiebeveiligingsbijdrage leveren")
    ACICT_AANMELDEN = "acict_aanmelden", _("Aanmelden bij het Adviescollege ICT-toetsing")
    PEILDATUM_AFTEKENEN = "peildatum_aftekenen", _("Datakwaliteit per peildatum aftekenen")
    AFWIJKING_VASTLEGGEN = "afwijking_vastleggen", _("Afwijking van negatief CIO-oordeel vastleggen")
    INFORMATIEPLAN_OPSTELLEN = "informatieplan_opstellen", _("Informatieplan opstellen (concept)")
    INFORMATIEPLAN_VASTSTELLEN = "informatieplan_vaststellen", _("Informatieplan vaststellen")


class RijksbreedRecht(models.TextChoices):
    """Global permissions, carried by the role's Group."""

    RIJKSBREED_INZIEN = "rijksbreed_inzien", _("Rapporteerbare gegevens van alle ministeries inzien")
    STELSEL_INZIEN = "stelsel_inzien", _("Stelsel-overzicht en overtredingen inzien")
    STELSEL_BEHEREN = "stelsel_beheren", _("Organisatie en roltoewijzingen beheren")
    PEILDATUM_PUBLICEREN = "peildatum_publiceren", _("Dashboardgegevens publiceren")
    RAPPORTAGEMODEL_BEHEREN = "rapportagemodel_beheren", _("Rapportagemodel beheren")
    JAARRAPPORTAGE_OPSTELLEN = "jaarrapportage_opstellen", _("Jaarrapportage opstellen")
    AUDIT_INZIEN = "audit_inzien", _("Volledige audittrail inzien")
    INFORMATIEPLAN_TOETSEN = "informatieplan_toetsen", _("Informatieplannen toetsen aan het kwaliteitskader")
    ISTRATEGIE_BEHEREN = "istrategie_beheren", _("I-strategie Rijk en toezeggingen aan de Kamer bijhouden")


# Object permissions per role, with the article they come from.
ROL_OBJECTRECHTEN: dict[str, tuple[set[str], str]] = {
    Rol.CIO_OFFICE: (
        {Recht.PORTFOLIO_INZIEN, Recht.PORTFOLIO_BEWERKEN, Recht.OORDEEL_OPSTELLEN, Recht.INFORMATIEPLAN_OPSTELLEN},
        "art 3.5-3.6 (B10: informatieplan in concept)",
    ),
    Rol.DEPARTEMENTALE_CIO: (
        {
            Recht.PORTFOLIO_INZIEN,
            Recht.PORTFOLIO_BEWERKEN,
            Recht.OORDEEL_OPSTELLEN,
            Recht.OORDEEL_VASTSTELLEN,
            Recht.ACICT_AANMELDEN,
            Recht.PEILDATUM_AFTEKENEN,
            Recht.INFORMATIEPLAN_OPSTELLEN,
        },
        "art 4 c,g,j,k; 5.1-5.4; 16.4 (B9, B10, B14)",
    ),
    # CISOBIJDRAGE_LEVEREN also covers the informatieplan's information-security section (art 7 d, B11).
    Rol.DEPARTEMENTALE_CISO: ({Recht.PORTFOLIO_INZIEN, Recht.CISOBIJDRAGE_LEVEREN}, "art 7 c,d,k (B5, B11)"),
    Rol.CIO_DIENSTONDERDEEL: (
        {Recht.PORTFOLIO_INZIEN, Recht.PORTFOLIO_BEWERKEN, Recht.OORDEEL_OPSTELLEN, Recht.OORDEEL_VASTSTELLEN},
        "art 9.2, 9.5",
    ),
    Rol.CISO_DIENSTONDERDEEL: ({Recht.PORTFOLIO_INZIEN, Recht.CISOBIJDRAGE_LEVEREN}, "art 9.4, 9.5"),
    Rol.SECRETARIS_GENERAAL: ({Recht.PORTFOLIO_INZIEN, Recht.AFWIJKING_VASTLEGGEN}, "art 5.3 (B1)"),
    Rol.MINISTER: (
        {Recht.PORTFOLIO_INZIEN, Recht.AFWIJKING_VASTLEGGEN, Recht.INFORMATIEPLAN_VASTSTELLEN},
        "art 5.3, Toelichting (B1); Toelichting art 4 c (B12: vaststelling informatieplan)",
    ),
    Rol.BESTUURSRAADLID: ({Recht.PORTFOLIO_INZIEN}, "Toelichting art 5 (B3)"),
    Rol.BEVEILIGINGSAUTORITEIT: (set(), "art 8.4"),
}

# Global permissions per role Group (also used by the data migration).
GROEP_RECHTEN: dict[str, tuple[set[str], str]] = {
    Rol.CIO_RIJK: (
        {
            RijksbreedRecht.RIJKSBREED_INZIEN,
            RijksbreedRecht.STELSEL_INZIEN,
            RijksbreedRecht.STELSEL_BEHEREN,
            RijksbreedRecht.PEILDATUM_PUBLICEREN,
            RijksbreedRecht.RAPPORTAGEMODEL_BEHEREN,
            RijksbreedRecht.JAARRAPPORTAGE_OPSTELLEN,
            RijksbreedRecht.AUDIT_INZIEN,
            RijksbreedRecht.INFORMATIEPLAN_TOETSEN,
            RijksbreedRecht.ISTRATEGIE_BEHEREN,
        },
        "art 11 g,h,i; 12.2; 16.3; Toelichting (B7, B12, B13, B15, B16, B26)",
    ),
    Rol.CISO_RIJK: ({RijksbreedRecht.STELSEL_INZIEN}, "art 13, 14"),
    Rol.FUNCTIONEEL_BEHEERDER: (
        {RijksbreedRecht.STELSEL_INZIEN, RijksbreedRecht.STELSEL_BEHEREN},
        "beheer van de organisatiegegevens",
    ),
}


def groepsnaam(rol: str) -> str:
    """The Dutch name of the Group of a role (stable: the data migration uses it)."""
    return str(GROEPSNAMEN[rol])


# Fixed Dutch names, not translated: Group names are data.
GROEPSNAMEN = {
    Rol.CIO_OFFICE: "CIO-office medewerker",
    Rol.DEPARTEMENTALE_CIO: "Departementale CIO",
    Rol.DEPARTEMENTALE_CISO: "Departementale CISO",
    Rol.CIO_DIENSTONDERDEEL: "CIO dienstonderdeel",
    Rol.CISO_DIENSTONDERDEEL: "CISO dienstonderdeel",
    Rol.CIO_RIJK: "CIO Rijk",
    Rol.CISO_RIJK: "CISO Rijk",
    Rol.SECRETARIS_GENERAAL: "Secretaris-generaal",
    Rol.MINISTER: "Minister",
    Rol.BEVEILIGINGSAUTORITEIT: "Beveiligingsautoriteit",
    Rol.BESTUURSRAADLID: "Lid bestuursraad",
    Rol.FUNCTIONEEL_BEHEERDER: "Functioneel beheerder",
}


# Separation of duties (issue 13, finding 1). The roles that control the stelsel
# rijksbreed (the CIO Rijk publishes a ministry's data and reviews it, art 11,
# 16.3; the functioneel beheerder grants the roles) may not at the same time hold
# a role that enters or decides a ministry's data: any role whose object rights
# go beyond reading (PORTFOLIO_INZIEN). Nobody grants themselves a role at all.
CONTROLERENDE_ROLLEN = {Rol.CIO_RIJK, Rol.FUNCTIONEEL_BEHEERDER}
INVOERENDE_OF_BESLISSENDE_ROLLEN = {
    rol for rol, (rechten, _artikel) in ROL_OBJECTRECHTEN.items() if set(rechten) - {Recht.PORTFOLIO_INZIEN}
}
# Appointments that the minister of the ministerie decides (art 3.1, 6.1): the
# role assignment records who decided it (``Roltoewijzing.besloten_door``).
ROLLEN_BENOEMD_DOOR_MINISTER = {Rol.DEPARTEMENTALE_CIO, Rol.DEPARTEMENTALE_CISO}
