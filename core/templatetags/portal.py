"""Template helpers for the public pages."""

import datetime
import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.dates import format_date, format_period
from core.html import format_html as fast_format_html
from core.html import join_html
from core.links import named_url

register = template.Library()

# The escapes Django's json_script applies: with "<", ">" and "&" written as JSON's \u
# escapes, no "</script>" or "<!--" in the data can end or confuse the script element, and the
# JSON still parses to the same values. Kept here because Django's own table is private.
JSON_SCRIPT_ESCAPES = {
    ord(">"): "\\u003E",
    ord("<"): "\\u003C",
    ord("&"): "\\u0026",
}


@register.simple_tag(takes_context=True)
def jsonld(context, data: dict) -> str:
    """schema.org structured data as a JSON-LD block, safe inside HTML and under the CSP.

    The JSON is escaped like Django's json_script (no "</script>" can end it early). It is
    data, which the CSP does not govern, so it carries no nonce: a public page is the same for
    every visitor, as the page cache and the ETag need.
    """
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    # Escaped by the translation, as json_script escapes: reviewed, hence the nosec.
    escaped = mark_safe(payload.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308  # nosec B308 B703
    return format_html('<script type="application/ld+json">{}</script>', escaped)


@register.filter
def population(value: int | None) -> str:
    """A population with thousands separators, or "not known"."""
    return "not known" if value is None else f"{value:,}"


def uk_time(value):
    """A moment (an aware datetime) in UK time, for the day it falls on there; else as given."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


@register.filter
def long_date(value: datetime.date | None) -> str:
    """ "4 December 2026", as `|date:"j F Y"` gives (a moment on its day in UK time), for the
    rows of lists: without parsing the format for each one. "" when there is none."""
    if value is None or value == "":
        return ""
    return format_date(uk_time(value))


@register.simple_tag
def day(value: datetime.date | None) -> str:
    """A day as a <time> element: “<time datetime="2026-12-04">4 December 2026</time>”.

    A moment (an aware datetime) is shown on its day in UK time, with its exact time in the
    attribute, as `|date:"c"` and `|date:"j F Y"` would give; "" when there is none. One tag
    for what lists of news, consultations and meetings show on every row."""
    if value is None or value == "":
        return ""
    value = uk_time(value)
    return fast_format_html('<time datetime="{}">{}</time>', value.isoformat(), format_date(value))


@register.simple_tag
def link(viewname: str) -> str:
    """`{% url viewname %}` for a view that takes no arguments, from an address reversed once
    (core.links.named_url): the links every page carries in its header and footer, fifteen of
    them, cost a tenth of a plain page's time through `{% url %}`."""
    return named_url(viewname)


@register.simple_tag
def period(start: datetime.date | None, end: datetime.date | None) -> str:
    """“1 July 2022 to 30 June 2023”, “since …”, “until …”, or "" (core.dates.format_period)."""
    return format_period(start, end)


@register.simple_tag
def citation(record) -> str:
    """The one citation pattern for any sourced record (core.models.SourcedModel): the source's
    name, linked where a link exists, its date, and how sure we are, in plain English; nothing
    when the record names no source. A tag rather than an included template, since pages show
    one a row: an include costs a template render each time."""
    source = getattr(record, "source", "") or ""
    url = getattr(record, "source_url", "") or ""
    if not (source or url):
        return ""
    named = fast_format_html('<a href="{}">{}</a>', url, source or url) if url else source
    dated = fast_format_html(", {}", record.source_date_display) if record.source_date else ""
    return fast_format_html(
        '<p class="nhsuk-body-s app-citation">Source: {}{} ({}).</p>',
        named,
        dated,
        record.get_confidence_display(),
    )


@register.simple_tag
def sitemap_urls(urlset) -> str:
    """A sitemap section's <url> entries, as Django's sitemap.xml template writes them (with its
    white space taken out), in one tag: a section shows up to a hundred addresses."""
    entries = []
    for url in urlset:
        parts = [fast_format_html("<loc>{}</loc>", url["location"])]
        if lastmod := url.get("lastmod"):
            day = f"{uk_time(lastmod):%Y-%m-%d}"
            parts.append(fast_format_html("<lastmod>{}</lastmod>", day))
        if url.get("changefreq"):
            parts.append(fast_format_html("<changefreq>{}</changefreq>", url["changefreq"]))
        if url.get("priority"):
            parts.append(fast_format_html("<priority>{}</priority>", url["priority"]))
        parts.extend(
            fast_format_html(
                '<xhtml:link rel="alternate" hreflang="{}" href="{}"/>',
                alternate["lang_code"],
                alternate["location"],
            )
            for alternate in url.get("alternates") or ()
        )
        entries.append(fast_format_html("<url>{}</url>", join_html(parts)))
    return join_html(entries)
