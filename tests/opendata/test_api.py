"""The open data service as a developer uses it: every data set as JSON and CSV holding the
same rows, filters that mean what the public pages' filters mean, 304 for a copy that is
current, readable from any website, no cookies, and a constant number of queries a page."""

import csv
import io
from email.utils import format_datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from icsportal.pages import API_ENDPOINTS
from opendata.datasets import DATASETS
from tests import factories as f

NAMES = [dataset.name for dataset in DATASETS]


def every_json_row(client, name: str, query: str = "") -> list[dict]:
    rows, url = [], f"/api/v1/{name}.json{query}"
    while url:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.json()
        rows += body["results"]
        url = body["next"]
    return rows


def csv_rows(client, name: str, query: str = "") -> tuple[list[str], list[dict]]:
    response = client.get(f"/api/v1/{name}.csv{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{name}.csv"'
    text = b"".join(response.streaming_content).decode()
    reader = csv.DictReader(io.StringIO(text))
    return reader.fieldnames, list(reader)


@pytest.mark.django_db
def test_the_index_lists_every_data_set_with_both_formats(client, seeded):
    body = client.get("/api/v1/").json()
    assert [d["name"] for d in body["datasets"]] == NAMES
    assert body["licence"] == "Open Government Licence v3.0"
    for dataset in body["datasets"]:
        assert dataset["json"].endswith(f"/api/v1/{dataset['name']}.json")
        assert dataset["csv"].endswith(f"/api/v1/{dataset['name']}.csv")


@pytest.mark.django_db
@pytest.mark.parametrize("name", NAMES)
def test_a_data_sets_json_and_csv_hold_the_same_rows_and_fields(client, seeded, name):
    json_rows = every_json_row(client, name)
    header, rows = csv_rows(client, name)
    assert json_rows, f"{name} is empty"
    assert header == list(json_rows[0])
    assert len(rows) == len(json_rows)
    assert [r["slug"] for r in rows] == [r["slug"] for r in json_rows]


@pytest.mark.django_db
def test_organisations_carry_current_and_former_codes(client, seeded):
    rows = {row["slug"]: row for row in every_json_row(client, "organisations")}
    sheffield = rows["sheffield-city-council"]
    assert sheffield["gss_code"] == "E08000039"
    assert "E08000019" in sheffield["former_codes"]
    assert "sheffield" in sheffield["places"]
    assert rows["sheffield-teaching-hospitals"]["ods_code"] == "RHQ"
    york = rows["york-and-scarborough-teaching-hospitals"]
    assert "York Teaching Hospital NHS Foundation Trust" in york["former_names"]
    _, csv_by_slug = csv_rows(client, "organisations")
    cell = next(r for r in csv_by_slug if r["slug"] == "sheffield-city-council")["former_codes"]
    assert "E08000019" in cell.split("; ")


@pytest.mark.django_db
def test_alliances_carry_memberships_and_governance_stages(client, seeded):
    (york,) = [
        row
        for row in every_json_row(client, "alliances")
        if row["slug"] == "york-health-and-care-alliance"
    ]
    assert york["memberships"]
    assert {"organisation", "role", "joined_on", "left_on"} <= set(york["memberships"][0])
    assert [s["stage"] for s in york["governance_stages"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "query", "page"),
    [
        ("organisations", "?q=E08000019", "/partners/"),
        ("organisations", "?kind=nhs_trust&place=sheffield", "/partners/"),
        ("meetings", "?body=york-health-and-care-alliance-board", "/governance/meetings/"),
        ("publications", "?kind=plan", "/publications/"),
    ],
)
def test_filters_find_what_the_public_pages_filters_find(client, seeded, name, query, page):
    rows = every_json_row(client, name, query)
    html = client.get(page + query).content.decode()
    assert rows
    for row in rows:
        assert f'/{row["slug"]}/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/organisations.json?kind=alien",
        "/api/v1/organisations.csv?place=nowhere",
        "/api/v1/meetings.json?year=1066",
        "/api/v1/publications.json?body=%00",
        "/api/v1/places.json?system=no-such-system",
    ],
)
def test_a_bad_filter_is_a_400_with_the_errors(client, seeded, url):
    response = client.get(url)
    assert response.status_code == 400
    body = response.json()
    assert body["detail"]
    assert body["errors"]


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["0", "999", "two", "-1"])
def test_a_page_that_does_not_exist_is_a_404(client, seeded, page):
    response = client.get(f"/api/v1/organisations.json?page={page}")
    assert response.status_code == 404
    assert response.json()["detail"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/organisations.json", "/api/v1/organisations.csv"])
def test_an_unchanged_data_set_answers_304_and_a_changed_one_does_not(client, seeded, url):
    first = client.get(url)
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('"')
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert not again.content
    assert client.get(url, headers={"If-Modified-Since": last_modified}).status_code == 304
    f.make_organisation(name="Quoll Community Health")
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    later = format_datetime(timezone.now() + timezone.timedelta(seconds=1), usegmt=True)
    assert client.get(url, headers={"If-Modified-Since": later}).status_code == 304


@pytest.mark.django_db
def test_json_and_csv_of_one_data_set_have_different_etags(client, seeded):
    json_etag = client.get("/api/v1/places.json")["ETag"]
    assert client.get("/api/v1/places.csv")["ETag"] != json_etag
    assert client.get("/api/v1/places.json?system=south-yorkshire")["ETag"] != json_etag


@pytest.mark.django_db
@pytest.mark.parametrize("origin", [None, "https://example.org"])
@pytest.mark.parametrize(
    "url", ["/api/v1/", "/api/v1/places.json", "/api/v1/places.csv", "/api/v1/schema/",
            "/api/v1/places.json?page=9", "/api/v1/meetings.json?year=1066"]
)  # fmt: skip
def test_every_response_may_be_read_from_any_website_and_sets_no_cookie(
    client, seeded, url, origin
):
    headers = {"Origin": origin} if origin else {}
    response = client.get(url, headers=headers)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert not response.cookies


@pytest.mark.django_db
def test_a_browsers_preflight_is_answered(client):
    response = client.options(
        "/api/v1/places.json",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "If-None-Match",
        },
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_service_is_read_only(client, seeded, method):
    response = getattr(client, method)("/api/v1/places.json")
    assert response.status_code == 405


@pytest.mark.django_db
def test_publications_not_yet_published_are_not_in_the_data(client, seeded):
    f.make_publication(
        title="Tomorrow's plan",
        slug="tomorrows-plan",
        published_on=timezone.localdate() + timezone.timedelta(days=1),
    )
    f.make_publication(title="Withdrawn", slug="withdrawn-plan", is_published=False)
    slugs = {row["slug"] for row in every_json_row(client, "publications")}
    assert "tomorrows-plan" not in slugs
    assert "withdrawn-plan" not in slugs


@pytest.mark.django_db
def test_json_endpoints_run_a_constant_number_of_queries(client, seeded):
    def counts() -> dict[str, int]:
        found = {}
        for url in API_ENDPOINTS:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, url
            found[url] = len(queries)
        return found

    before = counts()
    f.grow_partnership(times=10)
    after = counts()
    assert after == before
    assert max(before.values()) <= 8


def test_the_benchmark_and_query_checks_cover_every_data_set():
    assert {f"/api/v1/{name}.json" for name in NAMES} <= set(API_ENDPOINTS)
