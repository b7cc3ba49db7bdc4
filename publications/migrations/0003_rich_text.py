"""Rich text: the publication's Markdown becomes the editor's cleaned HTML (core.richtext)."""

from django.db import migrations, models

from core.migration_operations import markdown_to_rich_text


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('publications', '0002_governance_team_publications'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalpublication',
            name='content',
            field=models.TextField(blank=True, help_text='Optional: the publication itself, written here and shown as a web page.', verbose_name='content as a page'),
        ),
        migrations.AlterField(
            model_name='publication',
            name='content',
            field=models.TextField(blank=True, help_text='Optional: the publication itself, written here and shown as a web page.', verbose_name='content as a page'),
        ),
        markdown_to_rich_text('publications', 'publication', 'content'),
    ]
