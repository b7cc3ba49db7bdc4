"""Rich text: the newsitem's Markdown becomes the editor's cleaned HTML (core.richtext)."""

from django.db import migrations, models

from core.migration_operations import markdown_to_rich_text


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('news', '0003_comms_team_permissions'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalnewsitem',
            name='body',
            field=models.TextField(help_text='Headings, lists, links, bold, quotes and tables from the toolbar. Anything else pasted in (scripts, styles, images) is removed when the item is saved.'),
        ),
        migrations.AlterField(
            model_name='newsitem',
            name='body',
            field=models.TextField(help_text='Headings, lists, links, bold, quotes and tables from the toolbar. Anything else pasted in (scripts, styles, images) is removed when the item is saved.'),
        ),
        markdown_to_rich_text('news', 'newsitem', 'body'),
    ]
