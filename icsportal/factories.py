"""Made-up partnership records, for the tests (through tests/factories.py) and `make bench`.

One factory a model, each taking overrides as keyword arguments, and `grow_partnership`, which
adds many times the seeded partnership's records. Nothing in the site imports this module.
"""

import io
import itertools
import uuid
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw

from alliances.models import Alliance, AllianceKind, Membership
from documents.models import Document
from engagement.models import Consultation
from governance.models import (
    AgendaItem,
    Body,
    BodyKind,
    BodyMember,
    DeclaredInterest,
    InterestKind,
    InterestRegister,
    Meeting,
)
from images.models import Image
from images.renditions import make_renditions
from news.models import NewsItem, Topic
from pages.models import Page
from partners.models import Organisation, OrganisationKind, PreviousIdentifier, Succession
from places import figures
from places.models import (
    IntegratedCareSystem,
    Milestone,
    Neighbourhood,
    NeighbourhoodCount,
    Place,
    PopulationEstimate,
    SystemMembership,
)
from publications.models import Publication, PublicationDocument, PublicationKind
from search import index as search_index

_seq = itertools.count(1)


def _n() -> int:
    return next(_seq)


def make_system(**overrides) -> IntegratedCareSystem:
    n = _n()
    values = {"name": f"Test System {n}", "short_name": f"TS{n}", "slug": f"test-system-{n}"}
    return IntegratedCareSystem.objects.create(**{**values, **overrides})


def make_place(**overrides) -> Place:
    n = _n()
    values = {"name": f"Test Place {n}", "slug": f"test-place-{n}"}
    if "system" not in overrides:
        values["system"] = make_system()
    return Place.objects.create(**{**values, **overrides})


def make_neighbourhood(**overrides) -> Neighbourhood:
    n = _n()
    values = {"name": f"Test Neighbourhood {n}", "slug": f"test-neighbourhood-{n}"}
    if "place" not in overrides:
        values["place"] = make_place()
    return Neighbourhood.objects.create(**{**values, **overrides})


def make_milestone(**overrides) -> Milestone:
    n = _n()
    values = {"title": f"Milestone {n}", "slug": f"milestone-{n}", "date": "2020-01-01"}
    if "system" not in overrides:
        values["system"] = make_system()
    return Milestone.objects.create(**{**values, **overrides})


def make_organisation(**overrides) -> Organisation:
    n = _n()
    values = {
        "name": f"Test Organisation {n}",
        "slug": f"test-organisation-{n}",
        "kind": OrganisationKind.OTHER,
    }
    return Organisation.objects.create(**{**values, **overrides})


def make_population_estimate(**overrides) -> PopulationEstimate:
    values = {"year": 2023, "series": "mid_year", "population": 1000, "source": "Test"}
    if "place" not in overrides:
        values["place"] = make_place()
    return PopulationEstimate.objects.create(**{**values, **overrides})


def make_alliance(**overrides) -> Alliance:
    n = _n()
    values = {
        "name": f"Test Alliance {n}",
        "slug": f"test-alliance-{n}",
        "kind": AllianceKind.PROVIDER_COLLABORATIVE,
    }
    if "system" not in overrides:
        values["system"] = make_system()
    return Alliance.objects.create(**{**values, **overrides})


def make_membership(**overrides) -> Membership:
    values = {}
    if "alliance" not in overrides:
        values["alliance"] = make_alliance()
    if "organisation" not in overrides and "represented_group" not in overrides:
        values["organisation"] = make_organisation()
    return Membership.objects.create(**{**values, **overrides})


def make_body(**overrides) -> Body:
    n = _n()
    values = {"name": f"Test Board {n}", "slug": f"test-board-{n}", "kind": BodyKind.PLACE}
    if "system" not in overrides:
        values["system"] = make_system()
    return Body.objects.create(**{**values, **overrides})


def make_body_member(**overrides) -> BodyMember:
    n = _n()
    values = {"person_name": f"Test Person {n}"}
    if "body" not in overrides:
        values["body"] = make_body()
    return BodyMember.objects.create(**{**values, **overrides})


def make_meeting(**overrides) -> Meeting:
    """An upcoming meeting a month ahead, its time not published, unless overridden."""
    n = _n()
    values = {"slug": f"meeting-{n}", "date": timezone.localdate() + timedelta(days=30)}
    if "body" not in overrides:
        values["body"] = make_body()
    return Meeting.objects.create(**{**values, **overrides})


def make_interest_register(**overrides) -> InterestRegister:
    """A register published here and reviewed today, unless overridden."""
    values = {"reviewed_on": timezone.localdate()}
    if "body" not in overrides:
        values["body"] = make_body()
    return InterestRegister.objects.create(**{**values, **overrides})


