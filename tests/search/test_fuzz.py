"""Whatever is typed into the search, and whatever else the query string holds, the answer is
a page (results, or a form error, or "no such page" for a page number past the end): never a
server error. Hypothesis makes the inputs, on whichever database the suite runs on."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Text of every kind, text made of the characters that mean something to a search engine or
# to SQL, and the very long.
SPECIAL = st.sampled_from([*"\"'%_&|!:*()<>-\\/;\x00\t\n ", "OR", "AND", "NOT", "sheffield"])
QUERIES = st.one_of(
    st.text(max_size=250),
    st.lists(SPECIAL, max_size=30).map("".join),
    st.text(min_size=190, max_size=3000),
)
KINDS = st.one_of(st.none(), st.sampled_from(["", "partner", "news", "alien"]), st.text(max_size=8))
PAGES = st.one_of(st.none(), st.integers(min_value=-2, max_value=4).map(str), st.text(max_size=6))


@pytest.mark.django_db
@settings(
    max_examples=150,
    deadline=None,
    # The seeded data is only read: sharing it across examples is what is wanted.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(q=QUERIES, kind=KINDS, page=PAGES)
def test_any_query_string_gives_a_page_never_a_server_error(client, seeded, q, kind, page):
    params = {"q": q}
    if kind is not None:
        params["kind"] = kind
    if page is not None:
        params["page"] = page
    response = client.get("/search/", params)
    assert response.status_code in (200, 400, 404)
    html = response.content.decode()
    assert "<h1" in html
    if response.status_code == 400:
        assert "nhsuk-error-summary" in html
    if response.status_code == 404:
        assert page is not None
