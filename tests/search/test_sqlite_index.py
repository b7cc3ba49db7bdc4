"""SQLite's trigram index of the search entries (search migration 0004): it follows every
write to the entries through its triggers, and a search finds a word through it as the LIKE
scan it replaced did, as a substring in any letter case."""

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from search import index as search_index
from search.index import visible
from search.models import Entry
from search.query import SimpleMatcher
from tests import factories as f

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif("connection.vendor != 'sqlite'", reason="PostgreSQL has its GIN index"),
]


def integrity_check() -> None:
    """FTS5 compares its index with the entries' table, and raises if they differ."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO search_entry_trigram(search_entry_trigram, rank) "
            "VALUES ('integrity-check', 1)"
        )


def found(text: str) -> set[str]:
    return set(SimpleMatcher(text).entries().values_list("title", flat=True))


def test_the_index_holds_what_the_entries_hold_after_writes_edits_and_deletions(
    seeded, django_capture_on_commit_callbacks
):
    assert Entry.objects.exists()
    integrity_check()
    with django_capture_on_commit_callbacks(execute=True):
        organisation = f.make_organisation(name="Quokka Care Trust", ods_code="ZQK")
    integrity_check()
    assert found("quokka") == {"Quokka Care Trust"}
    with django_capture_on_commit_callbacks(execute=True):
        organisation.name = "Bilby Care Trust"
        organisation.save()
    integrity_check()
    assert found("quokka") == set()
    assert found("bilby") == {"Bilby Care Trust"}
    with django_capture_on_commit_callbacks(execute=True):
        organisation.delete()
    integrity_check()
    assert found("bilby") == set()
    search_index.rebuild()
    integrity_check()


def test_a_word_is_found_as_a_substring_in_any_case_in_any_field(seeded):
    # What the LIKE scan the index replaced found: the word in any field, in any case.
    like = Entry.objects.filter(
        visible(),
        Q(title__icontains="effiel")
        | Q(codes__icontains="effiel")
        | Q(other_names__icontains="effiel")
        | Q(text__icontains="effiel"),
    )
    assert like.count() > 1
    assert found("EFFIEL") == set(like.values_list("title", flat=True))
    # Every word must appear, each in any of the fields.
    both = found("sheffield council")
    assert both
    assert both == found("council sheffield")
    assert both < found("sheffield")


def test_a_long_word_is_looked_up_in_the_index_and_a_short_one_is_matched(seeded):
    with CaptureQueriesContext(connection) as queries:
        assert found("sheffield")
    assert "search_entry_trigram" in queries[0]["sql"]
    assert "LIKE" not in queries[0]["sql"]
    # Two letters are fewer than a trigram: matched among what the index found.
    with CaptureQueriesContext(connection) as queries:
        narrowed = found("sheffield of")
    assert "search_entry_trigram" in queries[0]["sql"]
    assert "LIKE" in queries[0]["sql"]
    assert narrowed <= found("sheffield")
    assert found("zq") == set()
