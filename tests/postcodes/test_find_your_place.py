"""Find your place: a postcode in each of the four places, in Bassetlaw and York (another
system's), outside the area, unknown, malformed and hostile; the answer in one card; the map
with the postcode marked; and the same number of queries for every answer."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from postcodes.lookup import ICB_LIST_URL
from postcodes.models import DirectoryEdition
from postcodes.sample import EXAMPLES, import_sample
from tests.html import parse

URL = "/find-your-place/"


@pytest.fixture
def directory(seeded):
    import_sample()


def ask(client, postcode: str, status: int = 200):
    response = client.get(URL, {"postcode": postcode})
    assert response.status_code == status, response.content.decode()[:2000]
    return parse(response.content.decode())


def card(html):
    answer = html.select_one("#answer")
    assert answer.attrs.get("tabindex") == "-1"
    assert "data-focus-on-load" in answer.attrs
    return answer


def error(html) -> str:
    return html.select_one(".nhsuk-error-message").text


def summary(answer) -> dict[str, str]:
    keys = answer.select(".nhsuk-summary-list__key")
    values = answer.select(".nhsuk-summary-list__value")
    return {key.text.strip(): value.text.strip() for key, value in zip(keys, values, strict=True)}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("place", "council"),
    [
        ("Barnsley", "Barnsley Metropolitan Borough Council"),
        ("Doncaster", "City of Doncaster Council"),
        ("Rotherham", "Rotherham Metropolitan Borough Council"),
        ("Sheffield", "Sheffield City Council"),
    ],
)
def test_a_postcode_in_each_place_names_its_place_council_board_and_partnership(
    client, directory, place, council
):
    postcode = EXAMPLES[place.lower()]
    answer = card(ask(client, postcode))
    assert answer.select_one("h2").text == f"{postcode} is in {place}"
    assert summary(answer) == {
        "Place": place,
        "Council": council,
        "Integrated care board": "NHS South Yorkshire Integrated Care Board",
        "Partnership": "South Yorkshire Integrated Care System",
    }
    links = {a.text: a.attrs["href"] for a in answer.select("a")}
    assert links[place] == f"/places/{place.lower()}/"
    citations = [citation.text for citation in answer.select(".app-citation")]
    assert "ONS Postcode Directory, November 2025" in citations[0]
    assert len(citations) == 3  # the directory's, the council's and the board's


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "place", "system", "board"),
    [
        (
            "bassetlaw", "Bassetlaw", "Nottingham and Nottinghamshire Integrated Care System",
            "NHS Nottingham and Nottinghamshire Integrated Care Board",
        ),
        (
            "york", "York", "Humber and North Yorkshire Integrated Care System",
            "NHS Humber and North Yorkshire Integrated Care Board",
        ),
    ],
)  # fmt: skip
def test_bassetlaw_and_york_are_named_with_the_system_that_covers_them(
    client, directory, key, place, system, board
):
    postcode = EXAMPLES[key]
    answer = card(ask(client, postcode))
    assert answer.select_one("h2").text == f"{postcode} is in {place}: not in our area"
    words = answer.text
    assert system in words
    assert board in words
    assert any(a.attrs["href"] == f"/places/{key}/" for a in answer.select("a"))


@pytest.mark.django_db
@pytest.mark.parametrize("postcode", ["SW1A 1AA", EXAMPLES["neighbour"]])
def test_elsewhere_is_plainly_not_in_our_area_with_nhs_englands_list(client, directory, postcode):
    answer = card(ask(client, postcode))
    assert answer.select_one("h2").text == f"{postcode} is not in our area"
    assert any(a.attrs["href"] == ICB_LIST_URL for a in answer.select("a"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("s10 2th", "S10 2TH"),
        ("S102TH", "S10 2TH"),
        ("  s10   2tH ", "S10 2TH"),
        ("dn25lt", "DN2 5LT"),
    ],
)
def test_any_spacing_and_case_is_accepted(client, directory, typed, shown):
    assert card(ask(client, typed)).select_one("h2").text.startswith(f"{shown} is in ")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter a postcode"),
        ("   ", "Enter a postcode"),
        ("S10", "Enter a full UK postcode"),
        ("SHEFFIELD", "Enter a full UK postcode"),
        ("12345", "Enter a full UK postcode"),
        ("S10 2THX", "Enter a full UK postcode"),
        ("DN99 9ZZ", "We could not find DN99 9ZZ"),  # our area, but no such postcode
        ("<script>alert(1)</script>", "Enter a postcode"),
        ("S1'; DROP", "using only letters, numbers and spaces"),
        ("S1'; DROP TABLE postcodes", "Enter a postcode, like S1 2HH"),
        ("S1 1AA\x00", "using only letters, numbers and spaces"),
        ("S10 2TH" * 40, "Enter a postcode"),
    ],
)
def test_bad_input_is_a_field_error_never_a_500(client, directory, typed, message):
    html = ask(client, typed, status=400)
    assert message in error(html)
    assert html.select_one("head").select("title")[0].text.startswith("Error: ")
    assert html.select_one(".nhsuk-error-summary") is not None
    assert not html.select("#answer")
    assert "<script>alert" not in str(html)


@pytest.mark.django_db
def test_before_the_directory_is_imported_the_page_says_so(client, seeded):
    assert not DirectoryEdition.objects.exists()
    assert "not ready yet" in error(ask(client, "S10 2TH", status=400))
    assert parse(client.get(URL).content.decode()).select(".app-map") == []


@pytest.mark.django_db
def test_the_map_draws_each_place_as_a_link_with_its_own_pattern_and_marks_the_postcode(
    client, directory
):
    html = ask(client, EXAMPLES["sheffield"])
    svg = html.select_one("svg.app-map__svg")
    links = svg.select("a")
    assert [a.attrs["href"] for a in links] == [
        "/places/barnsley/", "/places/doncaster/", "/places/rotherham/", "/places/sheffield/",
    ]  # fmt: skip
    patterns = [a.select_one("path").attrs["fill"] for a in links]
    assert len(set(patterns)) == 4
    assert [a.select_one("text").text for a in links] == [
        "Barnsley", "Doncaster", "Rotherham", "Sheffield",
    ]  # fmt: skip
    marker = svg.select_one(".app-map__marker")
    assert marker.attrs["aria-label"].startswith("S10 2TH")
    # The same facts in a table beside it.
    table = html.select_one("table.nhsuk-table")
    names = [row.select_one("th").text for row in table.select_one("tbody").select("tr")]
    assert names == ["Barnsley", "Doncaster", "Rotherham", "Sheffield"]


@pytest.mark.django_db
def test_a_postcode_off_the_map_has_no_marker(client, directory):
    html = ask(client, EXAMPLES["york"])
    assert html.select_one("svg.app-map__svg") is not None
    assert html.select(".app-map__marker") == []


@pytest.mark.django_db
def test_every_answer_takes_the_same_number_of_queries(client, directory):
    counts = {}
    for typed in [*EXAMPLES.values(), "SW1A 1AA", "DN99 9ZZ", "nonsense"]:
        with CaptureQueriesContext(connection) as queries:
            client.get(URL, {"postcode": typed})
        counts[typed] = len(queries)
    assert max(counts.values()) <= 8, counts
    # The postcode itself: one query on the table's primary key.
    with CaptureQueriesContext(connection) as queries:
        client.get(URL, {"postcode": "S10 2TH"})
    lookups = [q["sql"] for q in queries if "postcodes_postcode" in q["sql"]]
    assert len(lookups) == 1, lookups
    assert 'postcodes_postcode"."postcode" = ' in lookups[0]


@pytest.mark.django_db
def test_the_home_page_has_the_postcode_form(client, seeded):
    form = parse(client.get("/").content.decode()).select_one('form[action="/find-your-place/"]')
    assert form.attrs["method"] == "get"
    assert form.select_one("input[name=postcode]").attrs["autocomplete"] == "postal-code"
