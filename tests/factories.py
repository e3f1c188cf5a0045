"""factory_boy factories shared by the tests of all apps."""

import datetime

import factory
from django.contrib.auth import get_user_model

from cio_stelsel import services
from cio_stelsel.models import Dienstonderdeel, Ministerie, Overlegorgaan, Persoon, Zbo
from cio_stelsel.rechten import Rol

WACHTWOORD = "test-Wachtwoord-2026!"
BEGIN = datetime.date(2024, 1, 1)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.nl")
    password = factory.django.Password(WACHTWOORD)


class MinisterieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ministerie
        django_get_or_create = ("code",)
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Ministerie van Proefzaken {n}")
    afkorting = factory.Sequence(lambda n: f"PZ{n}")
    code = factory.LazyAttribute(lambda o: o.afkorting.lower())
    geldig_van = datetime.date(2000, 1, 1)


class DienstonderdeelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dienstonderdeel

    ministerie = factory.SubFactory(MinisterieFactory)
    naam = factory.Sequence(lambda n: f"Uitvoeringsdienst {n}")
    afkorting = factory.Sequence(lambda n: f"UD{n}")

    class Params:
        substantieel = factory.Trait(substantieel_portfolio=True)
        dienstverlener = factory.Trait(is_ict_dienstverlener=True)


class ZboFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Zbo

    ministerie = factory.SubFactory(MinisterieFactory)
    naam = factory.Sequence(lambda n: f"Zelfstandig Bestuursorgaan {n}")


class PersoonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Persoon

    voornaam = factory.Sequence(lambda n: f"Voornaam{n}")
    achternaam = factory.Sequence(lambda n: f"Achternaam{n}")

    class Params:
        met_account = factory.Trait(user=factory.SubFactory(UserFactory))


def benoem(rol, organisatie=None, *, persoon=None, begindatum=BEGIN, einddatum=None, actor=None):
    """Appoint a (new) person with a log-in to a role through the real service."""
    persoon = persoon or PersoonFactory(met_account=True)
    extra = {}
    if rol == Rol.DEPARTEMENTALE_CIO:
        extra = {"consultatie_datum": begindatum - datetime.timedelta(days=30), "consultatie": "Overleg met de CIO Rijk gevoerd."}
    return services.roltoewijzing_starten(
        actor=actor, persoon=persoon, rol=rol, organisatie=organisatie, begindatum=begindatum, einddatum=einddatum, **extra
    )


def overlegorgaan(soort) -> Overlegorgaan:
    return Overlegorgaan.objects.get_or_create(soort=soort)[0]


# -- portfolio -----------------------------------------------------------------


def bedragen(geschat=0, gerealiseerd=0, categorie="uitbesteed_werk"):
    """Amounts in euros for one cost category (the others zero)."""
    from decimal import Decimal

    return {f"geschat_{categorie}": Decimal(geschat), f"gerealiseerd_{categorie}": Decimal(gerealiseerd)}


def activiteit(
    actor,
    ministerie,
    *,
    naam="Vernieuwing basisregistratie",
    startdatum=datetime.date(2022, 1, 1),
    einddatum=datetime.date(2025, 12, 31),
    geschat=12_000_000,
    **gegevens,
):
    """An activity with its initial baseline, created through the real service by ``actor``."""
    from portfolio import services as portfolio_services

    return portfolio_services.activiteit_aanmaken(
        actor=actor,
        gegevens={"naam": naam, "ministerie": ministerie, "startdatum": startdatum, "onderwerp": "Dienstverlening", **gegevens},
        initieel={"datum": startdatum, "einddatum": einddatum, **bedragen(geschat)},
    )