def make_declared_interest(**overrides) -> DeclaredInterest:
    n = _n()
    values = {
        "person_name": f"Test Person {n}",
        "description": f"Director of Test Company {n} Ltd.",
        "kind": InterestKind.FINANCIAL,
    }
    if "body" not in overrides:
        values["body"] = make_body()
    return DeclaredInterest.objects.create(**{**values, **overrides})


def make_topic(**overrides) -> Topic:
    n = _n()
    return Topic.objects.create(**{"name": f"Topic {n}", "slug": f"topic-{n}", **overrides})


def make_news_item(**overrides) -> NewsItem:
    """A draft unless `publish_at` is given."""
    n = _n()
    values = {
        "title": f"News item {n}",
        "slug": f"news-item-{n}",
        "summary": f"Summary of news item {n}.",
        "body": f"Body of news item {n}.",
    }
    return NewsItem.objects.create(**{**values, **overrides})


def make_consultation(**overrides) -> Consultation:
    """Published, open since yesterday and for four weeks more, taking part by survey."""
    n = _n()
    now = timezone.now()
    values = {
        "title": f"Consultation {n}",
        "slug": f"consultation-{n}",
        "summary": f"Summary of consultation {n}.",
        "description": f"What consultation {n} is about.",
        "opens_at": now - timedelta(days=1),
        "closes_at": now + timedelta(weeks=4),
        "survey_url": f"https://survey.example.org/{n}",
        "published": True,
    }
    return Consultation.objects.create(**{**values, **overrides})


def make_publication(*, documents: tuple[Document, ...] = (), **overrides) -> Publication:
    """A published report dated today, with `documents` in that order, unless overridden."""
    n = _n()
    values = {
        "title": f"Publication {n}",
        "slug": f"publication-{n}",
        "kind": PublicationKind.REPORT,
        "summary": f"Summary of publication {n}.",
        "published_on": timezone.localdate(),
        "is_published": True,
    }
    if "system" not in overrides:
        values["system"] = make_system()
    publication = Publication.objects.create(**{**values, **overrides})
    for order, document in enumerate(documents, start=1):
        PublicationDocument.objects.create(publication=publication, document=document, order=order)
    return publication


