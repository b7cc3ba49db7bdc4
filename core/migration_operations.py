"""Data-migration steps shared by the apps' migrations (they must not import models)."""

from django.contrib.auth import get_permission_codename
from django.db import migrations

from core.models import Confidence


def confidence_from_verified(app_label: str, *model_names: str) -> migrations.RunPython:
    """Carry the old `verified` flag into `confidence`: unverified facts were those seen in
    one third-party source only (low); verified ones are kept at one source (medium) until
    the data files or staff say more."""

    def forwards(apps, schema_editor):
        for name in model_names:
            model = apps.get_model(app_label, name)
            model.objects.filter(verified=False).update(confidence=Confidence.LOW)
            model.objects.filter(verified=True).update(confidence=Confidence.MEDIUM)

    def backwards(apps, schema_editor):
        for name in model_names:
            model = apps.get_model(app_label, name)
            model.objects.filter(confidence=Confidence.LOW).update(verified=False)
            model.objects.exclude(confidence=Confidence.LOW).update(verified=True)

    return migrations.RunPython(forwards, backwards)


def create_permissions_now(apps, app_label):
    """Create the permissions of app_label's models, as the models stand at this migration.

    Django creates permissions after the last migration has run (in its post_migrate
    handler), too late for a migration that grants them. This creates the same rows, with the
    codenames and names Django gives them, so that handler later finds them and adds nothing.
    The news and governance migrations use it.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    models = list(apps.get_app_config(app_label).get_models())
    # Content types first, in name order, as Django creates them.
    content_types = {
        name: ContentType.objects.get_or_create(app_label=app_label, model=name)[0]
        for name in sorted(model._meta.model_name for model in models)
    }
    for model in models:
        opts = model._meta
        default = [
            (get_permission_codename(action, opts), f"Can {action} {opts.verbose_name_raw}")
            for action in opts.default_permissions
        ]
        for codename, name in [*default, *opts.permissions]:
            Permission.objects.get_or_create(
                content_type=content_types[opts.model_name],
                codename=codename,
                defaults={"name": name},
            )


class RunSQLOnVendor(migrations.RunSQL):
    """SQL run only on the database named by `vendor`, skipped on the other."""

    vendor: str

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class RunSQLOnPostgreSQL(RunSQLOnVendor):
    """SQL that only PostgreSQL has (GIN indexes, operator classes): run there, skipped on the
    embedded SQLite database, where the search falls back to plain matching."""

    vendor = "postgresql"


class RunSQLOnSQLite(RunSQLOnVendor):
    """SQL that only the embedded SQLite database needs (its full-text index): run there,
    skipped on PostgreSQL, which has its own."""

    vendor = "sqlite"


def markdown_to_rich_text(app_label: str, model_name: str, *fields: str) -> migrations.RunPython:
    """Turn staff-written Markdown into the rich-text editor's cleaned HTML, once: in the
    records, in their change history (so a revert brings back HTML, not Markdown) and in the
    loader's record of what it last wrote (so the seed documents can still update text staff
    have not changed). Nothing is lost: every paragraph, heading, list, link and table is kept.

    Backwards does nothing: the HTML is itself valid Markdown, rendered as it is."""

    def forwards(apps, schema_editor):
        from core.richtext import markdown_to_html

        for name in (model_name, f"historical{model_name}"):
            model = apps.get_model(app_label, name)
            rows = model.objects.values_list("pk", *fields)
            for pk, *texts in rows.iterator():
                converted = {f: markdown_to_html(t) for f, t in zip(fields, texts, strict=True)}
                model.objects.filter(pk=pk).update(**converted)
        loaded = apps.get_model("core", "LoadedValue").objects.filter(
            model_label=f"{app_label}.{model_name}", field_name__in=fields
        )
        for value in loaded.exclude(value=None):
            value.value = markdown_to_html(value.value)
            value.save(update_fields=["value"])

    return migrations.RunPython(forwards, migrations.RunPython.noop)
