"""The site's pages: the standing pages' text and the pages the comms team adds, with their
addresses, breadcrumbs, review dates and history."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from pages.models import Page
from publishing.models import Revision
from tests.factories import make_page, make_user, page_admin_form
from tests.helpers import assert_database_refuses, change_url, sitemap_locations
from tests.html import parse

pytestmark = pytest.mark.usefixtures("standing_pages")


def main(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, url
    return parse(response.content.decode()).select_one("main")


def step_url(item, step: str) -> str:
    return reverse(f"admin:pages_page_{step}", args=[item.pk])


def breadcrumbs(client, url: str) -> list[str]:
    html = parse(client.get(url).content.decode())
    return [item.text for item in html.select("li.nhsuk-breadcrumb__list-item")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "url"),
    [
        ("get-involved", "/get-involved/"),
        ("freedom-of-information", "/freedom-of-information/"),
        ("accessibility", "/accessibility/"),
        ("cookies", "/cookies/"),
        ("privacy", "/privacy/"),
        ("complaints", "/complaints/"),
    ],
)
def test_a_standing_pages_text_is_edited_in_the_admin_and_shown_once_signed_off(
    client, client_for, key, url
):
    page = Page.objects.get(key=key)
    writer = make_user(groups=("Comms team",))
    approver = make_user(groups=("Comms team", "Comms approvers"))
    comms = client_for(writer)
    response = comms.post(
        change_url(page),
        page_admin_form(
            page,
            title="A new title",
            summary="A summary the comms team wrote today, long enough to describe the page.",
            body="<h2>New section</h2><p>Written <strong>today</strong>.</p>",
            last_reviewed_on="2026-12-01",
            next_review_due="2027-06-01",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    # Draft changes to a published page: the public sees them once approved and published.
    assert main(client, url).select("h1")[0].text == page.title
    comms.post(step_url(page, "submit"))
    client_for(approver).post(step_url(page, "approve"))
    client_for(approver).post(step_url(page, "publish"))
    shown = main(client, url)
    assert shown.select("h1")[0].text == "A new title"
    assert "A summary the comms team wrote today" in shown.text
    assert "New section Written today ." in shown.text
    review = shown.select_one(".nhsuk-review-date").text
    assert "Page last reviewed: 1 December 2026" in review
    assert "Next review due: 1 June 2027" in review
    html = client.get(url).content.decode()
    assert "<title>A new title" in html
    assert [h.history_user.username for h in page.history.all()[:1]] == [approver.username]


@pytest.mark.django_db
def test_the_about_pages_text_is_the_comms_teams_around_the_partnerships_own_words(client, seeded):
    Page.objects.filter(key="about").update(
        title="About us", body="<p>Welcome from the comms team.</p>"
    )
    shown = main(client, "/about/")
    assert shown.select("h1")[0].text == "About us"
    assert "Welcome from the comms team." in shown.text
    assert "Our vision" in shown.text  # the partnership's own words, from the data


@pytest.mark.django_db
def test_a_standing_page_keeps_its_address_and_cannot_be_deleted(client_as):
    page = Page.objects.get(key="privacy")
    comms = client_as("comms team")
    form = comms.get(change_url(page)).content.decode()
    assert 'name="slug"' not in form
    assert 'name="parent"' not in form
    response = comms.post(change_url(page), page_admin_form(page, slug="secret", parent=""))
    assert response.status_code == 302
    page.refresh_from_db()
    assert (page.slug, page.url_path) == ("privacy", "/privacy/")
    delete = reverse("admin:pages_page_delete", args=[page.pk])
    assert comms.get(delete).status_code == 403


@pytest.mark.django_db
def test_pages_added_under_a_page_have_its_address_and_breadcrumbs(client):
    about = Page.objects.get(key="about")
    section = make_page(parent=about, slug="our-board", title="Our board")
    child = make_page(parent=section, slug="members", title="Board members")
    assert child.url_path == "/about/our-board/members/"
    shown = main(client, "/about/our-board/members/")
    assert shown.select("h1")[0].text == "Board members"
    assert breadcrumbs(client, child.url_path) == ["Home", "Who we are", "Our board"]
    listing = main(client, "/about/our-board/")
    assert [a.text for a in listing.select("a") if a.attrs.get("href") == child.url_path] == [
        "Board members"
    ]


@pytest.mark.django_db
def test_moving_a_page_moves_the_pages_under_it():
    section = make_page(slug="our-board", title="Our board")
    child = make_page(parent=section, slug="members")
    grandchild = make_page(parent=child, slug="chair")
    section.slug = "the-board"
    section.save()
    child.refresh_from_db()
    grandchild.refresh_from_db()
    assert child.url_path == "/the-board/members/"
    assert grandchild.url_path == "/the-board/members/chair/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("parent_key", "slug", "message"),
    [
        (None, "governance", "belongs to another part of the site"),
        (None, "admin", "belongs to another part of the site"),
        ("get-involved", "stroke-services", "belongs to another part of the site"),
        (None, "about", "already has the address /about/"),
    ],
)
def test_an_address_another_page_uses_is_refused(parent_key, slug, message):
    parent = Page.objects.get(key=parent_key) if parent_key else None
    page = Page(
        title="Clash", slug=slug, parent=parent, summary="x",
        last_reviewed_on=datetime.date(2026, 12, 1), next_review_due=datetime.date(2027, 12, 1),
    )  # fmt: skip
    with pytest.raises(ValidationError, match=message):
        page.full_clean()


@pytest.mark.django_db
def test_a_page_cannot_sit_under_itself():
    section = make_page(slug="section")
    child = make_page(parent=section, slug="child")
    section.parent = child
    with pytest.raises(ValidationError, match="cannot sit under itself"):
        section.full_clean()


@pytest.mark.django_db
def test_drafts_and_scheduled_pages_are_not_public_until_their_time(client):
    draft = make_page(slug="draft", publish_at=None)
    later = make_page(slug="later", publish_at=timezone.now() + datetime.timedelta(hours=1))
    earlier = make_page(slug="earlier", publish_at=timezone.now() - datetime.timedelta(hours=1))
    assert client.get(draft.url_path).status_code == 404
    assert client.get(later.url_path).status_code == 404
    assert client.get(earlier.url_path).status_code == 200
    assert client.get("/no-such/page/").status_code == 404
    # A standing page is only ever at its own app's address, always public.
    assert client.get("/privacy/").status_code == 200
    Page.objects.filter(key="privacy").update(publish_at=timezone.now() + datetime.timedelta(1))
    assert client.get("/privacy/").status_code == 200


@pytest.mark.django_db
def test_the_database_refuses_bad_pages():
    today = datetime.date(2026, 12, 1)
    assert_database_refuses(
        lambda: make_page(last_reviewed_on=today, next_review_due=today - datetime.timedelta(1))
    )
    assert_database_refuses(lambda: Page.objects.filter(key="about").update(publish_at=None))
    assert_database_refuses(lambda: make_page(slug="x", title=""))
    section = make_page(slug="twice")
    assert_database_refuses(lambda: make_page(slug="twice", url_path="/elsewhere/"))
    assert_database_refuses(lambda: Page.objects.filter(pk=section.pk).update(url_path="nope"))


@pytest.mark.django_db
def test_the_admin_lists_pages_past_their_review_date_and_records_a_review(client_as):
    overdue = make_page(
        slug="old",
        last_reviewed_on=datetime.date(2024, 1, 1),
        next_review_due=datetime.date(2025, 1, 1),
    )
    comms = client_as("comms team")
    listing = comms.get(reverse("admin:pages_page_changelist")).content.decode()
    assert "1 page past the review date" in listing
    assert "1 January 2025 (past due)" in listing
    filtered = comms.get(reverse("admin:pages_page_changelist"), {"review": "overdue"})
    assert [str(page) for page in filtered.context["cl"].result_list] == [str(overdue)]
    comms.post(
        reverse("admin:pages_page_changelist"),
        {"action": "record_review", "_selected_action": [overdue.pk]},
    )
    overdue.refresh_from_db()
    assert overdue.last_reviewed_on == timezone.localdate()
    assert overdue.next_review_due == timezone.localdate() + datetime.timedelta(days=365)


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "allowed"), [("comms team", True), ("partner editor", False)])
def test_only_the_comms_team_edits_pages(client_as, role, allowed):
    page = make_page(slug="draft", publish_at=None)
    response = client_as(role).post(change_url(page), page_admin_form(page, title="Changed"))
    page.refresh_from_db()
    assert (page.title == "Changed") is allowed
    assert response.status_code == (302 if allowed else 403)


@pytest.mark.django_db
def test_a_hostile_body_is_stored_clean(client_as):
    hostile = '<p onclick="x()">Hi<script>alert(1)</script><img src=x></p>'
    draft = make_page(slug="draft", publish_at=None)
    client_as("comms team").post(change_url(draft), page_admin_form(draft, body=hostile))
    draft.refresh_from_db()
    assert draft.body == "<p>Hi</p>"
    # The same for draft changes to a published page.
    cookies = Page.objects.get(key="cookies")
    client_as("comms team").post(change_url(cookies), page_admin_form(cookies, body=hostile))
    assert Revision.objects.get().data["body"] == "<p>Hi</p>"


@pytest.mark.django_db
def test_live_pages_are_in_the_sitemap_and_drafts_are_not(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    live = make_page(slug="live-page")
    draft = make_page(slug="draft-page", publish_at=None)
    sitemap = sitemap_locations(client)
    assert f"http://testserver{live.url_path}" in sitemap
    assert f"http://testserver{draft.url_path}" not in sitemap
    assert sitemap.count("http://testserver/privacy/") == 1


@pytest.mark.django_db(transaction=True)
def test_live_pages_are_found_by_the_site_search(client, standing_pages):
    make_page(slug="board-papers-guide", title="Reading board papers", body="<p>Agendas</p>")
    make_page(slug="hidden", title="Reading secret drafts", publish_at=None)
    html = client.get("/search/", {"q": "reading"}).content.decode()
    assert "Reading board papers" in html
    assert "Reading secret drafts" not in html
    assert "Freedom of information" in client.get("/search/", {"q": "exemption"}).content.decode()
