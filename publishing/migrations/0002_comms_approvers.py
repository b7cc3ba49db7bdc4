"""The "Comms approvers" group: they approve, publish, schedule and withdraw news items and
pages. The Comms team keeps writing them and submits them for approval, so it loses the
publish permissions it had: nothing goes live on one person's say.

Why a data migration: the groups are reference data (see news/migrations/0001_staff_groups).
An approver who also writes is in both groups.
"""

from django.db import migrations

COMMS_TEAM = "Comms team"
COMMS_APPROVERS = "Comms approvers"
PERMISSIONS = [
    ("news", "publish_newsitem"),
    ("news", "view_newsitem"),
    ("news", "change_newsitem"),
    ("pages", "publish_page"),
    ("pages", "view_page"),
    ("pages", "change_page"),
]
PUBLISHING = [("news", "publish_newsitem"), ("pages", "publish_page")]


def permissions(apps, pairs):
    Permission = apps.get_model("auth", "Permission")
    found = [
        Permission.objects.get(content_type__app_label=app, codename=codename)
        for app, codename in pairs
    ]
    return found


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    approvers, _ = Group.objects.get_or_create(name=COMMS_APPROVERS)
    approvers.permissions.add(*permissions(apps, PERMISSIONS))
    for team in Group.objects.filter(name=COMMS_TEAM):
        team.permissions.remove(*permissions(apps, PUBLISHING))


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for team in Group.objects.filter(name=COMMS_TEAM):
        team.permissions.add(*permissions(apps, PUBLISHING))
    Group.objects.filter(name=COMMS_APPROVERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0001_review_steps"),
        ("news", "0005_sign_off"),
        ("pages", "0002_comms_team_pages"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
