"""The index itself: the loader fills it, a rebuild mends it and changes nothing when nothing
changed, and what it shows is what each app says is public."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from engagement.models import Consultation
from news.models import NewsItem
from publications.models import Publication
from search import index
from search.models import Entry, Kind
from tests import factories as f


@pytest.mark.django_db
def test_the_loader_indexes_every_kind_of_record(seeded):
    # Every kind but consultations: none is seeded, as none is sourced.
    assert set(Entry.objects.values_list("kind", flat=True)) == set(Kind.values) - {
        Kind.CONSULTATION
    }
    # With one, a rebuild holds every kind there is.
    f.make_consultation()
    index.rebuild()
    assert set(Entry.objects.values_list("kind", flat=True)) == set(Kind.values)
    for source in index.SOURCES:
        assert Entry.objects.filter(source=source.label).count() == source.model.objects.count()


@pytest.mark.django_db
def test_a_rebuild_that_finds_nothing_changed_changes_nothing(seeded):
    before = list(Entry.objects.order_by("pk").values_list("pk", "source", "object_id", "title"))
    call_command("rebuild_search_index", verbosity=0)
    after = list(Entry.objects.order_by("pk").values_list("pk", "source", "object_id", "title"))
    assert after == before


@pytest.mark.django_db
def test_a_rebuild_mends_what_bulk_updates_left_behind(seeded, capsys):
    organisation = f.make_organisation(name="Echidna Care")  # its entry waits for a commit
    Entry.objects.filter(source="partners.organisation").first().delete()
    Entry.objects.create(source="gone.model", object_id=1, kind=Kind.NEWS, title="Gone", url="/")
    call_command("rebuild_search_index", "--dry-run")
    assert "would write" in capsys.readouterr().out
    assert not Entry.objects.filter(object_id=organisation.pk, title="Echidna Care").exists()
    call_command("rebuild_search_index")
    assert "wrote" in capsys.readouterr().out
    assert Entry.objects.filter(object_id=organisation.pk, title="Echidna Care").exists()
    assert not Entry.objects.filter(source="gone.model").exists()
    assert Entry.objects.filter(source="partners.organisation").count() == (
        type(organisation).objects.count()
    )


@pytest.mark.django_db
def test_what_the_search_may_show_is_what_each_app_calls_public(seeded):
    now = timezone.now()
    f.make_news_item()  # draft
    f.make_news_item(publish_at=now + timedelta(days=1))
    f.make_news_item(publish_at=now - timedelta(days=1))
    f.make_publication(is_published=False)
    f.make_publication(published_on=timezone.localdate() + timedelta(days=1))
    f.make_consultation(published=False)
    f.make_consultation(opens_at=now + timedelta(days=1), closes_at=now + timedelta(days=9))
    f.make_consultation()
    index.rebuild()
    shown = Entry.objects.filter(index.visible())
    for model, public in (
        (NewsItem, NewsItem.objects.published()),
        (Publication, Publication.objects.published()),
        (Consultation, Consultation.objects.public()),
    ):
        label = model._meta.label_lower
        assert set(shown.filter(source=label).values_list("object_id", flat=True)) == set(
            public.values_list("pk", flat=True)
        )
        assert Entry.objects.filter(source=label).count() > public.count()


@pytest.mark.django_db
def test_the_database_refuses_two_entries_for_one_record_or_an_unknown_kind(seeded):
    from tests.helpers import assert_database_refuses

    entry = Entry.objects.first()
    assert_database_refuses(
        lambda: Entry.objects.create(
            source=entry.source, object_id=entry.object_id, kind=entry.kind, title="x", url="/"
        )
    )
    assert_database_refuses(
        lambda: Entry.objects.create(source="x.y", object_id=1, kind="alien", title="x", url="/")
    )
