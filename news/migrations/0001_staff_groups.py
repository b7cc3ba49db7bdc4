"""Creates the two staff groups with their permissions.

Why a data migration: the groups are reference data every environment needs, and creating
them here keeps production, CI and a laptop identical. The news permissions are added by the
migration that creates the news models.
"""

from django.contrib.auth import get_permission_codename
from django.db import migrations

PARTNER_EDITORS = "Partner editors"
COMMS_TEAM = "Comms team"
PARTNER_APPS = ["places", "partners", "alliances"]
# Structural records editors may change but not delete.
NO_DELETE = {"integratedcaresystem", "place"}


def create_permissions_now(apps, app_label):
    """Create the permissions of app_label's models, as the models stand at this migration.

    Django creates permissions after the last migration has run (in its post_migrate
    handler), too late for a migration that grants them. This creates the same rows, with the
    codenames and names Django gives them, so that handler later finds them and adds nothing.
    0003_comms_team_permissions uses it too.
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


def create_groups(apps, schema_editor):
    for label in PARTNER_APPS:
        create_permissions_now(apps, label)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=PARTNER_EDITORS)
    Group.objects.get_or_create(name=COMMS_TEAM)

    permissions = Permission.objects.filter(content_type__app_label__in=PARTNER_APPS).exclude(
        content_type__model__startswith="historical"
    )
    editors.permissions.add(
        *[
            p
            for p in permissions
            if not (p.codename.startswith("delete_") and p.content_type.model in NO_DELETE)
        ]
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[PARTNER_EDITORS, COMMS_TEAM]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("places", "0001_initial"),
        ("partners", "0001_initial"),
        ("alliances", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
