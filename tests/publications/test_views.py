"""The publications pages as a visitor sees them: the list (newest first, filters, bad values,
pagination), a publication with its documents (twenty a page) and their alternative formats
linked both ways, content written in the admin rendered safely, and constant query counts."""

import datetime

import pytest

from publications.models import PublicationKind
from tests import factories as f
from tests.helpers import page, text
from tests.helpers import walk_pages as walk
from tests.html import parse
from tests.icsportal.test_pages import count_queries

# Their pages are standing pages: the comms team's text, loaded as `make run` does.
pytestmark = pytest.mark.usefixtures("standing_pages")


def day(text_date: str) -> datetime.date:
    return datetime.date.fromisoformat(text_date)


@pytest.mark.django_db
def test_list_is_newest_first_with_undated_last(client):
    system = f.make_system()
    for slug, published_on in [
        ("older", day("2019-05-01")),
        ("undated", None),
        ("newest", day("2024-02-01")),
        ("middle", day("2021-07-01")),
    ]:
        f.make_publication(system=system, slug=slug, published_on=published_on)
    html = page(client, "/publications/")
    positions = [
        html.index(f'href="/publications/{slug}/"')
        for slug in ["newest", "middle", "older", "undated"]
    ]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_drafts_and_publications_dated_ahead_are_not_public(client):
    f.make_publication(slug="draft", is_published=False)
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    f.make_publication(slug="tomorrow", published_on=tomorrow)
    f.make_publication(slug="today")
    html = page(client, "/publications/")
    assert "/publications/today/" in html
    assert "/publications/draft/" not in html
    assert "/publications/tomorrow/" not in html
    assert client.get("/publications/draft/").status_code == 404
    assert client.get("/publications/tomorrow/").status_code == 404


@pytest.mark.django_db
def test_filter_by_type_body_and_year(client):
    board = f.make_body(slug="the-board")
    system = board.system
    f.make_publication(
        system=system,
        slug="papers-2024",
        kind="board_papers",
        body=board,
        published_on=day("2024-03-01"),
    )
    f.make_publication(
        system=system,
        slug="papers-2023",
        kind="board_papers",
        body=board,
        published_on=day("2023-03-01"),
    )
    f.make_publication(system=system, slug="plan-2024", kind="plan", published_on=day("2024-01-01"))
    html = page(client, "/publications/?kind=board_papers&body=the-board&year=2024")
    assert "/publications/papers-2024/" in html
    assert "/publications/papers-2023/" not in html
    assert "/publications/plan-2024/" not in html
    plans = page(client, "/publications/?kind=plan")
    assert "/publications/plan-2024/" in plans
    assert "/publications/papers-2024/" not in plans


