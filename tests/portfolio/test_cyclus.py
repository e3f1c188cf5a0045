"""Issue 12: the reporting cycle, visible (B13 peildatum calendar, B14 sign-off, B15 publication)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from cio_stelsel.models import AuditRecord
from portfolio import kalender, services
from portfolio.models import ActiviteitVersie
from tests.factories import activiteit

pytestmark = pytest.mark.django_db

P2024 = datetime.date(2024, 12, 31)
P2025 = datetime.date(2025, 12, 31)
VANDAAG = datetime.date(2026, 3, 20)  # after the sign-off deadline for 2025, before its publication deadline
Status = ActiviteitVersie.Status


@pytest.fixture(autouse=True)
def _drempel(settings):
    settings.GROTE_ICT_DREMPEL_EUR = 5_000_000


def voorbereid(actor, a, peildatum=P2025):
    a.refresh_from_db()
    return services.versie_voorbereiden(actor=actor, activiteit=a, peildatum=peildatum)


@pytest.fixture
def cyclusstand(office, cio, collega_ander_ministerie, cio_ander_ministerie, ministerie, ander_ministerie):
    """BZK: one without version, one concept, two gecontroleerd; FIN: one gecontroleerd, one concept."""
    bzk = [activiteit(office, ministerie, naam=f"BZK {i}") for i in range(4)]
    fin = [activiteit(collega_ander_ministerie, ander_ministerie, naam=f"FIN {i}") for i in range(2)]
    v = [voorbereid(office, a) for a in bzk[1:]]
    services.versies_aftekenen(actor=cio, ministerie=ministerie, peildatum=P2025, versies=v[1:])
    w = [voorbereid(collega_ander_ministerie, a) for a in fin]
    services.versies_aftekenen(actor=cio_ander_ministerie, ministerie=ander_ministerie, peildatum=P2025, versies=w[:1])
    return bzk, fin


def test_b13_the_calendar_due_peildatum_and_deadlines():
    assert kalender.verschuldigde_peildatum(datetime.date(2026, 12, 2)) == datetime.date(2026, 12, 31)
    assert kalender.peildata(datetime.date(2026, 12, 2)) == [datetime.date(2026, 12, 31), P2025, P2024]
    t = kalender.Termijnen.van(P2025)
    assert (t.voorbereiden, t.aftekenen, t.publiceren) == (
        datetime.date(2026, 2, 15),
        datetime.date(2026, 3, 15),
        datetime.date(2026, 4, 15),
    )
    assert t.verantwoordingsdag == datetime.date(2026, 5, 20)  # the third Wednesday of May 2026


def test_issue12_cycle_counts_per_ministry_and_overdue_steps(cyclusstand, cio_rijk, ministerie, ander_ministerie):
    tabellen = kalender.cyclus(cio_rijk, VANDAAG, peildata_=[P2025])
    rijen = {r.ministerie.pk: r for r in tabellen[0].rijen}
    assert rijen[ministerie.pk].telling == {"ontbrekend": 1, "concept": 1, "gecontroleerd": 2, "gepubliceerd": 0}
    assert rijen[ander_ministerie.pk].telling == {"ontbrekend": 0, "concept": 1, "gecontroleerd": 1, "gepubliceerd": 0}
    stappen = {s.rol: s for s in rijen[ministerie.pk].stappen}
    assert stappen["cio_office"].te_laat and stappen["cio"].te_laat and not stappen["cio_rijk"].te_laat
    assert stappen["cio_rijk"].eigen and not stappen["cio"].eigen


def test_issue12_each_role_sees_its_own_step_on_the_werkvoorraad(cyclusstand, office, cio, cio_rijk, login, ministerie):
    # The CIO may also prepare versions (B14): both steps are theirs; the publication is not.
    assert {s.rol for r in kalender.taken_voor(cio, VANDAAG) for s in r.eigen_stappen if r.peildatum == P2025} == {"cio_office", "cio"}
    assert "cio_office" in [s.rol for r in kalender.taken_voor(office, VANDAAG) for s in r.eigen_stappen]
    assert {s.rol for r in kalender.taken_voor(cio_rijk, VANDAAG) for s in r.eigen_stappen} == {"cio_rijk"}
    pagina = login(cio).get(reverse("cio_stelsel:werkvoorraad")).content.decode()
    assert "Rapportagecyclus" in pagina and "Departementale CIO: 1 versie(s) aftekenen" in pagina
    cyclus = login(cio_rijk).get(reverse("portfolio:cyclus")).content.decode()
    assert "2 gecontroleerde versies publiceren" not in cyclus  # 2025 has 3 across ministries
    assert "3 gecontroleerde versies publiceren" in cyclus and "31-12-2026" in cyclus


def test_b14_the_cio_signs_off_the_whole_ministry_in_one_step_with_the_list(cyclusstand, cio, login, ministerie):
    client = login(cio)
    url = reverse("portfolio:versies_aftekenen", args=[ministerie.pk, P2025])
    bevestiging = client.get(url).content.decode()
    assert "BZK 1" in bevestiging
    pks = ActiviteitVersie.objects.filter(ministerie=ministerie, peildatum=P2025, status=Status.CONCEPT).values_list("pk", flat=True)
    client.post(url, {"versie": list(pks)})
    assert not ActiviteitVersie.objects.filter(ministerie=ministerie, peildatum=P2025, status=Status.CONCEPT).exists()


def test_b15_bulk_publication_lists_and_publishes_only_signed_off_versions(cyclusstand, cio_rijk, login, ministerie, ander_ministerie):
    client = login(cio_rijk)
    url = reverse("portfolio:peildatum_publiceren", args=[P2025])
    pagina = client.get(url).content.decode()
    assert "BZK 2" in pagina and "BZK 3" in pagina and "FIN 0" in pagina
    assert "BZK 1" not in pagina and "FIN 1" not in pagina  # concept: not listed
    gecontroleerd = list(ActiviteitVersie.objects.filter(peildatum=P2025, status=Status.GECONTROLEERD).values_list("pk", flat=True))
    response = client.post(url, {"versie": gecontroleerd})
    assert response.status_code == 302
    assert set(ActiviteitVersie.objects.filter(status=Status.GEPUBLICEERD).values_list("pk", flat=True)) == set(gecontroleerd)
    assert ActiviteitVersie.objects.filter(status=Status.CONCEPT).count() == 2
    assert AuditRecord.objects.filter(actie="versie.gepubliceerd").count() == 3


def test_b15_bulk_publication_narrowed_to_one_ministry(cyclusstand, cio_rijk, login, ander_ministerie):
    pagina = (
        login(cio_rijk).get(reverse("portfolio:peildatum_publiceren", args=[P2025]), {"ministerie": ander_ministerie.pk}).content.decode()
    )
    assert "FIN 0" in pagina and "BZK 2" not in pagina


def test_b15_bulk_publication_refuses_a_concept_and_publishes_nothing(cyclusstand, cio_rijk):
    alle = list(ActiviteitVersie.objects.filter(peildatum=P2025))
    with pytest.raises(ValidationError):
        services.peildatum_publiceren(actor=cio_rijk, peildatum=P2025, versies=alle)
    assert not ActiviteitVersie.objects.filter(status=Status.GEPUBLICEERD).exists()


def test_b15_only_the_cio_rijk_publishes_in_bulk(cyclusstand, cio, office, login):
    gecontroleerd = list(ActiviteitVersie.objects.filter(status=Status.GECONTROLEERD))
    for actor in (cio, office):
        with pytest.raises(PermissionDenied):
            services.peildatum_publiceren(actor=actor, peildatum=P2025, versies=gecontroleerd)
        assert login(actor).get(reverse("portfolio:peildatum_publiceren", args=[P2025])).status_code == 403
    assert not ActiviteitVersie.objects.filter(status=Status.GEPUBLICEERD).exists()


def test_issue12_the_cycle_page_takes_a_constant_number_of_queries(
    cyclusstand, cio_rijk, office, ministerie, login, django_assert_max_num_queries
):
    client = login(cio_rijk)
    client.get(reverse("portfolio:cyclus"))
    with django_assert_max_num_queries(40) as eerst:
        assert client.get(reverse("portfolio:cyclus")).status_code == 200
    for i in range(5):
        voorbereid(office, activiteit(office, ministerie, naam=f"Extra {i}"))
    with django_assert_max_num_queries(len(eerst.captured_queries)):
        assert client.get(reverse("portfolio:cyclus")).status_code == 200
