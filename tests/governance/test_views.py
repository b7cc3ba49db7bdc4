"""The governance pages as a visitor sees them: /governance/ with the first few bodies,
collaboratives and alliances and links to them all, the bodies page and a body's members page
a page at a time, a body's page, the meetings list (order, filters, bad values) and a
meeting's page (UK time, status and reason, the question deadline only while questions are
open)."""

import datetime
from unittest import mock

import pytest

from governance.models import MeetingStatus
from tests import factories as f
from tests.helpers import count_queries, page, text
from tests.helpers import walk_pages as walk
from tests.html import parse


@pytest.mark.django_db
def test_governance_page_links_to_every_body(client, seeded):
    html = page(client, "/governance/")
    for slug in [
        "nhs-south-yorkshire-icb-board",
        "south-yorkshire-integrated-care-partnership",
        "nhs-nottingham-and-nottinghamshire-icb-board",
        "city-of-york-council-executive",
        "york-health-and-care-alliance-board",
    ]:
        assert f'href="/governance/{slug}/"' in html


@pytest.mark.django_db
def test_body_page_shows_members_rule_and_meetings(client, seeded):
    body = text(page(client, "/governance/york-health-and-care-alliance-board/"))
    assert "Cllr Keith Aspden, Leader of City of York Council" in body
    assert "Chair" in body
    assert "York Health and Care Alliance" in body
    assert "Monday 28 February 2022" in body
    assert "No rule for public questions is recorded." in body
    sy = text(page(client, "/governance/nhs-south-yorkshire-icb-board/"))
    assert "Questions by 24 hours before the meeting starts." in sy
    assert "Pearse Butler, Independent chair" in sy
    assert "See all meetings of the NHS South Yorkshire Integrated Care Board" in sy


@pytest.mark.django_db
def test_meetings_list_upcoming_soonest_first_then_past_newest_first(client):
    body = f.make_body(name="Test Board")
    today = datetime.date.today()
    for slug, days in [("past-far", -400), ("soon", 3), ("past-near", -3), ("later", 60)]:
        f.make_meeting(body=body, slug=slug, date=today + datetime.timedelta(days=days))
    html = page(client, "/governance/meetings/")
    positions = [
        html.index(f"/governance/meetings/{slug}/")
        for slug in ["soon", "later", "past-near", "past-far"]
    ]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_meetings_filter_by_body_and_year(client, seeded):
    html = page(client, "/governance/meetings/?body=york-health-and-care-alliance-board&year=2022")
    assert "/governance/meetings/york-health-and-care-alliance-board-2022-02-28/" in html
    assert "york-health-and-care-alliance-board-2021-11-29" not in html
    assert "nhs-south-yorkshire-icb-board-2025-01-08" not in html


@pytest.mark.django_db
def test_the_year_filter_offers_each_year_with_a_meeting_newest_first(client):
    body = f.make_body()
    for when in ["2019-12-31", "2021-01-01", "2021-06-30", "2024-02-29"]:
        f.make_meeting(body=body, date=datetime.date.fromisoformat(when))
    options = parse(page(client, "/governance/meetings/")).select_one("#id_year").select("option")
    assert [option.text for option in options] == ["Any year", "2024", "2021", "2019"]
    # A year between them with no meeting is not offered: asking for it is a field error.
    response = client.get("/governance/meetings/?year=2020")
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert client.get("/governance/meetings/?year=2021").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["body=no-such-body", "year=1066", "year=twenty", "year=2022.5", "body[]=x&year=-1"]
)
def test_bad_filter_values_are_a_form_error_not_a_server_error(client, seeded, query):
    response = client.get(f"/governance/meetings/?{query}")
    assert response.status_code == 400
    assert "<title>Error:" in response.content.decode()


@pytest.mark.django_db
def test_meeting_page_without_a_published_time_says_so(client, seeded):
    body = text(page(client, "/governance/meetings/nhs-south-yorkshire-icb-board-2025-01-08/"))
    assert "Wednesday 8 January 2025" in body
    assert "Time not published" in body
    assert "Venue not published" in body
    assert "Held" in body
    assert "Send your question" not in body


def at(*when):
    """The site's clock stopped at a UTC moment."""
    moment = datetime.datetime(*when, tzinfo=datetime.UTC)
    return mock.patch("django.utils.timezone.now", new=mock.Mock(return_value=moment))


@pytest.mark.django_db
@at(2026, 3, 20, 12)
def test_open_meeting_shows_the_deadline_computed_in_uk_time(client):
    body = f.make_body(question_deadline_hours=24, question_how="Email the board secretary.")
    meeting = f.make_meeting(
        body=body,
        slug="spring-board",
        date=datetime.date(2026, 3, 30),
        start_time=datetime.time(10),
        venue="Town Hall",
        online=True,
        stream_url="https://example.org/live",
    )
    shown = text(page(client, meeting.get_absolute_url()))
    assert "10am (UK time)" in shown
    assert "Send your question by 10am on Sunday 29 March 2026 (UK time)." in shown
    assert "Email the board secretary." in shown
    assert "Town Hall and online" in shown
    assert "Watch the livestream" in shown


