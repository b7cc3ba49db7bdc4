"""Every public page (icsportal/pages.py): status, one h1, a specific title, meta tags,
breadcrumbs, no cookies, and a constant number of SQL queries whatever the data size; and
unknown addresses answer a styled 404."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from icsportal.pages import paths_answering_ok, paths_with_forms, prepare
from tests import factories as f

PUBLIC_PAGES = paths_answering_ok()


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.django_db
def test_every_public_page_runs_a_constant_number_of_queries(client, seeded):
    prepare()
    before = {url: count_queries(client, url) for url in PUBLIC_PAGES}
    f.grow_partnership(times=10)
    after = {url: count_queries(client, url) for url in PUBLIC_PAGES}
    assert after == before
    assert max(before.values()) <= 12


# What a page renders once per row: list items, table rows, options, articles, terms, links.
ROW = re.compile(r"<(li|tr|option|article|dt|a)\b")


def count_rows(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    return len(ROW.findall(response.content.decode()))


@pytest.mark.django_db
def test_every_public_page_renders_a_bounded_number_of_rows(client, seeded):
    """Growing the data from 10 to 20 times the seed adds no row to any page: every list
    that grows is paginated or shows its first few with a link to the rest."""
    prepare()
    f.grow_partnership(times=10)
    before = {url: count_rows(client, url) for url in PUBLIC_PAGES}
    f.grow_partnership(times=10)
    after = {url: count_rows(client, url) for url in PUBLIC_PAGES}
    grown = {url: (before[url], after[url]) for url in PUBLIC_PAGES if after[url] != before[url]}
    assert grown == {}


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_page_basics(client, seeded, url):
    prepare()
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert len(re.findall(r"<h1[ >]", html)) == 1
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
    assert title
    assert title != "South Yorkshire Integrated Care System"  # specific to the page
    assert re.search(r'<meta name="description" content="[^"]{40,}">', html)
    assert '<link rel="canonical" href="http://testserver' in html
    assert '<meta property="og:title"' in html
    if url != "/":
        assert 'class="nhsuk-breadcrumb"' in html
    # No inline script or style: the strict CSP would block it.
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)", html)
    assert "<style" not in html
    assert " style=" not in html
    # Anonymous visitors get no cookies, but the CSRF token on a page with a POST form.
    if url in paths_with_forms():
        assert set(response.cookies) == {"__Host-csrftoken"}
    else:
        assert not response.cookies


def canonical(client, url: str) -> tuple[str, str]:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    link = re.search(r'<link rel="canonical" href="([^"]*)">', html).group(1)
    og = re.search(r'<meta property="og:url" content="([^"]*)">', html).group(1)
    return link, og


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/partners/", "/partners/"),
        ("/partners/?page=1", "/partners/"),
        ("/partners/?page=2", "/partners/?page=2"),
        ("/partners/?q=&page=02", "/partners/?page=2"),
        ("/news/?page=2&topic=", "/news/?page=2"),
        ("/cookies/?page=2", "/cookies/"),  # not a list: the parameter means nothing
    ],
)
def test_a_list_page_beyond_the_first_is_its_own_canonical_page(client, seeded, url, expected):
    """Search engines are told each page of a list is a page of its own (not a copy of the
    first, whose links they would then not follow), and that filters give no new page."""
    f.grow_partnership(times=3)
    assert canonical(client, url) == (f"http://testserver{expected}",) * 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/places/nowhere/",
        "/partners/no-such-partner/",
        "/collaboratives/york-health-and-care-alliance/",  # an alliance, not a collaborative
        "/alliances/working-together/",
        "/partners/?page=999",
        "/partners/?page=not-a-number",
        "/no-such-page/",
        "/news/no-such-news/",
        "/news/?page=99",
    ],
)
def test_unknown_addresses_are_a_styled_404(client, seeded, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
