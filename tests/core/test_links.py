"""core.links: the address reverse() gives, from a cached one (slug_url with the slug put in,
named_url and the {% link %} tag for views without arguments)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.test import override_settings
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix

from core.links import named_url, slug_url

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


# The views the header, footer and page head link to by {% link %}.
NAMED = [
    "news:rss",
    "news:atom",
    "engagement:contact",
    "engagement:complaints",
    "pages:accessibility",
    "pages:cookies",
    "pages:privacy",
    "governance:index",
    "publications:list",
    "publications:freedom-of-information",
    "sources",
    "open-data",
    "sitemap",
    "search:search",
]


def test_every_link_of_the_header_and_footer_is_named_here():
    linked = set()
    for name in ("base.html", "includes/header.html", "includes/footer.html"):
        source = Path(settings.BASE_DIR, "templates", name).read_text()
        linked |= set(re.findall(r"{% link '([^']+)' %}", source))
        assert "{% url" not in source
    assert linked == set(NAMED)


@pytest.mark.parametrize("viewname", NAMED)
def test_a_named_link_is_the_address_the_url_tag_gives(viewname):
    link = Template("{% load portal %}{% link name %}").render(Context({"name": viewname}))
    url = Template("{% url name %}").render(Context({"name": viewname}))
    assert link == url == reverse(viewname)
    assert named_url(viewname) == reverse(viewname)


def test_a_named_link_keeps_the_script_prefix_and_the_urlconf():
    set_script_prefix("/portal/")
    try:
        assert named_url("sources") == "/portal/sources/" == reverse("sources")
    finally:
        clear_script_prefix()
    assert named_url("sources") == "/sources/"
    with override_settings(ROOT_URLCONF="tests.core.other_urls"), pytest.raises(NoReverseMatch):
        named_url("sources")


def test_a_view_that_needs_arguments_fails_as_reverse_fails():
    with pytest.raises(NoReverseMatch):
        named_url("places:detail")
    with pytest.raises(NoReverseMatch):
        Template("{% load portal %}{% link 'no-such-view' %}").render(Context())