@pytest.mark.django_db
@at(2026, 3, 29, 9, 30)
def test_after_the_deadline_no_question_invitation(client):
    body = f.make_body(question_deadline_hours=24)
    meeting = f.make_meeting(
        body=body, slug="late", date=datetime.date(2026, 3, 30), start_time=datetime.time(10)
    )
    shown = text(page(client, meeting.get_absolute_url()))
    assert "Send your question" not in shown
    assert "The deadline for this meeting has passed." in shown


@pytest.mark.django_db
@pytest.mark.parametrize("status", [MeetingStatus.POSTPONED, MeetingStatus.CANCELLED])
@at(2026, 3, 20, 12)
def test_postponed_or_cancelled_meeting_shows_its_reason_and_takes_no_questions(client, status):
    body = f.make_body(question_deadline_hours=24)
    meeting = f.make_meeting(
        body=body,
        date=datetime.date(2026, 3, 30),
        start_time=datetime.time(10),
        status=status,
        status_reason="The meeting would not be quorate.",
    )
    shown = text(page(client, meeting.get_absolute_url()))
    assert f"This meeting was {status.label.lower()}" in shown
    assert "The meeting would not be quorate." in shown
    assert "Send your question" not in shown
    assert "Ask a question" not in shown


@pytest.mark.django_db
def test_governance_shows_each_system_and_alliance(client, seeded):
    body = text(page(client, "/governance/"))
    assert "South Yorkshire Integrated Care System" in body
    assert "Humber and North Yorkshire Integrated Care System" in body
    assert "York Health and Care Alliance" in body
    assert "Barnsley Provider Alliance" in body


# Lists that grow come a bounded number at a time: the governance page shows the first few
# bodies, collaboratives and alliances, each with a link to the page that has them all; the
# list of bodies and a body's members come a page at a time, and every one is on some page.


def links_to(tree, urls) -> list[str]:
    """The hrefs on a page that are among `urls`, in page order."""
    return [a.attrs["href"] for a in tree.select("a[href]") if a.attrs["href"] in urls]


def member_rows(tree) -> list[str]:
    return [row.select("td")[0].text for row in tree.select_one("tbody").select("tr")]


def make_bodies(count: int, systems: int = 1) -> list:
    """`count` bodies named in list order (by system, then name), spread over `systems`."""
    made = [f.make_system(name=f"System {s}") for s in range(systems)]
    return [
        f.make_body(name=f"Board {n:02d}", slug=f"board-{n:02d}", system=made[n % systems])
        for n in range(count)
    ]


@pytest.mark.django_db
def test_the_governance_page_shows_ten_bodies_and_links_to_them_all(client):
    bodies = make_bodies(12)
    urls = {body.get_absolute_url() for body in bodies}
    tree = parse(page(client, "/governance/"))
    assert links_to(tree, urls) == [body.get_absolute_url() for body in bodies[:10]]
    [see_all] = [a for a in tree.select("a") if a.text == "See all boards and committees"]
    assert see_all.attrs["href"] == "/governance/bodies/"
    assert len(links_to(parse(page(client, see_all.attrs["href"])), urls)) == 12


@pytest.mark.django_db
def test_the_governance_page_shows_every_body_and_no_link_when_they_fit(client):
    bodies = make_bodies(10)
    tree = parse(page(client, "/governance/"))
    assert len(links_to(tree, {body.get_absolute_url() for body in bodies})) == 10
    assert "See all boards and committees" not in tree.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kind", "see_all", "list_url"),
    [
        ("provider_collaborative", "See all provider collaboratives", "/collaboratives/"),
        ("place_alliance", "See all place alliances", "/alliances/"),
    ],
)
def test_the_governance_page_shows_five_alliances_of_each_kind_and_links_to_all(
    client, kind, see_all, list_url
):
    system = f.make_system()
    place = f.make_place(system=system)
    alliances = [
        f.make_alliance(
            name=f"Alliance {n:02d}",
            slug=f"alliance-{n:02d}",
            kind=kind,
            system=system,
            place=place,
        )
        for n in range(7)
    ]
    tree = parse(page(client, "/governance/"))
    urls = {alliance.get_absolute_url() for alliance in alliances}
    assert links_to(tree, urls) == [alliance.get_absolute_url() for alliance in alliances[:5]]
    assert tree.text.count("Current stage: not recorded") == 5
    [link] = [a for a in tree.select("a") if a.text == see_all]
    assert link.attrs["href"] == list_url
    shown = links_to(parse(page(client, list_url)), urls)
    assert sorted(set(shown)) == sorted(urls)


