"""Every fact true to its source and shown with it: the corrections of the data-truth review,
/sources/, and a walk over every public page that fails on a figure or code shown without
a source."""

import re

import pytest

from icsportal.pages import PUBLIC_PAGES
from partners.models import Organisation, PreviousIdentifier
from places.models import IntegratedCareSystem, Place
from tests.helpers import is_quoted_from, page, quotations, seed_text, text
from tests.html import Element, parse

GSS_CODE = re.compile(r"\b[EWSN]\d{8}\b")
FIGURE = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")  # 1,407,072 and the like


def _facts_in(element: Element, ods_codes: set[str]):
    """(text, element) for each figure or code in the text directly inside `element`."""
    for child in element.children:
        if isinstance(child, str):
            words = set(re.findall(r"\b[A-Z0-9]{3,6}\b", child))
            for found in [*GSS_CODE.findall(child), *FIGURE.findall(child), *words & ods_codes]:
                yield found, element
        else:
            yield from _facts_in(child, ods_codes)


def _sourced(element: Element) -> bool:
    """The nearest element marked as holding sourced facts carries a citation."""
    holder = element if element.matches("[data-sourced]") else element.closest("[data-sourced]")
    return holder is not None and bool(holder.select(".app-citation"))


SEEDED_PAGES = [entry.path for entry in PUBLIC_PAGES if entry.seeded and entry.status == 200]


@pytest.mark.django_db
@pytest.mark.parametrize("path", SEEDED_PAGES)
def test_no_figure_or_code_is_shown_without_its_source(client, seeded, path):
    ods_codes = set(Organisation.objects.exclude(ods_code="").values_list("ods_code", flat=True))
    ods_codes |= set(PreviousIdentifier.objects.values_list("value", flat=True))
    main = parse(page(client, path)).select_one("main")
    unsourced = sorted(
        {found for found, where in _facts_in(main, ods_codes) if not _sourced(where)}
    )
    assert not unsourced, f"shown without a source on {path}: {unsourced}"


def test_the_walk_fails_on_an_unsourced_figure():
    """The check itself: a figure outside a sourced block, or in one without a citation."""
    bare = parse("<main><p>1,407,072 people</p></main>").select_one("main")
    uncited = parse("<main><div data-sourced><p>E08000039</p></div></main>").select_one("main")
    cited = parse(
        '<main><div data-sourced><p>E08000039</p><p class="app-citation">Source: ONS</p></div>'
        "</main>"
    ).select_one("main")
    assert [_sourced(where) for _, where in _facts_in(bare, set())] == [False]
    assert [_sourced(where) for _, where in _facts_in(uncited, set())] == [False]
    assert [_sourced(where) for _, where in _facts_in(cited, set())] == [True]


@pytest.mark.django_db
def test_about_shows_the_stated_figure_beside_the_arithmetic_a_reader_can_check(client, seeded):
    body = text(page(client, "/about/"))
    assert "“a total combined population size of 1.5 million”" in body
    # The four places in mid-2021 plus Bassetlaw at the 2021 Census.
    for figure in ["244,887", "308,697", "266,173", "555,035", "117,800"]:
        assert figure in body
    assert "Census 2021" in body
    assert "Total 1,492,592" in body
    assert "add up to 1,407,072" in body
    assert "included Bassetlaw" not in body
    # The seed's paragraph is shortened with a marked ellipsis, not silently.
    assert "Barnsley, Doncaster, Rotherham and Sheffield […]" in body


@pytest.mark.django_db
def test_each_place_shows_its_own_plan_or_says_plainly_there_is_none(client, seeded):
    sheffield = text(page(client, "/places/sheffield/"))
    assert "Shaping Sheffield , 2019 to 2024" in sheffield
    rotherham = text(page(client, "/places/rotherham/"))
    assert "We have not found a published plan for Rotherham" in rotherham
    titles = list(Place.objects.exclude(plan_title="").values_list("plan_title", flat=True))
    assert len(titles) == len(set(titles))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("E08000019", "Sheffield City Council"),
        ("E08000016", "Barnsley Metropolitan Borough Council"),
        ("York Teaching Hospital", "York and Scarborough Teaching Hospitals NHS Foundation Trust"),
        ("E07000171", "Bassetlaw District Council"),
    ],
)
def test_the_partner_filter_finds_former_codes_and_names(client, seeded, query, found):
    body = text(page(client, f"/partners/?q={query}"))
    assert "1 partner" in body
    assert found in body


