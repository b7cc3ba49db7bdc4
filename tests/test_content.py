"""The seeded facts appear where they belong on the public pages."""

import json
import re

import pytest

from tests.helpers import page, text


@pytest.mark.django_db
def test_home_page_shows_the_vision_and_figures_from_records(client, seeded):
    body = text(page(client, "/"))
    assert "For everyone in South Yorkshire to have the best possible start in life" in body
    # 248,449 + 314,176 + 271,195 + 573,252 (ONS mid-2023)
    assert (
        "1,407,072 people live in our 4 places (mid-2023, ONS mid-year population estimate)" in body
    )
    # The stated figure in the partnership's own words, beside the sum, with no reason given.
    assert "The partnership states “1.5 million”" in body
    assert "1,500,000" not in body
    assert "included Bassetlaw" not in body
    assert "36 neighbourhoods" in body
    assert "29 primary care networks and 6 council areas" in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "population", "council"),
    [
        ("barnsley", "248,449", "Barnsley Metropolitan Borough Council"),
        ("doncaster", "314,176", "City of Doncaster Council"),
        ("rotherham", "271,195", "Rotherham Metropolitan Borough Council"),
        ("sheffield", "573,252", "Sheffield City Council"),
    ],
)
def test_each_place_shows_population_with_year_and_source_and_its_council(
    client, seeded, slug, population, council
):
    body = text(page(client, f"/places/{slug}/"))
    assert f"{population} people (ONS mid-year population estimate, mid-2023)" in body
    assert "Source: ONS mid-year population estimates, as published by City Population" in body
    assert council in body


@pytest.mark.django_db
def test_places_list_shows_four_places_and_bassetlaw_as_former(client, seeded):
    html = page(client, "/places/")
    current = html.split("Formerly part of the partnership")[0]
    for name in ["Barnsley", "Doncaster", "Rotherham", "Sheffield"]:
        assert f">{name}</a>" in current
    assert ">Bassetlaw</a>" not in current
    assert "Bassetlaw , now in the Nottingham and Nottinghamshire Integrated Care System" in text(
        html
    )


@pytest.mark.django_db
def test_sheffield_lists_its_neighbourhoods_and_partners(client, seeded):
    body = text(page(client, "/places/sheffield/"))
    assert "Porter Valley" in body
    assert "Sheffield Teaching Hospitals NHS Foundation Trust" in body


@pytest.mark.django_db
def test_neighbourhoods_are_grouped_by_place_with_counts(client, seeded):
    body = text(page(client, "/neighbourhoods/"))
    assert "Sheffield 16 primary care networks named" in body
    assert "Doncaster 6 primary care networks named" in body
    assert "Rotherham 6 primary care networks. Their names were not found." in body
    assert "6 council areas named: Central Dearne North North East Penistone South" in body
    # The single low-confidence "Barnsley PCN" is a count with its caveat, not a named
    # neighbourhood with a population.
    assert "1 primary care network. One third-party source names a single network" in body
    assert "(one source, not confirmed by another)" in body
    assert "sources name or count 29 primary care networks and 6 council areas" in body
    assert "against the 36 neighbourhoods the partnership states" in body
    assert "Bassetlaw Now in the Nottingham and Nottinghamshire Integrated Care System" in body


@pytest.mark.django_db
def test_journey_milestones_are_oldest_first_with_where_we_are_now(client, seeded):
    body = text(page(client, "/our-journey/"))
    order = [
        "January 2016",
        "April 2017",
        "October 2018",
        "11 February 2021",
        "April 2021 to April 2022",
        "1 July 2022",
    ]
    timeline = body.split("Timeline", 1)[1]
    positions = [timeline.index(label) for label in order]
    assert positions == sorted(positions)
    assert "Where we are now Statutory integrated care system since 1 July 2022" in body


@pytest.mark.django_db
def test_york_alliance_members_roles_and_governance(client, seeded):
    body = text(page(client, "/alliances/york-health-and-care-alliance/"))
    for member in [
        "Vale of York Clinical Commissioning Group",
        "City of York Council",
        "York and Scarborough Teaching Hospitals NHS Foundation Trust",
        "Tees, Esk and Wear Valleys NHS Foundation Trust",
        "Nimbuscare",
        "York CVS",
        "St Leonard's Hospice",
        "York Schools and Academies Board",
        "Representatives of primary care networks",
    ]:
        assert member in body
    assert "Chair: The Leader of the Council chaired the Alliance board." in body
    assert "Current stage: Formalised" in body
    assert "Proposed" in body
    assert "Shadow form" in body
    assert "from 18 March 2021" in body
    assert "from April 2021 to March 2022" in body


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
@pytest.mark.parametrize("url", ["/", "/about/"])
def test_system_pages_carry_structured_data(client, seeded, url):
    html = page(client, url)
    block = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    data = json.loads(block.group(1))
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "South Yorkshire Integrated Care System"
    assert data["description"].startswith("For everyone in South Yorkshire")


@pytest.mark.django_db
def test_closed_organisations_show_when_they_closed_and_who_took_over(client, seeded):
    body = text(page(client, "/partners/sheffield-ccg/"))
    assert "Closed on 30 June 2022" in body
    assert "NHS South Yorkshire Integrated Care Board" in body


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
def test_directory_is_paginated(client, seeded):
    first = text(page(client, "/partners/"))
    assert "Next page" in first
    second = text(page(client, "/partners/?page=2"))
    assert "Previous page" in second


@pytest.mark.django_db
def test_governance_shows_each_system_and_alliance(client, seeded):
    body = text(page(client, "/governance/"))
    assert "South Yorkshire Integrated Care System" in body
    assert "Humber and North Yorkshire Integrated Care System" in body
    assert "York Health and Care Alliance" in body
    assert "Barnsley Provider Alliance" in body


@pytest.mark.django_db
def test_machine_readable_endpoints(client, seeded):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/places/sheffield/</loc>" in sitemap
    assert "<loc>http://testserver/alliances/york-health-and-care-alliance/</loc>" in sitemap
    assert "<loc>http://testserver/sources/organisations/</loc>" in sitemap
    assert "/collaboratives/working-together/" in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    security = client.get("/.well-known/security.txt").content.decode()
    assert security.startswith("Contact: ")
    assert "Expires: " in security
