"""A partner's page stays the same size however long its lists grow (issue 20): it shows the
first ten of each (places served, organisations it took over from, organisations that took
over from it, partnerships) with a link to a page that lists them all, twenty-five a page."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners.models import Organisation, OrganisationKind, Succession
from tests import factories as f
from tests.helpers import page
from tests.helpers import walk_pages as walk
from tests.html import parse

ICB = "nhs-south-yorkshire-icb"
CCG = "sheffield-ccg"


def listed(tree) -> list[str]:
    """The names linked in the list of a partner's list page."""
    main = tree.select_one("main")
    return [li.select("a")[0].text for li in main.select("li") if not li.classes]


def link_to(tree, href: str):
    [link] = [a for a in tree.select_one("main").select("a") if a.attrs.get("href") == href]
    return link


def grow(organisation: Organisation, count: int) -> None:
    """`count` more of each of an organisation's lists."""
    for _ in range(count):
        predecessor = f.make_organisation(kind=OrganisationKind.FORMER_CCG)
        Succession.objects.create(predecessor=predecessor, successor=organisation)
        Succession.objects.create(predecessor=organisation, successor=f.make_organisation())
        organisation.places.add(f.make_place())
        f.make_membership(alliance=f.make_alliance(), organisation=organisation, source="Minutes")


LISTS = [
    # (the partner, the list's page, its title, the text of the link to it, its rows in order)
    (
        ICB,
        "took-over-from",
        "Organisations NHS South Yorkshire Integrated Care Board took over from",
        "See all organisations NHS South Yorkshire Integrated Care Board took over from",
        lambda o: o.predecessors.order_by("name", "pk").values_list("name", flat=True),
    ),
    (
        # Only a closed organisation's page says who took over from it.
        CCG,
        "taken-over-by",
        "Organisations that took over from Sheffield Clinical Commissioning Group",
        "see all organisations that took over from Sheffield Clinical Commissioning Group",
        lambda o: o.successors.order_by("name", "pk").values_list("name", flat=True),
    ),
    (
        ICB,
        "places",
        "Places served by NHS South Yorkshire Integrated Care Board",
        "See all places served by NHS South Yorkshire Integrated Care Board",
        lambda o: o.places.order_by("system__name", "name", "pk").values_list("name", flat=True),
    ),
    (
        ICB,
        "partnerships",
        "Partnerships of NHS South Yorkshire Integrated Care Board",
        "See all partnerships of NHS South Yorkshire Integrated Care Board",
        lambda o: o.memberships.order_by("alliance__name", "pk").values_list(
            "alliance__name", flat=True
        ),
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("slug", "relation", "title", "link_text", "rows"), LISTS)
def test_a_partner_shows_ten_of_each_list_and_links_to_all_of_it(
    client, seeded, slug, relation, title, link_text, rows
):
    organisation = Organisation.objects.get(slug=slug)
    grow(organisation, 30)
    expected = list(rows(organisation))
    tree = parse(page(client, f"/partners/{slug}/"))
    url = f"/partners/{slug}/{relation}/"
    assert link_to(tree, url).text == link_text
    linked = {a.text for a in tree.select_one("main").select("a")}
    assert set(expected[:10]) <= linked
    assert not set(expected[10:]) & linked

    pages = walk(client, url)
    assert [tree.select_one("h1").text for tree in pages] == [title] * len(pages)
    names = [listed(tree) for tree in pages]
    assert [len(rows) for rows in names] == [25, len(expected) - 25]
    assert [name for rows in names for name in rows] == expected
    assert f"Showing 26 to {len(expected)} of {len(expected)}" in pages[1].text
    assert "(page 2 of 2)" in pages[1].select("title")[0].text
    # Every page cites its source: the partner's own, or the partnerships' minutes.
    for tree in pages:
        assert tree.select_one("main").select("p.app-citation")


@pytest.mark.django_db
def test_a_partner_with_short_lists_shows_them_whole_with_no_links(client, seeded):
    tree = parse(page(client, f"/partners/{ICB}/"))
    hrefs = [a.attrs.get("href", "") for a in tree.select_one("main").select("a")]
    assert not [href for href in hrefs if href.startswith(f"/partners/{ICB}/")]
    assert "Barnsley Clinical Commissioning Group" in tree.text
    # Its short lists have pages too, with every row on one page.
    assert listed(parse(page(client, f"/partners/{ICB}/took-over-from/"))) == [
        "Barnsley Clinical Commissioning Group",
        "Doncaster Clinical Commissioning Group",
        "Rotherham Clinical Commissioning Group",
        "Sheffield Clinical Commissioning Group",
    ]


@pytest.mark.django_db
def test_the_structured_data_names_the_places_the_page_shows(client, seeded):
    icb = Organisation.objects.get(slug=ICB)
    grow(icb, 12)
    html = page(client, f"/partners/{ICB}/")
    block = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    places = list(icb.places.order_by("system__name", "name", "pk").values_list("name", flat=True))
    assert json.loads(block.group(1))["areaServed"] == places[:10]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        f"/partners/{ICB}/no-such-list/",
        "/partners/no-such-partner/places/",
        *[
            f"/partners/{slug}/{relation}/?page={number}"
            for slug, relation, *_ in LISTS
            for number in ("a", "0", "-1", "3")
        ],
    ],
)
def test_unknown_lists_and_pages_are_not_found(client, seeded, url):
    for slug in (ICB, CCG):
        grow(Organisation.objects.get(slug=slug), 30)
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_a_partners_pages_run_the_same_queries_however_long_its_lists(client, seeded):
    icb = Organisation.objects.get(slug=ICB)
    urls = [
        f"/partners/{ICB}/",
        *[f"/partners/{ICB}/{relation}/?page=2" for _, relation, *_ in LISTS],
    ]

    def grow_and_count() -> list[int]:
        grow(icb, 30)
        counts = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200, url
            counts.append(len(queries))
        return counts

    assert grow_and_count() == grow_and_count()
