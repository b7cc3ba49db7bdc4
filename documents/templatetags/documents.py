"""`{% load documents %}`: a document as an attachment (`{% attachment document %}`), and the
filters for its size and pages."""

from django import template
from django.utils.safestring import SafeString

from core.html import format_html, join_html
from documents.files import human_size
from documents.models import FileFormat

register = template.Library()


@register.filter
def file_size(size: int | None) -> str:
    """A size in bytes as GOV.UK shows it beside an attachment: "320 KB", "1.2 MB"."""
    return human_size(size)


@register.filter
def pages(count: int | None) -> str:
    """ "14 pages", "1 page", or "" when unknown."""
    if not count:
        return ""
    return "1 page" if count == 1 else f"{count} pages"


# A format's label, as get_file_format_display() gives it, without Django's lookup through the
# field's choices for every document of a list.
FORMAT_LABELS = dict(FileFormat.choices)


def _format(document) -> str:
    return str(FORMAT_LABELS.get(document.file_format, document.file_format))


def _alternatives(document) -> list:
    """The alternatives with_alternatives() prefetched, read without building a queryset for
    each document (as the related manager's .all() would); fetched in format order if not."""
    prefetched = getattr(document, "_prefetched_objects_cache", {}).get("alternatives")
    if prefetched is None:
        return list(document.alternatives.in_format_order())
    return list(prefetched)


def _external(document) -> SafeString:
    return SafeString("") if document.is_upload else SafeString(' rel="external"')


def _metadata(document) -> SafeString:
    """ "PDF, 1.2 MB, 14 pages" for an upload, "Web page on www.example.org" for a link."""
    if not document.is_upload:
        kind = _format(document) or "Web page"
        return format_html("{} on {}", kind, document.link_site)
    if document.file_format == "pdf":
        kind = SafeString('<abbr title="Portable Document Format">PDF</abbr>')
    else:
        kind = _format(document)  # text: format_html escapes it
    sized = format_html("{}, {}", kind, file_size(document.size_bytes))
    if document.page_count:
        return format_html("{}, {}", sized, pages(document.page_count))
    return sized


@register.simple_tag
def attachment(document) -> SafeString:
    """One document as GOV.UK shows an attachment: its title as the link, then "PDF, 1.2 MB,
    14 pages" (an upload) or "Web page on www.example.org" (a link), then its alternative
    formats, or, for an alternative, the original it is a version of.

    `document` comes from Document.objects.with_alternatives() (or a Prefetch with that
    queryset), so this runs no query. A tag, not an include: lists of papers show many, and
    an include costs a dozen template lookups for each line."""
    parts = [
        format_html(
            '<div class="app-document nhsuk-u-margin-bottom-4" data-document="{}">\n'
            '  <p class="nhsuk-body nhsuk-u-margin-bottom-1 nhsuk-u-font-weight-bold">'
            '<a href="{}"{}>{}</a></p>\n'
            '  <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">{}</p>\n',
            document.slug,
            document.get_absolute_url(),
            _external(document),
            document.title,
            _metadata(document),
        )
    ]
    original = document.alternative_of
    if original:
        parts.append(
            format_html(
                '  <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">{} <a href="{}"{}>{}</a>.</p>\n',
                document.version_of_text,
                original.get_absolute_url(),
                _external(original),
                original.title,
            )
        )
    alternatives = _alternatives(document)
    if alternatives:
        parts.append(
            SafeString(
                '  <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">Also available as:</p>\n'
                '  <ul class="nhsuk-list nhsuk-body-s nhsuk-u-margin-bottom-0">\n'
            )
        )
        parts.extend(
            format_html(
                '    <li><a href="{}"{}>{}<span class="nhsuk-u-visually-hidden"> of {}</span>'
                "</a> ({})</li>\n",
                version.get_absolute_url(),
                _external(version),
                version.version_label,
                document.title,
                _metadata(version),
            )
            for version in alternatives
        )
        parts.append(SafeString("  </ul>\n"))
    parts.append(SafeString("</div>"))
    return join_html(parts)
