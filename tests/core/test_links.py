"""core.links.slug_url: the address reverse() gives, from a cached one with the slug put in."""

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix

from core.links import slug_url

VIEWS = [
    "places:detail",
    "places:system-journey",
    "partners:detail",
    "alliances:detail",
    "alliances:collaborative-detail",
    "governance:body",
    "governance:meeting",
    "governance:interests",
    "publications:detail",
    "news:detail",
    "engagement:consultation",
    "documents:download",
]


@pytest.mark.parametrize("viewname", VIEWS)
@pytest.mark.parametrize("slug", ["sheffield", "nhs-south-yorkshire-icb", "a_b-2", "x"])
def test_the_address_is_the_one_reverse_gives(viewname, slug):
    assert slug_url(viewname, slug) == reverse(viewname, kwargs={"slug": slug})


def test_the_script_prefix_of_the_request_is_kept():
    set_script_prefix("/portal/")
    try:
        assert slug_url("places:detail", "york") == "/portal/places/york/"
        assert slug_url("places:detail", "york") == reverse("places:detail", args=["york"])
    finally:
        clear_script_prefix()
    assert slug_url("places:detail", "york") == "/places/york/"


@override_settings(ROOT_URLCONF="tests.core.other_urls")
def test_another_urlconf_gives_its_own_address():
    assert slug_url("places:detail", "york") == "/elsewhere/york/"


@pytest.mark.parametrize("slug", ["", "two words", "../admin", "naïve", "a/b"])
def test_what_is_not_a_slug_fails_as_reverse_fails(slug):
    with pytest.raises(NoReverseMatch):
        reverse("places:detail", kwargs={"slug": slug})
    with pytest.raises(NoReverseMatch):
        slug_url("places:detail", slug)
