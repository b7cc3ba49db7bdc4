"""One document as GOV.UK shows an attachment (`{% attachment %}`, documents.templatetags),
with its alternative formats, in no queries once fetched with_alternatives()."""

import re
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from documents.files import human_size
from documents.models import Document
from tests.documents.samples import pdf_bytes
from tests.factories import make_document
from tests.html import parse

pytestmark = pytest.mark.django_db

INCLUDE = Template(
    "{% load documents %}{% for document in documents %}{% attachment document %}{% endfor %}"
)


def render(documents) -> str:
    return INCLUDE.render(Context({"documents": documents}))


def words(html: str) -> str:
    """The text as a browser shows it: inline tags removed without adding spaces."""
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


@pytest.fixture
def plan():
    """An uploaded plan with an Easy Read PDF, an Urdu translation (a link) and large print."""
    original = make_document(
        title="Joint forward plan",
        slug="joint-forward-plan",
        file=SimpleUploadedFile("plan.pdf", pdf_bytes(14)),
    )
    make_document(
        title="Joint forward plan: Easy Read",
        slug="jfp-easy-read",
        alternative_of=original,
        alternative_format="easy_read",
        file=SimpleUploadedFile("easy.pdf", pdf_bytes(1)),
    )
    make_document(
        title="Joint forward plan in Urdu",
        slug="jfp-urdu",
        alternative_of=original,
        alternative_format="language",
        language="Urdu",
        url="https://www.example.nhs.uk/jfp-urdu",
    )
    return original


def test_an_upload_shows_its_type_size_and_pages(plan):
    html = render(Document.objects.with_alternatives().filter(pk=plan.pk))
    link = parse(html).select("a")[0]
    assert link.attrs["href"] == "/documents/joint-forward-plan/download/"
    assert link.text == "Joint forward plan"
    assert f"PDF, {human_size(plan.size_bytes)}, 14 pages" in words(html)


def test_an_original_lists_its_alternatives_each_linking_to_it(plan):
    html = render(Document.objects.with_alternatives().filter(pk=plan.pk))
    items = parse(html).select("li")
    texts = [words(line) for line in html.split("<li>")[1:]]
    assert texts[0].startswith("Easy Read version of Joint forward plan (PDF, ")
    assert texts[0].endswith(", 1 page)")
    assert texts[1] == "Urdu translation of Joint forward plan (Web page on www.example.nhs.uk)"
    hrefs = [item.select_one("a").attrs["href"] for item in items]
    assert hrefs == ["/documents/jfp-easy-read/download/", "https://www.example.nhs.uk/jfp-urdu"]


def test_an_alternative_links_back_to_its_original(plan):
    html = render(Document.objects.with_alternatives().filter(slug="jfp-urdu"))
    assert "This is a translation into Urdu of Joint forward plan." in words(html)
    back = [a for a in parse(html).select("a") if a.text == "Joint forward plan"]
    assert back[0].attrs["href"] == "/documents/joint-forward-plan/download/"
    easy = render(Document.objects.with_alternatives().filter(slug="jfp-easy-read"))
    assert "This is an Easy Read version of Joint forward plan." in words(easy)


def test_a_link_says_what_it_is_and_where(db):
    make_document(
        title="Annual report", url="https://www.southyorkshire.icb.nhs.uk/ar.pdf", file_format="pdf"
    )
    make_document(title="Our board", url="https://www.example.org/board")
    text = words(render(Document.objects.with_alternatives()))
    assert "Annual report PDF on www.southyorkshire.icb.nhs.uk" in text
    assert "Our board Web page on www.example.org" in text


def test_rendering_fetched_documents_runs_no_queries(plan):
    for n in range(5):
        make_document(alternative_of=plan, alternative_format="audio", title=f"Audio {n}")
        make_document(title=f"Other {n}")
    with CaptureQueriesContext(connection) as fetching:
        documents = list(Document.objects.with_alternatives())
    with CaptureQueriesContext(connection) as rendering:
        html = render(documents)
    assert len(fetching) == 2
    assert len(rendering) == 0
    assert words(html).count("Audio version of Joint forward plan") == 5


def test_titles_are_escaped(db):
    make_document(title='<script>alert("x")</script>', url="https://www.example.org/x")
    html = render(Document.objects.with_alternatives())
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_a_document_shows_its_alternatives_even_when_they_were_not_fetched(plan):
    html = render(Document.objects.filter(pk=plan.pk))
    assert words(html) == words(render(Document.objects.with_alternatives().filter(pk=plan.pk)))
    assert "Also available as" in html


def test_every_format_of_a_link_is_named_as_its_field_labels_it():
    for value, _ in Document._meta.get_field("file_format").choices:
        document = make_document(file_format=value, url=f"https://www.example.org/{value}")
        expected = f"{document.get_file_format_display()} on www.example.org"
        assert expected in words(render([document])), value
