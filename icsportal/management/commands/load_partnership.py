"""Load the partnership's data (places, partners, alliances, governance, publications, news,
and the text of the site's standing pages).

Idempotent. Reads the data files committed in each app (`places/data/`, `partners/data/`,
`alliances/data/`, `governance/data/` (bodies and meetings), `publications/data/`
(publications and their documents, as links), `news/data/`, `pages/data/`). It creates what is
missing and updates a field the data file changed only while staff have not changed it since
the loader last wrote it; staff edits, deletions and removed links are kept and listed ("kept
staff change: ..."), and records and links that staff added are never deleted. A news item's
publish time is written only when the item is created. Running it again changes nothing.
Everything happens in one transaction: a bad row loads nothing; `--dry-run` reports, then rolls
back.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from alliances.seed import load_alliances
from core.seeding import LoadReport
from governance.seed import load_governance
from news.seed import load_news
from pages.seed import load_pages
from partners.seed import load_organisations
from places import figures
from places.seed import load_places
from publications.seed import load_publications
from search import index as search_index


class DryRun(Exception):
    """Raised to roll back a --dry-run after reporting."""


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change, then roll back."
        )

    def handle(self, *args, dry_run: bool = False, verbosity: int = 1, **options):
        report = LoadReport()
        try:
            with transaction.atomic(), search_index.deferred(), figures.deferred():
                load_places(report=report)
                load_organisations(report=report)
                load_alliances(report=report)
                load_governance(report=report)
                load_publications(report=report)
                load_news(report=report)
                load_pages(report=report)
                # The site search's entries, all at once rather than record by record.
                search_index.rebuild()
                if dry_run:
                    raise DryRun
        except DryRun:
            self.stdout.write("Dry run: nothing was saved.")
        if verbosity >= 1:
            for line in report.lines():
                self.stdout.write(line)
