"""Every URL answers only the methods its view uses: 405, with Allow, for any other (TRACE on
the health check, POST on a page), before CSRF or the view runs."""

import pytest

from icsportal.pages import API_ENDPOINTS, DOWNLOADS, paths_answering_ok, paths_with_forms

MACHINE = [
    "/healthz/",
    "/sitemap.xml",
    "/robots.txt",
    "/.well-known/security.txt",
    "/news/feed/",
    "/news/atom/",
    "/governance/papers/feed/",
    "/governance/meetings.ics",
]
URLS = [*paths_answering_ok(), *API_ENDPOINTS, *DOWNLOADS, *MACHINE]


@pytest.mark.django_db
def test_no_url_answers_a_method_it_does_not_use(client, seeded, subtests):
    forms = paths_with_forms()
    for url in URLS:
        for method in ("TRACE", "PUT", "PATCH", "DELETE", "POST"):
            if method == "POST" and url in forms:
                continue
            with subtests.test(url=url, method=method):
                response = client.generic(method, url)
                assert response.status_code == 405, (url, method, response.status_code)
                assert "GET" in response["Allow"]
                assert "TRACE" not in response["Allow"]


@pytest.mark.django_db
def test_the_methods_a_url_uses_still_work(client, seeded):
    assert client.get("/healthz/").status_code == 200
    assert client.head("/news/feed/").status_code == 200
    assert client.options("/api/v1/places.json").status_code == 200
    assert client.post("/contact/", {}).status_code == 400  # the form, with its errors
    assert client.generic("TRACE", "/admin/login/").status_code == 405
