"""Static files storage for production: whitenoise's compressed manifest, aware of ES modules.

Our script, static/js/main.mjs, imports the NHS.UK frontend module by a relative path.
Browsers cache static files for a year under their hashed names, so that import must name the
hashed file too, or a new release would run against the old NHS.UK module. Django rewrites
`import ... from "./x.js"` only when `support_js_module_import_aggregation` is on, and then
only in files matching "*.js"; the same rules are applied here to our own "js/*.mjs".

Not to every "*.mjs": the NHS.UK package also ships its sources as small ES modules importing
one another many levels deep, more than Django's five post-processing passes can settle
("Max post-process passes exceeded"). The site loads the package's single bundled module,
nhsuk/nhsuk-frontend.min.js, which imports nothing, so those sources are copied unchanged.
"""

import re

from whitenoise.storage import CompressedManifestStaticFilesStorage

# Paths are relative to STATIC_ROOT: static/js/ holds our own modules.
OUR_MODULES = "js/*.mjs"

# Django keeps its ES module rules in a private attribute
# (HashedFilesMixin._js_module_import_aggregation_patterns), so they are copied here from
# django/contrib/staticfiles/storage.py (Django 6.1), unchanged. Each rule is (pattern,
# replacement, blocks to skip): a match starting inside a comment, string or template literal
# is left alone, as Django's own _js_ignored_re arranges.
JS_IGNORED = re.compile(
    r"/\*.*?\*/"  # block comment
    r"|//[^\n]*"  # line comment
    r"|\\."  # escape sequence
    r"|'(?:[^'\\\n]|\\.)*'"  # single-quoted string
    r'|"(?:[^"\\\n]|\\.)*"'  # double-quoted string
    r"|`(?:[^`\\]|\\.)*`",  # template literal
    re.DOTALL,
)
JS_MODULE_IMPORT_RULES = (
    (
        r"""(?P<matched>import(?P<import>[\s\{][^;]*?|\*\s*as\s*\w+)"""
        r"""\s*from\s*['"](?P<url>[./].*?)["'])""",
        """import%(import)s from "%(url)s\"""",
        JS_IGNORED,
    ),
    (
        r"""(?P<matched>export(?P<exports>[\s\{][^;]*?)\s*from\s*["'](?P<url>[./].*?)["'])""",
        """export%(exports)s from "%(url)s\"""",
        JS_IGNORED,
    ),
    (
        r"""(?P<matched>import\s*['"](?P<url>[./].*?)["'])""",
        """import"%(url)s\"""",
        JS_IGNORED,
    ),
    (
        r"""(?P<matched>import\(["'](?P<url>[./].*?)["']\))""",
        """import("%(url)s")""",
        JS_IGNORED,
    ),
)


def _js_rules(patterns):
    """The substitution rules Django applies to "*.js" files, gathered into one tuple."""
    return tuple(rule for glob, rules in patterns if glob == "*.js" for rule in rules)


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Hashes, compresses and rewrites references in CSS, JS and our ES module files."""

    # Django's public switch: "*.js" files get the module import rules too.
    support_js_module_import_aggregation = True
    patterns = (
        *CompressedManifestStaticFilesStorage.patterns,
        (
            OUR_MODULES,
            (*_js_rules(CompressedManifestStaticFilesStorage.patterns), *JS_MODULE_IMPORT_RULES),
        ),
    )
