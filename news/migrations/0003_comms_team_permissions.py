"""Gives the Comms team its news permissions (news items and topics, including publishing).

Why a data migration: the groups are reference data (see 0001_staff_groups). Partner
editors get no news permission; the Comms team gets nothing outside news.
"""

from importlib import import_module

from django.db import migrations

# One way of creating permissions inside a migration, kept with the migration that needed it
# first (a module name starting with a digit cannot be imported with `from ... import`).
create_permissions_now = import_module("news.migrations.0001_staff_groups").create_permissions_now

COMMS_TEAM = "Comms team"


def grant(apps, schema_editor):
    create_permissions_now(apps, "news")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    comms, _ = Group.objects.get_or_create(name=COMMS_TEAM)
    comms.permissions.add(
        *Permission.objects.filter(content_type__app_label="news").exclude(
            content_type__model__startswith="historical"
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=COMMS_TEAM):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="news")
        )


class Migration(migrations.Migration):
    dependencies = [("news", "0002_news_items")]

    operations = [migrations.RunPython(grant, revoke)]
