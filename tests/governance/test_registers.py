"""Registers of interests: /governance/registers/ and each body's interests page as a visitor
reads them (every column, the honest wording of an empty register, bounded rows, constant
queries), the rules the database keeps, and who may keep them in the admin, with history."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.models import DeclaredInterest, InterestKind
from governance.views import INTERESTS_PER_BODY
from tests import factories as f
from tests.helpers import (
    assert_database_refuses,
    change_url,
    count_queries,
    page,
    sitemap_locations,
    text,
)
from tests.html import parse

REGISTERS = "/governance/registers/"


def interests_page(body) -> str:
    return f"/governance/{body.slug}/interests/"


@pytest.fixture
def declared(db):
    """A reviewed register with one entry that fills every column."""
    body = f.make_body(name="Barnsley Place Committee")
    seat = f.make_body_member(body=body, person_name="Dr Ann Other", title="Clinical lead")
    f.make_interest_register(
        body=body,
        reviewed_on=datetime.date(2026, 4, 1),
        source="Barnsley Place Committee, register of interests",
        source_url="https://example.org/register",
    )
    interest = f.make_declared_interest(
        body=body,
        person_name="Dr Ann Other",
        member=seat,
        description="Partner in Hoyland GP practice",
        kind=InterestKind.FINANCIAL,
        declared_on=datetime.date(2024, 3, 20),
        started_on=datetime.date(2015, 6, 1),
        ended_on=datetime.date(2026, 3, 31),
        action_taken="Leaves the meeting for decisions on GP contracts.",
        source="Barnsley Place Committee, register of interests",
        source_url="https://example.org/register",
    )
    return interest


# The pages as a visitor reads them.


@pytest.mark.django_db
@pytest.mark.parametrize("url", [REGISTERS, "/governance/barnsley-place-committee/interests/"])
def test_a_declared_interest_is_shown_with_every_column(client, declared, url):
    declared.body.slug = "barnsley-place-committee"
    declared.body.save()
    tree = parse(page(client, url))
    table = tree.select_one("table")
    assert [th.text for th in table.select("th")] == [
        "Member",
        "Interest",
        "Type",
        "Dates",
        "Action taken",
    ]
    cells = [td.text for td in table.select_one("tbody").select("td")]
    assert cells == [
        "Member Dr Ann Other, Clinical lead",
        "Interest Partner in Hoyland GP practice",
        "Type Financial",
        "Dates From 1 June 2015 to 31 March 2026 Declared 20 March 2024",
        "Action taken Leaves the meeting for decisions on GP contracts.",
    ]
    shown = text(page(client, url))
    assert "Last reviewed on 1 April 2026." in shown
    assert "Source: Barnsley Place Committee, register of interests (one source)." in shown


@pytest.mark.django_db
def test_the_position_given_by_the_register_wins_over_the_seat(client, declared):
    declared.position = "GP partner"
    declared.save()
    assert "Dr Ann Other, GP partner" in text(page(client, REGISTERS))


@pytest.mark.django_db
def test_a_reviewed_empty_register_says_none_were_declared_at_that_review(client):
    body = f.make_body(name="Doncaster Place Committee")
    f.make_interest_register(body=body, reviewed_on=datetime.date(2026, 2, 3))
    for url in [REGISTERS, interests_page(body)]:
        shown = text(page(client, url))
        assert "No interests were declared at the last review on 3 February 2026." in shown
        assert "not been published" not in shown


@pytest.mark.django_db
def test_a_register_never_published_here_says_so_and_makes_no_claim(client, seeded):
    for url in [REGISTERS, "/governance/nhs-south-yorkshire-icb-board/interests/"]:
        html = page(client, url)
        shown = text(html)
        assert "This register has not been published on this site yet." in shown
        assert "No interests were declared" not in shown
        assert "Last reviewed" not in shown
    # Where to look meanwhile: the body's own pages, named as our source for it.
    html = page(client, "/governance/nhs-south-yorkshire-icb-board/interests/")
    assert (
        "Until it is, look for it on the NHS South Yorkshire Integrated Care Board’s own "
        "website. Our source for this body is NHS South Yorkshire ICB, meetings and papers"
    ) in text(html)
    assert 'href="https://southyorkshire.icb.nhs.uk/our-information/meetings-and-papers"' in html


@pytest.mark.django_db
def test_a_register_not_yet_copied_here_links_to_the_bodys_own(client):
    body = f.make_body(name="Rotherham Place Board")
    f.make_interest_register(
        body=body,
        reviewed_on=None,
        source="Rotherham Place Board, declarations of interest",
        source_url="https://example.org/rotherham-register",
    )
    html = page(client, interests_page(body))
    assert "This register has not been published on this site yet." in text(html)
    assert "The Rotherham Place Board publishes its own register" in text(html)
    assert 'href="https://example.org/rotherham-register"' in html


@pytest.mark.django_db
def test_entries_without_a_review_date_say_it_is_not_recorded(client):
    interest = f.make_declared_interest()
    shown = text(page(client, interests_page(interest.body)))
    assert interest.description in shown
    assert "When this register was last reviewed is not recorded." in shown


@pytest.mark.django_db
def test_registers_are_grouped_by_system(client):
    north = f.make_system(name="Aardvark System")
    south = f.make_system(name="Zebra System")
    f.make_body(name="Zebra Board", system=south)
    f.make_body(name="Aardvark Board", system=north)
    main = parse(page(client, REGISTERS)).select_one("main")
    headings = [h.text for h in main.iter() if h.tag in ("h2", "h3")]
    assert headings == ["Aardvark System", "Aardvark Board", "Zebra System", "Zebra Board"]


@pytest.mark.django_db
def test_governance_and_each_body_page_link_to_the_registers(client, seeded):
    assert f'href="{REGISTERS}"' in page(client, "/governance/")
    body_page = page(client, "/governance/york-health-and-care-alliance-board/")
    assert 'href="/governance/york-health-and-care-alliance-board/interests/"' in body_page
    assert "Register of interests" in text(body_page)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/governance/no-such-body/interests/",
        "/governance/registers/?page=99",
        "/governance/registers/?page=many",
    ],
)
def test_unknown_bodies_and_pages_are_not_found(client, url):
    f.make_body()
    assert client.get(url).status_code == 404


# Bounded rows and constant queries.


@pytest.mark.django_db
def test_the_registers_page_shows_a_few_entries_a_body_and_links_to_the_rest(client):
    body = f.make_body(name="Busy Board")
    for n in range(INTERESTS_PER_BODY + 5):
        f.make_declared_interest(body=body, person_name=f"Person {n:02d}")
    html = page(client, REGISTERS)
    assert len(parse(html).select_one("tbody").select("tr")) == INTERESTS_PER_BODY
    assert "Person 00" in html
    assert f"Person {INTERESTS_PER_BODY:02d}" not in html
    assert f"See all {INTERESTS_PER_BODY + 5} interests declared to the Busy Board" in text(html)
    assert f'href="{interests_page(body)}"' in html


@pytest.mark.django_db
def test_a_bodys_interests_page_lists_every_entry_a_page_at_a_time(client):
    body = f.make_body()
    for n in range(55):
        f.make_declared_interest(body=body, person_name=f"Person {n:02d}")
    first = parse(page(client, interests_page(body)))
    second = parse(page(client, interests_page(body) + "?page=2"))
    assert len(first.select_one("tbody").select("tr")) == 50
    assert len(second.select_one("tbody").select("tr")) == 5
    assert "Person 54" in second.select_one("tbody").text
    assert client.get(interests_page(body) + "?page=3").status_code == 404


@pytest.mark.django_db
def test_the_registers_page_shows_ten_bodies_a_page(client):
    system = f.make_system()
    for n in range(11):
        f.make_body(name=f"Board {n:02d}", system=system)
    assert "Board 09" in page(client, REGISTERS)
    assert "Board 10" not in page(client, REGISTERS)
    assert "Board 10" in page(client, REGISTERS + "?page=2")


@pytest.mark.django_db
def test_queries_do_not_grow_with_bodies_or_interests(client):
    body = f.make_body()
    f.make_interest_register(body=body)
    f.make_declared_interest(body=body)
    urls = [REGISTERS, interests_page(body)]
    before = [count_queries(client, url) for url in urls]
    for _ in range(15):
        other = f.make_body(system=body.system)
        f.make_interest_register(body=other)
        seat = f.make_body_member(body=other)
        for _ in range(12):
            f.make_declared_interest(body=other, member=seat)
        f.make_declared_interest(body=body, member=f.make_body_member(body=body))
    after = [count_queries(client, url) for url in urls]
    assert after == before
    assert max(before) <= 4


# What the database and the forms refuse.


@pytest.mark.django_db
def test_the_database_refuses_an_interest_that_ends_before_it_starts():
    interest = f.make_declared_interest(started_on=datetime.date(2026, 1, 1))
    interest.ended_on = datetime.date(2025, 12, 31)
    assert_database_refuses(interest.save)


@pytest.mark.django_db
def test_the_form_explains_an_interest_that_ends_before_it_starts():
    interest = f.make_declared_interest(started_on=datetime.date(2026, 1, 1))
    interest.ended_on = datetime.date(2025, 12, 31)
    with pytest.raises(ValidationError) as error:
        interest.full_clean()
    assert error.value.message_dict["ended_on"] == ["An interest cannot end before it starts."]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change",
    [{"person_name": ""}, {"description": ""}, {"kind": "undeclared"}],
)
def test_the_database_refuses_an_entry_without_a_person_an_interest_or_a_type(change):
    interest = f.make_declared_interest()
    for field, value in change.items():
        setattr(interest, field, value)
    assert_database_refuses(interest.save)


@pytest.mark.django_db
def test_an_entry_may_point_only_at_a_seat_on_its_own_body():
    interest = f.make_declared_interest(member=f.make_body_member())
    with pytest.raises(ValidationError) as error:
        interest.full_clean()
    assert "member" in error.value.message_dict


@pytest.mark.django_db
def test_a_register_cannot_be_reviewed_in_the_future():
    register = f.make_interest_register(reviewed_on=datetime.date(2999, 1, 1))
    with pytest.raises(ValidationError) as error:
        register.full_clean()
    assert "reviewed_on" in error.value.message_dict


@pytest.mark.django_db
def test_removing_a_seat_keeps_the_entry_that_names_the_person():
    seat = f.make_body_member(person_name="Dr Ann Other")
    interest = f.make_declared_interest(body=seat.body, member=seat, person_name="Dr Ann Other")
    seat.delete()
    interest.refresh_from_db()
    assert interest.member is None
    assert interest.person_name == "Dr Ann Other"


# Who keeps the registers.


def interest_form(body, **changes) -> dict:
    data = {
        "body": body.pk,
        "person_name": "Dr Ann Other",
        "position": "Clinical lead",
        "member": "",
        "description": "Trustee of a local hospice",
        "kind": InterestKind.NON_FINANCIAL_PERSONAL,
        "action_taken": "",
        "declared_on": "2026-03-01",
        "started_on": "2020-01-01",
        "ended_on": "",
        "source": "The committee's register",
        "source_url": "",
        "source_date": "",
        "source_date_precision": "day",
        "confidence": "medium",
        "loaded_version": "",
        "_save": "Save",
    }
    data.update(changes)
    return data


ADD = reverse("admin:governance_declaredinterest_add")


@pytest.mark.django_db
def test_the_governance_team_adds_an_interest_in_the_admin(client_as):
    body = f.make_body()
    client = client_as("governance team")
    assert client.get(ADD).status_code == 200
    response = client.post(ADD, interest_form(body))
    assert response.status_code == 302
    interest = DeclaredInterest.objects.get()
    assert interest.body == body
    assert interest.description == "Trustee of a local hospice"


@pytest.mark.django_db
def test_the_admin_explains_dates_out_of_order(client_as):
    body = f.make_body()
    response = client_as("governance team").post(
        ADD, interest_form(body, started_on="2026-01-01", ended_on="2025-01-01")
    )
    assert response.status_code == 200
    assert "An interest cannot end before it starts." in response.content.decode()
    assert not DeclaredInterest.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["comms team", "partner editor"])
def test_other_staff_cannot_keep_the_registers(client_as, role):
    body = f.make_body()
    interest = f.make_declared_interest(body=body)
    register = f.make_interest_register(body=body)
    client = client_as(role)
    assert client.get(ADD).status_code == 403
    assert client.post(ADD, interest_form(body)).status_code == 403
    assert client.get(change_url(interest)).status_code == 403
    assert client.get(change_url(register)).status_code == 403
    assert DeclaredInterest.objects.count() == 1


@pytest.mark.django_db
def test_the_governance_team_records_a_review_on_the_bodys_page(client_as):
    """The register and its entries sit inline on the body's admin page."""
    body = f.make_body()
    client = client_as("governance team")
    html = client.get(change_url(body)).content.decode()
    assert 'name="interest_register-TOTAL_FORMS"' in html
    assert 'name="declared_interests-TOTAL_FORMS"' in html


