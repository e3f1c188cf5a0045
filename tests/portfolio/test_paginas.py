"""The portfolio pages: list, detail and the forms that change an activity (through the services)."""

import datetime
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cio_stelsel.models import AuditRecord
from cio_stelsel.rechten import Rol
from portfolio import services
from portfolio.models import Gebeurtenis, IctActiviteit, Kwaliteitstoets, Mijlpaal, RedenHerijking, Soort, Status
from portfolio.templatetags.portfolio import euro, mln, mln_teken, procent, procent_teken
from tests.factories import DienstonderdeelFactory, activiteit, bedragen, benoem

pytestmark = pytest.mark.django_db


# -- helpers -------------------------------------------------------------------


class _Formulier(HTMLParser):
    """What a browser would submit for the first <form method="post"> in <main> (inputs as rendered)."""

    def __init__(self):
        super().__init__()
        self._in_main = False
        self.data: dict[str, list[str]] = {}
        self._in_form = False
        self._klaar = False
        self._select = None
        self._optie = None
        self._textarea = None

    def _voeg_toe(self, naam, waarde):
        self.data.setdefault(naam, []).append(waarde)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self._klaar:
            return
        if tag == "main":
            self._in_main = True
        if tag == "form" and self._in_main and (a.get("method") or "").lower() == "post":
            self._in_form = True
        if not self._in_form:
            return
        if tag == "input" and a.get("name"):
            soort = (a.get("type") or "text").lower()
            if soort in ("checkbox", "radio"):
                if "checked" in a:
                    self._voeg_toe(a["name"], a.get("value", "on"))
            elif soort not in ("submit", "button"):
                self._voeg_toe(a["name"], a.get("value") or "")
        elif tag == "select":
            self._select = {"naam": a.get("name"), "gekozen": [], "eerste": None, "multiple": "multiple" in a}
        elif tag == "option" and self._select is not None:
            waarde = a.get("value", "")
            if self._select["eerste"] is None:
                self._select["eerste"] = waarde
            if "selected" in a:
                self._select["gekozen"].append(waarde)
        elif tag == "textarea":
            self._textarea = {"naam": a.get("name"), "tekst": ""}

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["tekst"] += data

    def handle_endtag(self, tag):
        if not self._in_form:
            return
        if tag == "select" and self._select is not None:
            s = self._select
            gekozen = s["gekozen"] or ([] if s["multiple"] or s["eerste"] is None else [s["eerste"]])
            for w in gekozen:
                self._voeg_toe(s["naam"], w)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self._voeg_toe(self._textarea["naam"], self._textarea["tekst"].lstrip("\n"))
            self._textarea = None
        elif tag == "form":
            self._in_form = False
            self._klaar = True


def formulier(response) -> dict:
    """The POST data of the page's form, as a browser would send it unchanged."""
    p = _Formulier()
    p.feed(response.content.decode())
    return {k: v if len(v) > 1 else v[0] for k, v in p.data.items()}


