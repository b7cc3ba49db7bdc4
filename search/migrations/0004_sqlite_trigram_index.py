"""On SQLite, a full-text index of the entries' searched text (FTS5 with its trigram
tokenizer, SQLite 3.34 or later), kept in step by triggers: a word of three or more letters is
found through it as a substring of a title, code, other name or text, as a LIKE scan of every
entry found it before, so a search costs the same at any size. PostgreSQL has its GIN index.

If a later migration rebuilds the search_entry table on SQLite (as altering a field does), its
triggers go with the old table: that migration must run these statements again. The search
tests save an entry and search for it, so a lost trigger fails them."""

from django.db import migrations

from core.migration_operations import RunSQLOnSQLite

ADD = (
    "INSERT INTO search_entry_trigram(rowid, title, codes, other_names, text) "
    "VALUES (new.id, new.title, new.codes, new.other_names, new.text);"
)
REMOVE = (
    "INSERT INTO search_entry_trigram(search_entry_trigram, rowid, title, codes, other_names, "
    "text) VALUES ('delete', old.id, old.title, old.codes, old.other_names, old.text);"
)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_search_pages"),
    ]

    operations = [
        RunSQLOnSQLite(
            [
                "CREATE VIRTUAL TABLE search_entry_trigram USING fts5("
                "title, codes, other_names, text, "
                "content='search_entry', content_rowid='id', tokenize='trigram')",
                "CREATE TRIGGER search_entry_trigram_insert AFTER INSERT ON search_entry BEGIN "
                + ADD
                + " END",
                "CREATE TRIGGER search_entry_trigram_delete AFTER DELETE ON search_entry BEGIN "
                + REMOVE
                + " END",
                "CREATE TRIGGER search_entry_trigram_update AFTER UPDATE ON search_entry BEGIN "
                + REMOVE
                + ADD
                + " END",
                "INSERT INTO search_entry_trigram(search_entry_trigram) VALUES ('rebuild')",
            ],
            [
                "DROP TRIGGER search_entry_trigram_update",
                "DROP TRIGGER search_entry_trigram_delete",
                "DROP TRIGGER search_entry_trigram_insert",
                "DROP TABLE search_entry_trigram",
            ],
        ),
    ]
