"""Personal API tokens: made on a page and shown once, stored hashed, read-only or read-write, expiring, revocable.

A token authenticates as its user and never grants more than the user's own roles.
"""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.urls import reverse

from cio_stelsel import services
from cio_stelsel.models import ApiToken, AuditRecord, vandaag
from cio_stelsel.rechten import Rol
from tests.api.conftest import api, token_van
from tests.conftest import ingelogd
from tests.factories import UserFactory, benoem

pytestmark = pytest.mark.django_db


def met_token(geheim, schema="Token"):
    from rest_framework.test import APIClient

    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"{schema} {geheim}")
    return c


def test_token_page_shows_the_secret_once_and_stores_only_its_hash(office):
    client = ingelogd(office)
    assert client.get(reverse("cio_stelsel:api_tokens")).status_code == 200
    assert client.get(reverse("cio_stelsel:api_token_nieuw")).status_code == 200
    verloopt = vandaag() + datetime.timedelta(days=30)
    r = client.post(
        reverse("cio_stelsel:api_token_nieuw"), {"naam": "Rapportage-script", "alleen_lezen": "ja", "verloopt_op": verloopt.isoformat()}
    )
    assert r.status_code == 200
    assert "no-store" in r["Cache-Control"]
    geheim = re.search(r'<code id="api-token"[^>]*>([^<]+)</code>', r.content.decode()).group(1)
    token = ApiToken.objects.get(user=office)
    assert token.naam == "Rapportage-script" and token.alleen_lezen and token.verloopt_op == verloopt
    assert token.sleutel_hash == ApiToken.hash_van(geheim) and geheim.startswith(token.prefix)
    # Nowhere in the database: not in the token row, not in the audit log.
    with connection.cursor() as cursor:
        for tabel in (ApiToken._meta.db_table, AuditRecord._meta.db_table):
            cursor.execute(f"SELECT * FROM {tabel}")
            assert geheim not in repr(cursor.fetchall())
    # The list shows the prefix, never the secret.
    lijst = client.get(reverse("cio_stelsel:api_tokens")).content.decode()
    assert token.prefix in lijst and geheim not in lijst
    assert AuditRecord.objects.filter(actie="apitoken.aangemaakt", actor=office).exists()
    # And it works.
    assert met_token(geheim).get("/api/v1/activiteiten/").status_code == 200
    assert met_token(geheim, "Bearer").get("/api/v1/activiteiten/").status_code == 200


@pytest.mark.parametrize("dagen", [0, -1, 366])
def test_token_expiry_is_required_in_the_future_and_at_most_a_year(office, dagen):
    r = ingelogd(office).post(
        reverse("cio_stelsel:api_token_nieuw"),
        {"naam": "x", "alleen_lezen": "ja", "verloopt_op": (vandaag() + datetime.timedelta(days=dagen)).isoformat()},
    )
    assert r.status_code == 200 and not ApiToken.objects.exists()
    assert "verloopt_op" in r.context["form"].errors


def test_token_pages_need_a_login(client):
    r = client.get(reverse("cio_stelsel:api_tokens"))
    assert r.status_code == 302 and reverse("login") in r["Location"]


def test_revoke_with_confirmation_then_the_token_gives_401(office):
    geheim = token_van(office)
    token = ApiToken.objects.get(user=office)
    client = ingelogd(office)
    pagina = client.get(reverse("cio_stelsel:api_token_intrekken", args=[token.pk]))
    assert pagina.status_code == 200 and "Ja, token intrekken" in pagina.content.decode()
    assert met_token(geheim).get("/api/v1/activiteiten/").status_code == 200  # GET did not revoke
    r = client.post(reverse("cio_stelsel:api_token_intrekken", args=[token.pk]))
    assert r.status_code == 302
    token.refresh_from_db()
    assert token.ingetrokken_op is not None
    r = met_token(geheim).get("/api/v1/activiteiten/")
    assert r.status_code == 401 and r["Content-Type"] == "application/problem+json"
    assert "ingetrokken" in r.json()["detail"]
    assert AuditRecord.objects.filter(actie="apitoken.ingetrokken", actor=office).exists()


