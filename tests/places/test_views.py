"""The places pages: who we are, the journey, the places, each place and the neighbourhoods,
with the seeded facts where they belong."""

import pytest

from places.models import IntegratedCareSystem, Place
from tests.helpers import is_quoted_from, page, quotations, seed_text, text
from tests.html import parse


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


@pytest.mark.django_db
def test_journey_milestones_are_oldest_first_with_where_we_are_now(client, seeded):
    body = text(page(client, "/our-journey/"))
    order = [
        "January 2016",
        "April 2017",
        "October 2018",
        "11 February 2021",
        "April 2021 to April 2022",
        "1 July 2022",
    ]
    timeline = body.split("Timeline", 1)[1]
    positions = [timeline.index(label) for label in order]
    assert positions == sorted(positions)
    assert "Where we are now Statutory integrated care system since 1 July 2022" in body


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
def test_places_list_shows_four_places_and_bassetlaw_as_former(client, seeded):
    html = page(client, "/places/")
    current = html.split("Formerly part of the partnership")[0]
    for name in ["Barnsley", "Doncaster", "Rotherham", "Sheffield"]:
        assert f">{name}</a>" in current
    assert ">Bassetlaw</a>" not in current
    assert "Bassetlaw , now in the Nottingham and Nottinghamshire Integrated Care System" in text(
        html
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "population", "council"),
    [
        ("barnsley", "248,449", "Barnsley Metropolitan Borough Council"),
        ("doncaster", "314,176", "City of Doncaster Council"),
        ("rotherham", "271,195", "Rotherham Metropolitan Borough Council"),
        ("sheffield", "573,252", "Sheffield City Council"),
    ],
)
def test_each_place_shows_population_with_year_and_source_and_its_council(
    client, seeded, slug, population, council
):
    body = text(page(client, f"/places/{slug}/"))
    assert f"{population} people (ONS mid-year population estimate, mid-2023)" in body
    assert "Source: ONS mid-year population estimates, as published by City Population" in body
    assert council in body


@pytest.mark.django_db
def test_each_place_shows_its_own_plan_or_says_plainly_there_is_none(client, seeded):
    sheffield = text(page(client, "/places/sheffield/"))
    assert "Shaping Sheffield , 2019 to 2024" in sheffield
    rotherham = text(page(client, "/places/rotherham/"))
    assert "We have not found a published plan for Rotherham" in rotherham
    titles = list(Place.objects.exclude(plan_title="").values_list("plan_title", flat=True))
    assert len(titles) == len(set(titles))


@pytest.mark.django_db
def test_sheffield_lists_its_neighbourhoods_and_partners(client, seeded):
    body = text(page(client, "/places/sheffield/"))
    assert "Porter Valley" in body
    assert "Sheffield Teaching Hospitals NHS Foundation Trust" in body


@pytest.mark.django_db
def test_neighbourhoods_are_grouped_by_place_with_counts(client, seeded):
    body = text(page(client, "/neighbourhoods/"))
    assert "Sheffield 16 primary care networks named" in body
    assert "Doncaster 6 primary care networks named" in body
    assert "Rotherham 6 primary care networks. Their names were not found." in body
    assert "6 council areas named: Central Dearne North North East Penistone South" in body
    # The single low-confidence "Barnsley PCN" is a count with its caveat, not a named
    # neighbourhood with a population.
    assert "1 primary care network. One third-party source names a single network" in body
    assert "(one source, not confirmed by another)" in body
    assert "sources name or count 29 primary care networks and 6 council areas" in body
    assert "against the 36 neighbourhoods the partnership states" in body
    assert "Bassetlaw Now in the Nottingham and Nottinghamshire Integrated Care System" in body
