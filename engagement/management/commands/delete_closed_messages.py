"""Delete contact messages closed more than CONTACT_RETENTION_DAYS ago, with their personal data.

Run it daily. Open messages are never deleted, however old; deleted ones leave no copy in the
history either.
"""

from django.core.management.base import BaseCommand

from engagement.services import delete_closed_messages


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count them, delete nothing.")

    def handle(self, *, dry_run: bool, verbosity: int, **options):
        deleted = delete_closed_messages(dry_run=dry_run)
        if verbosity:
            verb = "would delete" if dry_run else "deleted"
            self.stdout.write(f"{verb} {deleted} closed messages.")
