"""Issue 13: the five permission escapes found with the demo accounts, each reproduced as it was reported.

Every test failed on the code before the fix (bevinding = finding).
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cio_stelsel import services
from cio_stelsel.models import AuditRecord, Roltoewijzing
from cio_stelsel.permissions import heeft_rijksbreed_recht, scope
from cio_stelsel.rechten import Recht, RijksbreedRecht, Rol
from oordelen import services as oordeel_services
from portfolio import services as portfolio_services
from tests.api.conftest import PEILDATUM, api
from tests.factories import PersoonFactory, activiteit, benoem

pytestmark = pytest.mark.django_db

VANDAAG = datetime.date.today()
ASPECTEN = {
    "aanleiding": "Voor de start",
    "kwaliteitskader_versie": "Kwaliteitskader CIO-oordelen Rijksoverheid 2.1",
    "beheersing": "voldoende",
    "beheersing_toelichting": "Op orde.",
    "haalbaarheid": "voldoende",
    "haalbaarheid_toelichting": "Haalbaar.",
    "risicos": "voldoende",
    "risicos_toelichting": "In beeld.",
    "implicaties": "voldoende",
    "implicaties_toelichting": "Geen.",
}


# --------------------------------------------------------------------------
# Bevinding 1: no self-appointment; separation of duties; the minister decides CIO / CISO appointments


def test_bevinding_1_cio_rijk_cannot_appoint_itself_to_a_ministry_role_and_edit_its_data(login, cio_rijk, ministerie, office):
    a = activiteit(office, ministerie, naam="Origineel")
    response = login(cio_rijk).post(
        reverse("cio_stelsel:roltoewijzing_starten"),
        {
            "persoon": cio_rijk.persoon.pk,
            "rol": Rol.CIO_OFFICE,
            "ministerie": ministerie.pk,
            "begindatum": VANDAAG.isoformat(),
            "reden": "Even helpen",
        },
    )
    assert response.status_code == 200
    assert "uzelf geen rol" in response.content.decode()
    assert not Roltoewijzing.objects.filter(persoon=cio_rijk.persoon, rol=Rol.CIO_OFFICE).exists()
    a.refresh_from_db()
    r = api(get_user_model().objects.get(pk=cio_rijk.pk)).patch(
        f"/api/v1/activiteiten/{a.nummer}/", {"naam": "Gewijzigd", "versie": a.versie}, format="json"
    )
    assert r.status_code in (403, 404)
    a.refresh_from_db()
    assert a.naam == "Origineel"


@pytest.mark.parametrize("controlerend", [Rol.CIO_RIJK, Rol.FUNCTIONEEL_BEHEERDER])
@pytest.mark.parametrize("invoerend", [Rol.CIO_OFFICE, Rol.DEPARTEMENTALE_CISO, Rol.SECRETARIS_GENERAAL])
def test_bevinding_1_controlling_roles_may_not_hold_an_entering_or_deciding_role(controlerend, invoerend, ministerie):
    andere_beheerder = benoem(Rol.FUNCTIONEEL_BEHEERDER).persoon.user
    houder = benoem(controlerend).persoon
    with pytest.raises(ValidationError) as exc:
        benoem(invoerend, ministerie, persoon=houder, actor=None)
    assert "scheiding van taken" in str(exc.value)
    # ... and the other way round, by another beheerder.
    invoerder = benoem(Rol.CIO_OFFICE, ministerie).persoon
    with pytest.raises(ValidationError) as exc:
        services.roltoewijzing_starten(actor=andere_beheerder, persoon=invoerder, rol=controlerend, begindatum=VANDAAG)
    assert "rol" in exc.value.error_dict


def test_bevinding_1_beheerder_cannot_appoint_itself(beheerder, ministerie):
    with pytest.raises(ValidationError) as exc:
        services.roltoewijzing_starten(
            actor=beheerder, persoon=beheerder.persoon, rol=Rol.BESTUURSRAADLID, organisatie=ministerie, begindatum=VANDAAG
        )
    assert "persoon" in exc.value.error_dict


def test_bevinding_1_reading_roles_stay_combinable_with_a_controlling_role(ministerie):
    """A bestuursraad seat only reads (PORTFOLIO_INZIEN): no conflict with controlling the stelsel."""
    houder = benoem(Rol.CIO_RIJK).persoon
    benoem(Rol.BESTUURSRAADLID, ministerie, persoon=houder)


def test_bevinding_1_departmental_ciso_appointment_records_the_deciding_minister_audited(beheerder, ministerie):
    minister = benoem(Rol.MINISTER, ministerie).persoon
    kandidaat = PersoonFactory()
    with pytest.raises(ValidationError) as exc:
        services.roltoewijzing_starten(
            actor=beheerder, persoon=kandidaat, rol=Rol.DEPARTEMENTALE_CISO, organisatie=ministerie, begindatum=VANDAAG
        )
    assert "besloten_door" in exc.value.error_dict
    geen_minister = PersoonFactory()
    with pytest.raises(ValidationError) as exc:
        services.roltoewijzing_starten(
            actor=beheerder,
            persoon=kandidaat,
            rol=Rol.DEPARTEMENTALE_CISO,
            organisatie=ministerie,
            begindatum=VANDAAG,
            besloten_door=geen_minister,
        )
    assert "geen minister" in str(exc.value.error_dict["besloten_door"])
    t = services.roltoewijzing_starten(
        actor=beheerder,
        persoon=kandidaat,
        rol=Rol.DEPARTEMENTALE_CISO,
        organisatie=ministerie,
        begindatum=VANDAAG,
        besloten_door=minister,
        reden="Benoemd bij besluit van de minister",
    )
    assert t.besloten_door == minister
    record = AuditRecord.objects.get(actie="roltoewijzing.gestart", object_id=str(t.pk))
    assert record.actor == beheerder
    assert record.na["besloten_door"] == minister.pk and record.na["besloten_door_naam"] == str(minister)


def test_bevinding_1_the_form_asks_for_the_deciding_minister(login, beheerder, ministerie):
    minister = benoem(Rol.MINISTER, ministerie).persoon
    kandidaat = PersoonFactory()
    url = reverse("cio_stelsel:roltoewijzing_starten")
    gegevens = {"persoon": kandidaat.pk, "rol": Rol.DEPARTEMENTALE_CISO, "ministerie": ministerie.pk, "begindatum": VANDAAG.isoformat()}
    response = login(beheerder).post(url, gegevens)
    assert response.status_code == 200 and "besloten_door" in response.context["form"].errors
    response = login(beheerder).post(url, {**gegevens, "besloten_door": minister.pk})
    assert response.status_code == 302
    assert Roltoewijzing.objects.get(rol=Rol.DEPARTEMENTALE_CISO, ministerie=ministerie).besloten_door == minister


# --------------------------------------------------------------------------
# Bevinding 2: a superuser flag grants no right of the Besluit


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_user(username="root", password="x", is_staff=True, is_superuser=True)


def test_bevinding_2_superuser_holds_no_rijksbreed_right_and_no_scope(superuser, ministerie):
    for recht in RijksbreedRecht.values:
        assert not heeft_rijksbreed_recht(superuser, recht), recht
    for recht in Recht.values:
        assert scope(superuser, recht).leeg, recht


def test_bevinding_2_superuser_cannot_publish_list_drafts_or_start_a_report(superuser, office, cio, cio_rijk, ministerie, login):
    a = activiteit(office, ministerie)
    v = portfolio_services.versie_voorbereiden(actor=office, activiteit=a, peildatum=PEILDATUM)
    portfolio_services.versies_aftekenen(actor=cio, ministerie=ministerie, peildatum=PEILDATUM, versies=[v])
    oordeel_services.oordeel_opstellen(actor=office, activiteit=a, gegevens=ASPECTEN)
    c = api(superuser)
    r = c.post("/api/v1/versies/publiceren/", {"ministerie": ministerie.code, "peildatum": PEILDATUM.isoformat()}, format="json")
    assert r.status_code == 403, r.content[:300]
    r = c.post(
        "/api/v1/versies/publiceren/", {"ministerie": ministerie.code, "peildatum": PEILDATUM.isoformat(), "versies": [v.pk]}, format="json"
    )
    assert 400 <= r.status_code < 500, r.content[:300]
    v.refresh_from_db()
    assert v.status != v.Status.GEPUBLICEERD
    assert c.get("/api/v1/versies/?status=gecontroleerd").json()["count"] == 0
    assert c.get("/api/v1/oordelen/").json()["count"] == 0
    assert login(superuser).post(reverse("jaarrapportage:starten"), {"jaar": 2024}).status_code in (403, 404)
    with pytest.raises(PermissionDenied):
        services.roltoewijzing_starten(
            actor=superuser, persoon=PersoonFactory(), rol=Rol.CIO_OFFICE, organisatie=ministerie, begindatum=VANDAAG
        )


def test_bevinding_2_demo_beheerder_is_staff_but_no_superuser_and_keeps_its_role():
    from django.core.management import call_command

    call_command("demo_laden", verbosity=0)
    beheerder = get_user_model().objects.get(username="beheerder")
    assert beheerder.is_staff and not beheerder.is_superuser
    assert heeft_rijksbreed_recht(beheerder, RijksbreedRecht.STELSEL_BEHEREN)
    assert not heeft_rijksbreed_recht(beheerder, RijksbreedRecht.PEILDATUM_PUBLICEREN)


# --------------------------------------------------------------------------
# Bevinding 3: the audit log shows an object's record only to who may see the object


def test_bevinding_3_cio_rijk_does_not_see_drafts_through_the_audit_log(login, office, ciso, cio, cio_rijk, ministerie):
    a = activiteit(office, ministerie, geschat=40_000_000)
    vast = oordeel_services.oordeel_opstellen(actor=office, activiteit=a, gegevens=ASPECTEN)
    oordeel_services.ciso_bijdrage_leveren(actor=ciso, oordeel=vast, bijdrage="BIO getoetst.")
    oordeel_services.oordeel_vaststellen(actor=cio, oordeel=vast, uitkomst="positief", motivering="Goed.", voorwaarden=[])
    concept = oordeel_services.oordeel_opstellen(actor=office, activiteit=a, gegevens={**ASPECTEN, "aanleiding": "Geheim concept"})
    aanmelding = oordeel_services.aanmelding_opstellen(actor=office, activiteit=a, toelichting="Concept-aanmelding")
    concept_records = (
        AuditRecord.objects.filter(
            object_type__in=["oordelen.ciooordeel", "oordelen.aanmelding"], object_id__in=[str(concept.pk), str(aanmelding.pk)]
        )
        .exclude(object_type="oordelen.ciooordeel", object_id=str(aanmelding.pk))
        .exclude(object_type="oordelen.aanmelding", object_id=str(concept.pk))
    )
    assert concept_records.exists()
    rijk = login(cio_rijk)
    assert rijk.get(reverse("oordelen:oordeel", args=[concept.pk])).status_code == 404
    for record in concept_records:
        assert rijk.get(reverse("cio_stelsel:auditrecord", args=[record.pk])).status_code == 404, record.actie
    gevonden = {r.pk for r in rijk.get(reverse("cio_stelsel:audit"), {"q": "aanmelding"}).context["page_obj"]}
    gevonden |= {r.pk for r in rijk.get(reverse("cio_stelsel:audit"), {"q": "concept"}).context["page_obj"]}
    assert not gevonden & set(concept_records.values_list("pk", flat=True))
    # The decided oordeel's records are visible to the CIO Rijk (B7), and the ministry sees its own drafts' trail.
    vast_record = AuditRecord.objects.get(actie="oordeel.vastgesteld", object_id=str(vast.pk))
    assert rijk.get(reverse("cio_stelsel:auditrecord", args=[vast_record.pk])).status_code == 200
    for record in concept_records:
        assert login(cio).get(reverse("cio_stelsel:auditrecord", args=[record.pk])).status_code == 200


def test_bevinding_3_another_ministry_sees_no_record_of_ours(login, office, ministerie, collega_ander_ministerie):
    a = activiteit(office, ministerie)
    oordeel_services.oordeel_opstellen(actor=office, activiteit=a, gegevens=ASPECTEN)
    records = AuditRecord.objects.filter(ministerie=ministerie)
    assert records.exists()
    vreemd = login(collega_ander_ministerie)
    zichtbaar = {r.pk for r in vreemd.get(reverse("cio_stelsel:audit")).context["page_obj"]}
    assert not zichtbaar & set(records.values_list("pk", flat=True))


# --------------------------------------------------------------------------
# Bevinding 4: ?ministerie=<code> filters on the API, never a 500


@pytest.mark.parametrize("pad", ["activiteiten", "versies", "oordelen", "aanmeldingen"])
def test_bevinding_4_ministerie_filter_by_code(pad, cio_rijk, office, cio, ciso, ministerie, ander_ministerie, collega_ander_ministerie):
    eigen = activiteit(office, ministerie, geschat=40_000_000)
    vreemd = activiteit(collega_ander_ministerie, ander_ministerie, geschat=40_000_000)
    cio_ander = benoem(Rol.DEPARTEMENTALE_CIO, ander_ministerie).persoon.user
    ciso_ander = benoem(Rol.DEPARTEMENTALE_CISO, ander_ministerie).persoon.user
    for a, o, ci, cs, m in (
        (eigen, office, cio, ciso, ministerie),
        (vreemd, collega_ander_ministerie, cio_ander, ciso_ander, ander_ministerie),
    ):
        v = portfolio_services.versie_voorbereiden(actor=o, activiteit=a, peildatum=PEILDATUM)
        portfolio_services.versies_aftekenen(actor=ci, ministerie=m, peildatum=PEILDATUM, versies=[v])
        oordeel = oordeel_services.oordeel_opstellen(actor=o, activiteit=a, gegevens=ASPECTEN)
        oordeel_services.ciso_bijdrage_leveren(actor=cs, oordeel=oordeel, bijdrage="BIO getoetst.")
        oordeel_services.oordeel_vaststellen(actor=ci, oordeel=oordeel, uitkomst="positief", motivering="Goed.", voorwaarden=[])
        aanmelding = oordeel_services.aanmelding_opstellen(actor=o, activiteit=a)
        oordeel_services.aanmelding_indienen(actor=ci, aanmelding=aanmelding)
    c = api(cio_rijk)
    alles = c.get(f"/api/v1/{pad}/")
    assert alles.status_code == 200 and alles.json()["count"] == 2
    r = c.get(f"/api/v1/{pad}/?ministerie=fin")
    assert r.status_code == 200, r.content[:300]
    assert r.json()["count"] == 1
    r = c.get(f"/api/v1/{pad}/?ministerie=fin&ministerie=bzk")
    assert r.json()["count"] == 2
    r = c.get(f"/api/v1/{pad}/?ministerie=bestaat-niet")
    assert r.status_code == 400 and "ministerie" in r.json()["fouten"]


# --------------------------------------------------------------------------
# Bevinding 5: empty ?peildatum= is a 400; every 404 under /api/ is problem+json


@pytest.mark.parametrize("pad", ["publiek/activiteiten/", "publiek/kerncijfers/", "publiek/ministeries/"])
def test_bevinding_5_empty_peildatum_is_a_400(pad):
    r = api().get(f"/api/v1/{pad}?peildatum=")
    assert r.status_code == 400, r.content[:300]
    assert r["Content-Type"] == "application/problem+json"
    assert "peildatum" in r.json()["fouten"]


@pytest.mark.parametrize("pad", ["/api/", "/api/v2/activiteiten/", "/api/onzin", "/api/%00/"])
def test_bevinding_5_a_404_under_api_is_problem_json(client, pad):
    r = client.get(pad)
    assert r.status_code == 404
    assert r["Content-Type"] == "application/problem+json"
    assert r.json()["status"] == 404


def test_bevinding_5_a_404_elsewhere_stays_an_html_page(client):
    r = client.get("/bestaat-niet/")
    assert r.status_code == 404 and r["Content-Type"].startswith("text/html")