@pytest.mark.django_db
def test_a_change_is_kept_in_the_history(client_as):
    interest = f.make_declared_interest(description="Director of Acme Ltd")
    client = client_as("governance team")
    form = interest_form(
        interest.body,
        person_name=interest.person_name,
        description="Director of Acme Ltd (resigned)",
        ended_on="2026-05-01",
        loaded_version=interest.version,
    )
    response = client.post(change_url(interest), form)
    assert response.status_code == 302
    history = interest.history.order_by("history_date")
    assert [h.description for h in history] == [
        "Director of Acme Ltd",
        "Director of Acme Ltd (resigned)",
    ]
    assert history.last().history_user.groups.filter(name=f.GOVERNANCE_TEAM).exists()
    history_page = client.get(
        reverse("admin:governance_declaredinterest_history", args=[interest.pk])
    )
    assert history_page.status_code == 200


@pytest.mark.django_db
def test_the_registers_page_is_in_the_sitemap(client):
    assert f"http://testserver{REGISTERS}" in sitemap_locations(client)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("dates", "shown"),
    [
        ({}, "Dates Not recorded"),
        ({"declared_on": datetime.date(2024, 3, 20)}, "Dates Declared 20 March 2024"),
        ({"started_on": datetime.date(2015, 6, 1)}, "Dates From 1 June 2015"),
        ({"ended_on": datetime.date(2026, 3, 31)}, "Dates To 31 March 2026"),
    ],
)
def test_dates_say_only_what_is_recorded(client, dates, shown):
    interest = f.make_declared_interest(**dates)
    tbody = parse(page(client, interests_page(interest.body))).select_one("tbody")
    assert tbody.select("td")[3].text == shown
