"""Lets the Governance team keep the registers of interests (add, change, delete, view).

Why a data migration: the group's permissions are reference data every environment needs
(see 0002_governance_team). The Comms team and Partner editors get none of these.
"""

from django.db import migrations

from core.migration_operations import create_permissions_now

GOVERNANCE_TEAM = "Governance team"
REGISTER_MODELS = ["interestregister", "declaredinterest"]


def register_permissions(apps):
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="governance", content_type__model__in=REGISTER_MODELS
    )


def grant(apps, schema_editor):
    create_permissions_now(apps, "governance")
    team, _ = apps.get_model("auth", "Group").objects.get_or_create(name=GOVERNANCE_TEAM)
    team.permissions.add(*register_permissions(apps))


def revoke(apps, schema_editor):
    team = apps.get_model("auth", "Group").objects.filter(name=GOVERNANCE_TEAM).first()
    if team is not None:
        team.permissions.remove(*register_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("governance", "0004_registers_of_interests"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
