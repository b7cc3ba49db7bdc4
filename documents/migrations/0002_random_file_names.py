"""Stores uploads under random names with the extension of their real format
(documents.files.document_path): the uploaded name is never used."""

import documents.files
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='document',
            name='file',
            field=models.FileField(blank=True, help_text='PDF, Word, Excel, OpenDocument or CSV. Leave empty for an external link.', max_length=200, upload_to=documents.files.document_path),
        ),
    ]
