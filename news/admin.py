"""The newsroom: the comms team writes news in the admin; approvers sign it off and publish or
schedule it (publishing.admin.WorkflowAdmin). Partner editors have no news permissions at all.

Preview shows the item exactly as the public will see it, never cached; a preview link lets a
reviewer without an account read it for seven days, or until it is withdrawn.
"""

from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from news.forms import NewsItemAdminForm
from news.models import NewsItem, Topic
from news.services import preview_path
from news.views import render_preview
from publishing import revisions
from publishing.admin import WorkflowAdmin


@admin.register(Topic)
class TopicAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(NewsItem)
class NewsItemAdmin(WorkflowAdmin):
    form = NewsItemAdminForm
    list_display = ["title", "status_column", "publish_at", "updated_at"]
    list_filter = ["topics", "places"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    # Plain widgets, not autocomplete: the comms team needs no permission on partner records
    # to link an item to them, and checkboxes work with a keyboard and without JavaScript.
    filter_horizontal = ["organisations"]
    # The image is chosen from the media library's list of thumbnails, in a window of its own.
    raw_id_fields = ["picture"]
    date_hierarchy = "publish_at"
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        ("Image", {"fields": ["picture"]}),
        ("What it is about", {"fields": ["places", "alliances", "organisations", "topics"]}),
        ("Publishing", {"fields": ["publish_at"]}),
    ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in {"places", "alliances", "topics"}:
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("places")

    def render_preview(self, request, item):
        item = NewsItem.objects.for_detail().get(pk=item.pk)
        return render_preview(request, revisions.as_draft(item))

    def shared_preview_path(self, item):
        return preview_path(item)
