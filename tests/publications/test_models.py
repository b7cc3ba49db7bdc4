"""Publications: the database refuses bad rows, clean() says why in words, and the queryset
defines once what is public and how lists narrow."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from publications.models import Publication, PublicationDocument
from tests import factories as f
from tests.helpers import assert_database_refuses


@pytest.mark.django_db
@pytest.mark.parametrize(
    "bad",
    [
        {"kind": "manifesto"},
        {"published_on_precision": "week"},
        {"confidence": "sure"},
        {"source_date_precision": "hour"},
        {"title": ""},
    ],
)
def test_the_database_refuses_bad_values(bad):
    assert_database_refuses(lambda: f.make_publication(**bad))


@pytest.mark.django_db
def test_a_document_is_attached_once():
    document = f.make_document()
    publication = f.make_publication(documents=(document,))
    with pytest.raises(IntegrityError), transaction.atomic():
        PublicationDocument.objects.create(publication=publication, document=document, order=2)


@pytest.mark.django_db
def test_clean_refuses_a_place_body_or_meeting_from_elsewhere():
    board = f.make_body()
    other_board = f.make_body(system=board.system)
    publication = Publication(
        title="Papers",
        slug="papers",
        kind="board_papers",
        summary="Papers.",
        system=board.system,
        place=f.make_place(),  # in another system
        body=f.make_body(),  # in another system
        meeting=f.make_meeting(body=other_board),
    )
    with pytest.raises(ValidationError) as raised:
        publication.full_clean()
    assert set(raised.value.message_dict) >= {"place", "body"}
    publication.place, publication.body = None, board
    with pytest.raises(ValidationError, match="chosen board or committee"):
        publication.full_clean()
    publication.meeting = f.make_meeting(body=board)
    publication.full_clean()


@pytest.mark.django_db
def test_an_alternative_format_is_not_attached_on_its_own():
    original = f.make_document()
    easy_read = f.make_document(alternative_of=original, alternative_format="easy_read")
    link = PublicationDocument(publication=f.make_publication(), document=easy_read)
    with pytest.raises(ValidationError, match="Attach the original"):
        link.full_clean()


@pytest.mark.django_db
def test_published_means_marked_published_and_its_day_has_come():
    today = datetime.date(2026, 6, 1)
    system = f.make_system()
    f.make_publication(system=system, slug="draft", is_published=False, published_on=None)
    f.make_publication(system=system, slug="undated", published_on=None)
    f.make_publication(system=system, slug="today", published_on=today)
    f.make_publication(system=system, slug="ahead", published_on=datetime.date(2026, 6, 2))
    public = sorted(p.slug for p in Publication.objects.published(today))
    assert public == ["today", "undated"]
    assert [p.is_public(today) for p in Publication.objects.order_by("slug")] == [
        False,
        False,
        True,
        True,
    ]


@pytest.mark.django_db
def test_matching_narrows_by_kind_body_and_year():
    board = f.make_body()
    system = board.system
    f.make_publication(system=system, slug="a", kind="plan", body=board,
                       published_on=datetime.date(2024, 1, 1))  # fmt: skip
    f.make_publication(system=system, slug="b", kind="plan", published_on=datetime.date(2023, 1, 1))
    f.make_publication(system=system, slug="c", kind="policy", body=board,
                       published_on=datetime.date(2024, 5, 1))  # fmt: skip

    def slugs(queryset):
        return sorted(p.slug for p in queryset)

    assert slugs(Publication.objects.matching(kind="plan")) == ["a", "b"]
    assert slugs(Publication.objects.matching(body=board)) == ["a", "c"]
    assert slugs(Publication.objects.matching(year=2024)) == ["a", "c"]
    assert slugs(Publication.objects.matching(kind="plan", body=board, year=2024)) == ["a"]
    assert slugs(Publication.objects.matching()) == ["a", "b", "c"]


@pytest.mark.django_db
def test_date_shown_as_precisely_as_known():
    publication = f.make_publication(
        published_on=datetime.date(2020, 3, 1), published_on_precision="month"
    )
    assert publication.date_display == "March 2020"
    assert publication.date_iso == "2020-03"
    assert str(publication) == publication.title
    assert publication.get_absolute_url() == f"/publications/{publication.slug}/"
