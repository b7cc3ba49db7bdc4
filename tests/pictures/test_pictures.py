"""The partnership in pictures: the journey as a timeline, populations as a bar chart with
the same figures in a table, and the structure as a diagram, drawn from the records."""

import pytest

from alliances.models import Alliance
from places.models import IntegratedCareSystem, Milestone, Place
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
    expected = list(Milestone.objects.filter(system=system).in_order()[:20])
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
    assert names == sorted(places)
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
    assert [row.select_one("th").text for row in rows[:-1]] == sorted(places)
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
