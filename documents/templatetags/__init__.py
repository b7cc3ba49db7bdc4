"""Template tags and filters of the documents app."""