def tekst(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def herijk(actor, a, *, datum, einddatum, geschat, gerealiseerd=0, soort=Gebeurtenis.Soort.HERIJKING):
    a.refresh_from_db()
    return services.gebeurtenis_toevoegen(
        actor=actor,
        activiteit=a,
        versie=a.versie,
        soort=soort,
        datum=datum,
        einddatum=einddatum,
        bedragen=bedragen(geschat, gerealiseerd),
        toelichting_kosten="Aanbesteding viel duurder uit.",
        redenen=RedenHerijking.objects.filter(code="tegenvallers") if soort == Gebeurtenis.Soort.HERIJKING else [],
    )


def paginas(a):
    n = a.nummer
    return {
        "detail": reverse("portfolio:detail", args=[n]),
        "bewerken": reverse("portfolio:bewerken", args=[n]),
        "rapportage": reverse("portfolio:gebeurtenis", args=[n]) + "?soort=rapportage",
        "herijking": reverse("portfolio:gebeurtenis", args=[n]) + "?soort=herijking",
        "baseline": reverse("portfolio:baseline", args=[n]),
        "status": reverse("portfolio:status", args=[n]),
    }


@pytest.fixture
def a(office, ministerie):
    return activiteit(office, ministerie, naam="Vernieuwing basisregistratie", geschat=12_000_000)


# -- formatting ------------------------------------------------------------------


def test_amounts_are_formatted_the_dutch_way():
    assert mln(Decimal("12345678")) == "12,3"
    assert mln(Decimal("1234567890")) == "1.234,6"
    assert mln(None) == "—"
    assert mln_teken(Decimal("5000000")) == "+5,0"
    assert mln_teken(Decimal("-250000")) == "-0,3"
    assert euro(Decimal("1234567.40")) == "1.234.567"
    assert procent(Decimal("12.345")) == "12,3%"
    assert procent_teken(Decimal("50")) == "+50,0%"
    assert procent_teken(Decimal("0")) == "0,0%"


# -- access ------------------------------------------------------------------------


def test_every_page_answers_for_the_own_office(office, a, login):
    client = login(office)
    assert client.get(reverse("portfolio:lijst")).status_code == 200
    assert client.get(reverse("portfolio:nieuw")).status_code == 200
    for naam, url in paginas(a).items():
        response = client.get(url)
        assert response.status_code == 200, naam
        html = response.content.decode()
        assert "style=" not in html and not re.search(r"<script(?![^>]*\ssrc=)", html), f"{naam}: inline style or script breaks the CSP"


def test_an_office_of_another_ministry_neither_sees_nor_changes(collega_ander_ministerie, a, login):
    client = login(collega_ander_ministerie)
    lijst = client.get(reverse("portfolio:lijst"))
    assert lijst.status_code == 200 and a.naam not in lijst.content.decode()
    for naam, url in paginas(a).items():
        assert client.get(url).status_code == 404, naam
        assert client.post(url, {}).status_code in (404, 405), naam
    a.refresh_from_db()
    assert a.versie == 1


def test_cio_rijk_reads_list_and_detail_but_changes_nothing(cio_rijk, a, login):
    client = login(cio_rijk)
    lijst = client.get(reverse("portfolio:lijst"))
    assert lijst.status_code == 200 and a.naam in lijst.content.decode()
    assert "Nieuwe ICT-activiteit" not in lijst.content.decode()
    urls = paginas(a)
    detail = client.get(urls.pop("detail"))
    assert detail.status_code == 200
    assert reverse("portfolio:bewerken", args=[a.nummer]) not in detail.content.decode()
    assert client.get(reverse("portfolio:nieuw")).status_code == 403
    assert client.post(reverse("portfolio:nieuw"), {"naam": "X"}).status_code == 403
    for naam, url in urls.items():
        assert client.get(url).status_code == 403, naam
        assert client.post(url, {"versie": a.versie}).status_code == 403, naam
    assert IctActiviteit.objects.count() == 1


def test_anonymous_users_are_sent_to_the_login(client, a):
    response = client.get(reverse("portfolio:detail", args=[a.nummer]))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_unknown_event_kind_is_a_404(office, a, login):
    assert login(office).get(reverse("portfolio:gebeurtenis", args=[a.nummer]) + "?soort=initieel").status_code == 404


# -- list ----------------------------------------------------------------------------


@pytest.fixture
def portfolio(office, ministerie, ander_ministerie, collega_ander_ministerie):
    """Five activities in two ministries with distinct figures."""
    bzk = [
        activiteit(office, ministerie, naam="Basisregistratie Personen", geschat=40_000_000, onderwerp="Burgerzaken"),
        activiteit(
            office, ministerie, naam="Werkplek Rijk", geschat=8_000_000, onderwerp="Bedrijfsvoering", soort=Soort.BEHEER_EN_ONDERHOUD
        ),
        activiteit(office, ministerie, naam="Klein hulpmiddel", geschat=1_000_000, onderwerp="Bedrijfsvoering"),
        activiteit(office, ministerie, naam="Digitale overheid", geschat=20_000_000, onderwerp="Digitalisering"),
    ]
    herijk(office, bzk[1], datum=datetime.date(2023, 6, 1), einddatum=datetime.date(2027, 12, 31), geschat=16_000_000)
    bzk[3].refresh_from_db()
    services.status_wijzigen(
        actor=office,
        activiteit=bzk[3],
        versie=bzk[3].versie,
        status=Status.GEANNULEERD,
        annuleringsdatum=datetime.date(2024, 1, 1),
        reden="Opgegaan in een ander programma.",
    )
    fin = activiteit(collega_ander_ministerie, ander_ministerie, naam="Toeslagen portaal", geschat=30_000_000, onderwerp="Belastingen")
    return bzk, fin


def namen(response):
    return [a.naam for a in response.context["page_obj"].object_list]


def test_list_search_filter_and_sort(office, cio_rijk, portfolio, login):
    client = login(office)
    url = reverse("portfolio:lijst")
    assert set(namen(client.get(url))) == {"Basisregistratie Personen", "Werkplek Rijk", "Klein hulpmiddel", "Digitale overheid"}
    assert namen(client.get(url, {"q": "werkplek"})) == ["Werkplek Rijk"]
    assert namen(client.get(url, {"q": str(portfolio[0][0].nummer)})) == ["Basisregistratie Personen"]
    assert set(namen(client.get(url, {"q": "BZK"}))) == set(namen(client.get(url)))
    assert namen(client.get(url, {"status": "geannuleerd"})) == ["Digitale overheid"]
    assert namen(client.get(url, {"soort": "beheer_en_onderhoud"})) == ["Werkplek Rijk"]
    assert set(namen(client.get(url, {"onderwerp": "Bedrijfsvoering"}))) == {"Werkplek Rijk", "Klein hulpmiddel"}
    assert namen(client.get(url, {"rapporteerbaar": "nee"})) == ["Klein hulpmiddel"]
    assert "Klein hulpmiddel" not in namen(client.get(url, {"rapporteerbaar": "ja"}))
    assert namen(client.get(url, {"sorteer": "actueel"})) == [
        "Klein hulpmiddel",
        "Werkplek Rijk",
        "Digitale overheid",
        "Basisregistratie Personen",
    ]
    assert namen(client.get(url, {"sorteer": "-verschil"}))[0] == "Werkplek Rijk"
    assert namen(client.get(url, {"sorteer": "-vertraging"}))[0] == "Werkplek Rijk"
    # combined, and the filter state stays in the sort links and pagination
    response = client.get(url, {"onderwerp": "Bedrijfsvoering", "sorteer": "-actueel"})
    assert namen(response) == ["Werkplek Rijk", "Klein hulpmiddel"]
    html = tekst(response)
    assert 'aria-sort="descending"' in html
    assert "onderwerp=Bedrijfsvoering&amp;sorteer=actueel" in html
    assert "niet rapporteerbaar (onder de drempel)" in html
    assert "16,0" in html and "+100,0%" in html  # Werkplek Rijk: 8 -> 16 mln
    # unknown values are ignored, not a 500
    assert client.get(url, {"status": "bestaat-niet", "sorteer": "hack", "page": "x"}).status_code == 200
    # the ministry filter offers only ministries in scope; the CIO Rijk sees both
    assert "FIN" not in [str(c[1]) for c in client.get(url).context["filterform"].fields["ministerie"].choices]
    rijk = login(cio_rijk)
    assert "Toeslagen portaal" in namen(rijk.get(url))
    assert namen(rijk.get(url, {"ministerie": "fin"})) == ["Toeslagen portaal"]


def test_new_button_and_import_only_with_an_edit_scope_export_for_all(office, cio_rijk, login):
    eigen = login(office).get(reverse("portfolio:lijst")).content.decode()
    rijk = login(cio_rijk).get(reverse("portfolio:lijst")).content.decode()
    assert "Nieuwe ICT-activiteit" in eigen and "Nieuwe ICT-activiteit" not in rijk
    assert f'href="{reverse("portfolio:import")}"' in eigen and f'href="{reverse("portfolio:import")}"' not in rijk
    for html in (eigen, rijk):
        assert f'href="{reverse("portfolio:export")}?format=csv"' in html and f'href="{reverse("portfolio:export")}?format=xlsx"' in html


def _activiteiten_met_gebeurtenissen(office, ministerie, aantal, gebeurtenissen):
    resultaat = []
    for i in range(aantal):
        x = activiteit(office, ministerie, naam=f"Activiteit {i:03d}", geschat=5_000_000 + i)
        for j in range(gebeurtenissen - 1):
            herijk(
                office,
                x,
                datum=datetime.date(2022, 2, 1) + datetime.timedelta(days=30 * j),
                einddatum=datetime.date(2026, 1, 1),
                geschat=6_000_000 + j,
                soort=Gebeurtenis.Soort.HERIJKING if j % 2 else Gebeurtenis.Soort.RAPPORTAGE,
            )
        Mijlpaal.objects.bulk_create([Mijlpaal(activiteit=x, omschrijving=f"Mijlpaal {j}") for j in range(gebeurtenissen)])
        Kwaliteitstoets.objects.bulk_create(
            [
                Kwaliteitstoets(activiteit=x, toetsdatum=datetime.date(2023, 1, 1), uitvoerende_partij="AcICT", soort="acict_advies")
                for _ in range(gebeurtenissen)
            ]
        )
        resultaat.append(x)
    return resultaat


def _tel(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_list_query_count_does_not_grow_with_the_rows(office, ministerie, login, django_assert_max_num_queries):
    client = login(office)
    url = reverse("portfolio:lijst")
    _activiteiten_met_gebeurtenissen(office, ministerie, 3, 3)
    client.get(url)  # warm the session
    grens = _tel(client, url)
    _activiteiten_met_gebeurtenissen(office, ministerie, 27, 3)
    with django_assert_max_num_queries(grens):
        response = client.get(url)
    assert len(response.context["page_obj"].object_list) == 25


def test_detail_query_count_does_not_grow_with_the_events(office, ministerie, login, django_assert_max_num_queries):
    client = login(office)
    klein = _activiteiten_met_gebeurtenissen(office, ministerie, 1, 3)[0]
    client.get(reverse("portfolio:detail", args=[klein.nummer]))
    grens = _tel(client, reverse("portfolio:detail", args=[klein.nummer]))
    groot = _activiteiten_met_gebeurtenissen(office, ministerie, 1, 12)[0]
    with django_assert_max_num_queries(grens):
        response = client.get(reverse("portfolio:detail", args=[groot.nummer]))
    assert len(response.context["gebeurtenissen"]) == 12


# -- detail ----------------------------------------------------------------------------


def test_detail_shows_the_initial_baseline_next_to_the_current_estimate(office, a, login):
    herijk(office, a, datum=datetime.date(2023, 6, 1), einddatum=datetime.date(2027, 12, 31), geschat=18_000_000, gerealiseerd=4_000_000)
    response = login(office).get(reverse("portfolio:detail", args=[a.nummer]))
    html = tekst(response)
    assert "Initiële schatting: 12,0 mln euro" in html
    assert "18,0" in html and "+50,0%" in html and "+6,0 mln euro" in html
    assert "Tegenvallers binnen project" in html
    # the chart: inline SVG with title and desc and the baseline as dashed line, no style attributes
    assert html.count("<svg") == 2 and 'role="img"' in html and "<title" in html and "<desc" in html
    assert 'stroke-dasharray="7 5"' in html and "style=" not in html
    # audit trail of the activity and its event
    assert "ICT-activiteit aangemaakt" in html and "Herijking vastgelegd" in html


# -- create --------------------------------------------------------------------------------


def test_create_an_activity_with_its_initial_baseline(office, ministerie, login):
    client = login(office)
    pagina = client.get(reverse("portfolio:nieuw"))
    data = formulier(pagina)
    data.update(
        {
            "naam": "Nieuw zaaksysteem",
            "onderwerp": "Dienstverlening",
            "soort": "vernieuwing",
            "startdatum": "2024-01-01",
            "initieel-einddatum": "2027-12-31",
            "initieel-geschat_uitbesteed_werk": "12.500.000",
            "initieel-geschat_intern_personeel": "1.250.000,50",
        }
    )
    response = client.post(reverse("portfolio:nieuw"), data)
    a = IctActiviteit.objects.get(naam="Nieuw zaaksysteem")
    assert response.status_code == 302 and response["Location"] == reverse("portfolio:detail", args=[a.nummer])
    g = a.gebeurtenissen.get()
    assert g.soort == "initieel" and g.datum == datetime.date(2024, 1, 1)
    assert g.totaal_geschat == Decimal("13750000.50") and g.totaal_gerealiseerd == 0


def test_create_shows_service_errors_on_the_fields(office, ministerie, login):
    client = login(office)
    data = formulier(client.get(reverse("portfolio:nieuw")))
    data.update(
        {"naam": "Te vroeg klaar", "startdatum": "2024-01-01", "initieel-einddatum": "2023-01-01", "initieel-geschat_overige_kosten": "-5"}
    )
    response = client.post(reverse("portfolio:nieuw"), data)
    assert response.status_code == 200
    assert "Geschat: overige kosten: Het bedrag mag niet negatief zijn." in tekst(response)
    # every error in one round (issue 18): the end date before the start is reported beside the field error
    assert "Geschatte einddatum: De geschatte einddatum moet na de startdatum (01-01-2024) liggen." in tekst(response)
    # the form is fine, the service refuses: its error lands on the named field of the baseline form
    data["initieel-geschat_overige_kosten"] = "5"
    response = client.post(reverse("portfolio:nieuw"), data)
    assert response.status_code == 200
    assert response.context["initieel"].errors["einddatum"] == ["De geschatte einddatum moet na de startdatum (01-01-2024) liggen."]
    assert "Geschatte einddatum: De geschatte einddatum moet na de startdatum (01-01-2024) liggen." in tekst(response)
    assert not IctActiviteit.objects.filter(naam="Te vroeg klaar").exists()


def test_create_offers_only_the_own_organisation(ministerie, ander_ministerie, login):
    logius = DienstonderdeelFactory(ministerie=ministerie, naam="Logius")
    DienstonderdeelFactory(ministerie=ministerie, naam="Rijksdienst voor Identiteitsgegevens")
    DienstonderdeelFactory(ministerie=ander_ministerie, naam="Belastingdienst")
    user = benoem(Rol.CIO_OFFICE, logius).persoon.user
    client = login(user)
    form = client.get(reverse("portfolio:nieuw")).context["form"]
    assert list(form.fields["ministerie"].queryset) == [ministerie]
    assert list(form.fields["dienstonderdeel"].queryset) == [logius]
    assert "zbo" not in form.fields
    # without choosing the dienstonderdeel the form refuses (field error), it does not 403
    data = formulier(client.get(reverse("portfolio:nieuw")))
    data.update({"naam": "Zonder dienstonderdeel", "initieel-einddatum": "2027-01-01", "dienstonderdeel": ""})
    response = client.post(reverse("portfolio:nieuw"), data)
    assert response.status_code == 200 and response.context["form"].errors["dienstonderdeel"]
    # posting another ministry is refused on the field
    data.update({"ministerie": str(ander_ministerie.pk), "dienstonderdeel": str(logius.pk)})
    response = client.post(reverse("portfolio:nieuw"), data)
    assert response.status_code == 200 and "ministerie" in response.context["form"].errors
    assert not IctActiviteit.objects.exists()


# -- edit ------------------------------------------------------------------------------------


def test_edit_general_fields_and_lists_in_one_service_call(office, a, login):
    Mijlpaal.objects.create(activiteit=a, omschrijving="Oude mijlpaal")
    client = login(office)
    url = reverse("portfolio:bewerken", args=[a.nummer])
    data = formulier(client.get(url))
    data["naam"] = "Vernieuwing basisregistratie (fase 2)"
    data["mijlpalen-0-DELETE"] = "on"
    data["mijlpalen-1-omschrijving"] = "Aanbesteding gegund"
    data["mijlpalen-1-verwachte_datum"] = "2025-03-01"
    data["ontwikkelpartijen-0-partij"] = "Leverancier BV"
    data["ontwikkelpartijen-0-rol"] = "Bouw"
    voor = AuditRecord.objects.count()
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["fouten"]
    a.refresh_from_db()
    assert a.naam == "Vernieuwing basisregistratie (fase 2)" and a.versie == 2
    assert [m.omschrijving for m in a.mijlpalen.all()] == ["Aanbesteding gegund"]
    assert [p.partij for p in a.ontwikkelpartijen.all()] == ["Leverancier BV"]
    assert AuditRecord.objects.count() == voor + 1


def test_a_conflicting_edit_is_refused_and_keeps_the_first(office, a, login):
    alice = login(office)
    bob = login(office)
    url = reverse("portfolio:bewerken", args=[a.nummer])
    eerste, tweede = formulier(alice.get(url)), formulier(bob.get(url))
    assert eerste["versie"] == tweede["versie"] == str(a.versie)
    eerste["naam"] = "Naam van Alice"
    tweede["naam"] = "Naam van Bob"
    tweede["mijlpalen-0-omschrijving"] = "Mijlpaal van Bob"
    assert alice.post(url, eerste).status_code == 302
    response = bob.post(url, tweede)
    assert response.status_code == 409
    html = tekst(response)
    assert "Iemand anders heeft deze ICT-activiteit opgeslagen" in html and "Er is niets overschreven" in html
    assert f'href="{reverse("portfolio:detail", args=[a.nummer])}" target="_blank"' in html
    assert 'value="Naam van Bob"' in html and "Mijlpaal van Bob" in html  # the input is kept
    a.refresh_from_db()
    assert a.naam == "Naam van Alice" and not a.mijlpalen.exists()


# -- events ------------------------------------------------------------------------------------


def test_herijking_without_reason_names_the_field_and_creates_nothing(office, a, login):
    client = login(office)
    url = reverse("portfolio:gebeurtenis", args=[a.nummer]) + "?soort=herijking"
    pagina = client.get(url)
    data = formulier(pagina)
    assert data["geschat_uitbesteed_werk"] == "12.000.000"  # prefilled with the current figures
    data.update(
        {"datum": "2024-06-01", "einddatum": "2026-12-31", "geschat_uitbesteed_werk": "15.000.000", "toelichting_kosten": "Duurder."}
    )
    response = client.post(url, data)
    assert response.status_code == 200
    html = tekst(response)
    assert "Redenen herijking: Een herijking heeft ten minste één reden" in html
    assert a.gebeurtenissen.count() == 1


def test_herijking_with_reason_changes_the_current_figures(office, a, login):
    client = login(office)
    url = reverse("portfolio:gebeurtenis", args=[a.nummer]) + "?soort=herijking"
    data = formulier(client.get(url))
    reden = RedenHerijking.objects.get(code="prijsontwikkeling")
    data.update(
        {
            "datum": "2024-06-01",
            "einddatum": "2026-12-31",
            "geschat_uitbesteed_werk": "15.000.000",
            "redenen": str(reden.pk),
            "toelichting_kosten": "Inflatie.",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302
    k = IctActiviteit.objects.met_kerncijfers().get(pk=a.pk).kerncijfers
    assert k.actueel_totaal == Decimal("15000000") and k.initieel_totaal == Decimal("12000000") and k.aantal_herijkingen == 1


def test_rapportage_refuses_a_date_before_the_last_event(office, a, login):
    client = login(office)
    url = reverse("portfolio:gebeurtenis", args=[a.nummer]) + "?soort=rapportage"
    data = formulier(client.get(url))
    assert "redenen" not in data
    data["datum"] = "2021-12-31"
    response = client.post(url, data)
    assert response.status_code == 200 and "De datum ligt vóór de laatste gebeurtenis" in tekst(response)


def test_initial_baseline_can_be_corrected_only_while_it_is_the_only_event(office, a, login):
    client = login(office)
    url = reverse("portfolio:baseline", args=[a.nummer])
    data = formulier(client.get(url))
    data["geschat_uitbesteed_werk"] = "11.000.000"
    assert client.post(url, data).status_code == 302
    assert a.gebeurtenissen.get().totaal_geschat == Decimal("11000000")
    herijk(
        office,
        a,
        datum=datetime.date(2023, 1, 1),
        einddatum=datetime.date(2026, 1, 1),
        geschat=13_000_000,
        soort=Gebeurtenis.Soort.RAPPORTAGE,
    )
    response = client.get(url)
    assert response.status_code == 200 and "leg dan een herijking vast" in tekst(response)
    assert "Initiële baseline corrigeren" not in client.get(reverse("portfolio:detail", args=[a.nummer])).content.decode()


# -- status -----------------------------------------------------------------------------------------


def test_status_change_offers_only_allowed_statuses(office, ministerie, a, login):
    client = login(office)
    url = reverse("portfolio:status", args=[a.nummer])
    keuzes = [c[0] for c in client.get(url).context["form"].fields["status"].choices]
    assert keuzes == ["in_uitvoering", "geannuleerd"]
    # a large activity cannot start without a CIO-oordeel (B1): the service's error on the field, no 500
    data = formulier(client.get(url))
    data["status"] = "in_uitvoering"
    response = client.post(url, data)
    assert response.status_code == 200 and response.context["form"].errors["status"]
    a.refresh_from_db()
    assert a.status == "nog_niet_gestart"
    # below the threshold it starts
    klein = activiteit(office, ministerie, naam="Klein", geschat=1_000_000)
    url = reverse("portfolio:status", args=[klein.nummer])
    data = formulier(client.get(url))
    data["status"] = "in_uitvoering"
    assert client.post(url, data).status_code == 302
    klein.refresh_from_db()
    assert klein.status == "in_uitvoering"


def test_cancelling_asks_for_confirmation(office, a, login):
    client = login(office)
    url = reverse("portfolio:status", args=[a.nummer])
    data = formulier(client.get(url))
    data.update({"status": "geannuleerd", "annuleringsdatum": "2024-05-01"})
    response = client.post(url, data)
    assert response.status_code == 200 and "Geef de reden van de annulering." in tekst(response)
    data["reden"] = "Politieke keuze."
    response = client.post(url, data)
    assert response.status_code == 200 and "Weet u zeker dat u de status wijzigt naar 'Geannuleerd'?" in tekst(response)
    a.refresh_from_db()
    assert a.status == "nog_niet_gestart"
    bevestiging = formulier(response)
    assert bevestiging["bevestigd"] == "ja"
    assert client.post(url, bevestiging).status_code == 302
    a.refresh_from_db()
    assert a.status == "geannuleerd" and a.reden_annulering == "Politieke keuze."
    # a final status: the page explains, the detail page offers no button
    assert "eindstatus" in tekst(client.get(url))
    assert reverse("portfolio:status", args=[a.nummer]) not in client.get(reverse("portfolio:detail", args=[a.nummer])).content.decode()