@pytest.mark.django_db
def test_the_year_filter_offers_each_year_with_a_publication_newest_first(client):
    system = f.make_system()
    for slug, published_on in [
        ("a", day("2019-12-31")),
        ("b", day("2021-01-01")),
        ("c", day("2021-06-30")),
        ("d", None),
    ]:
        f.make_publication(system=system, slug=slug, published_on=published_on)
    f.make_publication(system=system, slug="e", published_on=day("2018-05-05"), is_published=False)
    options = parse(page(client, "/publications/")).select_one("#id_year").select("option")
    assert [option.text for option in options] == ["Any year", "2021", "2019"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["kind=manifesto", "body=no-such-body", "year=1066", "year=twenty", "year=2024.5", "kind=PLAN"],
)
def test_bad_filter_values_are_a_form_error_not_a_server_error(client, query):
    f.make_publication(published_on=day("2024-01-01"))
    response = client.get(f"/publications/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "<title>Error:" in html
    assert "nhsuk-error-summary" in html


@pytest.mark.django_db
def test_list_is_paginated_by_twenty(client):
    system = f.make_system()
    for n in range(25):
        f.make_publication(system=system, published_on=day("2020-01-01") + datetime.timedelta(n))
    first = parse(page(client, "/publications/"))
    assert "25 publications" in first.select_one("#results").text
    assert len(first.select_one("main").select("h3")) == 20
    second = parse(page(client, "/publications/?page=2"))
    assert len(second.select_one("main").select("h3")) == 5
    assert client.get("/publications/?page=3").status_code == 404


@pytest.mark.django_db
def test_publication_page_shows_its_facts_and_links(client):
    board = f.make_body(name="Test Board")
    place = f.make_place(system=board.system, name="Testplace")
    meeting = f.make_meeting(body=board, date=day("2025-01-08"))
    publication = f.make_publication(
        title="Winter plan",
        kind=PublicationKind.BOARD_PAPERS,
        system=board.system,
        place=place,
        body=board,
        meeting=meeting,
        published_on=day("2025-01-01"),
        period="2025 to 2026",
        summary="What the board considered.",
        source="Test Board papers",
        documents=(f.make_document(title="The papers"),),
    )
    html = page(client, publication.get_absolute_url())
    shown = text(html)
    assert "Board papers" in shown
    assert "1 January 2025" in shown
    assert "2025 to 2026" in shown
    assert "What the board considered." in shown
    assert f'href="{board.get_absolute_url()}"' in html
    assert f'href="{place.get_absolute_url()}"' in html
    assert f'href="{meeting.get_absolute_url()}"' in html
    assert f'href="{board.system.get_absolute_url()}"' in html
    assert "Source: Test Board papers" in shown


@pytest.mark.django_db
def test_documents_in_order_with_their_type_and_alternatives_linked_both_ways(client):
    report = f.make_document(
        title="Annual report",
        slug="annual-report",
        url="https://example.org/report.pdf",
        file_format="pdf",
    )
    easy_read = f.make_document(
        title="Annual report, Easy Read",
        url="https://example.org/easy.pdf",
        file_format="pdf",
        alternative_of=report,
        alternative_format="easy_read",
    )
    urdu = f.make_document(
        title="Annual report in Urdu",
        url="https://example.org/urdu.pdf",
        file_format="pdf",
        alternative_of=report,
        alternative_format="language",
        language="Urdu",
    )
    summary = f.make_document(title="Summary", slug="summary")
    # A version listed on its own says what it is a version of, and links there.
    publication = f.make_publication(documents=(summary, report, easy_read))
    tree = parse(page(client, publication.get_absolute_url()))
    blocks = tree.select_one("main").select("[data-document]")
    assert [b.attrs["data-document"] for b in blocks] == [
        "summary",
        "annual-report",
        easy_read.slug,
    ]
    original = blocks[1]
    assert "PDF on example.org" in " ".join(original.text.split())
    # The original links to each version, and each version links back to the original.
    links = {
        a.attrs["href"]: " ".join(a.text.split())
        for li in original.select("li")
        for a in li.select("a")
    }
    assert links[easy_read.url] == "Easy Read version of Annual report"
    assert links[urdu.url] == "Urdu translation of Annual report"
    version = blocks[2]
    assert "This is an Easy Read version of Annual report" in " ".join(version.text.split())
    assert report.url in [a.attrs["href"] for a in version.select("a")]


@pytest.mark.django_db
def test_content_written_in_the_admin_is_shown_and_cleaned(client):
    publication = f.make_publication(
        content='<h2>Our aims</h2><p>Better care.</p><script>alert("x")</script>'
        '<a href="javascript:alert(1)" onclick="x()">click</a>',
    )
    html = page(client, publication.get_absolute_url())
    main = html[html.index("<main") :]
    assert "<h2>Our aims</h2>" in main
    assert "Better care." in main
    assert "<script>alert" not in main
    assert "javascript:" not in main
    assert "onclick" not in main


@pytest.mark.django_db
def test_pages_run_a_constant_number_of_queries(client):
    board = f.make_body()
    system = board.system

    def add(n: int):
        for _ in range(n):
            original = f.make_document()
            f.make_document(alternative_of=original, alternative_format="easy_read")
            f.make_publication(
                system=system, body=board, kind="plan", documents=(original, f.make_document())
            )

    target = f.make_publication(system=system, documents=(f.make_document(),))
    urls = [
        "/publications/",
        "/publications/?kind=plan",
        target.get_absolute_url(),
        "/freedom-of-information/",
    ]
    add(1)
    before = {url: count_queries(client, url) for url in urls}
    add(12)
    for _ in range(5):
        extra = f.make_document()
        f.make_document(alternative_of=extra, alternative_format="large_print")
        target.document_links.create(document=extra, order=5)
    after = {url: count_queries(client, url) for url in urls}
    assert after == before
    assert max(before.values()) <= 6


# A publication's documents come twenty a page, so its page costs the same however many it
# has; every document is on some page, in order, each with its alternative formats.


def shown_documents(tree) -> list[str]:
    return [block.attrs["data-document"] for block in tree.select("[data-document]")]


@pytest.mark.django_db
def test_a_publications_documents_come_twenty_a_page_and_every_one_in_order(client):
    documents = [f.make_document(title=f"Part {n}", slug=f"part-{n:02d}") for n in range(45)]
    large_print = f.make_document(alternative_of=documents[30], alternative_format="large_print")
    publication = f.make_publication(title="Big report", documents=tuple(documents))
    pages = walk(client, publication.get_absolute_url())
    shown = [shown_documents(tree) for tree in pages]
    assert [len(slugs) for slugs in shown] == [20, 20, 5]
    assert [slug for slugs in shown for slug in slugs] == [d.slug for d in documents]
    # An alternative format is shown with its original, on the original's page.
    assert large_print.url in [a.attrs["href"] for a in pages[1].select("a[href]")]
    first_next = pages[0].select_one("a.nhsuk-pagination__link--next")
    assert first_next.attrs["href"] == "?page=2"
    assert "Page 2 of 3" in first_next.text
    assert "Showing 41 to 45 of 45 documents" in pages[2].text
    assert "(documents, page 3 of 3)" in pages[2].select("title")[0].text
    # Each page still says what the publication is.
    assert "Summary of publication" in pages[2].text


@pytest.mark.django_db
def test_a_publication_with_few_documents_has_no_pagination(client):
    documents = tuple(f.make_document() for _ in range(20))
    tree = parse(page(client, f.make_publication(documents=documents).get_absolute_url()))
    assert len(shown_documents(tree)) == 20
    assert tree.select("nav.nhsuk-pagination") == []


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?page=abc", "?page=0", "?page=-1", "?page=4"])
def test_bad_document_page_numbers_are_not_found(client, query):
    documents = tuple(f.make_document() for _ in range(45))
    publication = f.make_publication(documents=documents)
    assert client.get(publication.get_absolute_url() + query).status_code == 404


@pytest.mark.django_db
def test_a_later_page_of_documents_runs_the_same_queries_however_many(client):
    publication = f.make_publication(documents=tuple(f.make_document() for _ in range(25)))
    url = publication.get_absolute_url() + "?page=2"

    def grow_and_count() -> int:
        for n in range(25):
            extra = f.make_document()
            f.make_document(alternative_of=extra, alternative_format="easy_read")
            publication.document_links.create(document=extra, order=100 + n)
        return count_queries(client, url)

    assert grow_and_count() == grow_and_count()
