"""The team's inbox: contact messages by status, topic and date, assigned to a colleague, with
internal notes, replies emailed from here, and the outbox. Only the Contact team (and
superusers) see any of it. And the consultations, which the Comms team writes."""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.utils.html import format_html_join
from simple_history.admin import SimpleHistoryAdmin

from core.admin import PortalAdmin
from engagement import services
from engagement.models import (
    Consultation,
    ContactMessage,
    EmailStatus,
    Note,
    OutgoingEmail,
    Reply,
)


class TeamWritingInline(admin.StackedInline):
    """A note or a reply: written once and never edited or deleted (add another)."""

    extra = 1
    fields = ["text", "author", "written_at"]
    readonly_fields = ["author", "written_at"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class NoteInline(TeamWritingInline):
    model = Note
    verbose_name_plural = "internal notes (never sent to the sender)"


class ReplyInline(TeamWritingInline):
    model = Reply
    verbose_name_plural = "replies (emailed to the sender when you save)"

    def get_extra(self, request, obj=None, **kwargs):
        # Only a message with an email address can be answered from here.
        return 1 if obj is not None and obj.email else 0

    def get_max_num(self, request, obj=None, **kwargs):
        return None if obj is not None and obj.email else 0


class EmailInline(admin.TabularInline):
    model = OutgoingEmail
    extra = 0
    fields = ["purpose", "to", "status", "attempts", "last_error", "sent_at"]
    readonly_fields = fields
    verbose_name_plural = "emails about this message"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ContactMessage)
class ContactMessageAdmin(SimpleHistoryAdmin):
    list_display = ["reference", "topic", "status", "received_at", "assigned_to", "wants_reply"]
    list_filter = ["status", "topic", ("received_at", admin.DateFieldListFilter), "assigned_to"]
    search_fields = ["reference", "name", "email"]
    date_hierarchy = "received_at"
    fields = [
        "reference", "received_at", "topic", "shown_message", "name", "email", "status",
        "assigned_to", "closed_at",
    ]  # fmt: skip
    # What the sender wrote is shown as text, never edited: staff answer it, they do not change
    # it. Django escapes it; line breaks are kept, links are not made clickable.
    readonly_fields = [
        "reference", "received_at", "topic", "shown_message", "name", "email", "closed_at",
    ]  # fmt: skip
    inlines = [NoteInline, ReplyInline, EmailInline]
    autocomplete_fields = []
    list_select_related = ["assigned_to"]

    @admin.display(description="message")
    def shown_message(self, obj):
        return format_html_join("", "<p>{}</p>", ((line,) for line in obj.message.splitlines()))

    @admin.display(boolean=True, description="wants a reply")
    def wants_reply(self, obj) -> bool:
        return bool(obj.email)

    def has_add_permission(self, request):
        return False  # messages come from the contact form

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assigned_to":
            from django.contrib.auth import get_user_model

            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(
                    Q(is_superuser=True) | Q(groups__name="Contact team"), is_active=True
                )
                .distinct()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_formset(self, request, form, formset, change):
        if formset.model is Reply:
            sent = []
            for reply_form in formset.forms:
                text = reply_form.cleaned_data.get("text") if reply_form.has_changed() else ""
                if text:
                    sent.append(
                        services.reply(message=form.instance, text=text, author=request.user)
                    )
                    messages.success(request, f"Your reply was sent to {form.instance.email}.")
            # What the admin's change message reads.
            formset.new_objects, formset.changed_objects, formset.deleted_objects = sent, [], []
            return
        instances = formset.save(commit=False)
        for instance in instances:
            if isinstance(instance, Note):
                instance.author = request.user
            instance.save()
        formset.save_m2m()

    def changelist_view(self, request, extra_context=None):
        due = ContactMessage.objects.due_for_deletion().count()
        waiting = OutgoingEmail.objects.filter(status=EmailStatus.PENDING).aggregate(
            n=Count("pk"), failed=Count("pk", filter=Q(attempts__gt=0))
        )
        extra_context = {
            **(extra_context or {}),
            "subtitle": (
                f"{due} closed message{'s' if due != 1 else ''} due for deletion · "
                f"{waiting['n']} email{'s' if waiting['n'] != 1 else ''} waiting to be sent "
                f"({waiting['failed']} after a failed try)"
            ),
        }
        return super().changelist_view(request, extra_context)


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(admin.ModelAdmin):
    """The outbox: what has gone, what is waiting and why. Read-only but for "try again now"."""

    list_display = ["subject", "purpose", "to", "status", "attempts", "next_attempt_at", "sent_at"]
    list_filter = ["status", "purpose"]
    readonly_fields = [f.name for f in OutgoingEmail._meta.fields]
    actions = ["send_now"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Try sending the selected waiting emails now")
    def send_now(self, request, queryset):
        waiting = queryset.filter(status=EmailStatus.PENDING)
        sent = sum(services.deliver(email) for email in waiting)
        self.message_user(request, f"{sent} of {waiting.count()} sent.")


@admin.register(Consultation)
class ConsultationAdmin(PortalAdmin):
    list_display = ["title", "status_label", "opens_at", "closes_at", "run_by"]
    list_filter = ["published", ("closes_at", admin.DateFieldListFilter)]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "opens_at"
    list_select_related = ["run_by"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description", "run_by"]}),
        (
            "When",
            {
                "fields": ["opens_at", "closes_at", "published"],
                "description": "UK time. A published consultation appears on the site when it "
                "opens, and is listed as closed, with its outcome, from its closing time.",
            },
        ),
        ("How to take part", {"fields": ["survey_url", "events", "by_contact_form"]}),
        (
            "Outcome: you said, we did",
            {
                "fields": ["you_said", "we_did"],
                "description": "Once it has closed: until these are written, its page says the "
                "outcome will be published here.",
            },
        ),
    ]

    @admin.display(description="status")
    def status_label(self, obj) -> str:
        return obj.status
