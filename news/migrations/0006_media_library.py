"""News images move into the media library: each item's uploaded image becomes a library
image (its file copied under the library's name, its description kept as the alt text, the
item's title as its title), chosen as the item's image; then the old fields go.

Renditions are made by `manage.py make_renditions` (run by `make run` and the deployment
steps): a migration does not resize photos. Until then a page shows the original file.
Backwards, the items get their library image back as their own field.
"""

import django.db.models.deletion
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import migrations, models


def into_the_library(apps, schema_editor):
    NewsItem = apps.get_model("news", "NewsItem")
    Image = apps.get_model("images", "Image")
    for item in NewsItem.objects.exclude(image=""):
        extension = item.image.name.rsplit(".", 1)[-1]
        with default_storage.open(item.image.name, "rb") as old:
            name = default_storage.save(
                f"images/{uuid.uuid4().hex}.{extension}", ContentFile(old.read())
            )
        picture = Image.objects.create(
            title=item.title[:200], file=name, alt_text=item.image_alt or item.title[:250]
        )
        NewsItem.objects.filter(pk=item.pk).update(picture=picture)


def out_of_the_library(apps, schema_editor):
    NewsItem = apps.get_model("news", "NewsItem")
    for item in NewsItem.objects.exclude(picture=None).select_related("picture"):
        NewsItem.objects.filter(pk=item.pk).update(
            image=item.picture.file.name, image_alt=item.picture.alt_text
        )


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0001_media_library"),
        ("news", "0005_sign_off"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalnewsitem",
            name="picture",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Optional: an image from the media library (the magnifier opens it, with thumbnails). Its description and credit go with it.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="images.image",
                verbose_name="image",
            ),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="picture",
            field=models.ForeignKey(
                blank=True,
                help_text="Optional: an image from the media library (the magnifier opens it, with thumbnails). Its description and credit go with it.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="news_items",
                to="images.image",
                verbose_name="image",
            ),
        ),
        migrations.RunPython(into_the_library, out_of_the_library),
        migrations.RemoveConstraint(
            model_name="newsitem",
            name="news_image_has_alt_text",
        ),
        migrations.RemoveField(
            model_name="historicalnewsitem",
            name="image",
        ),
        migrations.RemoveField(
            model_name="historicalnewsitem",
            name="image_alt",
        ),
        migrations.RemoveField(
            model_name="newsitem",
            name="image",
        ),
        migrations.RemoveField(
            model_name="newsitem",
            name="image_alt",
        ),
    ]
