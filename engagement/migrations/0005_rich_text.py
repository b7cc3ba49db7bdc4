"""Rich text: the consultation's Markdown becomes the editor's cleaned HTML (core.richtext)."""

from django.db import migrations, models

from core.migration_operations import markdown_to_rich_text


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('engagement', '0004_comms_team_writes_consultations'),
    ]

    operations = [
        migrations.AlterField(
            model_name='consultation',
            name='description',
            field=models.TextField(help_text='Headings, lists, links, bold, quotes and tables from the toolbar.', verbose_name='what it is about'),
        ),
        migrations.AlterField(
            model_name='consultation',
            name='events',
            field=models.TextField(blank=True, help_text='Meetings or drop-in sessions: when, where and how to book. Headings, lists, links, bold, quotes and tables from the toolbar.', verbose_name='events'),
        ),
        migrations.AlterField(
            model_name='consultation',
            name='we_did',
            field=models.TextField(blank=True, help_text='Once closed: what was done about it. Headings, lists, links, bold, quotes and tables from the toolbar.', verbose_name='we did'),
        ),
        migrations.AlterField(
            model_name='consultation',
            name='you_said',
            field=models.TextField(blank=True, help_text='Once closed: what people told us. Headings, lists, links, bold, quotes and tables from the toolbar.', verbose_name='you said'),
        ),
        migrations.AlterField(
            model_name='historicalconsultation',
            name='description',
            field=models.TextField(help_text='Headings, lists, links, bold, quotes and tables from the toolbar.', verbose_name='what it is about'),
        ),
        migrations.AlterField(
            model_name='historicalconsultation',
            name='events',
            field=models.TextField(blank=True, help_text='Meetings or drop-in sessions: when, where and how to book. Headings, lists, links, bold, quotes and tables from the toolbar.', verbose_name='events'),
        ),
        migrations.AlterField(
            model_name='historicalconsultation',
            name='we_did',
            field=models.TextField(blank=True, help_text='Once closed: what was done about it. Headings, lists, links, bold, quotes and tables from the toolbar.', verbose_name='we did'),
        ),
        migrations.AlterField(
            model_name='historicalconsultation',
            name='you_said',
            field=models.TextField(blank=True, help_text='Once closed: what people told us. Headings, lists, links, bold, quotes and tables from the toolbar.', verbose_name='you said'),
        ),
        markdown_to_rich_text('engagement', 'consultation', 'description', 'events', 'you_said', 'we_did'),
    ]
