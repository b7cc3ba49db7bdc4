"""Site search: one index of every public record, composed from the apps on the top floor.

No app imports this one: it asks each app's models and querysets for their part (what a
record says, and what the public may see) and keeps the index up to date as records change.
"""
