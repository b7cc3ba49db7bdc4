"""`format_html` for markup made once per row of a list.

Django's `format_html` escapes each argument through `conditional_escape`, which is wrapped to
accept lazy strings: the wrapper costs more than the escaping. Tags that make a fragment for
every row (a citation, a document, a date) call this instead. It escapes as Django does
(`html.escape`, quotes included) and leaves alone what is already safe (anything with
`__html__`, as `conditional_escape` does), so its output is the same.
"""

import html

from django.utils.safestring import SafeString


def escaped(value) -> str:
    """The value as HTML: its own markup when it is safe, escaped text otherwise."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def format_html(template: str, *args) -> SafeString:
    """As django.utils.html.format_html: `template` is trusted markup, `args` are escaped."""
    # Every argument escaped (or already safe) into a trusted template.
    return SafeString(template.format(*map(escaped, args)))  # nosec B703


def join_html(parts) -> SafeString:
    """Safe fragments joined (each must already be safe: made by format_html above)."""
    # Each part escaped unless it is already safe.
    return SafeString("".join(escaped(part) for part in parts))  # nosec B703
