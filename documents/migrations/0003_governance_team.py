"""Gives the "Governance team" group the document permissions: they publish papers, minutes
and publications, so they add, change, delete and view documents.

Why a data migration: the group's permissions are reference data every environment needs,
identical in production, CI and on a laptop. The Comms team and Partner editors get none of
them. The group is made here if it does not exist yet (governance's migration makes it too,
with the same name), so this low app's migrations need no higher app's.
"""

from django.db import migrations

from core.migration_operations import create_permissions_now

GOVERNANCE_TEAM = "Governance team"
ACTIONS = ["add", "change", "delete", "view"]


def grant(apps, schema_editor):
    create_permissions_now(apps, "documents")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    team, _ = Group.objects.get_or_create(name=GOVERNANCE_TEAM)
    team.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="documents",
            codename__in=[f"{action}_document" for action in ACTIONS],
        )
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    team = apps.get_model("auth", "Group").objects.filter(name=GOVERNANCE_TEAM).first()
    if team:
        team.permissions.remove(
            *Permission.objects.filter(content_type__app_label="documents")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("documents", "0002_random_file_names"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
