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

from django.contrib.staticfiles.storage import HashedFilesMixin
from whitenoise.storage import CompressedManifestStaticFilesStorage

# Paths are relative to STATIC_ROOT: static/js/ holds our own modules.
OUR_MODULES = "js/*.mjs"


def _js_rules(patterns):
    """The substitution rules Django applies to "*.js" files, gathered into one tuple."""
    return tuple(rule for glob, rules in patterns if glob == "*.js" for rule in rules)


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Hashes, compresses and rewrites references in CSS, JS and our ES module files."""

    support_js_module_import_aggregation = True
    patterns = (
        *CompressedManifestStaticFilesStorage.patterns,
        (
            OUR_MODULES,
            _js_rules(
                (
                    *CompressedManifestStaticFilesStorage.patterns,
                    HashedFilesMixin._js_module_import_aggregation_patterns,
                )
            ),
        ),
    )
