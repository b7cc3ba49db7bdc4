"""The API keeps to its own OpenAPI schema. Schemathesis reads the schema the site serves and
generates requests from it (valid filters, and values the schema does not allow), calls the
site in-process, and fails on a server error, a response that breaks the schema, or a status
the schema does not document. It runs on whichever database the suite runs on."""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from opendata.datasets import DATASETS


@pytest.fixture
def site():
    """The site as a WSGI application, called in-process within the test's transaction.
    As Django's test client does, requests do not close the database connection when they
    finish: that would end the transaction the test runs in."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


OPERATIONS = [
    f"/api/v1/{dataset.name}.{suffix}" for dataset in DATASETS for suffix in ("json", "csv")
]


@pytest.mark.django_db
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("path", OPERATIONS)
def test_the_api_keeps_to_its_schema(seeded, site, path, mode):
    """Valid requests (positive) and requests the schema does not allow (negative): every
    response is documented and keeps to the schema, and none is a server error."""
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", site)
    operation = schema[path]["GET"]
    if mode == GenerationMode.NEGATIVE and not operation.query:
        pytest.skip("no parameters: every request to it is a valid one")

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    def keeps_to_its_schema(case):
        # Every check but one: a schema-valid request may still be refused, since a slug or a
        # year is a valid string that may name no record (a documented 400).
        # Uncompressed: called in-process there is no HTTP client to unpack gzip (compression
        # has its own tests, tests/core/test_pagecache.py).
        case.call_and_validate(
            headers={"Accept-Encoding": "identity"}, excluded_checks=[positive_data_acceptance]
        )

    keeps_to_its_schema()


@pytest.mark.django_db
def test_the_schema_describes_every_data_set_in_both_formats(client):
    spec = client.get("/api/v1/schema/").json()
    assert spec["openapi"].startswith("3.")
    assert spec["info"]["license"]["name"] == "Open Government Licence v3.0"
    for dataset in DATASETS:
        for suffix in ("json", "csv"):
            operation = spec["paths"][f"/api/v1/{dataset.name}.{suffix}"]["get"]
            assert {"200", "304"} <= set(operation["responses"])
            if dataset.form is not None:
                assert "400" in operation["responses"]
    organisation = spec["components"]["schemas"]["Organisation"]["properties"]
    assert {"slug", "name", "ods_code", "gss_code", "former_codes"} <= set(organisation)
