"""The sign-off in the admin, shared by the newsroom and the page editor (WorkflowAdmin).

The item's status and every step open to the person looking sit at the top of its edit page;
each step is a POST to its own address (submit, approve, send back, publish, schedule,
withdraw), taken by publishing.services. The list shows each item's status, filters by it,
and says what is scheduled in the next seven days. The history page adds the sign-off steps.
"""

import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminSplitDateTime
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from core.admin import PortalAdmin
from core.models import ConcurrentEditError
from publishing import revisions, services
from publishing.links import PREVIEW_LINK_MAX_AGE
from publishing.models import ReviewState, ReviewStep, Revision, Status

SCHEDULE_WINDOW = datetime.timedelta(days=7)
WORKFLOW_FIELDS = ["publish_at", "review_state", "submitted_by_id", "withdrawn_at", "preview_key"]


class ScheduleForm(forms.Form):
    """When an approved item goes public: a UK date and time (a time the clocks skip or repeat
    is refused by Django's field, as on every other form)."""

    publish_at = forms.SplitDateTimeField(
        label="Publish at (UK time)",
        widget=AdminSplitDateTime(attrs={"form": "publishing-schedule"}),
    )


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label="What needs changing",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "form": "publishing-send-back"}),
    )


class StatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Status.choices

    def queryset(self, request, queryset):
        if self.value() in Status.values:
            return queryset.with_status(self.value())
        return queryset


def status_label(item, *, has_draft: bool) -> str:
    """Its status, and for a published item with draft changes, where those stand."""
    if has_draft and item.publish_at is not None:
        changes = ReviewState(item.review_state).label.lower()
        return f"{item.status_label}, with draft changes ({changes})"
    return item.status_label


