"""Gives the "Governance team" (governance/migrations/0002_governance_team.py) every permission
on publications and their documents, and lets it view (not change) the places, meetings and
documents it picks for a publication in the admin.

Why a data migration: the group's permissions are reference data every environment needs. The
Comms team and Partner editors get none of these: publications are the governance team's.
Reversing takes back exactly what this added.
"""

from django.db import migrations

from core.migration_operations import create_permissions_now

GOVERNANCE_TEAM = "Governance team"
LOOKED_UP = [
    ("places", "place"),
    ("governance", "meeting"),
    ("documents", "document"),
]


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return [
        *Permission.objects.filter(content_type__app_label="publications").exclude(
            content_type__model__startswith="historical"
        ),
        *[
            Permission.objects.get(content_type__app_label=app, codename=f"view_{model}")
            for app, model in LOOKED_UP
        ],
    ]


def grant(apps, schema_editor):
    for app_label in ["publications", *{app for app, _ in LOOKED_UP}]:
        create_permissions_now(apps, app_label)
    Group = apps.get_model("auth", "Group")
    team, _ = Group.objects.get_or_create(name=GOVERNANCE_TEAM)
    team.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    team = Group.objects.filter(name=GOVERNANCE_TEAM).first()
    if team is None:
        return
    # The governance team already had view on meetings before this migration: keep it.
    team.permissions.remove(
        *[
            permission
            for permission in _permissions(apps)
            if not (
                permission.content_type.app_label == "governance"
                and permission.codename == "view_meeting"
            )
        ]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("publications", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
