"""Links to records by slug, cheaply enough to make one per row of a list.

`reverse()` walks the URL resolver on every call (about 40 µs): on a list of 20 rows, each
linking to its record, that was a tenth of the page's time. The address of a record by slug
differs only in the slug, so `slug_url()` reverses each view once (per URLconf and script
prefix) with a placeholder and puts the slug in its place; `named_url()` reverses a view
that takes no arguments once (per URLconf and script prefix), for the links every page
carries in its header and footer (the `{% link %}` tag).
"""

import functools
import re

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

# What a SlugField holds (without allow_unicode): it needs no quoting in a path.
SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")
PLACEHOLDER = "slug-placeholder-5f0c"


@functools.lru_cache(maxsize=256)
def _address_of(viewname: str, urlconf: str | None, prefix: str) -> str:
    address = reverse(viewname, urlconf=urlconf, kwargs={"slug": PLACEHOLDER})
    if address.count(PLACEHOLDER) != 1:
        raise ValueError(f"{viewname} does not take the slug once in its path")
    return address


def slug_url(viewname: str, slug: str) -> str:
    """What `reverse(viewname, kwargs={"slug": slug})` gives, from a cached address."""
    if not SLUG.match(slug):
        return reverse(viewname, kwargs={"slug": slug})  # raises NoReverseMatch as it would
    address = _address_of(viewname, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
    return address.replace(PLACEHOLDER, slug)


@functools.lru_cache(maxsize=256)
def _address_of_view(viewname: str, urlconf: str | None, prefix: str) -> str:
    return reverse(viewname, urlconf=urlconf)


def named_url(viewname: str) -> str:
    """What `reverse(viewname)` gives for a view that takes no arguments, cached; raises
    NoReverseMatch as it would (and nothing failed is cached)."""
    return _address_of_view(viewname, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
