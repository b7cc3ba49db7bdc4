"""A scheduled item appears nowhere public before its time, and everywhere just after it;
with the page cache on too, where each surface was cached before the time came."""

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from places.models import Place
from tests.factories import make_news_item
from tests.helpers import sitemap_locations

LONDON = ZoneInfo("Europe/London")
ONE_SECOND = datetime.timedelta(seconds=1)

# An ordinary afternoon, and the first instant of British Summer Time in 2026
# (01:00 GMT on 29 March is 02:00 BST: 01:00 to 01:59 UK time does not exist that day).
PUBLISH_TIMES = {
    "ordinary day": datetime.datetime(2026, 6, 10, 14, 30, tzinfo=LONDON),
    "clocks go forward": datetime.datetime(2026, 3, 29, 1, 0, tzinfo=datetime.UTC),
    "clocks go back": datetime.datetime(2026, 10, 25, 1, 30, tzinfo=datetime.UTC),
}


def public_surfaces(client, item) -> dict[str, bool]:
    """Where the item shows, on every public surface."""
    marker = item.title
    return {
        "list": marker in client.get("/news/").content.decode(),
        "detail": client.get(item.get_absolute_url()).status_code == 200,
        "rss": marker in client.get("/news/feed/").content.decode(),
        "atom": marker in client.get("/news/atom/").content.decode(),
        "sitemap": f"http://testserver{item.get_absolute_url()}" in sitemap_locations(client),
        "home": marker in client.get("/").content.decode(),
        "place": marker in client.get("/places/sheffield/").content.decode(),
        "place filter": marker in client.get("/news/?place=sheffield").content.decode(),
    }


@pytest.fixture(params=["page cache off", "page cache on"])
def page_cache(request, settings):
    settings.PAGE_CACHE = request.param == "page cache on"
    return settings.PAGE_CACHE


@pytest.mark.django_db
@pytest.mark.parametrize("when", PUBLISH_TIMES.values(), ids=PUBLISH_TIMES.keys())
def test_scheduled_item_is_hidden_one_second_before_and_shown_one_second_after(
    client, seeded, page_cache, when
):
    item = make_news_item(title="Scheduled announcement", publish_at=when)
    item.places.add(Place.objects.get(slug="sheffield"))

    with mock.patch("django.utils.timezone.now", return_value=when - ONE_SECOND):
        before = public_surfaces(client, item)
    with mock.patch("django.utils.timezone.now", return_value=when + ONE_SECOND):
        after = public_surfaces(client, item)

    assert not any(before.values()), before
    assert all(after.values()), after


@pytest.mark.django_db
def test_drafts_are_nowhere_public(client, seeded, page_cache):
    item = make_news_item(title="Draft announcement")
    item.places.add(Place.objects.get(slug="sheffield"))
    assert not any(public_surfaces(client, item).values())


@pytest.mark.django_db
def test_unpublishing_takes_an_item_off_the_site(
    client, seeded, page_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # as if each change committed
        item = make_news_item(title="Short-lived", publish_at=timezone.now() - ONE_SECOND)
        item.places.add(Place.objects.get(slug="sheffield"))
    assert all(public_surfaces(client, item).values())
    with django_capture_on_commit_callbacks(execute=True):
        item.unpublish()
    assert not any(public_surfaces(client, item).values())
