"""Creates the "Governance team" group, who keep bodies, members and meetings.

Why a data migration: the group is reference data every environment needs, identical in
production, CI and on a laptop. The Comms team and Partner editors get none of these
permissions: governance records are the governance team's alone. The team may view (not
change) systems, alliances and organisations, which the admin's autocomplete for a body's
system and alliance and a member's organisation needs.
"""

from django.db import migrations

from core.migration_operations import create_permissions_now

GOVERNANCE_TEAM = "Governance team"
LOOKED_UP = [
    ("places", "integratedcaresystem"),
    ("alliances", "alliance"),
    ("partners", "organisation"),
]


def create_group(apps, schema_editor):
    for app_label in ["governance", *{app for app, _ in LOOKED_UP}]:
        create_permissions_now(apps, app_label)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    team, _ = Group.objects.get_or_create(name=GOVERNANCE_TEAM)
    team.permissions.add(
        *Permission.objects.filter(content_type__app_label="governance").exclude(
            content_type__model__startswith="historical"
        ),
        *[
            Permission.objects.get(
                content_type__app_label=app, codename=f"view_{model}"
            )
            for app, model in LOOKED_UP
        ],
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GOVERNANCE_TEAM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("governance", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
