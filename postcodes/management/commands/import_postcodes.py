"""manage.py import_postcodes: the ONS Postcode Directory's postcodes of the partnership's
areas and its neighbours', from the installed package, and the places' map drawn from them."""

from pathlib import Path

from django.core.management.base import BaseCommand

from postcodes.services import import_directory


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument(
            "--source", type=Path, help="A folder of the package's files (default: installed)."
        )
        parser.add_argument("--edition-version", help="The version of the files in --source.")
        parser.add_argument(
            "--force", action="store_true", help="Import even if this edition is already in."
        )

    def handle(self, *args, source=None, edition_version=None, force=False, **options):
        report = import_directory(source, version=edition_version, force=force)
        if options["verbosity"]:
            self.stdout.write(str(report))
