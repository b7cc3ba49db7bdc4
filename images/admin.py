"""The media library in the admin: upload once, with the words every use needs; chosen for a
news item or page from its thumbnails (the list opens as the chooser)."""

from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from images.models import Image
from images.renditions import make_renditions


@admin.register(Image)
class ImageAdmin(SimpleHistoryAdmin):
    list_display = ["thumbnail", "title", "alt_text", "credit", "licence", "created_at"]
    list_display_links = ["thumbnail", "title"]
    search_fields = ["title", "alt_text", "credit"]
    list_filter = ["licence"]
    readonly_fields = ["preview", "rendition_sizes"]
    fields = ["title", "file", "preview", "alt_text", "credit", "licence", "rendition_sizes"]
    list_per_page = 40

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "file":
            # The admin puts a file input in a fieldset whose legend no assistive technology
            # reads as the input's own name: it is named here.
            kwargs["widget"] = AdminFileWidget(attrs={"aria-label": "Image file"})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).with_renditions()

    @admin.display(description="image")
    def thumbnail(self, image: Image) -> str:
        smallest = next(iter(image.sources().get("webp", [])), None)
        if smallest is None:
            return "(no renditions yet)"
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="{}" class="app-thumbnail">',
            smallest.url, 160, round(160 * smallest.height / smallest.width), image.alt_text,
        )  # fmt: skip

    @admin.display(description="preview")
    def preview(self, image: Image) -> str:
        return self.thumbnail(image) if image.pk else "Shown once saved."

    @admin.display(description="renditions")
    def rendition_sizes(self, image: Image) -> str:
        rows = sorted(image.renditions.all(), key=lambda r: (r.format, r.width))
        return ", ".join(f"{r.width}px {r.format} ({r.size // 1024} KB)" for r in rows) or "None"

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
        if "file" in form.changed_data or not obj.renditions.exists():
            make_renditions(obj)
