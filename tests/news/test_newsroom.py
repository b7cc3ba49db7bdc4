"""The newsroom in the admin: who may do what, scheduling in UK time, previews and links."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import NewsItem
from news.services import PREVIEW_LINK_MAX_AGE, preview_path
from tests.factories import COMMS_TEAM, make_news_item, news_admin_form

ROLES = [
    pytest.param(None, id="anonymous"),
    "partner editor",
    "comms team",
    "comms approver",
    "superuser",
]
ACTIONS = [
    "list", "add", "edit", "history", "preview", "share link", "submit", "approve", "publish",
    "withdraw", "delete", "topics",
]  # fmt: skip


def action_urls(item: NewsItem) -> dict[str, tuple[str, str]]:
    """Every newsroom action: (method, url)."""
    admin = "admin:news_newsitem"
    return {
        "list": ("get", reverse(f"{admin}_changelist")),
        "add": ("get", reverse(f"{admin}_add")),
        "edit": ("get", reverse(f"{admin}_change", args=[item.pk])),
        "history": ("get", reverse(f"{admin}_history", args=[item.pk])),
        "preview": ("get", reverse(f"{admin}_preview", args=[item.pk])),
        "share link": ("post", reverse(f"{admin}_share", args=[item.pk])),
        "submit": ("post", reverse(f"{admin}_submit", args=[item.pk])),
        "approve": ("post", reverse(f"{admin}_approve", args=[item.pk])),
        "publish": ("post", reverse(f"{admin}_publish", args=[item.pk])),
        "withdraw": ("post", reverse(f"{admin}_withdraw", args=[item.pk])),
        "delete": ("get", reverse(f"{admin}_delete", args=[item.pk])),
        "topics": ("get", reverse("admin:news_topic_changelist")),
    }


# What each role gets: 200 page, 302 done (or refused with a message) and sent back, 403
# refused, "login" sent to sign in. Writers submit; approvers take the other steps.
WRITER = {
    "list": 200, "add": 200, "edit": 200, "history": 200, "preview": 200, "share link": 302,
    "submit": 302, "approve": 403, "publish": 403, "withdraw": 403, "delete": 200, "topics": 200,
}  # fmt: skip
APPROVER = {**WRITER, "approve": 302, "publish": 302, "withdraw": 302}
EXPECTED = {
    None: dict.fromkeys(ACTIONS, "login"),
    "partner editor": dict.fromkeys(ACTIONS, 403),
    "comms team": WRITER,
    "comms approver": APPROVER,
    "superuser": APPROVER,
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_newsroom_permission_matrix(client_as, role, action):
    item = make_news_item()
    client = client_as(role)
    method, url = action_urls(item)[action]
    response = getattr(client, method)(url)
    expected = EXPECTED[role][action]
    if expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    else:
        assert response.status_code == expected
    item.refresh_from_db()
    # No one, whatever their role, takes a draft public in one step.
    assert item.publish_at is None


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["submit", "approve", "publish", "withdraw", "share link"])
def test_state_changes_refuse_get(client_as, action):
    item = make_news_item()
    response = client_as("comms approver").get(action_urls(item)[action][1])
    assert response.status_code == 405
    item.refresh_from_db()
    assert (item.publish_at, item.review_state) == (None, "draft")


def approved_item(**fields) -> NewsItem:
    return make_news_item(review_state="approved", **fields)


@pytest.mark.django_db
def test_comms_team_cannot_change_partner_records(client_as):
    client = client_as("comms team")
    assert client.get(reverse("admin:partners_organisation_changelist")).status_code == 403
    assert client.get(reverse("admin:places_place_add")).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("day", "time", "utc"),
    [
        ("28/03/2027", "00:59:59", datetime.datetime(2027, 3, 28, 0, 59, 59, tzinfo=datetime.UTC)),
        ("28/03/2027", "02:00:00", datetime.datetime(2027, 3, 28, 1, 0, 0, tzinfo=datetime.UTC)),
        ("10/06/2027", "09:00:00", datetime.datetime(2027, 6, 10, 8, 0, 0, tzinfo=datetime.UTC)),
        ("31/10/2027", "02:00:00", datetime.datetime(2027, 10, 31, 2, 0, 0, tzinfo=datetime.UTC)),
    ],
)
def test_scheduling_is_in_uk_time(client_as, day, time, utc):
    item = approved_item()
    response = client_as("comms approver").post(
        reverse("admin:news_newsitem_schedule", args=[item.pk]),
        {"schedule-publish_at_0": day, "schedule-publish_at_1": time},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.publish_at == utc


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("day", "time"),
    [("28/03/2027", "01:30:00"), ("31/10/2027", "01:30:00")],
    ids=["does not exist (clocks go forward)", "happens twice (clocks go back)"],
)
def test_a_uk_time_that_does_not_exist_or_is_ambiguous_is_refused(client_as, day, time):
    item = approved_item()
    response = client_as("comms approver").post(
        reverse("admin:news_newsitem_schedule", args=[item.pk]),
        {"schedule-publish_at_0": day, "schedule-publish_at_1": time},
        follow=True,
    )
    page = response.content.decode().replace("’", "'")
    assert "couldn't be interpreted in time zone Europe/London" in page
    item.refresh_from_db()
    assert (item.publish_at, item.review_state) == (None, "approved")


@pytest.mark.django_db
def test_publish_and_withdraw_from_the_item_page(client_as):
    item = approved_item()
    client = client_as("comms approver")
    client.post(action_urls(item)["publish"][1])
    item.refresh_from_db()
    assert item.is_public()
    assert item.history.first().history_user.groups.filter(name="Comms approvers").exists()
    client.post(action_urls(item)["withdraw"][1])
    item.refresh_from_db()
    assert item.publish_at is None
    assert item.status == "withdrawn"


@pytest.mark.django_db
def test_preview_shows_the_draft_as_the_public_would_and_is_never_cached(client_as):
    item = make_news_item(title="Draft for review", body="<h2>A heading</h2><p>Text.</p>")
    response = client_as("comms team").get(action_urls(item)["preview"][1])
    page = response.content.decode()
    assert "Draft for review" in page
    assert "<h2>A heading</h2>" in page
    assert 'class="nhsuk-header' in page  # the public template, not the admin's
    assert "no-cache" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


@pytest.mark.django_db
def test_share_link_works_without_an_account_and_is_revoked_by_withdrawing(client_as):
    item = make_news_item(title="For the reviewer")
    response = client_as("comms team").post(action_urls(item)["share link"][1], follow=True)
    link = re.search(r'href="(http://testserver/news/preview/[^"]+)"', response.content.decode())
    assert link
    client = client_as(None)

    shared = client.get(link.group(1))
    assert shared.status_code == 200
    assert "For the reviewer" in shared.content.decode()
    assert "no-cache" in shared["Cache-Control"]

    item.unpublish()
    assert client.get(link.group(1)).status_code == 404


@pytest.mark.django_db
def test_share_links_expire_and_cannot_be_forged(client):
    item = make_news_item()
    path = preview_path(item)
    later = timezone.now() + PREVIEW_LINK_MAX_AGE + datetime.timedelta(seconds=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("time.time", lambda: later.timestamp())
        assert client.get(path).status_code == 404
    assert client.get(path).status_code == 200
    assert client.get(path[:-3] + "xyz/").status_code == 404
    assert client.get("/news/preview/not-a-token/").status_code == 404


@pytest.mark.django_db
def test_edits_are_kept_in_the_history(client_as):
    item = make_news_item(title="First title")
    url = action_urls(item)["edit"][1]
    response = client_as("comms team").post(
        url,
        news_admin_form(title="Second title", slug=item.slug, loaded_version=item.version),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    latest = NewsItem.objects.get(pk=item.pk).history.first()
    assert latest.title == "Second title"
    assert latest.history_user.groups.filter(name=COMMS_TEAM).exists()