def test_nobody_revokes_or_sees_anothers_token(office, collega_ander_ministerie):
    token_van(office)
    token = ApiToken.objects.get(user=office)
    client = ingelogd(collega_ander_ministerie)
    assert client.get(reverse("cio_stelsel:api_token_intrekken", args=[token.pk])).status_code == 404
    assert client.post(reverse("cio_stelsel:api_token_intrekken", args=[token.pk])).status_code == 404
    assert token.prefix not in client.get(reverse("cio_stelsel:api_tokens")).content.decode()
    with pytest.raises(PermissionDenied):  # only the owner revokes a token
        services.api_token_intrekken(actor=collega_ander_ministerie, token=token)


def test_expired_token_gives_401(office, monkeypatch):
    geheim = token_van(office, dagen=1)
    ApiToken.objects.update(verloopt_op=vandaag())
    r = met_token(geheim).get("/api/v1/activiteiten/")
    assert r.status_code == 401 and "verlopen" in r.json()["detail"]


@pytest.mark.parametrize("header", ["Token onzin", "Token", "Token a b", "Bearer cio_bestaatniet"])
def test_unknown_or_malformed_token_gives_401(header, db):
    from rest_framework.test import APIClient

    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=header)
    r = c.get("/api/v1/activiteiten/")
    assert r.status_code == 401 and r["Content-Type"] == "application/problem+json"


def test_token_of_an_inactive_user_gives_401(office):
    geheim = token_van(office)
    office.is_active = False
    office.save()
    assert met_token(geheim).get("/api/v1/activiteiten/").status_code == 401


def test_read_only_token_may_read_but_not_write(office, eigen_activiteit):
    c = api(office, alleen_lezen=True)
    assert c.get(f"/api/v1/activiteiten/{eigen_activiteit.nummer}/").status_code == 200
    r = c.patch(f"/api/v1/activiteiten/{eigen_activiteit.nummer}/", {"naam": "X", "versie": 1}, format="json")
    assert r.status_code == 403 and "alleen-lezen" in r.json()["detail"]
    assert (
        c.post(
            "/api/v1/versies/voorbereiden/", {"activiteit": eigen_activiteit.nummer, "peildatum": "2024-12-31"}, format="json"
        ).status_code
        == 403
    )
    eigen_activiteit.refresh_from_db()
    assert eigen_activiteit.naam != "X"


def test_token_never_grants_more_than_its_user(ministerie, eigen_activiteit):
    """A user without a role: a read-write token reaches nothing; when the role ends, the token loses it too."""
    zonder_rol = UserFactory()
    c = api(zonder_rol)
    assert c.get("/api/v1/activiteiten/").json()["count"] == 0
    assert c.get(f"/api/v1/activiteiten/{eigen_activiteit.nummer}/").status_code == 404
    assert (
        c.post(
            "/api/v1/activiteiten/", {"naam": "x", "ministerie": "bzk", "initieel": {"einddatum": "2030-01-01"}}, format="json"
        ).status_code
        == 403
    )
    # A CIO-office role that ended yesterday: its token sees nothing any more.
    toewijzing = benoem(Rol.CIO_OFFICE, ministerie, begindatum=datetime.date(2020, 1, 1))
    user = toewijzing.persoon.user
    c = api(user)
    assert c.get("/api/v1/activiteiten/").json()["count"] == 1
    services.roltoewijzing_beeindigen(
        actor=None,
        toewijzing=toewijzing,
        einddatum=vandaag() - datetime.timedelta(days=1),
        reden="Vertrokken",
        consultatie_datum=None,
        consultatie="",
    )
    c = api(user)
    assert c.get("/api/v1/activiteiten/").json()["count"] == 0


def test_session_authentication_works_for_the_browser(office, eigen_activiteit):
    from rest_framework.test import APIClient

    c = APIClient(enforce_csrf_checks=True)
    c.force_login(office, backend="django.contrib.auth.backends.ModelBackend")
    assert c.get("/api/v1/activiteiten/").json()["count"] == 1
    # Without the CSRF token a session cannot write.
    r = c.patch(f"/api/v1/activiteiten/{eigen_activiteit.nummer}/", {"naam": "X", "versie": 1}, format="json")
    assert r.status_code == 403
