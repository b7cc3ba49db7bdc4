"""Send the outbox: every email whose time has come, including those a mail outage held back.

Run it every minute on each host (cron or a systemd timer); hosts running it at once skip the
emails another is sending.
"""

from django.core.management.base import BaseCommand

from engagement.models import OutgoingEmail
from engagement.services import send_due


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count them, send nothing.")

    def handle(self, *, dry_run: bool, verbosity: int, **options):
        if dry_run:
            self.stdout.write(f"{OutgoingEmail.objects.due().count()} emails due.")
            return
        sent, failed = send_due(limit=1000)
        if verbosity:
            self.stdout.write(f"{sent} sent, {failed} failed (to be tried again).")
