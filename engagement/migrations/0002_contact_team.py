"""Creates the "Contact team" group, who answer the contact form's messages.

Why a data migration: the group is reference data every environment needs. Only this group
(and superusers) may see messages: they hold residents' personal data. The team reads and
updates messages (status, who has it), adds notes and replies, and watches the outbox; nobody
edits what a sender wrote, and deletion is the retention command's alone.
"""

from django.db import migrations

from core.migration_operations import create_permissions_now

CONTACT_TEAM = "Contact team"
PERMISSIONS = [
    "view_contactmessage",
    "change_contactmessage",
    "view_note",
    "add_note",
    "view_reply",
    "add_reply",
    "view_outgoingemail",
    "change_outgoingemail",
]


def create_group(apps, schema_editor):
    create_permissions_now(apps, "engagement")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    team, _ = Group.objects.get_or_create(name=CONTACT_TEAM)
    team.permissions.add(
        *Permission.objects.filter(content_type__app_label="engagement", codename__in=PERMISSIONS)
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=CONTACT_TEAM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("engagement", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
