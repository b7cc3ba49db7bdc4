"""The search index is derived data, rebuilt from the records: nothing to edit in the admin."""
