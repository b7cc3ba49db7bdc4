"""The comms team's page editor: the standing pages and the pages they add, with their review
dates, history and the lost-update guard (core.admin.PortalAdmin)."""

import datetime

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html

from pages.models import REVIEW_INTERVAL, Page
from pages.views import preview_path, render_preview
from publishing.admin import WorkflowAdmin

DUE_SOON = datetime.timedelta(days=30)


class ReviewFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", "Past its review date"), ("soon", "Due in the next 30 days")]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.due_for_review(today)
        if self.value() == "soon":
            return queryset.filter(
                next_review_due__gte=today, next_review_due__lte=today + DUE_SOON
            )
        return queryset


@admin.register(Page)
class PageAdmin(WorkflowAdmin):
    list_display = ["title", "address", "status_column", "next_review_column", "updated_at"]
    list_filter = [ReviewFilter]
    search_fields = ["title", "summary", "body", "url_path"]
    prepopulated_fields = {"slug": ["title"]}
    actions = ["record_review"]
    # The image is chosen from the media library's list of thumbnails, in a window of its own.
    raw_id_fields = ["picture"]
    fieldsets = [
        (None, {"fields": ["title", "parent", "slug", "summary", "body"]}),
        ("Image", {"fields": ["picture"]}),
        (
            "Review",
            {
                "fields": ["last_reviewed_on", "next_review_due"],
                "description": "Shown at the foot of the page. Check the whole page is still "
                "right by the review date.",
            },
        ),
        (
            "Publishing",
            {
                "fields": ["publish_at"],
                "description": "A new page is a draft until it is approved and published.",
            },
        ),
    ]

    @admin.display(description="address", ordering="url_path")
    def address(self, page: Page) -> str:
        return page.url_path

    @admin.display(description="next review due", ordering="next_review_due")
    def next_review_column(self, page: Page) -> str:
        if page.is_review_overdue():
            return format_html(
                "<strong>{} (past due)</strong>", f"{page.next_review_due:%-d %B %Y}"
            )
        return f"{page.next_review_due:%-d %B %Y}"

    @admin.action(description="Record a review today (next review due in a year)")
    def record_review(self, request, queryset):
        today = timezone.localdate()
        for page in queryset:
            page.last_reviewed_on = today
            page.next_review_due = today + REVIEW_INTERVAL
            page.save()
        self.message_user(
            request, f"Review recorded for {len(queryset)} page(s).", messages.SUCCESS
        )

    def changelist_view(self, request, extra_context=None):
        overdue = Page.objects.due_for_review().count()
        extra_context = {**(extra_context or {}), "subtitle": (
            f"{overdue} page{'' if overdue == 1 else 's'} past the review date"
        )}  # fmt: skip
        return super().changelist_view(request, extra_context)

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj and obj.is_standing else self.prepopulated_fields

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if obj and obj.is_standing:
            # Its address is its app's: it stays where the site links to it.
            readonly = [*readonly, "parent", "slug"]
        return readonly

    def render_preview(self, request, item):
        return render_preview(request, item)

    def shared_preview_path(self, item):
        return preview_path(item)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_standing:
            return False
        return super().has_delete_permission(request, obj)

    def get_changeform_initial_data(self, request):
        today = timezone.localdate()
        return {
            **super().get_changeform_initial_data(request),
            "last_reviewed_on": today,
            "next_review_due": today + REVIEW_INTERVAL,
        }
