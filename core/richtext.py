"""Staff-written rich text: written in the admin's editor (django-prose-editor), stored as
HTML cleaned against one allowlist, and cleaned again when shown.

The allowlist is the whole policy: no script, style, iframe, form, image or event-handler
attribute survives, and links may only be http(s) or mailto. The editor offers exactly what
the allowlist keeps (headings, lists, links, bold, italic, quotes, tables, rules), so what a
writer sees in the editor is what readers get. Cleaning happens when a record is saved
(`RichTextField`) and again when it is rendered (`render_rich_text`), so text that reached the
database another way (a data load, an old row) cannot run in a reader's browser either.

The seed documents are written in Markdown; `markdown_to_html` turns them into the same
cleaned HTML when they are loaded (and turned the site's Markdown into HTML once, in the
migrations that brought the editor in).
"""

import markdown
import nh3
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django_prose_editor.fields import ProseEditorField
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media, Script

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "b", "i",
    "a", "blockquote", "code", "pre", "abbr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# What the editor offers: the allowlist above, as django-prose-editor's extensions.
EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener noreferrer",
)


def clean_html(html: str) -> str:
    """The HTML with everything outside the allowlist removed; "" for an empty editor."""
    cleaned = _cleaner.clean(html or "").strip()
    # The editor always holds one paragraph: an empty one is no text at all.
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned


def render_rich_text(html: str) -> SafeString:
    """Stored rich text for a page: cleaned once more, then marked safe."""
    return mark_safe(clean_html(html))  # noqa: S308 (cleaned by the allowlist)  # nosec B308 B703


def plain_text(html: str) -> str:
    """The words of stored rich text, for search and summaries."""
    return strip_tags(clean_html(html))


def markdown_to_html(text: str) -> str:
    """Markdown (the seed documents, and the site's text before the editor) as cleaned HTML."""
    html = markdown.markdown(text or "", extensions=["tables", "sane_lists"], output_format="html")
    return clean_html(html)


class RichTextWidget(AdminProseEditorWidget):
    """The admin's editor, named by its field's label for screen readers
    (static/js/admin-editor.mjs)."""

    @property
    def media(self):
        return super().media + Media(js=[Script("js/admin-editor.mjs", type="module")])


class RichTextField(ProseEditorField):
    """A text field edited with the admin's rich-text editor and cleaned on save.

    It is stored, and migrates, as a plain TextField."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EDITOR_EXTENSIONS)
        kwargs.setdefault("sanitize", clean_html)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{**kwargs, "widget": RichTextWidget})
