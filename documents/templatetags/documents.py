"""`{% load documents %}`: the filters templates/documents/includes/document.html uses."""

from django import template

from documents.files import human_size

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
