"""Have your say: consultations open and close at their times, drafts never show, closed ones
stay with their outcome, and the pages cost the same however many there are."""

import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from engagement.models import Consultation
from tests.factories import make_consultation, make_organisation
from tests.helpers import sitemap_locations
from tests.html import parse

# Their pages are standing pages: the comms team's text, loaded as `make run` does.
pytestmark = pytest.mark.usefixtures("standing_pages")

LONDON = ZoneInfo("Europe/London")
ONE_SECOND = datetime.timedelta(seconds=1)
OPENS = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=LONDON)
# The day the clocks go back: 01:30 UTC is the second 01:30 UK time.
CLOSES = datetime.datetime(2026, 10, 25, 1, 30, tzinfo=datetime.UTC)


def main(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, url
    return parse(response.content.decode()).select_one("main")


def at(moment: datetime.datetime):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def where_listed(client, consultation) -> str | None:
    """ "open", "closed" or None: the list on /get-involved/ that links to it."""
    page = main(client, "/get-involved/")
    text = page.text
    if consultation.title not in text:
        return None
    position = text.index(consultation.title)
    return "closed" if position > text.index("Closed consultations") else "open"


@pytest.mark.django_db
def test_a_consultation_opens_and_closes_at_its_times(client):
    consultation = make_consultation(
        title="Urgent care in Rotherham", opens_at=OPENS, closes_at=CLOSES
    )
    url = consultation.get_absolute_url()
    with at(OPENS - ONE_SECOND):
        assert where_listed(client, consultation) is None
        assert client.get(url).status_code == 404
    with at(OPENS + ONE_SECOND):
        assert where_listed(client, consultation) == "open"
        page = main(client, url)
        assert page.select_one(".nhsuk-tag").text == "Open"
        assert "Fill in the survey" in page.text
    with at(CLOSES - ONE_SECOND):
        assert where_listed(client, consultation) == "open"
    with at(CLOSES + ONE_SECOND):
        assert where_listed(client, consultation) == "closed"
        page = main(client, url)
        assert page.select_one(".nhsuk-tag").text == "Closed"
        # Closed: no way in any more, and the outcome to come.
        assert "Fill in the survey" not in page.text
        assert "you can no longer take part" in page.text
        assert "We will publish what people told us" in page.text
        # The second 01:30 on the night the clocks go back, in UK time.
        assert "25 October 2026, 1:30am" in page.text


@pytest.mark.django_db
def test_a_draft_is_nowhere_public(client):
    draft = make_consultation(title="Not ready yet", published=False)
    assert where_listed(client, draft) is None
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert draft.status == "Draft"


@pytest.mark.django_db
def test_a_closed_consultation_shows_what_people_said_and_what_was_done(client):
    now = datetime.datetime.now(datetime.UTC)
    closed = make_consultation(
        title="Stroke services",
        opens_at=now - datetime.timedelta(days=60),
        closes_at=now - datetime.timedelta(days=30),
        you_said="Travel times worried you.",
        we_did="<p>We added a <strong>patient transport</strong> service.</p>",
    )
    page = main(client, closed.get_absolute_url())
    outcome = page.text[page.text.index("You said, we did") :]
    assert "Travel times worried you." in outcome
    assert "We added a patient transport service." in outcome
    assert page.select_one(".nhsuk-tag").text == "Closed"


@pytest.mark.django_db
def test_each_way_to_take_part_is_offered_while_open(client):
    consultation = make_consultation(
        survey_url="https://survey.example.org/stroke",
        events="<ul><li>4 March, 6pm, Barnsley Town Hall</li></ul>",
        by_contact_form=True,
        run_by=make_organisation(name="Barnsley Hospital NHS Foundation Trust"),
    )
    page = main(client, consultation.get_absolute_url())
    hrefs = [a.attrs["href"] for a in page.select("a[href]")]
    assert "https://survey.example.org/stroke" in hrefs
    assert "/contact/?topic=have_your_say" in hrefs
    assert "4 March, 6pm, Barnsley Town Hall" in page.select_one("li").text
    assert "Run by Barnsley Hospital NHS Foundation Trust" in page.text
    # The contact form it links to has the topic chosen.
    form = main(client, "/contact/?topic=have_your_say")
    (chosen,) = [radio for radio in form.select("input[type=radio]") if "checked" in radio.attrs]
    assert chosen.attrs["value"] == "have_your_say"


@pytest.mark.django_db
def test_staff_text_is_cleaned_rich_text_and_the_summary_plain_text(client):
    consultation = make_consultation(
        summary="<b>Bold</b> claims",
        description='<p>Read <a href="javascript:alert(1)">this</a></p><script>alert(1)</script>',
    )
    html = client.get(consultation.get_absolute_url()).content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; claims" in html
    assert "<script>alert" not in html
    assert "javascript:" not in html


@pytest.mark.django_db
def test_the_database_refuses_a_consultation_that_closes_before_it_opens_or_has_no_way_in():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_consultation(opens_at=CLOSES, closes_at=OPENS)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_consultation(survey_url="", events="", by_contact_form=False)
    consultation = Consultation(title="x", slug="x", summary="x", description="x")
    consultation.opens_at, consultation.closes_at = CLOSES, OPENS
    with pytest.raises(ValidationError) as refused:
        consultation.full_clean()
    assert set(refused.value.message_dict) == {"closes_at", "by_contact_form"}


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_the_pages_cost_the_same_however_many_there_are(client):
    now = datetime.datetime.now(datetime.UTC)

    def add(n: int) -> None:
        for _ in range(n):
            make_consultation(run_by=make_organisation())
            make_consultation(
                run_by=make_organisation(),
                opens_at=now - datetime.timedelta(days=90),
                closes_at=now - datetime.timedelta(days=1),
            )

    add(1)
    urls = ["/get-involved/", Consultation.objects.first().get_absolute_url()]
    before = [count_queries(client, url) for url in urls]
    add(30)
    assert [count_queries(client, url) for url in urls] == before
    page = main(client, "/get-involved/")
    # Twenty open shown, and the reader told how many there are; closed ones ten a page.
    assert "31 consultations are open. These are the 20 closing soonest." in page.text
    assert len(page.select("h3")) == 20 + 10
    assert main(client, "/get-involved/?page=4").select("h3")[-1]
    assert client.get("/get-involved/?page=5").status_code == 404
    assert client.get("/get-involved/?page=x").status_code == 404


@pytest.mark.django_db
def test_with_nothing_open_the_page_says_so_and_offers_the_contact_form(client):
    page = main(client, "/get-involved/")
    assert "There are no consultations open at the moment." in page.text
    assert "No consultations have closed yet." in page.text
    hrefs = [a.attrs["href"] for a in page.select("a[href]")]
    assert "/contact/?topic=have_your_say" in hrefs
    assert "/complaints/" in hrefs


@pytest.mark.django_db
def test_the_comms_team_writes_one_in_the_admin_and_a_bad_one_is_a_field_error(client_as):
    client = client_as("comms team")
    form = {
        "title": "Mental health services for young people",
        "slug": "young-peoples-mental-health",
        "summary": "How should services for 16 to 25 year olds change?",
        "description": "We want to hear from young people and their families.",
        "run_by": "",
        "opens_at_0": "2026-03-02",
        "opens_at_1": "09:00",
        "closes_at_0": "2026-03-01",
        "closes_at_1": "17:00",
        "survey_url": "",
        "events": "",
        "published": "on",
        "you_said": "",
        "we_did": "",
    }
    refused = client.post("/admin/engagement/consultation/add/", form)
    assert refused.status_code == 200
    errors = refused.context["adminform"].form.errors
    assert set(errors) == {"closes_at", "by_contact_form"}
    assert not Consultation.objects.exists()

    saved = client.post(
        "/admin/engagement/consultation/add/",
        {**form, "closes_at_0": "2026-04-30", "by_contact_form": "on"},
    )
    assert saved.status_code == 302
    consultation = Consultation.objects.get()
    assert consultation.opens_at == OPENS
    assert consultation.history.count() == 1
    listing = client.get("/admin/engagement/consultation/").content.decode()
    assert "Mental health services for young people" in listing
    assert consultation.status in listing


@pytest.mark.django_db
def test_the_sitemap_lists_the_pages_and_only_public_consultations(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    public = make_consultation()
    draft = make_consultation(published=False)
    sitemap = sitemap_locations(client)
    for path in ("/get-involved/", "/contact/", "/complaints/", public.get_absolute_url()):
        assert f"http://testserver{path}" in sitemap
    assert f"http://testserver{draft.get_absolute_url()}" not in sitemap


@pytest.mark.django_db
def test_the_sitemap_costs_the_same_with_one_or_many(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    make_consultation()  # an empty section is a count alone; one with rows reads them too
    pages = ["/sitemap.xml", "/sitemap-consultations.xml", "/sitemap-engagement.xml"]
    before = [count_queries(client, path) for path in pages]
    for _ in range(5):
        make_consultation()
    assert [count_queries(client, path) for path in pages] == before
