"""The places pages stay the same size however many places, steps, neighbourhoods, partners and
figures there are (issue 20): a list page shows a page of rows with a link to the next, a page
that composes several lists the first few of each with a link to them all; every row is on
some page, totals are of all the rows, and a bad page number is not found."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alliances.models import AllianceKind
from partners.models import OrganisationKind
from places.models import (
    CENSUS_YEAR,
    IntegratedCareSystem,
    Milestone,
    Neighbourhood,
    Place,
    PopulationEstimate,
    SystemMembership,
)
from tests import factories as f
from tests.helpers import page
from tests.helpers import walk_pages as walk
from tests.html import parse


def portal() -> IntegratedCareSystem:
    return IntegratedCareSystem.objects.portal()


def add_places(count: int, *, system=None, population: int = 1000) -> list[Place]:
    """`count` more places in `system` (ours unless given), each with a latest figure."""
    system = system or portal()
    places = []
    for n in range(count):
        place = f.make_place(system=system)
        f.make_population_estimate(place=place, population=population + n)
        places.append(place)
    return places


def link_to(tree, href: str):
    [link] = [a for a in tree.select_one("main").select("a") if a.attrs.get("href") == href]
    return link


def names(rows) -> list[str]:
    return [row.select("a")[0].text for row in rows]


def after(element, tag: str):
    """The first `tag` element after `element` among its siblings."""
    siblings = [child for child in element.parent.children if not isinstance(child, str)]
    return next(e for e in siblings[siblings.index(element) + 1 :] if e.tag == tag)


def heading(tree, tag: str, text: str):
    return next(h for h in tree.select(tag) if h.text == text)


# /about/: the first ten places and census-year figures, with links to them all.


@pytest.mark.django_db
def test_about_shows_the_first_ten_places_and_links_to_all_of_them(client, seeded):
    add_places(30)
    ours = Place.objects.filter(system=portal())
    tree = parse(page(client, "/about/"))
    rows = tree.select("table")[0].select_one("tbody").select("tr")
    assert names(rows) == list(ours.order_by("name", "pk").values_list("name", flat=True)[:10])
    assert link_to(tree, "/places/").text == "see all 34 of our places"
    # The total is of every place, not of the ten shown.
    total = sum(place.population for place in ours.with_population())
    assert f"Together {total:,} people" in tree.text


@pytest.mark.django_db
def test_about_adds_up_every_census_year_figure_and_links_to_them_all(client, seeded):
    system = portal()
    for n in range(30):
        place = f.make_place(system=system)
        SystemMembership.objects.create(place=place, system=system, source="Test")
        f.make_population_estimate(
            place=place, year=CENSUS_YEAR, population=2000 + n, source=f"Census note {n}"
        )
    figures = PopulationEstimate.objects.of_places_in(system, CENSUS_YEAR)
    total = sum(figures.values_list("population", flat=True))
    tree = parse(page(client, "/about/"))
    table = tree.select("table")[1]
    rows = table.select_one("tbody").select("tr")
    shown = [int(row.select("td")[-1].text.replace(",", "")) for row in rows[:10]]
    assert names(rows[:10]) == [figure.place.name for figure in figures[:10]]
    assert rows[10].text == f"The other 25 figures {total - sum(shown):,}"
    assert rows[11].text == f"Total {total:,}"
    assert len(rows) == 12
    # The sources of the figures shown are cited; the full list cites each of the rest.
    cited = {p.text.rsplit(" (", 1)[0] for p in table.parent.select("p.app-citation")}
    assert cited == {f"Source: {figure.source}" for figure in figures[:10]}
    link = link_to(tree, "/about/population/")
    assert link.text == f"See all 35 figures for {CENSUS_YEAR}, place by place"

    pages = walk(client, "/about/population/")
    shown_names = [names(tree.select_one("tbody").select("tr")[:-1]) for tree in pages]
    assert [len(rows) for rows in shown_names] == [25, 10]
    assert [name for rows in shown_names for name in rows] == [
        figure.place.name for figure in figures
    ]
    for tree, start in zip(pages, [0, 25], strict=True):
        last = tree.select_one("tbody").select("tr")[-1]
        assert last.text == f"Total of all 35 figures {total:,}"
        cited = {p.text.rsplit(" (", 1)[0] for p in tree.select("p.app-citation")}
        assert cited == {f"Source: {figure.source}" for figure in figures[start : start + 25]}
    assert "Showing 26 to 35 of 35 figures (page 2 of 2)." in pages[1].text
    assert "(page 2 of 2)" in pages[1].select("title")[0].text


# /our-journey/: twenty-five steps a page, oldest first.


@pytest.mark.django_db
def test_the_journey_shows_twenty_five_steps_a_page_oldest_first(client, seeded):
    system = portal()
    for n in range(40):
        f.make_milestone(system=system, date=datetime.date(2015, 1, 1) + datetime.timedelta(n))
    expected = list(Milestone.objects.filter(system=system).in_order())
    pages = walk(client, "/our-journey/")
    shown = [
        [li.select_one("time").text for li in tree.select("li") if "data-sourced" in li.attrs]
        for tree in pages
    ]
    assert [len(steps) for steps in shown] == [25, 25]
    assert [step for steps in shown for step in steps] == [m.display_date for m in expected]
    # Where we are now is the latest step reached, whichever page is shown.
    for tree in pages:
        assert "The most recent step: NHS South Yorkshire Integrated Care Board" in tree.text
    assert "steps 26 to 50 of 50 (page 2 of 2)" in pages[1].text


# /places/: twenty-four places a page; the first ten former places and places elsewhere.


@pytest.mark.django_db
def test_our_places_come_twenty_four_a_page_with_the_total_of_all(client, seeded):
    add_places(30)
    ours = Place.objects.filter(system=portal())
    total = sum(place.population for place in ours.with_population())
    pages = walk(client, "/places/")
    shown = [[a.text for a in tree.select("a.nhsuk-card__link")] for tree in pages]
    assert [len(cards) for cards in shown] == [24, 10]
    assert [name for cards in shown for name in cards] == list(
        ours.order_by("name", "pk").values_list("name", flat=True)
    )
    for tree in pages:
        assert f"Together our 34 places have {total:,} people" in tree.text
        assert "in our 34 places" in tree.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("show", "title", "link_text"),
    [
        ("former", "Formerly part of the partnership", "See all places formerly part of"),
        ("elsewhere", "Places in other systems", "See all places in other systems"),
    ],
)
def test_former_and_other_places_show_ten_and_link_to_them_all(
    client, seeded, show, title, link_text
):
    elsewhere = f.make_system()
    added = add_places(30, system=elsewhere)
    if show == "former":
        for place in added:
            SystemMembership.objects.create(
                place=place, system=portal(), ended_on=datetime.date(2022, 6, 30)
            )
    tree = parse(page(client, "/places/"))
    assert len(after(heading(tree, "h2", title), "ul").select("li")) == 10
    link = link_to(tree, f"/places/?show={show}")
    assert link.text.startswith(link_text)

    pages = walk(client, f"/places/?show={show}")
    shown = [
        [li.select("a")[0].text for li in tree.select_one("main").select("li") if not li.classes]
        for tree in pages
    ]
    if show == "former":
        expected = Place.objects.former_of(portal())
    else:
        expected = Place.objects.exclude(system=portal()).exclude(
            pk__in=Place.objects.former_of(portal()).values("pk")
        )
    assert [len(rows) for rows in shown] == [25, expected.count() - 25]
    assert sorted(name for rows in shown for name in rows) == sorted(
        expected.values_list("name", flat=True)
    )
    assert set(added) <= set(expected)


@pytest.mark.django_db
def test_an_unknown_list_of_places_is_not_found(client, seeded):
    assert client.get("/places/?show=atlantis").status_code == 404


# /places/<slug>/: the first few of each list, with links to them all.


@pytest.mark.django_db
def test_a_place_shows_its_first_ten_neighbourhoods_and_links_to_them_all(client, seeded):
    sheffield = Place.objects.get(slug="sheffield")
    for _ in range(15):
        f.make_neighbourhood(place=sheffield, source="Another list")
    tree = parse(page(client, "/places/sheffield/"))
    block = heading(tree, "h3", "Sheffield").parent
    named = sheffield.neighbourhoods.order_by("name", "pk")
    expected = list(named.values_list("name", flat=True))
    assert [li.text for li in block.select("li")] == expected[:10]
    assert "31 primary care networks named, the first 10 by name" in block.text
    link = link_to(tree, "/neighbourhoods/?place=sheffield")
    assert link.text == "See all 31 primary care networks named in Sheffield"
    # The sources cited are those of the names shown; the whole list cites the rest.
    assert "Source: Sheffield primary care network list" in block.text
    assert "Source: Another list" not in block.text

    pages = walk(client, "/neighbourhoods/?place=sheffield")
    rows = [tree.select_one("tbody").select("tr") for tree in pages]
    shown = [[row.select_one("th").text for row in page_rows] for page_rows in rows]
    assert [len(names) for names in shown] == [25, 6]
    assert [name for names in shown for name in names] == expected
    for names_shown, tree in zip(shown, pages, strict=True):
        sources = {n.source for n in named if n.name in names_shown}
        cited = {p.text.rsplit(" (", 1)[0] for p in tree.select("p.app-citation")}
        assert {f"Source: {source}" for source in sources} <= cited
        assert "31 primary care networks named." in tree.text
    assert "Source: Another list" in pages[1].text


@pytest.mark.django_db
def test_a_place_shows_five_partners_of_each_kind_and_links_to_them_all(client, seeded):
    sheffield = Place.objects.get(slug="sheffield")
    for _ in range(7):
        f.make_organisation(kind=OrganisationKind.NHS_TRUST).places.add(sheffield)
    trusts = list(
        sheffield.organisations.filter(kind=OrganisationKind.NHS_TRUST)
        .order_by("name", "pk")
        .values_list("name", flat=True)
    )
    tree = parse(page(client, "/places/sheffield/"))
    listed = after(heading(tree, "h3", "NHS trust or foundation trust"), "ul")
    assert [a.text for a in listed.select("a")] == trusts[:5]
    href = "/partners/?place=sheffield&kind=nhs_trust&former=on"
    link = link_to(tree, href)
    assert link.text == (
        "see all 10 partners of kind “NHS trust or foundation trust” serving Sheffield"
    )
    directory = [h3.select_one("a").text for h3 in parse(page(client, href)).select("h3")]
    assert directory == trusts
    # A kind with fewer than six partners shows them all, with no link.
    assert "partners of kind “Local council”" not in tree.text


@pytest.mark.django_db
def test_a_place_shows_its_five_latest_news_items_and_links_to_them_all(client, seeded):
    sheffield = Place.objects.get(slug="sheffield")
    for n in range(6):
        item = f.make_news_item(publish_at=timezone.now() - datetime.timedelta(minutes=n + 1))
        item.places.add(sheffield)
    tree = parse(page(client, "/places/sheffield/"))
    listed = after(heading(tree, "h2", "News about Sheffield"), "ul")
    assert len(listed.select("li")) == 5
    assert link_to(tree, "/news/?place=sheffield").text == "See all news about Sheffield"


@pytest.mark.django_db
def test_a_place_shows_its_first_ten_alliances_and_links_to_the_lists(client, seeded):
    sheffield = Place.objects.get(slug="sheffield")
    alliances = [
        f.make_alliance(system=sheffield.system, place=sheffield, kind=AllianceKind.PLACE_ALLIANCE)
        for _ in range(11)
    ]
    tree = parse(page(client, "/places/sheffield/"))
    listed = after(heading(tree, "h2", "Alliances and collaboratives in Sheffield"), "ul")
    assert [a.text for a in listed.select("a")] == sorted(a.name for a in alliances)[:10]
    assert link_to(tree, "/alliances/").text == "place alliances"
    assert link_to(tree, "/collaboratives/").text == "provider collaboratives"


# /neighbourhoods/: ten places a page, the totals of all of them.


@pytest.mark.django_db
def test_neighbourhoods_come_ten_places_a_page_with_the_totals_of_all(client, seeded):
    for place in add_places(30):
        f.make_neighbourhood(place=place)
    ours = Place.objects.filter(system=portal())
    pages = walk(client, "/neighbourhoods/")
    shown = [[h3.text for h3 in tree.select("h3") if not h3.select("span")] for tree in pages]
    # The first page also shows the places that have left (Bassetlaw), after ours.
    assert [len(places) for places in shown] == [10, 10, 10, 4]
    assert [name for places in shown for name in places] == list(
        ours.order_by("name", "pk").values_list("name", flat=True)
    )
    for tree in pages:
        assert "Across our 34 places, sources name or count 59 primary care networks" in tree.text
    assert "Bassetlaw" in pages[0].text
    assert "Bassetlaw" not in pages[1].text


@pytest.mark.django_db
def test_an_unknown_place_has_no_neighbourhoods_page(client, seeded):
    assert client.get("/neighbourhoods/?place=atlantis").status_code == 404


# Every paginated page: a bad page number is not found, and the queries stay the same.

PAGINATED = [
    "/about/population/",
    "/our-journey/",
    "/places/",
    "/places/?show=former",
    "/places/?show=elsewhere",
    "/neighbourhoods/",
    "/neighbourhoods/?place=sheffield",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGINATED)
@pytest.mark.parametrize("number", ["abc", "0", "-1", "99"])
def test_a_bad_page_number_is_not_found(client, seeded, url, number):
    joiner = "&" if "?" in url else "?"
    assert client.get(f"{url}{joiner}page={number}").status_code == 404


@pytest.mark.django_db
def test_the_pages_run_the_same_queries_however_many_rows(client, seeded):
    urls = [
        "/about/",
        *PAGINATED,
        "/our-journey/?page=2",
        "/places/?page=2",
        "/neighbourhoods/?page=2",
        "/places/sheffield/",
    ]

    def grow_and_count() -> dict[str, int]:
        f.grow_partnership(times=5)
        counts = {}
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200, url
            counts[url] = len(queries)
        return counts

    assert grow_and_count() == grow_and_count()
    assert Neighbourhood.objects.filter(place__slug="sheffield").count() > 25


@pytest.mark.django_db
@pytest.mark.parametrize("place", ["%00", "no-such-place", "sheffield%00", "a b", "<b>"])
def test_neighbourhoods_of_a_place_that_is_not_one_is_a_404(client, place):
    assert client.get(f"/neighbourhoods/?place={place}").status_code == 404
