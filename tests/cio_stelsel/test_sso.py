"""Single sign-on by OpenID Connect (issue 17 "Log-in"), against a real OpenID provider.

The provider is oidc-provider-mock, a real OIDC server (authlib) started by the
test on a free port in a thread: the code flow, the token exchange, the signed ID
token and its keys all go over HTTP, as with a ministry's provider. Nothing is mocked.
"""

from urllib.parse import urlsplit

import pytest
import requests
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from cio_stelsel.models import Persoon
from cio_stelsel.rechten import Rol
from config.env import oidc_ontdekken
from tests.factories import benoem
from tests.tweede_factor import app_van, code_van

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def provider():
    from oidc_provider_mock import run_server_in_thread

    with run_server_in_thread(port=0, require_nonce=True) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def sso(settings, provider):
    """SSO switched on as the environment variables would (config/settings.py), endpoints by discovery."""
    settings.SSO_AAN = True
    settings.OIDC_RP_CLIENT_ID = "cio-stelsel"
    settings.OIDC_RP_CLIENT_SECRET = "geheim-van-de-test"
    for sleutel, waarde in oidc_ontdekken(provider).items():
        setattr(settings, sleutel, waarde)
    settings.AUTHENTICATION_BACKENDS = [
        settings.AUTHENTICATION_BACKENDS[0],
        "cio_stelsel.sso.PersoonOidcBackend",
        *settings.AUTHENTICATION_BACKENDS[1:],
    ]
    return provider


def via_provider(client: Client, provider: str, sub: str, claims: dict, volgende: str = "/portfolio/"):
    """The browser's round trip: our start page → the provider's log-in → back with a code."""
    assert requests.put(f"{provider}/users/{sub}", json=claims, timeout=10).status_code == 204
    antwoord = client.get(f"{reverse('sso_inloggen')}?next={volgende}")
    assert antwoord.status_code == 302 and antwoord["Location"].startswith(provider), antwoord
    bij_provider = requests.post(antwoord["Location"], data={"sub": sub}, allow_redirects=False, timeout=10)
    assert bij_provider.status_code == 302, bij_provider.text[:500]
    terug = urlsplit(bij_provider.headers["Location"])
    assert terug.path == reverse("sso_terug")
    return client.get(f"{terug.path}?{terug.query}")


@pytest.fixture
def office(ministerie):
    user = benoem(Rol.CIO_OFFICE, ministerie).persoon.user
    Persoon.objects.filter(user=user).update(email="Alice.Office@minbzk.example")
    return user


def test_sso_a_known_person_with_mfa_at_the_provider_is_logged_in_and_verified(sso, office):
    client = Client()
    groepen = set(office.groups.values_list("name", flat=True))
    aantal = get_user_model().objects.count()
    antwoord = via_provider(client, sso, "alice-1", {"email": "alice.office@minbzk.example", "amr": ["pwd", "mfa"], "groups": ["CIO Rijk"]})
    assert antwoord.status_code == 302 and antwoord["Location"] == "/portfolio/"
    assert client.get(reverse("cio_stelsel:werkvoorraad")).status_code == 200
    assert int(client.session["_auth_user_id"]) == office.pk
    # Nothing is taken from the claims: no user, no role.
    assert get_user_model().objects.count() == aantal
    assert set(office.groups.values_list("name", flat=True)) == groepen


def test_sso_without_mfa_at_the_provider_the_local_code_is_asked(sso, office):
    app_van(office)
    client = Client()
    antwoord = via_provider(client, sso, "alice-2", {"email": "alice.office@minbzk.example", "amr": ["pwd"]})
    assert antwoord.status_code == 302
    vervolg = client.get(reverse("cio_stelsel:werkvoorraad"))
    assert vervolg.status_code == 302 and vervolg["Location"].startswith(reverse("tweede_factor:verifieren"))
    assert client.post(reverse("tweede_factor:verifieren"), {"code": code_van(office)}).status_code == 302
    assert client.get(reverse("cio_stelsel:werkvoorraad")).status_code == 200


def test_sso_an_acr_that_is_configured_as_mfa_counts(sso, office, settings):
    settings.OIDC_MFA_ACR = ["urn:etoegang:core:assurance-class:loa3"]
    client = Client()
    via_provider(client, sso, "alice-3", {"email": "alice.office@minbzk.example", "acr": "urn:etoegang:core:assurance-class:loa3"})
    assert client.get(reverse("cio_stelsel:werkvoorraad")).status_code == 200


def test_sso_an_unknown_identity_is_refused_with_a_clear_dutch_message(sso, office):
    client = Client()
    aantal = get_user_model().objects.count()
    antwoord = via_provider(client, sso, "onbekend", {"email": "niemand@minbzk.example", "amr": ["mfa"]})
    assert antwoord.status_code == 302 and antwoord["Location"] == "/inloggen/"
    pagina = client.get(antwoord["Location"]).content.decode()
    assert "geen persoon met een account voor deze identiteit" in pagina
    assert "_auth_user_id" not in client.session
    assert get_user_model().objects.count() == aantal
    assert Persoon.objects.filter(email="niemand@minbzk.example").count() == 0


def test_sso_matches_by_a_configured_claim(sso, office, settings):
    settings.OIDC_PERSOON_CLAIM = "upn"
    client = Client()
    # The e-mail claim points at nobody; the configured claim at the Persoon.
    via_provider(client, sso, "alice-4", {"email": "x@elders.example", "upn": "alice.office@minbzk.example", "amr": ["otp"]})
    assert client.get(reverse("cio_stelsel:werkvoorraad")).status_code == 200


def test_sso_is_off_without_oidc_rp_client_id(settings):
    assert settings.SSO_AAN is False  # the test settings: no OIDC_RP_CLIENT_ID
    assert Client().get(reverse("sso_inloggen")).status_code == 404
    assert Client().get(reverse("sso_terug")).status_code == 404
    assert "sso/inloggen" not in Client().get(reverse("login")).content.decode()


def test_sso_the_log_in_page_offers_it_when_on(sso):
    assert reverse("sso_inloggen") in Client().get(reverse("login")).content.decode()