def make_image(*, size=(1600, 1000), kind="JPEG", renditions=True, **overrides) -> Image:
    """A library image: a photo-like picture (smooth shading and shapes, as a photo
    compresses), stored under a library name, with its renditions unless `renditions=False`."""
    n = _n()
    picture = PILImage.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(picture)
    width, height = size
    draw.ellipse((width // 5, height // 5, width // 2, height // 2), fill=(0, 94, 184))
    draw.rectangle((width // 2, height // 3, width * 4 // 5, height * 4 // 5), fill=(255, 184, 28))
    buffer = io.BytesIO()
    picture.save(buffer, kind, quality=90) if kind == "JPEG" else picture.save(buffer, kind)
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[kind]
    name = default_storage.save(
        f"images/{uuid.uuid4().hex}.{extension}", ContentFile(buffer.getvalue())
    )
    values = {"title": f"Image {n}", "alt_text": f"What image {n} shows.", "file": name}
    image = Image.objects.create(**{**values, **overrides})
    if renditions:
        make_renditions(image)
    return image


def make_page(**overrides) -> Page:
    """A published page under `parent` (top level if none), reviewed today."""
    n = _n()
    today = timezone.localdate()
    values = {
        "title": f"Page {n}",
        "slug": f"page-{n}",
        "summary": f"What page {n} says, in a sentence or two for lists and search results.",
        "body": f"<h2>Section {n}</h2><p>Text of page {n}.</p>",
        "last_reviewed_on": today,
        "next_review_due": today + timedelta(days=365),
        "publish_at": timezone.now() - timedelta(days=1),
    }
    return Page.objects.create(**{**values, **overrides})


EXAMPLE_SECTION = "/about/example-section/"


def make_example_pages() -> Page:
    """The pages icsportal/pages.py's `made_up` entries open: a section the comms team might
    add under the about page, with a page under it. Idempotent."""
    section = Page.objects.filter(url_path=EXAMPLE_SECTION).first()
    if section is None:
        about = Page.objects.get(key="about")
        # No figures in their words: every figure on the site must show its source.
        words = {
            "summary": "What this section of the site is about, as the comms team would write.",
            "body": "<h2>What you will find here</h2><p>The pages of this section.</p>",
        }
        section = make_page(parent=about, slug="example-section", title="Example section", **words)
        make_page(parent=section, slug="example-page", title="Example page", **words)
    return section


def grow_partnership(times: int = 10) -> None:
    """Add `times` times the seeded partnership's records of every kind the public pages show,
    linked where they show (the seeded partnership must be loaded). The query-count tests use
    ten times; `make bench` uses a hundred."""
    system = IntegratedCareSystem.objects.get(slug="south-yorkshire")
    sheffield = Place.objects.get(slug="sheffield")
    icb = Organisation.objects.get(slug="nhs-south-yorkshire-icb")
    collaborative = Alliance.objects.get(slug="working-together")
    york_alliance = Alliance.objects.get(slug="york-health-and-care-alliance")
    icb_board = Body.objects.get(slug="nhs-south-yorkshire-icb-board")
    york_board = Body.objects.get(slug="york-health-and-care-alliance-board")
    # The index and the systems' figures are written once, at the end, as the loader does:
    # not after each save.
    with search_index.deferred(), figures.deferred():
        today = timezone.localdate()
        for n in range(6 * times):
            place = make_place(system=system)
            make_population_estimate(place=place, population=1000 + n)
            SystemMembership.objects.create(place=place, system=system, source="Test")
            NeighbourhoodCount.objects.create(place=place, count=3, source="Test")
            make_neighbourhood(place=place)
            make_neighbourhood(place=sheffield)
            make_milestone(system=system)
            organisation = make_organisation(kind="nhs_trust")
            PreviousIdentifier.objects.create(
                organisation=organisation, scheme="name", value=f"Former {organisation.name}"
            )
            organisation.places.add(sheffield, place)
            Succession.objects.create(predecessor=organisation, successor=icb)
            make_membership(alliance=collaborative, organisation=organisation)
            make_membership(alliance=york_alliance, organisation=make_organisation())
            make_alliance(system=system, place=place, kind=AllianceKind.PLACE_ALLIANCE)
            make_alliance(system=system)
            # Open consultations only: the closed list stays empty, as at seed size, since an
            # empty page skips the paginator's row query (tests/engagement covers it full).
            make_consultation(run_by=organisation, closes_at=timezone.now() + timedelta(days=n + 1))
            item = make_news_item(publish_at=timezone.now() - timedelta(days=n + 1))
            item.places.add(sheffield, place)
            item.organisations.add(organisation)
            board = make_body(system=system)
            make_body_member(body=board, organisation=organisation)
            make_body_member(body=icb_board, organisation=organisation)
            make_body_member(body=york_board)
            # Seeded bodies keep their registers empty (none is seeded): an empty list skips
            # the paginator's row query, so adding rows to one would change its page's count.
            make_interest_register(body=board)
            make_declared_interest(body=board, member=board.members.first())
            for body in (board, icb_board, york_board):
                make_meeting(body=body, date=today + timedelta(days=n + 1))
                make_meeting(body=body, date=today - timedelta(days=n + 1))
            # Publications of every type, some with board and place, each with documents (one
            # with an Easy Read version), and more documents on the seeded ones.
            original = make_document()
            make_document(alternative_of=original, alternative_format="easy_read")
            make_publication(
                system=system,
                kind=PublicationKind.values[n % len(PublicationKind.values)],
                body=icb_board,
                place=sheffield,
                published_on=today - timedelta(days=n + 1),
                documents=(original, make_document()),
            )
            for seeded in Publication.objects.filter(
                slug__in=["hospital-services-review-final-report", "shaping-sheffield"]
            ):
                extra = make_document()
                make_document(alternative_of=extra, alternative_format="large_print")
                PublicationDocument.objects.create(publication=seeded, document=extra, order=10 + n)
            if n % 6 == 0:
                # The example section's list of pages is cut at its limit, however many it has.
                section = make_example_pages()
                for _ in range(6):
                    make_page(parent=section)
    search_index.rebuild()


def make_document(**overrides) -> Document:
    """An external link to a PDF (no file to store), unless a file or link is given."""
    n = _n()
    values = {"title": f"Document {n}", "slug": f"document-{n}"}
    if "file" not in overrides and "url" not in overrides:
        values.update(url=f"https://example.org/papers/document-{n}.pdf", file_format="pdf")
    return Document.objects.create(**{**values, **overrides})


def make_agenda_item(**overrides) -> AgendaItem:
    """Numbered after the meeting's last item, unless `order` is given."""
    n = _n()
    values = {"title": f"Agenda item {n}"}
    if "meeting" not in overrides:
        values["meeting"] = make_meeting()
    meeting = overrides.get("meeting", values.get("meeting"))
    if "order" not in overrides:
        values["order"] = meeting.agenda_items.count() + 1
    return AgendaItem.objects.create(**{**values, **overrides})
