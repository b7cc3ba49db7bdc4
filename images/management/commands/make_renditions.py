"""Make the renditions of library images that have none (or of every image, with --all).

Uploads through the admin get theirs at once; this is for images that arrived another way (the
migration that moved news images into the library, a restored backup). Idempotent.
"""

from django.core.management.base import BaseCommand

from images.models import Image
from images.renditions import make_renditions


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Make them again for every image.")
        parser.add_argument("--dry-run", action="store_true", help="Say what would be made.")

    def handle(self, *args, all: bool = False, dry_run: bool = False, verbosity: int = 1, **opts):
        images = Image.objects.all() if all else Image.objects.filter(renditions=None)
        count = 0
        for image in images.distinct().iterator():
            count += 1
            if not dry_run:
                make_renditions(image)
        if verbosity >= 1:
            verb = "would make" if dry_run else "made"
            self.stdout.write(f"{verb} renditions for {count} image{'' if count == 1 else 's'}")
