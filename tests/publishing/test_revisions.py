"""Editing a published item makes draft changes: the public keeps the published version until
the changes are approved and published; staff compare them with it, discard them, or restore
an earlier version as new draft changes."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from pages.models import Page
from publishing.models import Revision
from tests.factories import (
    make_news_item,
    make_page,
    make_place,
    make_user,
    news_admin_form,
    page_admin_form,
)
from tests.helpers import change_url

PUBLISHED = timezone.now() - datetime.timedelta(days=3)


def step_url(item, step: str) -> str:
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{step}", args=[item.pk])


@pytest.fixture
def writer():
    return make_user(groups=("Comms team",))


@pytest.fixture
def approver():
    return make_user(groups=("Comms team", "Comms approvers"))


@pytest.fixture
def live_item():
    return make_news_item(
        title="Clinics open", body="<p>Open on Monday in Darnall.</p>", publish_at=PUBLISHED
    )


def edit_news(client, item, **changes):
    item.refresh_from_db()
    data = news_admin_form(
        title=item.title, slug=item.slug, summary=item.summary, body=item.body,
        loaded_version=item.version,
    )  # fmt: skip
    response = client.post(change_url(item), {**data, **changes})
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


@pytest.mark.django_db
def test_an_edit_of_a_published_item_is_a_draft_the_public_does_not_see(
    client, client_for, writer, live_item
):
    place = make_place(name="Darnall")
    edit_news(
        client_for(writer), live_item, title="Clinics open all week",
        body="<p>Open every day in Darnall.</p>", places=[place.pk],
    )  # fmt: skip
    live_item.refresh_from_db()
    assert live_item.title == "Clinics open"
    assert list(live_item.places.all()) == []
    public = client.get(live_item.get_absolute_url()).content.decode()
    assert "Clinics open all week" not in public
    assert "Open on Monday in Darnall." in public

    page = client_for(writer).get(change_url(live_item))
    html = page.content.decode()
    assert 'value="Clinics open all week"' in html
    assert "Status: Published, with draft changes (draft)" in html
    assert page.context["adminform"].form.initial["places"] == [place.pk]

    compare = client_for(writer).get(step_url(live_item, "compare")).content.decode()
    assert "Clinics open <ins>all week</ins>" in compare
    assert "Open <del>on Monday</del> <ins>every day</ins> in Darnall." in compare
    assert "<ins>Darnall</ins>" in compare  # the place added


@pytest.mark.django_db
def test_approved_changes_replace_the_published_version_keeping_its_date(
    client, client_for, writer, approver, live_item
):
    edit_news(client_for(writer), live_item, title="Clinics open all week")
    client_for(writer).post(step_url(live_item, "submit"))
    as_approver = client_for(approver)
    as_approver.post(step_url(live_item, "approve"))
    refused = as_approver.post(
        step_url(live_item, "schedule"),
        {"schedule-publish_at_0": "01/01/2030", "schedule-publish_at_1": "09:00:00"},
        follow=True,
    )
    assert "published straight away once approved" in refused.content.decode()
    as_approver.post(step_url(live_item, "publish"))
    live_item.refresh_from_db()
    assert live_item.title == "Clinics open all week"
    assert live_item.publish_at == PUBLISHED
    assert live_item.status == "published"
    assert not Revision.objects.exists()
    assert "Clinics open all week" in client.get(live_item.get_absolute_url()).content.decode()
    assert live_item.history.first().title == "Clinics open all week"


@pytest.mark.django_db
def test_the_preview_and_a_reviewers_link_show_the_draft_changes_the_public_does_not_see(
    client, client_for, writer, live_item
):
    edit_news(client_for(writer), live_item, title="Clinics open all week")
    preview = client_for(writer).get(step_url(live_item, "preview")).content.decode()
    assert "<h1>Clinics open all week</h1>" in preview
    shared = client_for(writer).post(step_url(live_item, "share"), follow=True)
    link = re.search(r'href="http://testserver(/news/preview/[^"]+)"', shared.content.decode())
    assert link, shared.content.decode()
    reviewer = client.get(link.group(1)).content.decode()
    assert "<h1>Clinics open all week</h1>" in reviewer
    assert "Clinics open all week" not in client.get(live_item.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_a_pages_reviewer_link_shows_its_draft_changes_until_it_is_withdrawn(
    client, client_for, writer, approver
):
    page = make_page(title="Our board", body="<p>The board meets monthly.</p>")
    response = client_for(writer).post(
        change_url(page), page_admin_form(page, title="Our board meets in public")
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    shared = client_for(writer).post(step_url(page, "share"), follow=True)
    link = re.search(r'href="http://testserver(/pages/preview/[^"]+)"', shared.content.decode())
    assert link, shared.content.decode()

    reviewer = client.get(link.group(1))
    assert reviewer.status_code == 200
    assert "<h1>Our board meets in public</h1>" in reviewer.content.decode()
    assert "noindex" in reviewer["X-Robots-Tag"]
    assert "no-cache" in reviewer["Cache-Control"]
    public = client.get(page.get_absolute_url()).content.decode()
    assert "<h1>Our board</h1>" in public

    client_for(approver).post(step_url(page, "withdraw"))
    assert client.get(link.group(1)).status_code == 404
    assert client.get("/pages/preview/not-a-token/").status_code == 404


@pytest.mark.django_db
def test_draft_changes_can_be_discarded(client_for, writer, live_item):
    edit_news(client_for(writer), live_item, title="A mistake")
    client_for(writer).post(step_url(live_item, "discard"))
    live_item.refresh_from_db()
    assert not Revision.objects.exists()
    assert live_item.title == "Clinics open"
    html = client_for(writer).get(change_url(live_item)).content.decode()
    assert 'value="Clinics open"' in html


@pytest.mark.django_db
def test_an_earlier_version_is_restored_as_draft_changes(client, client_for, approver, live_item):
    first = live_item.history.order_by("history_date").first()
    live_item.title = "Second title"
    live_item.save()
    revert = reverse("admin:news_newsitem_simple_history", args=[live_item.pk, first.pk])
    as_approver = client_for(approver)
    page = as_approver.get(revert)
    version = page.context["adminform"].form.fields["loaded_version"].initial
    response = as_approver.post(
        revert,
        news_admin_form(
            title="Clinics open", slug=live_item.slug, summary=live_item.summary,
            body=live_item.body, loaded_version=version,
        ),
    )  # fmt: skip
    assert response.status_code == 302
    live_item.refresh_from_db()
    assert live_item.title == "Second title"  # the public still sees this
    assert Revision.objects.get().data["title"] == "Clinics open"


@pytest.mark.django_db
def test_a_standing_pages_edit_waits_for_approval(client, client_for, writer, standing_pages):
    page = Page.objects.get(key="privacy")
    data = page_admin_form(page, title="Our privacy notice", loaded_version=page.version)
    assert client_for(writer).post(change_url(page), data).status_code == 302
    assert "Our privacy notice" not in client.get("/privacy/").content.decode()
    page.refresh_from_db()
    assert page.title == "Privacy notice"
    assert Revision.objects.get().data["title"] == "Our privacy notice"
