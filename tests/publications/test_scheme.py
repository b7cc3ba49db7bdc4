"""The freedom of information page: how to ask, and the publication scheme made from what
exists, so a new publication appears in its class with no code change."""

import datetime

import pytest

from publications.models import PublicationKind
from publications.scheme import CLASS_OF_KIND, PUBLICATIONS_PER_CLASS, SCHEME
from tests import factories as f
from tests.helpers import page, text
from tests.html import parse

# Their pages are standing pages: the comms team's text, loaded as `make run` does.
pytestmark = pytest.mark.usefixtures("standing_pages")


def scheme_class(html: str, title: str) -> str:
    """The text of one class of the scheme: from its heading to the next."""
    shown = text(html)
    start = shown.index(title)
    following = [shown.find(c.title, start + 1) for c in SCHEME if c.title != title]
    ends = [end for end in following if end > start]
    return shown[start : min(ends) if ends else len(shown)]


def test_every_type_of_publication_has_a_class():
    assert set(CLASS_OF_KIND) == set(PublicationKind.values)
    assert [c.title for c in SCHEME] == [
        "Who we are and what we do",
        "What we spend and how we spend it",
        "What our priorities are and how we are doing",
        "How we make decisions",
        "Our policies and procedures",
        "Lists and registers",
        "The services we offer",
    ]


@pytest.mark.django_db
def test_a_newly_published_publication_appears_in_its_class(client):
    before = page(client, "/freedom-of-information/")
    assert "Nothing is published" in scheme_class(before, "What we spend and how we spend it")
    report = f.make_publication(title="Annual report 2025/26", kind="annual_report")
    after = page(client, "/freedom-of-information/")
    assert "Annual report 2025/26" in scheme_class(after, "What we spend and how we spend it")
    assert f'href="{report.get_absolute_url()}"' in after
    assert "See all 1 publication of type “Annual report”" in text(after)
    assert 'href="/publications/?kind=annual_report"' in after


@pytest.mark.django_db
def test_drafts_are_not_in_the_scheme(client):
    f.make_publication(title="Secret policy", kind="policy", is_published=False)
    assert "Secret policy" not in page(client, "/freedom-of-information/")


@pytest.mark.django_db
def test_each_class_shows_the_latest_few_and_links_to_all(client):
    system = f.make_system()
    start = datetime.date(2020, 1, 1)
    for n in range(PUBLICATIONS_PER_CLASS + 3):
        f.make_publication(
            system=system,
            title=f"Plan number {n}",
            kind="plan",
            published_on=start + datetime.timedelta(days=n),
        )
    f.make_publication(system=system, title="The strategy", kind="strategy")
    html = page(client, "/freedom-of-information/")
    priorities = scheme_class(html, "What our priorities are and how we are doing")
    # The latest five of the class, newest first; the older plans are behind "see all".
    assert "The strategy" in priorities
    assert "Plan number 7" in priorities
    assert "Plan number 3" not in priorities
    assert "See all 8 publications of type “Plan”" in priorities
    assert "See all 1 publication of type “Strategy”" in priorities


@pytest.mark.django_db
def test_the_scheme_links_the_sites_own_pages(client):
    tree = parse(page(client, "/freedom-of-information/"))
    hrefs = {a.attrs.get("href") for a in tree.select_one("main").select("a")}
    for url in ["/about/", "/partners/", "/governance/", "/governance/meetings/", "/places/",
                "/neighbourhoods/", "/privacy/", "/sources/"]:  # fmt: skip
        assert url in hrefs


@pytest.mark.django_db
def test_how_to_ask_names_the_icb_and_the_rights(client):
    shown = text(page(client, "/freedom-of-information/"))
    assert "ask NHS South Yorkshire Integrated Care Board" in shown
    assert "197 Eyre Street, Sheffield" in shown
    assert "Source: NHS South Yorkshire ICB, meetings and papers (one source)." in shown
    assert "no later than 20 working days" in shown
    assert "internal review" in shown
    assert "Information Commissioner's Office" in shown
    assert "Freedom of Information Act 2000" in shown
