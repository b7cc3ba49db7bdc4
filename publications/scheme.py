"""The publication scheme: the Information Commissioner's model classes of information, each
filled from what exists, so the scheme cannot go stale.

Each class lists the published publications of its types (the latest few, with "see all" links
to the publications list filtered by type) and the site's own pages that belong in it, named by
URL. A new publication appears in its class as soon as it is public, with no code change.

Why each type sits in its class (the ICO's definition document for health bodies is the guide;
every type sits in exactly one class, so every publication appears once):

- annual report: "what we spend and how we spend it", because an NHS body's annual report
  carries its annual accounts;
- strategy, plan, report: "what our priorities are and how we are doing" (strategies and plans
  are the priorities, reports say how they are going);
- board papers and consultation documents: "how we make decisions" (the ICO puts papers of
  decision-making meetings and public consultations there);
- policy: "our policies and procedures";
- other: "who we are and what we do", the catch-all for what the partnership publishes about
  itself, so that nothing published is left out of the scheme.

"Lists and registers" and "the services we offer" hold no type of publication: they are the
site's own pages (registers of interests, where facts come from; places and neighbourhoods).
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from publications.models import Publication, PublicationKind

# How many publications each class shows before its "see all" links.
PUBLICATIONS_PER_CLASS = 5


@dataclass(frozen=True)
class SchemeClass:
    slug: str
    title: str
    description: str
    kinds: tuple[str, ...] = ()
    # The site's own pages in this class: (label, URL name).
    pages: tuple[tuple[str, str], ...] = ()


SCHEME: list[SchemeClass] = [
    SchemeClass(
        "who-we-are",
        "Who we are and what we do",
        "How the partnership is organised, who its partners are, and how it came to be.",
        kinds=(PublicationKind.OTHER,),
        pages=(
            ("Who we are", "places:about"),
            ("Our journey", "places:journey"),
            ("Partners", "partners:list"),
            ("Provider collaboratives", "alliances:collaborative-list"),
            ("Alliances", "alliances:list"),
        ),
    ),
    SchemeClass(
        "what-we-spend",
        "What we spend and how we spend it",
        "Annual reports, with the accounts they carry.",
        kinds=(PublicationKind.ANNUAL_REPORT,),
    ),
    SchemeClass(
        "priorities",
        "What our priorities are and how we are doing",
        "Strategies and plans, the place plans among them, and reports on progress.",
        kinds=(PublicationKind.STRATEGY, PublicationKind.PLAN, PublicationKind.REPORT),
    ),
    SchemeClass(
        "decisions",
        "How we make decisions",
        "The boards and committees that meet in public, their meetings and papers, and "
        "consultations.",
        kinds=(PublicationKind.BOARD_PAPERS, PublicationKind.CONSULTATION),
        pages=(
            ("Governance: boards and committees", "governance:index"),
            ("Meetings", "governance:meetings"),
        ),
    ),
    SchemeClass(
        "policies",
        "Our policies and procedures",
        "The policies the partnership works by, and this website's own.",
        kinds=(PublicationKind.POLICY,),
        pages=(
            ("Accessibility statement", "pages:accessibility"),
            ("Privacy notice", "pages:privacy"),
            ("Cookies", "pages:cookies"),
        ),
    ),
    SchemeClass(
        "lists-and-registers",
        "Lists and registers",
        "Registers kept in public, and where every fact on this site comes from.",
        pages=(
            ("Registers of interests", "governance:registers"),
            ("Where our facts come from", "sources"),
        ),
    ),
    SchemeClass(
        "services",
        "The services we offer",
        "Health and care is planned and delivered in places and neighbourhoods.",
        pages=(
            ("Places", "places:list"),
            ("Neighbourhoods", "places:neighbourhoods"),
        ),
    ),
]

CLASS_OF_KIND: dict[str, str] = {kind: c.slug for c in SCHEME for kind in c.kinds}


@dataclass
class KindLink:
    """ "See all": the publications list filtered by one type."""

    label: str
    count: int
    url: str


@dataclass
class SchemeEntry:
    """One class as the page shows it."""

    scheme_class: SchemeClass
    publications: list[Publication] = field(default_factory=list)
    count: int = 0
    kind_links: list[KindLink] = field(default_factory=list)
    pages: list[tuple[str, str]] = field(default_factory=list)


def resolve_pages(pages) -> list[tuple[str, str]]:
    """(label, URL) for each page that exists. A page another part of the site has not built
    yet (say the registers of interests) is left out rather than breaking the scheme."""
    resolved = []
    for label, name in pages:
        try:
            resolved.append((label, reverse(name)))
        except NoReverseMatch:
            continue
    return resolved


def build_scheme(*, per_class: int = PUBLICATIONS_PER_CLASS) -> list[SchemeEntry]:
    """Every class with its latest publications, counts per type and pages: two queries,
    however many publications there are."""
    published = Publication.objects.published()
    counts = dict(
        published.order_by().values_list("kind").annotate(n=Count("pk")).values_list("kind", "n")
    )
    # The latest few of each class by primary key alone (SQLite sorts before it joins, so
    # the related rows are fetched for the chosen ones only), then those with their context.
    latest_of_class = Q()
    for scheme in SCHEME:
        if scheme.kinds:
            chosen = published.filter(kind__in=scheme.kinds).newest_first()[:per_class]
            latest_of_class |= Q(pk__in=chosen.values("pk"))
    latest = Publication.objects.filter(latest_of_class).with_context().newest_first()
    by_class: dict[str, list[Publication]] = {}
    for publication in latest:
        by_class.setdefault(CLASS_OF_KIND[publication.kind], []).append(publication)

    entries = []
    for scheme in SCHEME:
        kind_links = [
            KindLink(
                label=PublicationKind(kind).label,
                count=counts[kind],
                url=f"{reverse('publications:list')}?{urlencode({'kind': kind})}",
            )
            for kind in scheme.kinds
            if counts.get(kind)
        ]
        entries.append(
            SchemeEntry(
                scheme_class=scheme,
                publications=by_class.get(scheme.slug, []),
                count=sum(link.count for link in kind_links),
                kind_links=kind_links,
                pages=resolve_pages(scheme.pages),
            )
        )
    return entries
