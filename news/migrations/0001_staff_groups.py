"""Creates the two staff groups with their permissions.

Why a data migration: the groups are reference data every environment needs, and creating
them here keeps production, CI and a laptop identical. The news permissions are added by the
migration that creates the news models.
"""

from django.db import migrations

from core.migration_operations import create_permissions_now

PARTNER_EDITORS = "Partner editors"
COMMS_TEAM = "Comms team"
PARTNER_APPS = ["places", "partners", "alliances"]
# Structural records editors may change but not delete.
NO_DELETE = {"integratedcaresystem", "place"}


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