@pytest.mark.django_db
def test_a_partner_keeps_its_former_code_with_its_date(client, seeded):
    body = text(page(client, "/partners/sheffield-city-council/"))
    assert "Previous gss code E08000019, until 31 March 2025" in body
    assert "The Barnsley and Sheffield (Boundary Change) Order 2024" in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/places/york/", "/alliances/york-health-and-care-alliance/"],
)
def test_york_pages_say_at_once_which_system_york_is_in(client, seeded, path):
    tree = parse(page(client, path))
    trail = tree.select_one("nav.nhsuk-breadcrumb").text
    heading = tree.select_one("h1").text
    assert "Humber and North Yorkshire Integrated Care System" in trail
    assert "Humber and North Yorkshire Integrated Care System" in heading
    note = tree.select_one(".app-other-system").text
    assert "the Humber, Coast and Vale Integrated Care System until July 2022" in note


@pytest.mark.django_db
def test_york_and_humber_milestones_are_on_a_timeline(client, seeded):
    journey = text(page(client, "/our-journey/"))
    assert "The journey of the Humber and North Yorkshire" not in journey
    other = text(page(client, "/our-journey/humber-coast-and-vale/"))
    assert "2020 Humber, Coast and Vale is designated an integrated care system" in other
    assert "City of York Council's Executive considers a York Health and Care Alliance" in other
    assert client.get("/our-journey/south-yorkshire/").status_code == 301
    assert client.get("/our-journey/no-such-system/").status_code == 404


@pytest.mark.django_db
def test_claims_go_only_as_far_as_their_source(client, seeded):
    york = text(page(client, "/alliances/york-health-and-care-alliance/"))
    assert "Seen on the Alliance board in its minutes, November 2021 to February 2022" in york
    assert "York Health and Care Alliance board minutes, November 2021 to February 2022" in york
    police = text(page(client, "/partners/south-yorkshire-police/"))
    assert "which boards is not recorded" in police
    working_together = text(page(client, "/collaboratives/working-together/"))
    assert "Current stage: Formalised" in working_together
    assert "Acute Hospitals Committees in Common" in working_together


@pytest.mark.django_db
def test_confidence_is_in_plain_english(client, seeded):
    for path in SEEDED_PAGES:
        body = text(page(client, path))
        for shorthand in ["Not yet verified", "None recorded", " via "]:
            assert shorthand not in body, f"{shorthand!r} on {path}"


@pytest.mark.django_db
def test_sources_lists_every_kind_and_each_fact_with_its_source(client, seeded):
    index = text(page(client, "/sources/"))
    assert "Partner organisations and their codes (49 records)" in index
    organisations = parse(page(client, "/sources/organisations/"))
    rows = organisations.select("tr[data-sourced]")
    assert len(rows) == 49
    sheffield = next(row for row in rows if "Sheffield City Council" in row.text)
    assert "GSS code E08000039" in sheffield.text
    assert "Source: ONS" in sheffield.text
    populations = text(page(client, "/sources/populations/"))
    assert "573,252" in populations
    assert "(one source)" in populations
    assert client.get("/sources/no-such-kind/").status_code == 404
    assert client.get("/sources/organisations/?page=99").status_code == 404
    assert client.get("/sources/organisations/?page=x").status_code == 404


@pytest.mark.django_db
def test_sources_has_a_record_staff_add_without_any_code_change(client, seeded):
    sheffield = Place.objects.get(slug="sheffield")
    sheffield.population_estimates.create(
        year=2024, series="mid_year", population=580_000, source="A new release"
    )
    assert "580,000" in text(page(client, "/sources/populations/"))
    assert "580,000 people (ONS mid-year population estimate, mid-2024)" in text(
        page(client, "/places/sheffield/")
    )


@pytest.mark.django_db
def test_the_partnerships_words_are_quoted_exactly(client, seeded):
    """The statements shown as the partnership's own words are the seed's words, whole or
    shortened with a marked ellipsis."""
    system = IntegratedCareSystem.objects.get(slug="south-yorkshire")
    source = seed_text()
    statements = [
        system.vision,
        *system.who_we_are.split("\n\n"),
        *system.how_we_work.split("\n\n"),
    ]
    for statement in statements:
        assert is_quoted_from(statement.replace("[…]", "…"), source), statement
    about = parse(page(client, "/about/")).select_one("main")
    for citation in about.select(".app-citation"):
        citation.children.clear()  # source titles are quoted from their sources, not the seed
    for quoted in quotations(about.text):
        assert is_quoted_from(quoted, source), quoted
