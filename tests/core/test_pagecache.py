"""The page cache (core/pagecache.py): a repeat visit costs no query, any committed change shows
on the next request, time-driven changes come on time, staff and previews are never served a
kept page, and repeat visits from a browser or CDN get 304.

Changes are made inside `django_capture_on_commit_callbacks(execute=True)`: the test's
transaction is never committed, so this runs the callbacks a commit would.
"""

import datetime
import gzip
import re
from unittest import mock

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.template import engines
from django.template.response import TemplateResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core import pagecache
from engagement.models import ContactMessage
from icsportal.pagecache import next_change, next_uk_midnight
from icsportal.views import floor, smallest_page
from news.models import NewsItem
from news.services import preview_path
from partners.models import Organisation
from tests.factories import (
    make_body,
    make_consultation,
    make_meeting,
    make_news_item,
    make_organisation,
)

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE = True


def get(client, path, **headers):
    """The response and the number of SQL queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    return response, len(queries)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_repeat_visit_is_served_whole_from_the_cache_with_no_query(client, seeded):
    first, first_queries = get(client, "/partners/")
    again, again_queries = get(client, "/partners/")
    assert (first.page_cache, again.page_cache) == ("miss", "hit")
    assert first.status_code == again.status_code == 200
    assert first_queries > 0
    assert again_queries == 0
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    # The headers the outer middleware adds are fresh on a kept page too.
    assert "Content-Security-Policy" in again
    assert again["X-Content-Type-Options"] == "nosniff"


def test_a_different_query_string_is_a_different_page(client, seeded):
    get(client, "/partners/?kind=nhs_trust")
    other, queries = get(client, "/partners/?kind=council")
    assert queries > 0
    assert b"Sheffield City Council" in other.content


def test_an_edited_partner_shows_on_the_next_request(client, seeded, committed):
    organisation = Organisation.objects.get(slug="sheffield-city-council")
    path = organisation.get_absolute_url()
    assert b"Sheffield City Council" in get(client, path)[0].content
    with committed():
        organisation.name = "Sheffield City Council (renamed in a test)"
        organisation.save()
    response, queries = get(client, path)
    assert queries > 0
    assert b"renamed in a test" in response.content
    assert b"renamed in a test" in get(client, "/partners/?q=renamed")[0].content


def test_a_new_partner_shows_in_the_directory_at_once(client, seeded, committed):
    get(client, "/partners/?q=Fresh")
    with committed():
        make_organisation(name="A Fresh Partner Trust")
    assert b"A Fresh Partner Trust" in get(client, "/partners/?q=Fresh")[0].content


def test_publishing_and_withdrawing_show_at_once(client, seeded, committed):
    with committed():
        item = make_news_item(title="Kept-page news")
    assert b"Kept-page news" not in get(client, "/news/")[0].content
    with committed():
        item.publish()
    assert b"Kept-page news" in get(client, "/news/")[0].content
    assert get(client, item.get_absolute_url())[0].status_code == 200
    with committed():
        item.unpublish()
    assert b"Kept-page news" not in get(client, "/news/")[0].content
    assert get(client, item.get_absolute_url())[0].status_code == 404


def test_a_new_meeting_shows_at_once(client, seeded, committed):
    body = make_body(name="Kept Page Committee")
    path = body.get_absolute_url()
    assert get(client, path)[0].page_cache == "miss"  # kept from now on
    with committed():
        meeting = make_meeting(body=body, date=timezone.localdate() + datetime.timedelta(days=9))
    assert meeting.get_absolute_url().encode() in get(client, path)[0].content


def test_a_scheduled_item_appears_at_its_time_with_nothing_run(client, seeded, committed):
    at = timezone.now() + datetime.timedelta(hours=1)
    with committed():
        make_news_item(title="On the hour", publish_at=at)
    with mock.patch("django.utils.timezone.now", return_value=at - datetime.timedelta(seconds=1)):
        assert b"On the hour" not in get(client, "/news/")[0].content
        assert get(client, "/news/")[1] == 0  # kept
    with mock.patch("django.utils.timezone.now", return_value=at):
        response, queries = get(client, "/news/")
    assert queries > 0
    assert b"On the hour" in response.content


def test_staff_are_never_served_a_kept_page(client, client_as, seeded):
    get(client, "/news/")
    assert get(client, "/news/")[1] == 0
    staff = client_as("comms team")
    response, queries = get(staff, "/news/")
    assert response.status_code == 200
    assert queries > 0
    # Nor is what they were shown kept for others.
    assert not hasattr(response, "page_cache")


def test_a_reviewers_preview_link_is_never_kept(client, seeded):
    path = preview_path(make_news_item(title="Preview only"))
    first = client.get(path)
    assert first.status_code == 200
    assert b"Preview only" in first.content
    assert "no-store" in first["Cache-Control"]
    assert not hasattr(first, "page_cache")
    again, queries = get(client, path)
    assert queries > 0
    assert not hasattr(again, "page_cache")


def token_in(response) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)


def send_message(client, token: str, text: str = "Hello"):
    return client.post(
        "/contact/",
        {"topic": "website", "message": text, "csrfmiddlewaretoken": token},
    )


def test_a_form_page_is_kept_but_each_visitor_gets_a_token_of_their_own(seeded, committed):
    """The contact form's page is kept like any other (no query on a repeat visit), but never
    whole: each visitor gets it with a token matching the CSRF cookie set for them, and the
    form sends with it, kept or not."""
    first_visitor, second_visitor = (
        Client(enforce_csrf_checks=True),
        Client(enforce_csrf_checks=True),
    )
    first, first_queries = get(first_visitor, "/contact/")
    again, again_queries = get(second_visitor, "/contact/")
    assert (first.page_cache, again.page_cache) == ("miss", "hit")
    # Each sets its visitor's CSRF cookie.
    assert set(first.cookies) == set(again.cookies) == {"__Host-csrftoken"}
    assert first_queries > 0
    assert again_queries == 0
    assert pagecache.TOKEN_PLACEHOLDER not in first.text + again.text
    tokens = token_in(first), token_in(again)
    assert tokens[0] != tokens[1]
    cookies = [
        visitor.cookies["__Host-csrftoken"].value for visitor in (first_visitor, second_visitor)
    ]
    assert cookies[0] != cookies[1], "each visitor has a secret of their own"
    # The page is the same page but for the token; never marked for sharing.
    assert again.text.replace(tokens[1], tokens[0]) == first.text
    assert "public" not in first.get("Cache-Control", "") + again.get("Cache-Control", "")
    # Nor is it ever "not modified": each visit needs its fresh token.
    repeat = second_visitor.get("/contact/", HTTP_IF_NONE_MATCH=again["ETag"])
    assert repeat.status_code == 200
    assert repeat.page_cache == "hit"
    assert "Cookie" in again["Vary"]
    # Each visitor's token sends the form; the other visitor's does not.
    with committed():
        assert send_message(first_visitor, tokens[1]).status_code == 403
        assert send_message(second_visitor, tokens[1]).status_code == 302
        assert send_message(first_visitor, tokens[0], "Again").status_code == 302
    assert ContactMessage.objects.count() == 2


def test_a_kept_page_without_a_form_gets_no_token_nor_cookie(seeded):
    template = engines["django"].from_string("<p>{{ word }}</p>")
    view = pagecache.form_page(lambda request: TemplateResponse(request, template, {"word": "Hi"}))
    for expected in ("miss", "hit"):
        request = RequestFactory().get("/no-form/")
        response = view(request)
        assert (response.page_cache, response.content) == (expected, b"<p>Hi</p>")
        assert "CSRF_COOKIE_NEEDS_UPDATE" not in request.META


def test_a_kept_form_page_follows_changes_and_is_never_kept_for_staff(
    client, client_as, seeded, committed
):
    get(client, "/contact/")
    assert get(client, "/contact/?topic=website")[0].page_cache == "miss"  # another page
    with committed():
        pagecache.invalidate()
    assert get(Client(), "/contact/")[0].page_cache == "miss"
    staff = client_as("comms team")
    response, queries = get(staff, "/contact/")
    assert not hasattr(response, "page_cache")
    assert queries > 0
    assert pagecache.TOKEN_PLACEHOLDER not in response.text
    assert re.fullmatch(r"[A-Za-z0-9]{64}", token_in(response))


def test_the_health_check_is_never_kept(client, seeded):
    get(client, "/healthz/")
    response, queries = get(client, "/healthz/")
    assert queries == 1  # SELECT 1, every time
    assert "no-cache" in response["Cache-Control"]


def test_compressed_for_a_client_that_accepts_it_and_the_same_page_unpacked(client, seeded):
    plain = client.get("/about/")
    packed = client.get("/about/", **GZIP)
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 3
    kept = client.get("/about/", **GZIP)  # from the cache, still compressed
    assert gzip.decompress(kept.content) == plain.content


@pytest.mark.parametrize("page_cache", [False, True], ids=["page cache off", "page cache on"])
@pytest.mark.parametrize("path", ["/", "/news/", "/news/feed/", "/partners/", "/sitemap.xml"])
def test_an_unchanged_page_answers_304_to_a_conditional_request(
    client, seeded, settings, page_cache, path
):
    settings.PAGE_CACHE = page_cache
    for headers in ({}, GZIP):
        first = client.get(path, **headers)
        assert first.status_code == 200
        assert first["ETag"]
        assert first["Cache-Control"] == "public, no-cache"
        again = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"], **headers)
        assert again.status_code == 304
        assert again.content == b""


def test_a_changed_page_answers_200_to_the_old_etag(client, seeded, committed):
    first = client.get("/news/")
    with committed():
        make_news_item(title="Something new", publish_at=timezone.now())
    again = client.get("/news/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert b"Something new" in again.content


def test_with_the_cache_down_pages_are_served_uncached(client, seeded, settings):
    # Redis on a port nothing listens on: every cache call fails.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        }
    }
    response = client.get("/partners/?q=Sheffield+City")
    assert response.status_code == 200
    assert b"Sheffield City Council" in response.content


def test_a_lost_generation_starts_from_a_random_number(seeded):
    cache.delete(pagecache.GENERATION_KEY)
    first = pagecache.generation()
    pagecache.invalidate()
    assert pagecache.generation() == first + 1
    cache.delete(pagecache.GENERATION_KEY)
    pagecache.invalidate()  # missing: starts afresh rather than at 1
    assert pagecache.generation() not in (None, 1, first + 1)


def test_resident_messages_and_sign_ins_do_not_empty_the_cache(client, seeded, committed):
    number = pagecache.generation()
    with committed():
        response = client.post(
            "/contact/",
            {"topic": "website", "message": "Hello", "name": "", "email": ""},
        )
    assert response.status_code == 302
    assert ContactMessage.objects.count() == 1
    with committed():
        User.objects.create_user("someone")
    assert pagecache.generation() == number


class TestNextChange:
    """The next moment a page changes with the clock alone."""

    def test_midnight_in_the_uk_when_nothing_is_scheduled(self, db):
        now = datetime.datetime(2026, 7, 1, 22, 30, tzinfo=datetime.UTC)  # 23:30 BST
        midnight = next_uk_midnight(now)
        assert midnight == datetime.datetime(2026, 7, 1, 23, 0, tzinfo=datetime.UTC)
        NewsItem.objects.all().delete()
        assert next_change(now) == midnight

    def test_a_scheduled_item(self, db):
        now = timezone.now()
        at = now + datetime.timedelta(minutes=5)
        make_news_item(publish_at=at)
        make_news_item(publish_at=now - datetime.timedelta(days=1))
        assert next_change(now) == min(at, next_uk_midnight(now))

    def test_a_consultation_opening_and_closing(self, db):
        now = timezone.now()
        closes = now + datetime.timedelta(minutes=7)
        make_consultation(closes_at=closes)
        make_consultation(opens_at=now + datetime.timedelta(minutes=3), published=False)
        assert next_change(now) == min(closes, next_uk_midnight(now))
        opens = now + datetime.timedelta(minutes=2)
        make_consultation(opens_at=opens, closes_at=now + datetime.timedelta(days=9))
        assert next_change(now) == min(opens, next_uk_midnight(now))

    def test_a_meetings_question_deadline(self, db):
        now = datetime.datetime(2026, 7, 1, 8, 0, tzinfo=datetime.UTC)  # 09:00 BST
        body = make_body(question_deadline_hours=48)
        # Starts 14:00 BST on 3 July: questions close 14:00 BST on 1 July.
        make_meeting(body=body, date=datetime.date(2026, 7, 3), start_time=datetime.time(14))
        assert next_change(now) == datetime.datetime(2026, 7, 1, 13, 0, tzinfo=datetime.UTC)


def test_the_bench_floor_is_served_only_when_the_bench_asks(client):
    # BENCH_FLOOR is off unless `make bench` starts the server: no such page in production.
    assert client.get("/_floor/").status_code == 404
    response = floor(RequestFactory().get("/_floor/"))
    assert response.content == b"floor\n"
    assert "no-cache" in response["Cache-Control"]  # never kept: it measures the middleware


def test_the_bench_smallest_page_is_the_chrome_alone_and_runs_no_query(
    client, django_assert_num_queries
):
    assert client.get("/_floor/page/").status_code == 404  # only when the bench asks
    with django_assert_num_queries(0):
        response = smallest_page(RequestFactory().get("/_floor/page/"))
    assert "no-cache" in response["Cache-Control"]  # always rendered, never kept
    html = response.content.decode()
    # The header, the footer and the page's one heading: what every page has and no more.
    assert html.count('class="nhsuk-header ') == 1
    assert html.count('class="nhsuk-footer"') == 1
    main = html.split('id="maincontent"', 1)[1].split("</main>", 1)[0]
    assert re.sub(r"\s+", " ", main).strip() == 'tabindex="-1"> <h1>The smallest page</h1>'


def test_what_the_page_cache_ignores_names_real_apps_and_models():
    # A misspelt name would quietly leave its records bumping the generation.
    labels = {config.label for config in apps.get_app_configs()}
    assert labels >= pagecache.IGNORED_APPS
    for label in pagecache.IGNORED_MODELS:
        apps.get_model(label)  # raises LookupError for a name no model has
    watched = {model._meta.label_lower for model in apps.get_models() if pagecache.watched(model)}
    assert {"news.newsitem", "partners.organisation", "governance.meeting"} <= watched
    assert not watched & {"engagement.contactmessage", "auth.user", "sessions.session"}
