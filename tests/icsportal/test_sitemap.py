"""The sitemap: an index naming each section, each section in pages of a bounded size."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.sitemaps import PortalSitemap
from tests import factories as f
from tests.helpers import sitemap_locations


def locations(response) -> list[str]:
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


@pytest.mark.django_db
def test_the_index_names_each_section_and_robots_txt_names_the_index(client):
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert index["Content-Type"] == "application/xml"
    sections = locations(index)
    assert "http://testserver/sitemap-partners.xml" in sections
    assert "http://testserver/sitemap-meetings.xml" in sections
    assert "<sitemapindex" in index.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()


@pytest.mark.django_db
def test_a_section_is_paged_and_every_address_is_on_one_page(client, monkeypatch):
    monkeypatch.setattr(PortalSitemap, "limit", 3)
    organisations = [f.make_organisation() for _ in range(7)]
    sections = locations(client.get("/sitemap.xml"))
    assert "http://testserver/sitemap-partners.xml?p=2" in sections
    assert "http://testserver/sitemap-partners.xml?p=3" in sections
    assert "http://testserver/sitemap-partners.xml?p=4" not in sections
    pages = [locations(client.get(f"/sitemap-partners.xml?p={n}")) for n in (1, 2, 3)]
    assert [len(page) for page in pages] == [3, 3, 1]
    everything = sitemap_locations(client)
    for organisation in organisations:
        assert everything.count(f"http://testserver{organisation.get_absolute_url()}") == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/sitemap-partners.xml?p=2",
        "/sitemap-partners.xml?p=0",
        "/sitemap-partners.xml?p=abc",
        "/sitemap-no-such-section.xml",
    ],
)
def test_a_page_or_section_that_does_not_exist_is_a_404(client, path):
    f.make_organisation()
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_the_index_and_a_section_cost_the_same_with_more_data(client, seeded):
    def cost(path):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        return len(queries), len(locations(response))

    before = [cost(path) for path in ("/sitemap.xml", "/sitemap-partners.xml")]
    f.grow_partnership(times=3)
    index_after, section_after = (cost(path) for path in ("/sitemap.xml", "/sitemap-partners.xml"))
    assert index_after[0] == before[0][0]
    assert section_after[0] == before[1][0]
    assert section_after[1] <= PortalSitemap.limit


@pytest.mark.django_db
def test_each_section_writes_what_django_sitemap_template_writes(client, seeded):
    """The sections' entries come from one tag (core.templatetags.portal.sitemap_urls): the
    XML is Django's own template's, white space aside, in every section."""
    from django.template.loader import render_to_string

    from icsportal.urls import sitemaps

    f.make_news_item(title="Dated", publish_at=timezone.now() - datetime.timedelta(days=1))
    for name in sitemaps:
        response = client.get(f"/sitemap-{name}.xml")
        assert response.status_code == 200, name
        django_xml = render_to_string("sitemap.xml", {"urlset": response.context["urlset"]})
        assert squeezed(response.content.decode()) == squeezed(django_xml), name


def squeezed(xml: str) -> str:
    return re.sub(r">\s+<", "><", xml.strip())
