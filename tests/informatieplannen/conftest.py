import pytest

from cio_stelsel.rechten import Rol
from informatieplannen import services
from tests.factories import activiteit, benoem

JAREN = (2025, 2028)
GEGEVENS = {
    "titel": "Informatieplan BZK",
    "periode_van": JAREN[0],
    "periode_tot": JAREN[1],
    "ambities": "Een wendbare, veilige I-functie.",
    "strategische_doelen": "Digitale weerbaarheid versterken.",
}


def financien(bedrag="1000000", van=JAREN[0], tot=JAREN[1]):
    return [{"jaar": j, "bedrag": bedrag, "redenering": f"Raming {j} volgens de meerjarenbegroting."} for j in range(van, tot + 1)]


@pytest.fixture
def minister(ministerie):
    return benoem(Rol.MINISTER, ministerie).persoon.user


@pytest.fixture
def minister_ander(ander_ministerie):
    return benoem(Rol.MINISTER, ander_ministerie).persoon.user


@pytest.fixture
def ciso_ander(ander_ministerie):
    return benoem(Rol.DEPARTEMENTALE_CISO, ander_ministerie).persoon.user


@pytest.fixture
def ciso_logius(dienstonderdeel):
    return benoem(Rol.CISO_DIENSTONDERDEEL, dienstonderdeel).persoon.user


@pytest.fixture
def office_logius(dienstonderdeel):
    return benoem(Rol.CIO_OFFICE, dienstonderdeel).persoon.user


@pytest.fixture
def plan(office, ministerie):
    return services.plan_opstellen(actor=office, ministerie=ministerie, gegevens=dict(GEGEVENS))


@pytest.fixture
def act(office, ministerie):
    return activiteit(office, ministerie)


@pytest.fixture
def compleet(plan, office, ciso, act):
    """A concept with an activity, a voorgenomen one, full finances and the CISO's section."""
    services.regel_toevoegen(actor=office, plan=plan, activiteit=act, financien=financien())
    services.regel_toevoegen(actor=office, plan=plan, voorgenomen_naam="Nieuw zaaksysteem", financien=financien("250000"))
    services.informatiebeveiliging_schrijven(actor=ciso, plan=plan, tekst="BIO op orde; risicomanagement per activiteit.")
    plan.refresh_from_db()
    return plan


@pytest.fixture
def aangeboden(compleet, office):
    return services.plan_aanbieden(actor=office, plan=compleet)


@pytest.fixture
def vastgesteld(aangeboden, minister):
    return services.plan_vaststellen(actor=minister, plan=aangeboden)


def bevindingen(beoordeling="voldoende"):
    from informatieplannen.models import Criterium

    return {c.value: (beoordeling, f"Bevinding over {c.label}.") for c in Criterium}
