"""Partners: the organisations that make up the partnership."""
