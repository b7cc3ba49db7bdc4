"""The partnership in pictures: the journey as a timeline, populations as a bar chart with
the same figures in a table, and the structure as a diagram, drawn from the records."""

import datetime

import pytest
from django.db.models import Count

from alliances.models import Alliance
from places.models import IntegratedCareSystem, Milestone, Place
from tests import factories as f
from tests.html import parse

URL = "/in-pictures/"


def page(client):
    response = client.get(URL)
    assert response.status_code == 200
    return parse(response.content.decode())


@pytest.mark.django_db
def test_the_timeline_shows_the_journey_in_order_with_its_sources(client, seeded):
    html = page(client)
    system = IntegratedCareSystem.objects.portal()
    expected = list(Milestone.objects.filter(system=system).in_order())[-10:]
    items = html.select_one("ol.app-timeline").select("li")
    assert [item.select_one("p").text for item in items] == [m.title for m in expected]
    assert [item.select_one("time").attrs["datetime"] for item in items] == [
        m.iso_date for m in expected
    ]
    timeline = html.select_one("ol.app-timeline").parent
    assert timeline.select(".app-citation")


@pytest.mark.django_db
def test_the_bar_chart_draws_each_places_population_to_scale_beside_a_table(client, seeded):
    html = page(client)
    system = IntegratedCareSystem.objects.portal()
    places = {p.name: p for p in Place.objects.filter(system=system).with_population()}
    svg = html.select_one("svg.app-chart__svg")
    assert svg.attrs["role"] == "img"
    assert svg.attrs["aria-labelledby"] == "population-caption"
    names = [text.text for text in svg.select("text.app-chart__name")]
    # Largest first.
    assert names == sorted(places, key=lambda name: -places[name].population)
    widths = [float(rect.attrs["width"]) for rect in svg.select("rect")]
    values = [places[name].population for name in names]
    largest = max(values)
    for width, value in zip(widths, values, strict=True):
        assert width == pytest.approx(max(widths) * value / largest, abs=0.2)
    figures = [text.text for text in svg.select("text.app-chart__value")]
    assert figures == [f"{value:,}" for value in values]
    caption = html.select_one("#population-caption").text
    assert "mid-2023" in caption  # the year of the figures
    table = html.select_one("table.nhsuk-table")
    rows = table.select_one("tbody").select("tr")
    assert [row.select_one("th").text for row in rows[:-1]] == names
    assert rows[-1].select("td")[0].text == f"{sum(values):,}"
    assert table.parent.select(".app-citation")


@pytest.mark.django_db
def test_the_structure_shows_the_system_its_places_and_the_alliance_with_its_members(
    client, seeded
):
    html = page(client)
    trees = html.select("ul.app-tree")
    system = IntegratedCareSystem.objects.portal()
    top = trees[0].select("a")
    assert top[0].text == system.name
    assert [a.text for a in top[1:]] == sorted(
        Place.objects.filter(system=system).values_list("name", flat=True)
    )
    york = Alliance.objects.with_members().get(slug="york-health-and-care-alliance")
    tree = next(t for t in trees if york.name in t.text)
    assert len(tree.select_one(".app-tree__children").select("li")) == min(
        len(york.member_list), 12
    ) + (1 if len(york.member_list) > 12 else 0)


@pytest.mark.django_db
def test_the_page_is_linked_from_the_home_page(client, seeded):
    home = parse(client.get("/").content.decode())
    assert any(a.attrs.get("href") == URL for a in home.select("a"))


# Each picture is bounded, says so, and links to the page that has the whole list; the totals
# are of all the rows.


@pytest.mark.django_db
def test_the_timeline_shows_the_latest_ten_steps_and_links_to_them_all(client, seeded):
    system = IntegratedCareSystem.objects.portal()
    for n in range(15):
        f.make_milestone(system=system, date=datetime.date(2014, 1, 1) + datetime.timedelta(n))
    html = page(client)
    steps = Milestone.objects.filter(system=system).in_order()
    items = html.select_one("ol.app-timeline").select("li")
    assert [item.select_one("p").text for item in items] == [m.title for m in steps][-10:]
    assert "The latest 10 of the 25 steps of our journey, oldest first." in html.text
    main = html.select_one("main")
    [link] = [a for a in main.select("a") if a.attrs.get("href") == "/our-journey/"]
    assert link.text == "See all 25 steps of our journey, with their details"


@pytest.mark.django_db
def test_the_chart_shows_the_ten_largest_places_and_the_table_adds_up_all(client, seeded):
    system = IntegratedCareSystem.objects.portal()
    for n in range(15):
        place = f.make_place(system=system)
        f.make_population_estimate(place=place, population=100_000 + n)
    f.make_place(system=system)  # no figure recorded
    ours = Place.objects.filter(system=system).with_population()
    figures = sorted((p.population for p in ours if p.population), reverse=True)
    html = page(client)
    svg = html.select_one("svg.app-chart__svg")
    values = [int(t.text.replace(",", "")) for t in svg.select("text.app-chart__value")]
    assert values == figures[:10]
    rows = html.select_one("table.nhsuk-table").select_one("tbody").select("tr")
    assert len(rows) == 12
    assert rows[10].select_one("th").text == "The other 9 places"
    assert rows[10].select("td")[0].text == f"{sum(figures[10:]):,}"
    assert rows[11].select_one("th").text == "All 19 places"
    assert rows[11].select("td")[0].text == f"{sum(figures):,}"
    assert "No figure is recorded for 1 of our places." in html.text
    assert "The 10 largest of our 20 places, largest first." in html.text
    links = [a.text for a in html.select_one("main").select("a") if a.attrs["href"] == "/places/"]
    assert links == ["see all 20 of our places", "and 10 more places"]


@pytest.mark.django_db
def test_the_structure_shows_the_first_ten_places_and_how_many_more(client, seeded):
    system = IntegratedCareSystem.objects.portal()
    for _ in range(15):
        f.make_neighbourhood(place=f.make_place(system=system))
    html = page(client)
    children = html.select("ul.app-tree")[0].select_one(".app-tree__children").select("li")
    names = list(Place.objects.filter(system=system).order_by("name", "pk").values("name"))
    assert [li.select("a")[0].text for li in children[:10]] == [n["name"] for n in names][:10]
    assert children[10].text == "and 9 more places"
    assert children[10].select_one("a").attrs["href"] == "/places/"
    sheffield = next(li for li in children if li.select("a")[0].text == "Sheffield")
    assert "16 primary care networks" in sheffield.text


@pytest.mark.django_db
def test_the_diagram_shows_the_three_alliances_with_the_most_members(client, seeded):
    for _ in range(4):
        f.make_alliance(system=IntegratedCareSystem.objects.portal())  # no members
    html = page(client)
    trees = html.select("ul.app-tree")[1:]
    largest = Alliance.objects.annotate(n=Count("memberships")).order_by("-n", "name")[:3]
    assert [tree.select("a")[0].text for tree in trees] == sorted(a.name for a in largest)
