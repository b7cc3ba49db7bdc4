"""The places admin: neighbourhoods outside the stated population range flagged, and a
place's neighbourhoods on its page."""

import pytest
from django.urls import reverse

from tests.factories import make_neighbourhood
from tests.helpers import change_url


@pytest.mark.django_db
def test_neighbourhoods_outside_the_stated_range_are_flagged(client_as):
    small = make_neighbourhood(name="Tiny", population=12_000)
    make_neighbourhood(name="Typical", population=40_000, place=small.place)
    url = reverse("admin:places_neighbourhood_changelist")

    flagged = client_as("superuser").get(url, {"population": "outside"}).content.decode()
    assert "Tiny" in flagged
    assert "Typical" not in flagged
    assert "outside 30,000–50,000" in flagged


@pytest.mark.django_db
def test_inline_neighbourhoods_on_the_place_page(client_as):
    neighbourhood = make_neighbourhood(name="Peak Edge Test")
    page = client_as("superuser").get(change_url(neighbourhood.place)).content.decode()
    assert "Peak Edge Test" in page
