"""Open data: the partnership's records as a read-only, versioned API (JSON and CSV) with its
OpenAPI schema, and the /open-data/ page that explains each data set to people.

On the top floor: it reads each app's models and querysets, and no app imports it.
"""
