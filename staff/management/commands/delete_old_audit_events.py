"""Delete audit events older than AUDIT_RETENTION_DAYS. Run it daily, on one host."""

from django.core.management.base import BaseCommand

from staff.models import AuditEvent


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count them, delete nothing.")

    def handle(self, *, dry_run: bool, verbosity: int, **options):
        old = AuditEvent.objects.past_retention()
        count = old.count() if dry_run else old.delete()[0]
        if verbosity:
            verb = "would delete" if dry_run else "deleted"
            self.stdout.write(f"{verb} {count} audit events.")
