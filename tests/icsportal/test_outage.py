"""A database outage is a styled 503 with Retry-After, never a 500, and the site recovers
as soon as the database answers again. The outage is injected at the database driver's
edge with Django's execute_wrapper hook: every query the site tries is refused."""

import pytest
from django.db import OperationalError, connection
from django.test import RequestFactory

from icsportal.middleware import DatabaseUnavailableMiddleware


class RefuseEveryQuery:
    def __init__(self):
        self.attempts = 0

    def __call__(self, execute, sql, params, many, context):
        self.attempts += 1
        raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/places/sheffield/", "/partners/", "/news/"])
def test_a_page_is_a_styled_503_while_the_database_is_down(client, seeded, url):
    refuse = RefuseEveryQuery()
    with connection.execute_wrapper(refuse):
        response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert "<h1>Sorry, the service is unavailable</h1>" in html
    assert 'class="nhsuk-header' in html
    assert "server closed the connection" not in html
    # The page's own first query failed; the 503 page tried none.
    assert refuse.attempts == 1
    assert not response.cookies


@pytest.mark.django_db
def test_the_site_recovers_when_the_database_answers_again(client, seeded):
    with connection.execute_wrapper(RefuseEveryQuery()):
        assert client.get("/places/sheffield/").status_code == 503
    response = client.get("/places/sheffield/")
    assert response.status_code == 200
    assert "Sheffield" in response.content.decode()


@pytest.mark.django_db
def test_the_health_check_reports_the_outage(client):
    with connection.execute_wrapper(RefuseEveryQuery()):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}


def test_other_errors_are_left_to_the_500_handler():
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    request = RequestFactory().get("/places/")
    assert middleware.process_exception(request, ValueError("a bug")) is None
    assert middleware.process_exception(request, OperationalError("gone")).status_code == 503


@pytest.mark.django_db
def test_an_outage_logs_one_line_a_request_and_one_warning_each_way(client, seeded, caplog):
    caplog.set_level("INFO")
    with connection.execute_wrapper(RefuseEveryQuery()):
        for url in ["/", "/partners/", "/healthz/", "/news/", "/places/sheffield/"]:
            assert client.get(url).status_code == 503
    assert client.get("/places/sheffield/").status_code == 200
    assert not [record for record in caplog.records if record.exc_info]  # no tracebacks
    per_request = [r for r in caplog.records if r.name == "django.request"]
    assert len(per_request) == 5
    assert all("\n" not in r.getMessage() for r in per_request)
    warnings = [r.getMessage() for r in caplog.records if r.name == "icsportal.middleware"]
    assert len(warnings) == 2
    assert warnings[0].startswith("Database unavailable (OperationalError: server closed")
    assert "4 requests were answered 503" in warnings[1]  # the health check answers itself