class WorkflowAdmin(PortalAdmin):
    """An admin for a `Publishable` model, with its sign-off steps."""

    change_form_template = "admin/publishing/change_form.html"
    change_list_template = "admin/publishing/change_list.html"
    object_history_template = "admin/publishing/object_history.html"
    steps = ["submit", "approve", "send_back", "publish", "schedule", "withdraw", "discard"]
    # Steps a writer takes (with the change permission); approvers take the others.
    writers_steps = {"submit", "discard"}

    @admin.display(description="status", ordering="publish_at")
    def status_column(self, obj) -> str:
        return status_label(obj, has_draft=getattr(obj, "has_draft_changes", False))

    def get_queryset(self, request):
        drafts = Revision.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model), object_id=OuterRef("pk")
        )
        return super().get_queryset(request).annotate(has_draft_changes=Exists(drafts))

    def get_object(self, request, object_id, from_field=None):
        """The item as its edit page shows it: a published item with draft changes shows the
        draft (in memory: the public still sees what is published)."""
        item = super().get_object(request, object_id, from_field)
        if item is not None and item.publish_at is not None:
            item.draft_revision = revisions.pending(item)
            if item.draft_revision is not None:
                item.draft_many = revisions.apply(item, item.draft_revision.data)
        return item

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        many = getattr(obj, "draft_many", None)
        if not many:
            return form_class

        class DraftForm(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for name, keys in many.items():
                    if name in self.fields:
                        self.initial[name] = keys

        return DraftForm

    def get_list_filter(self, request):
        return [StatusFilter, *super().get_list_filter(request)]

    def get_readonly_fields(self, request, obj=None):
        # Publishing is a step of its own (Publish, Schedule, Withdraw), never a form field.
        return [*super().get_readonly_fields(request, obj), "publish_at"]

    def save_model(self, request, obj, form, change):
        if change:
            # Where it stands in sign-off and publishing is the steps' to change, never an
            # edit's: a revert to an earlier version from the history keeps today's status,
            # and never brings back a preview link withdrawn since.
            current = type(obj)._base_manager.get(pk=obj.pk)
            for name in WORKFLOW_FIELDS:
                setattr(obj, name, getattr(current, name))
        if change and obj.review_state == ReviewState.APPROVED and form.has_changed():
            # What was approved is not what is there now: it needs approving again.
            obj.review_state = ReviewState.IN_REVIEW
            self.message_user(
                request,
                "It was approved before this change, so it is back in review.",
                messages.WARNING,
            )
        if change and obj.publish_at is not None:
            # Published (or scheduled): the edit is a draft of changes, kept aside; the item
            # itself is untouched but for its version (the lost-update guard) and status.
            with transaction.atomic():
                moved = (
                    type(obj)
                    ._base_manager.filter(pk=obj.pk, version=obj.version)
                    .update(version=F("version") + 1, review_state=obj.review_state)
                )
                if not moved:
                    raise ConcurrentEditError(f"{obj} was changed by someone else.")
                revisions.save_revision(obj, form, by=request.user)
            obj.version += 1
            obj.saved_as_draft = True
            self.message_user(
                request,
                "Saved as draft changes. The public still sees the published version until "
                "the changes are approved and published.",
                messages.INFO,
            )
            return
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if getattr(form.instance, "saved_as_draft", False):
            return  # the draft holds its many-to-many values; the published links stay
        super().save_related(request, form, formsets, change)

    # The steps.

    def _url_name(self, step: str) -> str:
        opts = self.model._meta
        return f"{opts.app_label}_{opts.model_name}_{step}"

    def get_urls(self):
        def step_view(step):
            def view(request, pk):
                return self.step_view(request, pk, step)

            return self.admin_site.admin_view(require_POST(view))

        return [
            path(
                "<int:pk>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name=self._url_name("preview"),
            ),
            path(
                "<int:pk>/share/",
                self.admin_site.admin_view(require_POST(self.share_view)),
                name=self._url_name("share"),
            ),
            path(
                "<int:pk>/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=self._url_name("compare"),
            ),
            *(
                path(
                    f"<int:pk>/{step.replace('_', '-')}/",
                    step_view(step),
                    name=self._url_name(step),
                )
                for step in self.steps
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request, pk: int):
        item = self.get_object(request, str(pk))
        if item is None or not self.has_view_permission(request, item):
            raise PermissionDenied
        return self.render_preview(request, item)

    def compare_view(self, request, pk: int):
        """The draft changes beside the published version, field by field, word by word."""
        item = get_object_or_404(self.model, pk=pk)
        if not self.has_view_permission(request, item):
            raise PermissionDenied
        draft = revisions.pending(item)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": item,
            "title": f"Draft changes to “{item}”",
            "draft": draft,
            "changes": revisions.differences(item, draft) if draft else [],
        }
        return TemplateResponse(request, "admin/publishing/compare.html", context)

    def render_preview(self, request, item):
        """The item as the public will see it, marked as a preview and never cached."""
        raise NotImplementedError

    def shared_preview_path(self, item) -> str:
        """The address of the item's preview for a reviewer without an account (a signed link,
        publishing.links)."""
        raise NotImplementedError

    def share_view(self, request, pk: int):
        item = get_object_or_404(self.model, pk=pk)
        if not self.has_change_permission(request, item):
            raise PermissionDenied
        link = request.build_absolute_uri(self.shared_preview_path(item))
        message = format_html(
            "Preview link for a reviewer (works for {} days, or until it is withdrawn): "
            '<a href="{}">{}</a>',
            PREVIEW_LINK_MAX_AGE.days,
            link,
            link,
        )
        self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(reverse(f"admin:{self._url_name('change')}", args=[pk]))

    def get_view_on_site_url(self, obj=None):
        # "View on site" on an item the public cannot see yet opens its preview, not a 404.
        if obj is not None and not obj.is_public():
            return reverse(f"admin:{self._url_name('preview')}", args=[obj.pk])
        return super().get_view_on_site_url(obj)

    def step_view(self, request, pk: int, step: str):
        item = get_object_or_404(self.model, pk=pk)
        # Writers submit (or discard their draft changes); approvers take every other step.
        if step in self.writers_steps:
            allowed = self.has_change_permission(request, item)
        else:
            allowed = services.may_publish(request.user, item)
        if not allowed:
            raise PermissionDenied
        try:
            self.take_step(request, item, step)
        except services.WorkflowError as refused:
            self.message_user(request, str(refused), messages.ERROR)
        back = reverse(f"admin:{self._url_name('change')}", args=[item.pk])
        return HttpResponseRedirect(back)

    def take_step(self, request, item, step: str) -> None:
        user = request.user
        if step == "submit":
            services.submit(item, by=user)
            done = "It is submitted: the approvers have been told."
        elif step == "approve":
            services.approve(item, by=user)
            done = "It is approved. Publish it now or schedule it."
        elif step == "send_back":
            form = SendBackForm(request.POST, prefix="send-back")
            if not form.is_valid():
                raise services.WorkflowError("Say what needs changing to send it back.")
            services.send_back(item, by=user, comment=form.cleaned_data["comment"])
            done = "It is sent back with your comment."
        elif step == "publish":
            services.publish(item, by=user)
            done = f"“{item}” is published."
        elif step == "schedule":
            form = ScheduleForm(request.POST, prefix="schedule")
            if not form.is_valid():
                raise services.WorkflowError(
                    " ".join(error for errors in form.errors.values() for error in errors)
                )
            services.publish(item, by=user, at=form.cleaned_data["publish_at"])
            when = timezone.localtime(item.publish_at)
            done = f"“{item}” is scheduled for {when:%-d %B %Y, %H:%M} (UK time)."
        elif step == "discard":
            services.discard(item, by=user)
            done = "The draft changes are discarded: it stays as published."
        else:
            services.withdraw(item, by=user)
            done = f"“{item}” is withdrawn. Preview links shared before now no longer work."
        self.message_user(request, done, messages.SUCCESS)

    # Pages.

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            user = request.user
            may_write = self.has_change_permission(request, obj)
            may_publish = services.may_publish(user, obj)
            state = obj.review_state
            unpublished = obj.publish_at is None
            draft = getattr(obj, "draft_revision", None)
            # What there is to sign off: an unpublished item, or draft changes to a published one.
            open_work = unpublished or draft is not None
            context.update(
                workflow={
                    "status": status_label(obj, has_draft=draft is not None),
                    "draft": draft,
                    "compare_url": reverse(f"admin:{self._url_name('compare')}", args=[obj.pk]),
                    "share_url": reverse(f"admin:{self._url_name('share')}", args=[obj.pk]),
                    "publish_at": obj.publish_at,
                    "last_step": ReviewStep.objects.of(obj).first(),
                    "forms": [
                        (
                            f"publishing-{step.replace('_', '-')}",
                            reverse(f"admin:{self._url_name(step)}", args=[obj.pk]),
                        )
                        for step in self.steps
                    ],
                    "submit": may_write
                    and open_work
                    and state in (ReviewState.DRAFT, ReviewState.SENT_BACK),
                    "review": may_publish and open_work and state == ReviewState.IN_REVIEW,
                    "publish": may_publish and open_work and state == ReviewState.APPROVED,
                    "schedule": may_publish and unpublished and state == ReviewState.APPROVED,
                    "withdraw": may_publish and not unpublished,
                    "discard": may_write and draft is not None,
                    "schedule_form": ScheduleForm(prefix="schedule"),
                    "send_back_form": SendBackForm(prefix="send-back"),
                },
            )
        return super().render_change_form(
            request, context, add=add, change=change, form_url=form_url, obj=obj
        )

    def changelist_view(self, request, extra_context=None):
        now = timezone.now()
        soon = list(self.model.objects.scheduled_between(now, now + SCHEDULE_WINDOW)[:20])
        return super().changelist_view(
            request, {**(extra_context or {}), "scheduled_this_week": soon}
        )

    def history_view(self, request, object_id, extra_context=None):
        item = get_object_or_404(self.model, pk=object_id)
        steps = list(ReviewStep.objects.of(item)[:50])
        return super().history_view(
            request, object_id, {**(extra_context or {}), "review_steps": steps}
        )
