"""Gives the Comms team the media library: they upload, describe, reuse and delete images.

Why a data migration: the groups are reference data (see news/migrations/0001_staff_groups).
"""

from django.db import migrations

from core.migration_operations import create_permissions_now

COMMS_TEAM = "Comms team"
PERMISSIONS = ["view_image", "add_image", "change_image", "delete_image"]


def grant(apps, schema_editor):
    create_permissions_now(apps, "images")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    comms, _ = Group.objects.get_or_create(name=COMMS_TEAM)
    comms.permissions.add(
        *Permission.objects.filter(content_type__app_label="images", codename__in=PERMISSIONS)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=COMMS_TEAM):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="images", codename__in=PERMISSIONS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0003_comms_team_permissions"),
        ("images", "0001_media_library"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
