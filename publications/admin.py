"""Staff admin for publications, with their documents inline in order, picked by typing part
of a title (the documents admin's search)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from core.admin import SOURCE_FIELDSET, PortalAdmin, confidence_column
from publications.models import Publication, PublicationDocument

NOTHING_TO_READ = (
    "Add at least one document, or write the publication's content as a page: a publication "
    "needs something to read."
)


class PublicationDocumentFormSet(forms.BaseInlineFormSet):
    """Refuses a publication with neither documents nor content. The rule spans the
    publication and its rows, so it is checked here, where both are known, after the
    publication's own form has been cleaned."""

    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.cleaned_data
            and form.cleaned_data.get("document")
            and not form.cleaned_data.get("DELETE")
        ]
        if not kept and not (self.instance.content or "").strip():
            raise ValidationError(NOTHING_TO_READ)


class PublicationDocumentInline(admin.TabularInline):
    model = PublicationDocument
    formset = PublicationDocumentFormSet
    fields = ["document", "order"]
    autocomplete_fields = ["document"]
    extra = 1
    verbose_name = "document"
    verbose_name_plural = "documents (in the order shown; alternative formats appear with "
    "their original)"


@admin.register(Publication)
class PublicationAdmin(PortalAdmin):
    list_display = [
        "title",
        "kind",
        "published_on",
        "is_published",
        "system",
        "body",
        "place",
        confidence_column,
    ]
    list_filter = ["kind", "is_published", "system", "body", "place", "confidence"]
    search_fields = ["title", "summary", "content", "body__name", "place__name"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["system", "place", "body", "meeting"]
    list_select_related = ["system", "body", "place"]
    inlines = [PublicationDocumentInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "summary", "is_published"]}),
        ("When", {"fields": ["published_on", "published_on_precision", "period"]}),
        ("Who and where", {"fields": ["publisher", "system", "place", "body", "meeting"]}),
        ("Content as a page", {"fields": ["content"]}),
        SOURCE_FIELDSET,
    ]
