"""The alliances and governance pages: members, roles and governance stages."""

import pytest

from alliances.models import Alliance, AllianceKind
from tests import factories as f
from tests.helpers import count_queries, page, text
from tests.helpers import walk_pages as walk
from tests.html import parse


@pytest.mark.django_db
def test_york_alliance_members_roles_and_governance(client, seeded):
    body = text(page(client, "/alliances/york-health-and-care-alliance/"))
    for member in [
        "Vale of York Clinical Commissioning Group",
        "City of York Council",
        "York and Scarborough Teaching Hospitals NHS Foundation Trust",
        "Tees, Esk and Wear Valleys NHS Foundation Trust",
        "Nimbuscare",
        "York CVS",
        "St Leonard's Hospice",
        "York Schools and Academies Board",
        "Representatives of primary care networks",
    ]:
        assert member in body
    assert "Chair: The Leader of the Council chaired the Alliance board." in body
    assert "Current stage: Formalised" in body
    assert "Proposed" in body
    assert "Shadow form" in body
    assert "from 18 March 2021" in body
    assert "from April 2021 to March 2022" in body


# Lists of alliances and an alliance's members come a page at a time, so a page costs the same
# however many there are; every one is on some page.

LISTS = [
    ("/collaboratives/", {"kind": AllianceKind.PROVIDER_COLLABORATIVE}),
    ("/alliances/", {"kind": AllianceKind.PLACE_ALLIANCE}),
]


def make_alliances(count: int, kind: str) -> list[Alliance]:
    system = f.make_system()
    place = f.make_place(system=system) if kind == AllianceKind.PLACE_ALLIANCE else None
    return [f.make_alliance(system=system, place=place, kind=kind) for _ in range(count)]


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "kind"), [(url, kind["kind"]) for url, kind in LISTS])
def test_alliance_lists_show_ten_a_page_and_every_one_on_some_page(client, url, kind):
    alliances = make_alliances(25, kind)
    pages = walk(client, url)
    shown = [[link.text for link in tree.select("a.nhsuk-card__link")] for tree in pages]
    assert [len(names) for names in shown] == [10, 10, 5]
    assert sorted(name for names in shown for name in names) == sorted(
        alliance.name for alliance in alliances
    )
    first_next = pages[0].select_one("a.nhsuk-pagination__link--next")
    assert first_next.attrs["href"] == "?page=2"
    assert "Page 2 of 3" in first_next.text
    last_previous = pages[2].select_one("a.nhsuk-pagination__link--prev")
    assert last_previous.attrs["href"] == "?page=2"
    assert "Showing 21 to 25 of 25" in pages[2].text
    assert "(page 3 of 3)" in pages[2].select("title")[0].text


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "kind"), [(url, kind["kind"]) for url, kind in LISTS])
def test_alliance_list_counts_every_member_of_each_alliance(client, url, kind):
    [alliance] = make_alliances(1, kind)
    for _ in range(30):
        f.make_membership(alliance=alliance)
    card = parse(page(client, url)).select_one("div.nhsuk-card")
    assert "30 members" in card.text
    assert parse(page(client, url)).select("nav.nhsuk-pagination") == []


@pytest.mark.django_db
def test_an_alliance_page_shows_twenty_five_members_a_page_and_every_one(client):
    [alliance] = make_alliances(1, AllianceKind.PLACE_ALLIANCE)
    for _ in range(60):
        organisation = f.make_organisation()
        f.make_membership(
            alliance=alliance, organisation=organisation, source=f"Minutes on {organisation}"
        )
    pages = walk(client, alliance.get_absolute_url())
    shown = [
        [row.select("a")[0].text for row in tree.select_one("tbody").select("tr")] for tree in pages
    ]
    assert [len(names) for names in shown] == [25, 25, 10]
    assert sorted(name for names in shown for name in names) == sorted(
        alliance.memberships.values_list("organisation__name", flat=True)
    )
    assert "Members 51 to 60 of 60 (page 3 of 3)." in pages[2].text
    assert "members, page 3 of 3" in pages[2].select("title")[0].text
    for names, tree in zip(shown, pages, strict=True):
        # Each page cites the sources of the members it shows; governance stays whole.
        cited = [p.text for p in tree.select("p.app-citation")]
        assert [text.split(" (")[0] for text in cited] == [
            f"Source: Minutes on {name}" for name in names
        ]
        assert "Current stage:" in tree.text


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?page=abc", "?page=0", "?page=4", "?page=-1"])
def test_bad_page_numbers_are_not_found(client, query):
    [collaborative] = make_alliances(1, AllianceKind.PROVIDER_COLLABORATIVE)
    for _ in range(60):
        f.make_membership(alliance=collaborative)
    make_alliances(25, AllianceKind.PROVIDER_COLLABORATIVE)  # three pages of each list
    for url in ["/collaboratives/", collaborative.get_absolute_url()]:
        assert client.get(url + query).status_code == 404, url + query


@pytest.mark.django_db
def test_later_pages_run_the_same_queries_however_many_rows(client):
    [collaborative] = make_alliances(1, AllianceKind.PROVIDER_COLLABORATIVE)
    urls = ["/collaboratives/?page=2", collaborative.get_absolute_url() + "?page=2"]

    def grow_and_count() -> list[int]:
        make_alliances(30, AllianceKind.PROVIDER_COLLABORATIVE)
        for _ in range(30):
            f.make_membership(alliance=collaborative)
        return [count_queries(client, url) for url in urls]

    assert grow_and_count() == grow_and_count()
