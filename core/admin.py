"""Admin helpers: the lost-update guard and history for every staff-edited model."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.html import format_html, format_html_join, strip_tags
from simple_history.admin import SimpleHistoryAdmin

from core.models import CITATION_FIELDS

STALE_EDIT_MESSAGE = (
    "Someone else saved this record after you opened it. Your changes have not been saved. "
    "Open the record again to see their changes, then make yours."
)
STALE_EDIT_REAPPLY = (
    "Someone else saved this record after you opened it{who}, so your changes have not been "
    "saved yet. They changed:{changes}Your changes are still in the form below. Check them "
    "against theirs, then save again to apply yours over theirs."
)


class VersionedAdminForm(forms.ModelForm):
    """Carries the record's version through the edit page and refuses a stale save.

    Refused, the form says who saved in between and which fields they changed (from the
    record's history), keeps everything the second person typed, and takes the current
    version on, so saving again applies their changes over the first person's."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The version saved now: the instance may be an earlier one, shown to be reverted
            # to from the history, and a revert is an edit of the current version.
            self.fields["loaded_version"].initial = (
                type(self.instance)
                ._base_manager.filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            loaded = cleaned.get("loaded_version")
            current = (
                type(self.instance)
                ._base_manager.filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if loaded is None or loaded != current:
                raise ValidationError(self.stale_message(loaded, current), code="stale")
            # The model's conditional UPDATE then checks again, race-free, at save time.
            self.instance.version = loaded
        return cleaned

    def stale_message(self, loaded: int | None, current: int | None):
        history = getattr(type(self.instance), "history", None)
        if loaded is None or current is None or history is None:
            return STALE_EDIT_MESSAGE
        versions = {
            record.version: record
            for record in history.model.objects.filter(
                id=self.instance.pk, version__in=[loaded, current]
            ).select_related("history_user")
        }
        before, now = versions.get(loaded), versions.get(current)
        if before is None or now is None:
            return STALE_EDIT_MESSAGE
        changed = [
            (self.fields[name].label or name, getattr(before, name), getattr(now, name))
            for name in self.fields
            if name != "loaded_version"
            and hasattr(now, name)
            and not isinstance(getattr(now, name), models.Manager)
            and getattr(before, name) != getattr(now, name)
        ]
        if not changed:
            return STALE_EDIT_MESSAGE
        # Re-shown with the version now saved: the next save applies these changes.
        self.data = self.data.copy()
        self.data[self.add_prefix("loaded_version")] = str(current)
        who = ""
        if now.history_user:
            when = timezone.localtime(now.history_date)
            who = f" ({now.history_user.get_username()}, {when:%-d %B %Y at %H:%M})"
        changes = format_html_join(
            "",
            "<li>{}: “{}” became “{}”</li>",
            ((label, shorten(old), shorten(new)) for label, old, new in changed),
        )
        return format_html(
            STALE_EDIT_REAPPLY.replace("{changes}", "<ul>{changes}</ul>"), who=who, changes=changes
        )


def shorten(value, limit: int = 160) -> str:
    """A field's value as a reader scans it: the words of rich text, cut short."""
    text = " ".join(strip_tags(str(value if value is not None else "")).split())
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


class PortalAdmin(SimpleHistoryAdmin):
    """Base admin for partnership records: history and the lost-update guard."""

    form = VersionedAdminForm
    save_on_top = True

    def render_change_form(self, request, context, add=False, **kwargs):
        response = super().render_change_form(request, context, add=add, **kwargs)
        if add:
            # The add page moves focus to the form's first control so staff can start typing.
            # With the save row on top that control is "Save", and a space typed into it submits
            # the half-written form. Add pages keep their save row at the bottom only.
            response.context_data["save_on_top"] = False
        return response

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        named = {
            name
            for _, options in fieldsets
            for line in options["fields"]
            for name in (line if isinstance(line, list | tuple) else [line])
        }
        if "loaded_version" not in named:
            fieldsets.append((None, {"fields": ["loaded_version"], "classes": ["hidden"]}))
        return fieldsets


# The fieldset of a sourced record's change page: where it was seen and how sure we are of it.
SOURCE_FIELDSET = (
    "Source",
    {"fields": CITATION_FIELDS},
)


class SourcedInline(admin.TabularInline):
    """An inline of sourced records: the model's own `own_fields`, then where each was seen
    and how sure we are of it."""

    own_fields: list[str] = []
    extra = 0

    def get_fields(self, request, obj=None):
        return [*self.own_fields, "source", "source_url", "confidence"]


@admin.display(description="confidence", ordering="confidence")
def confidence_column(obj) -> str:
    return obj.get_confidence_display()
