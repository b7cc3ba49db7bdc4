"""The site's own pages: the home page, the system's structured data on the home and about
pages, the machine-readable endpoints, and the server error page."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from icsportal.factories import make_organisation, make_place
from partners.models import Organisation
from places.models import IntegratedCareSystem, Place
from tests.helpers import page, sitemap_locations, text


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


def shown_partner_count(client) -> int:
    html = page(client, "/")
    figure = re.search(r'(\d+)</p>\s*<p class="nhsuk-card__description"><a [^>]*>partner org', html)
    return int(figure.group(1))


@pytest.mark.django_db
def test_home_page_counts_each_partner_working_today_once(client, seeded):
    system = IntegratedCareSystem.objects.portal()
    today = timezone.localdate()
    working = {
        organisation.pk
        for organisation in Organisation.objects.prefetch_related("places")
        if any(place.system_id == system.pk for place in organisation.places.all())
        and (organisation.active_from is None or organisation.active_from <= today)
        and (organisation.active_to is None or organisation.active_to >= today)
    }
    assert shown_partner_count(client) == len(working) > 0
    two = list(Place.objects.filter(system=system).order_by("name")[:2])
    day = datetime.timedelta(days=1)
    make_organisation().places.set(two)  # serves two places: counted once
    make_organisation(active_to=today).places.set(two[:1])  # its last day is today: counted
    make_organisation(active_to=today - day).places.set(two[:1])  # closed yesterday
    make_organisation(active_from=today + day).places.set(two[:1])  # opens tomorrow
    make_organisation().places.set([make_place()])  # works in another system
    assert shown_partner_count(client) == len(working) + 2


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
def test_machine_readable_endpoints(client, seeded):
    sitemap = sitemap_locations(client)
    assert "http://testserver/places/sheffield/" in sitemap
    assert "http://testserver/alliances/york-health-and-care-alliance/" in sitemap
    assert "http://testserver/sources/organisations/" in sitemap
    assert "http://testserver/collaboratives/working-together/" in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    security = client.get("/.well-known/security.txt").content.decode()
    assert security.startswith("Contact: ")
    assert "Expires: " in security


def test_server_errors_get_a_styled_page_that_needs_no_database(rf, db, django_assert_num_queries):
    from icsportal.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/places/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert 'class="nhsuk-header' in html
