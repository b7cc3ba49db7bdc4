"""The site search, as a visitor uses it: what it finds, in what order, what it never shows,
and that whatever is typed gives a page. Every test runs on SQLite and on PostgreSQL; the
spelling correction is PostgreSQL's only."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from partners.models import Organisation
from tests import factories as f
from tests.helpers import text
from tests.html import parse

on_postgresql = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="trigram similarity is PostgreSQL's"
)


def results(client, query: str, **params) -> list[tuple[str, str]]:
    """The (kind, title) of each result on the page, in order."""
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    tree = parse(response.content.decode())
    found = []
    for item in tree.select("li.app-search-result"):
        kind = item.select("p")[0].text.split(" · ")[0]
        found.append((kind, item.select_one("h3").text))
    return found


def titles(client, query: str, **params) -> list[str]:
    return [title for _, title in results(client, query, **params)]


@pytest.mark.django_db
def test_an_empty_search_says_what_can_be_found(client, seeded):
    response = client.get("/search/")
    assert response.status_code == 200
    page = text(response.content.decode())
    assert "What you can search for" in page
    assert "by NHS ODS code or ONS GSS code, current or former" in page
    assert "result" not in page.split("What you can search for")[1].split("Back to top")[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Sheffield", ("Place", "Sheffield")),  # the exact name before anything naming it
        ("sheffield", ("Place", "Sheffield")),
        ("RHQ", ("Partner organisation", "Sheffield Teaching Hospitals NHS Foundation Trust")),
        ("rhq", ("Partner organisation", "Sheffield Teaching Hospitals NHS Foundation Trust")),
        ("E08000016", ("Place", "Barnsley")),  # a former GSS code
        ("York Health and Care Alliance", ("Alliance", "York Health and Care Alliance")),
    ],
)
def test_the_best_match_comes_first(client, seeded, query, first):
    assert results(client, query)[0] == first


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("E08000019", "Sheffield City Council"),  # its GSS code until 31 March 2025
        ("E08000039", "Sheffield City Council"),  # its GSS code now
        ("York Teaching Hospital", "York and Scarborough Teaching Hospitals NHS Foundation Trust"),
        ("Working Together", "Working Together"),
        ("Hospital Services Review", "Hospital Services Review: final report"),
    ],
)
def test_codes_and_former_names_find_their_records(client, seeded, query, expected):
    assert expected in titles(client, query)[:5]


@pytest.mark.django_db
def test_each_result_is_labelled_with_its_kind_and_links_to_its_page(client, seeded):
    response = client.get("/search/", {"q": "Sheffield"})
    tree = parse(response.content.decode())
    kinds = {
        item.select("p")[0].text.split(" · ")[0] for item in tree.select("li.app-search-result")
    }
    assert {"Place", "Partner organisation", "Neighbourhood"} <= kinds
    link = tree.select("li.app-search-result")[0].select_one("a")
    assert link.attrs["href"] == "/places/sheffield/"
    assert client.get(link.attrs["href"]).status_code == 200


@pytest.mark.django_db(transaction=False)
def test_a_news_item_is_found_by_a_word_in_its_body_with_the_word_marked(
    client, seeded, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        item = f.make_news_item(
            title="Winter vaccinations",
            body="Clinics open in Zebrafinch and <script>alert(1)</script> Stocksbridge.",
            publish_at=timezone.now() - timedelta(hours=1),
        )
    response = client.get("/search/", {"q": "Zebrafinch"})
    html = response.content.decode()
    assert results(client, "Zebrafinch") == [("News", "Winter vaccinations")]
    assert f'href="{item.get_absolute_url()}"' in html
    assert "<mark>Zebrafinch</mark>" in html
    assert "<script>alert" not in html  # the snippet is escaped text


@pytest.mark.django_db
def test_drafts_scheduled_and_unpublished_records_are_never_found(
    client, seeded, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        f.make_news_item(title="Quokka draft")
        scheduled = f.make_news_item(
            title="Quokka scheduled", publish_at=timezone.now() + timedelta(days=1)
        )
        f.make_publication(title="Quokka withdrawn", is_published=False)
        f.make_publication(
            title="Quokka not yet", published_on=timezone.localdate() + timedelta(days=3)
        )
        f.make_news_item(title="Quokka published", publish_at=timezone.now())
        f.make_consultation(title="Quokka consultation draft", published=False)
        f.make_consultation(
            title="Quokka consultation not yet open",
            opens_at=timezone.now() + timedelta(days=1),
            closes_at=timezone.now() + timedelta(days=9),
        )
    assert titles(client, "Quokka") == ["Quokka published"]
    # Its time comes: the same index now shows it, with nothing rewritten.
    type(scheduled).objects.filter(pk=scheduled.pk).update(publish_at=timezone.now())
    assert sorted(titles(client, "Quokka")) == ["Quokka published", "Quokka scheduled"]


@pytest.mark.django_db
def test_the_index_follows_edits_and_deletions(client, seeded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = f.make_organisation(name="Wombat Health Partnership", ods_code="ZZW")
    assert titles(client, "ZZW") == ["Wombat Health Partnership"]
    with django_capture_on_commit_callbacks(execute=True):
        organisation.name = "Numbat Health Partnership"
        organisation.save()
    assert titles(client, "Wombat") == []
    assert titles(client, "Numbat") == ["Numbat Health Partnership"]
    with django_capture_on_commit_callbacks(execute=True):
        organisation.previous_identifiers.create(scheme="ods", value="ZZQ", source="Test")
    assert titles(client, "ZZQ") == ["Numbat Health Partnership"]
    with django_capture_on_commit_callbacks(execute=True):
        organisation.previous_identifiers.all().delete()
        organisation.delete()
    assert titles(client, "Numbat") == []


@pytest.mark.django_db
def test_a_publication_is_found_by_the_title_of_a_document_added_to_it(
    client, seeded, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publication = f.make_publication(title="Estates strategy")
    assert titles(client, "Kookaburra") == []
    with django_capture_on_commit_callbacks(execute=True):
        document = f.make_document(title="Kookaburra House condition survey")
        publication.document_links.create(document=document, order=1)
    assert titles(client, "Kookaburra") == ["Estates strategy"]
    with django_capture_on_commit_callbacks(execute=True):
        document.title = "Wallaby House condition survey"
        document.save()
    assert titles(client, "Kookaburra") == []
    assert titles(client, "Wallaby") == ["Estates strategy"]


@pytest.mark.django_db
def test_results_are_counted_by_kind_and_can_be_narrowed_to_one(client, seeded):
    html = client.get("/search/", {"q": "Sheffield"}).content.decode()
    counts = dict(re.findall(r">([A-Z][a-z ]+) \((\d+)\)<", html))
    total = int(counts.pop("All results"))
    assert total == sum(int(n) for n in counts.values())
    assert re.search(rf">{total} results for ‘Sheffield’<", html)
    partners = int(counts["Partner organisation"])
    narrowed = results(client, "Sheffield", kind="partner")
    assert len(narrowed) == partners
    assert {kind for kind, _ in narrowed} == {"Partner organisation"}


@pytest.mark.django_db
def test_results_are_paginated(client, seeded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(25):
            f.make_organisation(name=f"Platypus Practice {n:02}")
    first = titles(client, "Platypus")
    second = titles(client, "Platypus", page=2)
    assert len(first) == 20
    assert len(second) == 5
    assert not set(first) & set(second)
    assert client.get("/search/", {"q": "Platypus", "page": 3}).status_code == 404
    assert client.get("/search/", {"q": "Platypus", "page": "two"}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"q": "x" * 3000}, "Search for 200 characters or fewer."),
        ({"q": "Sheffield\x00"}, "Null characters are not allowed."),
        ({"q": "Sheffield", "kind": "alien"}, "Select a valid choice."),
    ],
)
def test_bad_parameters_are_a_form_error_not_a_server_error(client, seeded, params, error):
    response = client.get("/search/", params)
    assert response.status_code == 400
    html = response.content.decode()
    assert "<title>Error: Search" in html
    assert error in text(html)


@pytest.mark.django_db
def test_nothing_found_says_so_and_suggests_what_to_try(client, seeded):
    response = client.get("/search/", {"q": "zyxwvut"})
    page = text(response.content.decode())
    assert "0 results for ‘zyxwvut’" in page
    assert "checking the spelling" in page


@on_postgresql
@pytest.mark.django_db
def test_a_misspelling_finds_what_was_meant_and_says_so(client, seeded):
    response = client.get("/search/", {"q": "Sheffeild"})
    page = text(response.content.decode())
    assert "There are no results for ‘Sheffeild’. Did you mean Sheffield" in page
    assert "Showing results for ‘Sheffield’" in page
    assert titles(client, "Sheffeild")[0] == "Sheffield"
    assert titles(client, "Rotheram")[0] == "Rotherham"


@pytest.mark.django_db
def test_every_page_has_the_search_box(client, seeded):
    for url in ("/", "/places/sheffield/", "/news/", "/no-such-page/"):
        tree = parse(client.get(url).content.decode())
        form = tree.select_one("form#search")
        assert form.attrs["action"] == "/search/"
        assert tree.select_one("input#search-field").attrs["name"] == "q"


@pytest.mark.django_db
def test_a_search_page_asks_not_to_be_indexed(client, seeded):
    assert (
        '<meta name="robots" content="noindex">' in client.get("/search/?q=york").content.decode()
    )


@pytest.mark.django_db
def test_the_vendor_the_suite_runs_on_is_the_one_searched():
    """The same tests prove each database's search: this says which one this run proved."""
    from search.query import PostgresMatcher, SimpleMatcher, matcher_for

    expected = PostgresMatcher if connection.vendor == "postgresql" else SimpleMatcher
    assert type(matcher_for("x")) is expected


@pytest.mark.django_db
def test_a_consultation_is_found_open_or_closed_by_its_words_and_who_runs_it(
    client, seeded, django_capture_on_commit_callbacks
):
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        f.make_consultation(
            title="Hearing services", description="Tell us about audiology appointments."
        )
        f.make_consultation(
            title="Eye services",
            description="What you think of audiology and optometry.",
            opens_at=now - timedelta(days=60),
            closes_at=now - timedelta(days=30),
            run_by=Organisation.objects.get(slug="sheffield-teaching-hospitals"),
        )
    assert sorted(titles(client, "audiology")) == ["Eye services", "Hearing services"]
    assert titles(client, "Sheffield Teaching Hospitals audiology") == ["Eye services"]
    response = client.get("/search/", {"q": "audiology", "kind": "consultation"})
    labels = [
        item.select("p")[0].text.split(" · ")[0]
        for item in parse(response.content.decode()).select("li.app-search-result")
    ]
    assert labels == ["Consultation", "Consultation"]
