"""Gives the Comms team the consultations: they write them, publish them, and add the outcome.

Why a data migration: the groups are reference data (see news/migrations/0001_staff_groups).
The Contact team keeps only the messages; consultations hold no personal data.
"""

from django.db import migrations

from core.migration_operations import create_permissions_now

COMMS_TEAM = "Comms team"
PERMISSIONS = [
    "view_consultation",
    "add_consultation",
    "change_consultation",
    "delete_consultation",
]


def grant(apps, schema_editor):
    create_permissions_now(apps, "engagement")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    comms, _ = Group.objects.get_or_create(name=COMMS_TEAM)
    comms.permissions.add(
        *Permission.objects.filter(content_type__app_label="engagement", codename__in=PERMISSIONS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=COMMS_TEAM):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="engagement", codename__in=PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_comms_team_permissions"),
        ("engagement", "0003_consultations"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
