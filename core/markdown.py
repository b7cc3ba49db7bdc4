"""Markdown to safe HTML: rendered with Python-Markdown, then cleaned with an allowlist (nh3).

The allowlist is the whole policy: no script, style, iframe, form or event-handler attribute
survives, and links may only be http(s) or mailto. Raw HTML in the Markdown is cleaned the
same way, so whatever staff paste cannot run in a reader's browser.

News items and publications written in the admin both go through it: one policy for every
piece of staff-written rich text.
"""

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "b", "i",
    "a", "blockquote", "code", "pre", "abbr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str) -> SafeString:
    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 (cleaned by the allowlist above)  # nosec B308 B703
