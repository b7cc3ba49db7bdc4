"""Admin helpers: the lost-update guard and history for every staff-edited model."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from simple_history.admin import SimpleHistoryAdmin

from core.models import CITATION_FIELDS

STALE_EDIT_MESSAGE = (
    "Someone else saved this record after you opened it. Your changes have not been saved. "
    "Open the record again to see their changes, then make yours."
)


class VersionedAdminForm(forms.ModelForm):
    """Carries the record's version through the edit page and refuses a stale save."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

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
                raise ValidationError(STALE_EDIT_MESSAGE, code="stale")
            # The model's conditional UPDATE then checks again, race-free, at save time.
            self.instance.version = loaded
        return cleaned


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
