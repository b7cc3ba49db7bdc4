"""The partner directory and each partner's page: codes, earlier names and codes, closures and
successors, filters and pages."""

import json
import re

import pytest

from tests.helpers import page, text


@pytest.mark.django_db
def test_partner_page_shows_codes_and_structured_data(client, seeded):
    html = page(client, "/partners/nhs-south-yorkshire-icb/")
    body = text(html)
    assert "QF7" in body
    assert "E54000061" in body
    assert "Barnsley Clinical Commissioning Group" in body  # took over from
    data = json.loads(
        re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "GovernmentOrganization"
    assert {"@type": "PropertyValue", "propertyID": "ODS", "value": "QF7"} in data["identifier"]


@pytest.mark.django_db
def test_closed_organisations_show_when_they_closed_and_who_took_over(client, seeded):
    body = text(page(client, "/partners/sheffield-ccg/"))
    assert "Closed on 30 June 2022" in body
    assert "NHS South Yorkshire Integrated Care Board" in body


@pytest.mark.django_db
def test_a_partner_keeps_its_former_code_with_its_date(client, seeded):
    body = text(page(client, "/partners/sheffield-city-council/"))
    assert "Previous gss code E08000019, until 31 March 2025" in body
    assert "The Barnsley and Sheffield (Boundary Change) Order 2024" in body


@pytest.mark.django_db
def test_partner_directory_filters_by_kind_and_place(client, seeded):
    body = text(page(client, "/partners/?kind=nhs_trust&place=sheffield"))
    assert "Sheffield Teaching Hospitals NHS Foundation Trust" in body
    assert "Sheffield Children's NHS Foundation Trust" in body
    assert "Barnsley Hospital" not in body
    assert "Sheffield City Council" not in body


@pytest.mark.django_db
def test_former_ccgs_are_hidden_from_the_directory_unless_asked_for(client, seeded):
    assert "Sheffield Clinical Commissioning Group" not in text(
        page(client, "/partners/?q=sheffield")
    )
    assert "Sheffield Clinical Commissioning Group" in text(
        page(client, "/partners/?q=sheffield&former=on")
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("E08000019", "Sheffield City Council"),
        ("E08000016", "Barnsley Metropolitan Borough Council"),
        ("York Teaching Hospital", "York and Scarborough Teaching Hospitals NHS Foundation Trust"),
        ("E07000171", "Bassetlaw District Council"),
    ],
)
def test_the_partner_filter_finds_former_codes_and_names(client, seeded, query, found):
    body = text(page(client, f"/partners/?q={query}"))
    assert "1 partner" in body
    assert found in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["kind=alien", "place=atlantis", "q=" + "x" * 101, "kind=nhs_trust&place=%00"],
)
def test_bad_filter_values_are_a_form_error(client, seeded, query):
    response = client.get(f"/partners/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "<title>Error: Partners" in html
    assert "nhsuk-error-summary" in html


@pytest.mark.django_db
def test_directory_is_paginated(client, seeded):
    first = text(page(client, "/partners/"))
    assert "Next page" in first
    second = text(page(client, "/partners/?page=2"))
    assert "Previous page" in second