@pytest.mark.django_db
def test_the_bodies_page_lists_twenty_a_page_by_system_and_every_one(client):
    bodies = make_bodies(45, systems=3)
    urls = {body.get_absolute_url() for body in bodies}
    pages = walk(client, "/governance/bodies/")
    shown = [links_to(tree, urls) for tree in pages]
    assert [len(links) for links in shown] == [20, 20, 5]
    in_order = sorted(bodies, key=lambda body: (body.system.name, body.name))
    assert [link for links in shown for link in links] == [
        body.get_absolute_url() for body in in_order
    ]
    # Each page heads its bodies with their systems.
    assert [h3.text for h3 in pages[0].select("h3")] == ["System 0", "System 1"]
    assert "Showing 41 to 45 of 45 boards and committees" in pages[2].text
    assert "(page 3 of 3)" in pages[2].select("title")[0].text
    assert pages[2].select_one("a.nhsuk-pagination__link--prev").attrs["href"] == "?page=2"


@pytest.mark.django_db
def test_a_body_page_shows_twenty_members_and_links_to_them_all(client):
    body = f.make_body(name="Our Board", slug="our-board")
    f.make_body_member(body=body, person_name="Zoe Chair", role="chair")
    for n in range(46):
        f.make_body_member(body=body, person_name=f"Member {n:02d}")
    tree = parse(page(client, body.get_absolute_url()))
    rows = member_rows(tree)
    assert len(rows) == 20
    assert rows[0] == "Zoe Chair"
    [see_all] = [a for a in tree.select("a") if a.text == "See all 47 members of the Our Board"]
    assert see_all.attrs["href"] == "/governance/our-board/members/"


@pytest.mark.django_db
def test_a_body_page_with_few_members_shows_them_all_and_no_link(client):
    body = f.make_body(name="Our Board")
    for _ in range(20):
        f.make_body_member(body=body)
    tree = parse(page(client, body.get_absolute_url()))
    assert len(member_rows(tree)) == 20
    assert [a for a in tree.select("a") if "members of the" in a.text] == []


@pytest.mark.django_db
def test_a_bodys_members_page_lists_twenty_five_a_page_and_every_one(client):
    body = f.make_body(name="Our Board", slug="our-board")
    f.make_body_member(body=body, person_name="Zoe Chair", role="chair", source="Chair's letter")
    # Seats that sort alike (the same name, or only an organisation) still each show once.
    for _ in range(12):
        f.make_body_member(body=body, person_name="To be appointed")
    for _ in range(12):
        f.make_body_member(body=body, person_name="", organisation=f.make_organisation())
    for n in range(27):
        f.make_body_member(body=body, person_name=f"Member {n:02d}")
    pages = walk(client, "/governance/our-board/members/")
    shown = [member_rows(tree) for tree in pages]
    assert [len(rows) for rows in shown] == [25, 25, 2]
    assert shown[0][0] == "Zoe Chair"
    expected = [member.person_name or member.organisation.name for member in body.members.all()]
    assert sorted(row for rows in shown for row in rows) == sorted(expected)
    assert "Our Board and their roles: 52 members" in pages[0].text
    assert "Showing 51 to 52 of 52 members" in pages[2].text
    assert "(page 3 of 3)" in pages[2].select("title")[0].text
    # Each page cites the sources of the members it shows.
    assert "Source: Chair's letter" in pages[0].text
    assert "Source: Chair's letter" not in pages[1].text


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?page=abc", "?page=0", "?page=-1", "?page=4"])
def test_bad_page_numbers_of_bodies_and_members_are_not_found(client, query):
    make_bodies(45)
    body = f.make_body(slug="our-board")
    for _ in range(60):
        f.make_body_member(body=body)
    for url in ["/governance/bodies/", "/governance/our-board/members/"]:
        assert client.get(url + query).status_code == 404, url + query


@pytest.mark.django_db
def test_an_unknown_bodys_members_are_not_found(client):
    assert client.get("/governance/no-such-board/members/").status_code == 404


@pytest.mark.django_db
def test_bodies_and_members_pages_run_the_same_queries_however_many_rows(client):
    body = f.make_body(slug="our-board")
    urls = [
        "/governance/",
        "/governance/bodies/",
        "/governance/bodies/?page=2",
        body.get_absolute_url(),
        "/governance/our-board/members/",
        "/governance/our-board/members/?page=2",
    ]

    def grow_and_count() -> list[int]:
        for _ in range(25):
            f.make_body()
        for kind in ["provider_collaborative", "place_alliance"]:
            system = f.make_system()
            place = f.make_place(system=system)
            for _ in range(6):
                f.make_alliance(kind=kind, system=system, place=place)
        for _ in range(30):
            f.make_body_member(body=body)
        return [count_queries(client, url) for url in urls]

    assert grow_and_count() == grow_and_count()
