"""Staff admin for documents: uploads checked by content, links with their source, and each
original's alternative formats (Easy Read, large print, audio, BSL, translations) inline.

The Governance team keeps documents (documents/migrations/0003_governance_team.py); other
apps' admins choose documents through this admin's autocomplete, hence its search fields.
"""

from django import forms
from django.contrib import admin
from django.utils.html import format_html

from core.admin import PortalAdmin, confidence_column
from core.models import CITATION_FIELDS
from documents.files import human_size
from documents.models import Document


class AlternativeForm(forms.ModelForm):
    def _get_validation_exclusions(self):
        # Versions added together with their original point at it before it is saved, so
        # the form cannot test the database's checks on `alternative_of` (Django would see
        # no original). The model's clean() has checked the same rules with the unsaved
        # original, and the database checks them again on save.
        return super()._get_validation_exclusions() | {"alternative_of"}


class AlternativeInline(admin.StackedInline):
    """The alternative formats of an original, added and changed on the original's page."""

    model = Document
    form = AlternativeForm
    fk_name = "alternative_of"
    extra = 0
    verbose_name = "alternative format"
    verbose_name_plural = "alternative formats (Easy Read, large print, audio, BSL, translations)"
    fields = [
        "alternative_format",
        "language",
        "title",
        "slug",
        "file",
        "url",
        "file_format",
        "published_on",
    ]
    prepopulated_fields = {"slug": ["title"]}
    show_change_link = True


@admin.register(Document)
class DocumentAdmin(PortalAdmin):
    list_display = [
        "title",
        "file_format",
        "size",
        "page_count",
        "published_on",
        "alternative_of",
        confidence_column,
    ]
    list_filter = ["file_format", "alternative_format", "published_on", "confidence"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["alternative_of"]
    list_select_related = ["alternative_of"]
    date_hierarchy = "published_on"
    readonly_fields = ["size", "page_count", "download"]
    inlines = [AlternativeInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "published_on", "published_on_precision"]}),
        (
            "The document: upload a file or give a link",
            {
                "fields": ["file", "url", "file_format", "size", "page_count", "download"],
                "description": "An upload is checked by its content: PDF, Word (.docx), Excel "
                "(.xlsx), OpenDocument (.odt, .ods) or CSV, within the size limit. Its type, "
                "size and page count are read from the file. For a link, choose its type.",
            },
        ),
        (
            "An alternative format of another document",
            {
                "fields": ["alternative_of", "alternative_format", "language"],
                "description": "Only for an Easy Read, large print, audio, BSL or translated "
                "version: choose the original. To add versions to an original, use its "
                "alternative formats below.",
            },
        ),
        ("Source (for a link)", {"fields": CITATION_FIELDS}),
    ]

    @admin.display(description="size", ordering="size_bytes")
    def size(self, obj: Document) -> str:
        return human_size(obj.size_bytes) or "-"

    @admin.display(description="download")
    def download(self, obj: Document) -> str:
        if obj.is_upload and obj.stored_format:
            return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.download_name)
        return "-"

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.is_upload:
            # An upload's type was read from its content; staff cannot relabel it.
            readonly.append("file_format")
        return readonly

    def get_inlines(self, request, obj):
        # Versions hang off an original only: an alternative has no alternatives of its own.
        if obj is not None and obj.alternative_of_id:
            return []
        return super().get_inlines(request, obj)
