"""The newsroom: the comms team writes, previews, schedules and publishes news in the admin.

Publishing needs the "publish" permission (the Comms team has it; partner editors have no
news permissions at all). Publish, unpublish and share-link are POST actions on the item's
page; preview shows the item exactly as the public will see it, never cached.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin

from core.admin import PortalAdmin
from news.forms import NewsItemAdminForm
from news.models import NewsItem, Topic
from news.services import preview_path
from news.views import render_preview

PUBLISH_PERMISSION = "news.publish_newsitem"


@admin.register(Topic)
class TopicAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(NewsItem)
class NewsItemAdmin(PortalAdmin):
    form = NewsItemAdminForm
    change_form_template = "admin/news/newsitem/change_form.html"
    list_display = ["title", "status_label", "publish_at", "updated_at"]
    list_filter = ["topics", "places"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    # Plain widgets, not autocomplete: the comms team needs no permission on partner records
    # to link an item to them, and checkboxes work with a keyboard and without JavaScript.
    filter_horizontal = ["organisations"]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in {"places", "alliances", "topics"}:
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    date_hierarchy = "publish_at"
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        ("Image", {"fields": ["image", "image_alt"]}),
        ("What it is about", {"fields": ["places", "alliances", "organisations", "topics"]}),
        (
            "Publishing",
            {
                "fields": ["publish_at"],
                "description": "Leave empty to keep a draft. A future date and time (UK time) "
                "schedules the item: it appears on the site at that moment.",
            },
        ),
    ]

    @admin.display(description="status", ordering="publish_at")
    def status_label(self, obj: NewsItem) -> str:
        return obj.status

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("places")

    def get_readonly_fields(self, request, obj=None):
        if request.user.has_perm(PUBLISH_PERMISSION):
            return []
        return ["publish_at"]

    def get_urls(self):
        def admin_view(view, *, post_only: bool = False):
            # State changes are POST only, wrapped once here rather than in each view.
            return self.admin_site.admin_view(require_POST(view) if post_only else view)

        return [
            path("<int:pk>/preview/", admin_view(self.preview_view), name="news_newsitem_preview"),
            path(
                "<int:pk>/publish/",
                admin_view(self.publish_view, post_only=True),
                name="news_newsitem_publish",
            ),
            path(
                "<int:pk>/unpublish/",
                admin_view(self.unpublish_view, post_only=True),
                name="news_newsitem_unpublish",
            ),
            path(
                "<int:pk>/share/",
                admin_view(self.share_view, post_only=True),
                name="news_newsitem_share",
            ),
            *super().get_urls(),
        ]

    def _item(self, request, pk: int, *, need: str) -> NewsItem:
        item = get_object_or_404(NewsItem.objects.for_detail(), pk=pk)
        allowed = {
            "view": self.has_view_permission(request, item),
            "change": self.has_change_permission(request, item),
            "publish": request.user.has_perm(PUBLISH_PERMISSION),
        }[need]
        if not allowed:
            raise PermissionDenied
        return item

    def _back(self, item: NewsItem) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse("admin:news_newsitem_change", args=[item.pk]))

    def preview_view(self, request, pk: int):
        return render_preview(request, self._item(request, pk, need="view"))

    def publish_view(self, request, pk: int):
        item = self._item(request, pk, need="publish")
        item.publish(at=timezone.now())
        self.message_user(request, f"“{item}” is published.", messages.SUCCESS)
        return self._back(item)

    def unpublish_view(self, request, pk: int):
        item = self._item(request, pk, need="publish")
        item.unpublish()
        self.message_user(
            request,
            f"“{item}” is a draft again. Preview links shared before now no longer work.",
            messages.SUCCESS,
        )
        return self._back(item)

    def share_view(self, request, pk: int):
        item = self._item(request, pk, need="change")
        link = request.build_absolute_uri(preview_path(item))
        self.message_user(
            request,
            format_html(
                "Preview link for a reviewer (works for 7 days, or until the item is "
                'unpublished): <a href="{0}">{0}</a>',
                link,
            ),
            messages.SUCCESS,
        )
        return self._back(item)
