"""Sign-off, for news items and pages alike: writers submit, approvers approve and publish or
schedule, or send back with a comment; each step is told by email and kept in the history."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from publishing.models import ReviewStep
from tests.factories import (
    make_news_item,
    make_page,
    make_user,
    news_admin_form,
    page_admin_form,
)
from tests.helpers import change_url

COMMS_TEAM, COMMS_APPROVERS = "Comms team", "Comms approvers"
KINDS = ["news item", "page"]


def make_item(kind: str, **fields):
    if kind == "news item":
        return make_news_item(**fields)
    return make_page(publish_at=None, **fields)


def step_url(item, step: str) -> str:
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{step}", args=[item.pk])


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def writer():
    return make_user(groups=(COMMS_TEAM,), email="writer@example.org")


@pytest.fixture
def approver():
    return make_user(groups=(COMMS_TEAM, COMMS_APPROVERS), email="approver@example.org")


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_the_whole_sign_off_path(
    client_for, writer, approver, kind, django_capture_on_commit_callbacks
):
    item = make_item(kind, title="Winter clinics")
    as_writer, as_approver = client_for(writer), client_for(approver)

    with django_capture_on_commit_callbacks(execute=True):
        as_writer.post(step_url(item, "submit"))
    item.refresh_from_db()
    assert item.status == "in_review"
    assert [m.to for m in mail.outbox] == [["approver@example.org"]]
    assert mail.outbox[0].subject == "For approval: Winter clinics"
    assert change_url(item) in mail.outbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        as_approver.post(step_url(item, "approve"))
    item.refresh_from_db()
    assert item.status == "approved"
    assert mail.outbox[-1].to == ["writer@example.org"]
    assert mail.outbox[-1].subject == "Approved: Winter clinics"

    at = timezone.now() + datetime.timedelta(days=2)
    local = timezone.localtime(at).replace(microsecond=0)
    with django_capture_on_commit_callbacks(execute=True):
        as_approver.post(
            step_url(item, "schedule"),
            {
                "schedule-publish_at_0": f"{local:%d/%m/%Y}",
                "schedule-publish_at_1": f"{local:%H:%M:%S}",
            },
        )
    item.refresh_from_db()
    assert item.publish_at == local
    assert item.status == "scheduled"
    assert not item.is_public()
    assert item.is_public(now=local + datetime.timedelta(seconds=1))
    assert mail.outbox[-1].subject == "Scheduled: Winter clinics"

    steps = [(s.action, s.by.username) for s in ReviewStep.objects.of(item).order_by("at", "pk")]
    assert steps == [
        ("submitted", writer.username),
        ("approved", approver.username),
        ("scheduled", approver.username),
    ]
    history = as_approver.get(reverse(
        f"admin:{item._meta.app_label}_{item._meta.model_name}_history", args=[item.pk]
    )).content.decode()  # fmt: skip
    assert "Submitted for approval" in history
    assert "Scheduled for" in history


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_an_approver_cannot_approve_their_own_submission_by_default(
    client_as, approver, settings, kind
):
    item = make_item(kind)
    client = client_as(approver)
    client.post(step_url(item, "submit"))
    response = client.post(step_url(item, "approve"), follow=True)
    item.refresh_from_db()
    assert item.status == "in_review"
    assert any("another approver must approve it" in m for m in messages_of(response))

    settings.COMMS_SELF_APPROVAL = True
    client.post(step_url(item, "approve"))
    item.refresh_from_db()
    assert item.status == "approved"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("step", ["approve", "send_back", "publish", "schedule", "withdraw"])
def test_a_writer_takes_no_approvers_step(client_as, writer, kind, step):
    item = make_item(kind, review_state="in_review")
    assert client_as(writer).post(step_url(item, step)).status_code == 403
    item.refresh_from_db()
    assert (item.status, ReviewStep.objects.count()) == ("in_review", 0)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_only_an_approved_item_is_published(client_as, approver, kind):
    item = make_item(kind)
    response = client_as(approver).post(step_url(item, "publish"), follow=True)
    item.refresh_from_db()
    assert item.publish_at is None
    assert any("Only an approved item" in m for m in messages_of(response))


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_sending_back_needs_a_comment_which_the_writer_reads(
    client_for, writer, approver, kind, django_capture_on_commit_callbacks
):
    item = make_item(kind, review_state="in_review", submitted_by=writer)
    as_approver = client_for(approver)
    response = as_approver.post(
        step_url(item, "send_back"), {"send-back-comment": " "}, follow=True
    )
    item.refresh_from_db()
    assert item.status == "in_review"
    assert any("Say what needs changing" in m for m in messages_of(response))

    with django_capture_on_commit_callbacks(execute=True):
        as_approver.post(
            step_url(item, "send_back"), {"send-back-comment": "Name the clinic's address."}
        )
    item.refresh_from_db()
    assert item.status_label == "Draft (sent back)"
    assert "Name the clinic's address." in mail.outbox[-1].body
    page = client_for(writer).get(change_url(item)).content.decode()
    assert "Name the clinic&#x27;s address." in page or "Name the clinic's address." in page
    assert "Submit for approval" in page


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_an_edit_after_approval_needs_approving_again(client_as, approver, kind):
    item = make_item(kind, review_state="approved")
    client = client_as(approver)
    changes = {"title": "Changed after approval", "loaded_version": item.version}
    if kind == "news item":
        data = news_admin_form(slug=item.slug, **changes)
    else:
        data = page_admin_form(item, **changes)
    response = client.post(change_url(item), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    item.refresh_from_db()
    assert (item.title, item.status) == ("Changed after approval", "in_review")


@pytest.mark.django_db
def test_the_list_filters_by_status_and_shows_what_is_scheduled_this_week(client_as):
    soon = make_news_item(title="Soon", publish_at=timezone.now() + datetime.timedelta(days=2))
    make_news_item(title="Next month", publish_at=timezone.now() + datetime.timedelta(days=30))
    make_news_item(title="Live", publish_at=timezone.now() - datetime.timedelta(days=1))
    make_news_item(title="Waiting", review_state="in_review")
    client = client_as("comms team")
    url = reverse("admin:news_newsitem_changelist")
    page = client.get(url).content.decode()
    week = page[
        page.index("Scheduled this week") : page.index("</div>", page.index("Scheduled this week"))
    ]
    assert "Soon" in week
    assert "Next month" not in week
    assert change_url(soon) in week
    for status, titles in [
        ("scheduled", {"Soon", "Next month"}),
        ("published", {"Live"}),
        ("in_review", {"Waiting"}),
    ]:
        listed = client.get(url, {"status": status}).context["cl"].result_list
        assert {item.title for item in listed} == titles


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_view_on_site_opens_a_drafts_preview(client_as, kind):
    item = make_item(kind, title="Not yet public")
    client = client_as("comms team")
    page = client.get(change_url(item)).content.decode()
    preview = step_url(item, "preview")
    assert f'href="{preview}"' in page
    response = client.get(preview)
    assert response.status_code == 200
    assert "This is a preview. Status: Draft." in " ".join(response.content.decode().split())


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_the_status_and_steps_are_at_the_top_of_the_edit_page(client_as, writer, kind):
    item = make_item(kind)
    page = client_as(writer).get(change_url(item)).content.decode()
    status = page.index("Status: Draft")
    assert status < page.index('name="title"')
    assert page.index("Submit for approval") < page.index('name="title"')


@pytest.mark.django_db
def test_a_refusal_in_the_admin_is_an_admin_page_with_a_way_back(client_for, writer):
    item = make_news_item()
    came_from = f"http://testserver{change_url(item)}"
    response = client_for(writer).post(step_url(item, "approve"), HTTP_REFERER=came_from)
    assert response.status_code == 403
    page = response.content.decode()
    assert "ICS partnership portal: staff admin" in page  # the admin's own header
    assert "You do not have permission to do that" in page
    assert f'href="{came_from}"' in page
    assert 'href="/admin/"' in page
    elsewhere = client_for(writer).post(
        step_url(item, "approve"), HTTP_REFERER="https://evil.example/"
    )
    assert "evil.example" not in elsewhere.content.decode()
