"""Write the site search's index afresh from every record.

Saving a record through the admin or the loader keeps its entry up to date; this mends the
index after bulk changes that bypass that (a queryset update, a restored database).
"""

from django.core.management.base import BaseCommand

from search import index


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the entries, then write nothing."
        )

    def handle(self, *, dry_run: bool, verbosity: int, **options):
        written = index.rebuild(dry_run=dry_run)
        if verbosity:
            done = "would write" if dry_run else "wrote"
            self.stdout.write(f"Search index: {done} {written} entries.")
