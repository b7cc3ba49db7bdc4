"""Agenda items, meeting papers and minutes; and the Governance team's permissions on them.

The permissions are granted here, in a data step after the tables: the group (made in 0002)
keeps every governance record, so it needs add/change/delete/view on the agenda items and
papers the meeting admin edits inline. It may also view (not change) documents, which the
meeting admin's document lookup needs. Reversing removes just these permissions.
"""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

from core.migration_operations import create_permissions_now

GOVERNANCE_TEAM = "Governance team"


def team_and_permissions(apps):
    for app_label in ["governance", "documents"]:
        create_permissions_now(apps, app_label)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    team, _ = Group.objects.get_or_create(name=GOVERNANCE_TEAM)
    permissions = [
        *Permission.objects.filter(
            content_type__app_label="governance",
            content_type__model__in=["agendaitem", "meetingpaper"],
        ),
        Permission.objects.get(content_type__app_label="documents", codename="view_document"),
    ]
    return team, permissions


def grant(apps, schema_editor):
    team, permissions = team_and_permissions(apps)
    team.permissions.add(*permissions)


def revoke(apps, schema_editor):
    team, permissions = team_and_permissions(apps)
    team.permissions.remove(*permissions)


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('documents', '0001_initial'),
        ('governance', '0002_governance_team'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalmeeting',
            name='minutes',
            field=models.ForeignKey(blank=True, db_constraint=False, help_text='The approved minutes, once published. Only for a meeting that was held.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='documents.document'),
        ),
        migrations.AddField(
            model_name='historicalmeeting',
            name='minutes_approved_on',
            field=models.DateField(blank=True, help_text='When the body approved the minutes, usually at its next meeting.', null=True),
        ),
        migrations.AddField(
            model_name='meeting',
            name='minutes',
            field=models.ForeignKey(blank=True, help_text='The approved minutes, once published. Only for a meeting that was held.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='minutes_of', to='documents.document'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='minutes_approved_on',
            field=models.DateField(blank=True, help_text='When the body approved the minutes, usually at its next meeting.', null=True),
        ),
        migrations.CreateModel(
            name='AgendaItem',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('order', models.PositiveSmallIntegerField(help_text='Its number on the agenda.', validators=[django.core.validators.MinValueValidator(1)], verbose_name='number')),
                ('title', models.CharField(max_length=300)),
                ('description', models.TextField(blank=True)),
                ('presenter', models.CharField(blank=True, help_text='Who presents it, as the agenda names them.', max_length=200)),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='agenda_items', to='governance.meeting')),
                ('papers', models.ManyToManyField(blank=True, related_name='agenda_items', to='documents.document')),
            ],
            options={
                'ordering': ['meeting', 'order'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalAgendaItem',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('order', models.PositiveSmallIntegerField(help_text='Its number on the agenda.', validators=[django.core.validators.MinValueValidator(1)], verbose_name='number')),
                ('title', models.CharField(max_length=300)),
                ('description', models.TextField(blank=True)),
                ('presenter', models.CharField(blank=True, help_text='Who presents it, as the agenda names them.', max_length=200)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('meeting', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='governance.meeting')),
            ],
            options={
                'verbose_name': 'historical agenda item',
                'verbose_name_plural': 'historical agenda items',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalMeetingPaper',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('order', models.PositiveSmallIntegerField(default=1)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('document', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='documents.document')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('meeting', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='governance.meeting')),
            ],
            options={
                'verbose_name': 'historical meeting paper',
                'verbose_name_plural': 'historical meeting papers',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='MeetingPaper',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('order', models.PositiveSmallIntegerField(default=1)),
                ('document', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='meeting_paper_links', to='documents.document')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='paper_links', to='governance.meeting')),
            ],
            options={
                'ordering': ['meeting', 'order', 'pk'],
            },
        ),
        migrations.AddField(
            model_name='meeting',
            name='papers',
            field=models.ManyToManyField(blank=True, related_name='meetings', through='governance.MeetingPaper', to='documents.document'),
        ),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.CheckConstraint(condition=models.Q(('minutes__isnull', True), ('status', 'held'), _connector='OR'), name='meeting_minutes_only_when_held'),
        ),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.CheckConstraint(condition=models.Q(('minutes_approved_on__isnull', True), ('minutes_approved_on__gte', models.F('date')), _connector='OR'), name='meeting_minutes_approved_after_it'),
        ),
        migrations.AddConstraint(
            model_name='agendaitem',
            constraint=models.UniqueConstraint(fields=('meeting', 'order'), name='agenda_item_number_unique_per_meeting', violation_error_message='The agenda already has an item with this number.'),
        ),
        migrations.AddConstraint(
            model_name='agendaitem',
            constraint=models.CheckConstraint(condition=models.Q(('order__gte', 1)), name='agenda_item_number_positive'),
        ),
        migrations.AddConstraint(
            model_name='meetingpaper',
            constraint=models.UniqueConstraint(fields=('meeting', 'document'), name='meeting_paper_listed_once'),
        ),
        migrations.RunPython(grant, revoke),
    ]
