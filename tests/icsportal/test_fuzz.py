"""Whatever a query string or a form holds, every public URL answers a page, a form error or
"not found", never a server error. Hypothesis makes the inputs: strange text, the characters
that mean something to SQL, HTML or a URL, NUL, very long values, repeated parameters."""

from urllib.parse import parse_qsl, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icsportal.pages import API_ENDPOINTS, PUBLIC_PAGES

# Every path, once, with the parameter names it is known to read (from the listed URLs), and
# those any page might be sent.
COMMON = ["page", "q", "kind", "place", "topic", "body", "year", "type", "format", "reference"]
PATHS: dict[str, set[str]] = {}
for url in [page.path for page in PUBLIC_PAGES] + API_ENDPOINTS:
    parts = urlsplit(url)
    PATHS.setdefault(parts.path, set()).update(name for name, _ in parse_qsl(parts.query))

SPECIAL = st.sampled_from([*"\"'%_&|!:*()<>-\\/;#?=+\x00\t\n ", "<script>", "../", "9" * 30])
VALUES = st.one_of(
    st.text(max_size=60),
    st.lists(SPECIAL, max_size=20).map("".join),
    st.integers(min_value=-(2**63), max_value=2**63).map(str),
    st.text(min_size=500, max_size=3000),
)
NAMES = st.sampled_from(COMMON)
FUZZ = settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.django_db
@pytest.mark.parametrize("path", sorted(PATHS))
def test_any_query_string_on_any_public_url_is_never_a_server_error(client, seeded, path):
    names = st.sampled_from(sorted(PATHS[path] | set(COMMON)))

    @FUZZ
    @given(params=st.lists(st.tuples(names, VALUES), max_size=4))
    def check(params):
        response = client.get(path, params and _query(params))
        assert response.status_code < 500, (path, params)

    check()


def _query(params: list[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for name, value in params:
        grouped.setdefault(name, []).append(value)
    return grouped


@pytest.mark.django_db
@FUZZ
@given(
    topic=st.one_of(st.sampled_from(["general", "website", ""]), VALUES),
    message=VALUES,
    name=VALUES,
    email=st.one_of(st.emails(), VALUES),
    website=st.one_of(st.just(""), VALUES),
)
def test_any_contact_form_is_stored_or_a_form_error_never_a_server_error(
    client, topic, message, name, email, website
):
    form = {"topic": topic, "message": message, "name": name, "email": email, "website": website}
    response = client.post("/contact/", form)
    assert response.status_code in (302, 400, 429)


@pytest.mark.django_db
@FUZZ
@given(username=VALUES, password=VALUES)
def test_any_sign_in_form_is_a_form_error_never_a_server_error(client, username, password):
    response = client.post("/admin/login/", {"username": username, "password": password})
    assert response.status_code in (200, 429)
