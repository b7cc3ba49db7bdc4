"""What the search index holds of each app's records, and how it is kept up to date.

Each `Source` names a model, how an entry is written from one of its records (title, codes,
other names, text) and which of its records the public may see, asked of the app's own
queryset (`NewsItem.objects.published()`), so "what is public" stays defined once, in the app.

Entries are rewritten after the transaction that changed their record commits (cache purging
by signal, the one fair use of signals: no business rule lives here). `rebuild()` writes the
whole index at once; the loader and `manage.py rebuild_search_index` call it, and it mends an
index that bulk updates (which send no signals) have left behind.
"""

import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial

from django.contrib.postgres.search import SearchVector
from django.db import connection, models, transaction
from django.db.models.signals import post_delete, post_save

from alliances.models import Alliance, AllianceKind
from core import pagecache
from core.richtext import plain_text
from documents.models import Document as StoredDocument
from engagement.models import Consultation
from governance.models import AgendaItem, Body, Meeting
from news.models import NewsItem
from pages.models import Page
from partners.models import IdentifierScheme, Organisation, PreviousIdentifier
from places.models import Neighbourhood, Place
from publications.models import Publication, PublicationDocument
from search.models import Entry, Kind, Word

# PostgreSQL's English configuration: "hospitals" finds "hospital"; codes stay whole.
CONFIG = "english"

# Titles and codes rank above other names, and those above the text.
VECTOR = (
    SearchVector("title", weight="A", config=CONFIG)
    + SearchVector("codes", weight="A", config=CONFIG)
    + SearchVector("other_names", weight="B", config=CONFIG)
    + SearchVector("text", weight="C", config=CONFIG)
)

# Control characters mark highlights in snippets (search.query); none may come from a record.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
WORD = re.compile(r"[^\W\d_]{4,}")
BATCH = 500


@dataclass(frozen=True)
class EntryFields:
    kind: str
    title: str
    url: str
    codes: Iterable[str] = ()
    other_names: Iterable[str] = ()
    text: Iterable[str] = ()
    date: object = None


@dataclass(frozen=True)
class Source:
    model: type[models.Model]
    documents: Callable[[models.QuerySet], Iterator[tuple[int, EntryFields]]]
    # The records the public may see now; None: all of them.
    public: Callable[[], models.QuerySet] | None = None
    # A related model whose change rewrites entries of this one: the changed record to the
    # primary keys of the records whose entries say something of it.
    depends: dict[type[models.Model], Callable[[models.Model], Iterable[int]]] = field(
        default_factory=dict
    )

    @property
    def label(self) -> str:
        return self.model._meta.label_lower


def places(queryset) -> Iterator[tuple[int, EntryFields]]:
    for place in queryset.select_related("system"):
        yield (
            place.pk,
            EntryFields(
                kind=Kind.PLACE,
                title=place.name,
                url=place.get_absolute_url(),
                codes=(place.gss_code, place.previous_gss_code),
                text=(
                    f"{place.name} is a place in the {place.system.name}.",
                    f"GSS code {place.gss_code}." if place.gss_code else "",
                    f"Former GSS code {place.previous_gss_code}."
                    if place.previous_gss_code
                    else "",
                    place.plan_title,
                    place.priorities,
                    place.note,
                ),
            ),
        )


def neighbourhoods(queryset) -> Iterator[tuple[int, EntryFields]]:
    for neighbourhood in queryset.select_related("place"):
        yield (
            neighbourhood.pk,
            EntryFields(
                kind=Kind.NEIGHBOURHOOD,
                title=neighbourhood.name,
                url=f"{neighbourhood.place.get_absolute_url()}#neighbourhoods",
                text=(f"A {neighbourhood.get_kind_display()} in {neighbourhood.place.name}.",),
            ),
        )


def organisations(queryset) -> Iterator[tuple[int, EntryFields]]:
    for organisation in queryset.prefetch_related("previous_identifiers"):
        former = list(organisation.previous_identifiers.all())
        former_names = [i.value for i in former if i.scheme == IdentifierScheme.NAME]
        former_codes = [i.value for i in former if i.scheme != IdentifierScheme.NAME]
        current_codes = [
            f"{label} {code}"
            for label, code in (
                ("ODS code", organisation.ods_code),
                ("GSS code", organisation.gss_code),
            )
            if code
        ]
        yield (
            organisation.pk,
            EntryFields(
                kind=Kind.PARTNER,
                title=organisation.name,
                url=organisation.get_absolute_url(),
                codes=(organisation.ods_code, organisation.gss_code, *former_codes),
                other_names=former_names,
                text=(
                    f"{organisation.get_kind_display()}.",
                    organisation.description,
                    "; ".join(current_codes) + ("." if current_codes else ""),
                    f"Formerly {', '.join(former_names)}." if former_names else "",
                    f"Former codes: {', '.join(former_codes)}." if former_codes else "",
                ),
            ),
        )


def alliances(queryset) -> Iterator[tuple[int, EntryFields]]:
    for alliance in queryset:
        collaborative = alliance.kind == AllianceKind.PROVIDER_COLLABORATIVE
        yield (
            alliance.pk,
            EntryFields(
                kind=Kind.COLLABORATIVE if collaborative else Kind.ALLIANCE,
                title=alliance.name,
                url=alliance.get_absolute_url(),
                text=(alliance.purpose, alliance.description),
                date=alliance.established,
            ),
        )


def bodies(queryset) -> Iterator[tuple[int, EntryFields]]:
    for body in queryset:
        yield (
            body.pk,
            EntryFields(
                kind=Kind.BODY,
                title=body.name,
                url=body.get_absolute_url(),
                text=(f"{body.get_kind_display()}.", body.purpose, body.attending),
            ),
        )


def meetings(queryset) -> Iterator[tuple[int, EntryFields]]:
    for meeting in queryset.select_related("body").prefetch_related("agenda_items"):
        yield (
            meeting.pk,
            EntryFields(
                kind=Kind.MEETING,
                title=str(meeting),
                url=meeting.get_absolute_url(),
                text=(
                    f"Meeting of the {meeting.body.name}: {meeting.get_status_display().lower()}.",
                    meeting.summary,
                    meeting.venue,
                    *(f"{item.order}. {item.title}." for item in meeting.agenda_items.all()),
                ),
                date=meeting.date,
            ),
        )


def publications(queryset) -> Iterator[tuple[int, EntryFields]]:
    for publication in queryset.prefetch_related("documents"):
        yield (
            publication.pk,
            EntryFields(
                kind=Kind.PUBLICATION,
                title=publication.title,
                url=publication.get_absolute_url(),
                text=(
                    f"{publication.get_kind_display()}.",
                    publication.summary,
                    plain_text(publication.content),
                    *(document.title for document in publication.documents.all()),
                ),
                date=publication.published_on,
            ),
        )


def news(queryset) -> Iterator[tuple[int, EntryFields]]:
    for item in queryset:
        yield (
            item.pk,
            EntryFields(
                kind=Kind.NEWS,
                title=item.title,
                url=item.get_absolute_url(),
                text=(item.summary, plain_text(item.body)),
                date=item.publish_at.date() if item.publish_at else None,
            ),
        )


def consultations(queryset) -> Iterator[tuple[int, EntryFields]]:
    for consultation in queryset.select_related("run_by"):
        yield (
            consultation.pk,
            EntryFields(
                kind=Kind.CONSULTATION,
                title=consultation.title,
                url=consultation.get_absolute_url(),
                other_names=[consultation.run_by.name] if consultation.run_by else [],
                text=(
                    consultation.summary,
                    plain_text(consultation.description),
                    plain_text(consultation.you_said),
                    plain_text(consultation.we_did),
                ),
                date=consultation.opens_at.date(),
            ),
        )


def pages(queryset) -> Iterator[tuple[int, EntryFields]]:
    for page in queryset:
        yield (
            page.pk,
            EntryFields(
                kind=Kind.PAGE,
                title=page.title,
                url=page.get_absolute_url(),
                text=(page.summary, plain_text(page.body)),
                date=page.last_reviewed_on,
            ),
        )


SOURCES = (
    Source(Place, places, depends={}),
    Source(
        Neighbourhood,
        neighbourhoods,
        depends={Place: lambda place: place.neighbourhoods.values_list("pk", flat=True)},
    ),
    Source(
        Organisation,
        organisations,
        depends={PreviousIdentifier: lambda identifier: [identifier.organisation_id]},
    ),
    Source(Alliance, alliances),
    Source(Body, bodies),
    Source(
        Meeting,
        meetings,
        depends={
            Body: lambda body: body.meetings.values_list("pk", flat=True),
            AgendaItem: lambda item: [item.meeting_id],
        },
    ),
    Source(
        Publication,
        publications,
        public=lambda: Publication.objects.published(),
        depends={
            PublicationDocument: lambda link: [link.publication_id],
            StoredDocument: lambda document: document.publication_links.values_list(
                "publication_id", flat=True
            ),
        },
    ),
    Source(NewsItem, news, public=lambda: NewsItem.objects.published()),
    Source(Consultation, consultations, public=lambda: Consultation.objects.public()),
    Source(Page, pages, public=lambda: Page.objects.live()),
)


def visible() -> models.Q:
    """Entries whose records the public may see at this moment, asked of each app."""
    condition = models.Q()
    for source in SOURCES:
        mine = models.Q(source=source.label)
        if source.public is not None:
            mine &= models.Q(object_id__in=source.public().values("pk"))
        condition |= mine
    return condition


def joined(parts: Iterable[str]) -> str:
    return CONTROL.sub(" ", " ".join(part.strip() for part in parts if part and part.strip()))


def write(source: Source, queryset: models.QuerySet) -> int:
    """Write the entries of `queryset`'s records, replacing what the index held for them."""
    written = 0
    batch = []
    for pk, document in source.documents(queryset):
        batch.append(
            Entry(
                source=source.label,
                object_id=pk,
                kind=document.kind,
                title=joined([document.title])[:300],
                url=document.url,
                codes=joined(document.codes)[:500],
                other_names=joined(document.other_names),
                text=joined(document.text),
                date=document.date,
            )
        )
        if len(batch) == BATCH:
            written += save(source, batch)
            batch = []
    if batch:
        written += save(source, batch)
    return written


def save(source: Source, entries: list[Entry]) -> int:
    Entry.objects.bulk_create(
        entries,
        update_conflicts=True,
        unique_fields=["source", "object_id"],
        update_fields=["kind", "title", "url", "codes", "other_names", "text", "date"],
    )
    if connection.vendor == "postgresql":
        ids = [entry.object_id for entry in entries]
        Entry.objects.filter(source=source.label, object_id__in=ids).update(search_vector=VECTOR)
        words = {
            word.lower()
            for entry in entries
            for word in WORD.findall(f"{entry.title} {entry.other_names}")
            if len(word) <= 60
        }
        Word.objects.bulk_create([Word(word=w) for w in sorted(words)], ignore_conflicts=True)
    return len(entries)


def reindex(source: Source, pks: Iterable[int]) -> None:
    """Rewrite the entries of these records of `source`; drop those of records now gone."""
    pks = set(pks)
    if not pks:
        return
    with transaction.atomic():
        queryset = source.model._default_manager.filter(pk__in=pks)
        found = set(queryset.values_list("pk", flat=True))
        Entry.objects.filter(source=source.label, object_id__in=pks - found).delete()
        if found:
            write(source, source.model._default_manager.filter(pk__in=found))
        # Entries are written in bulk, which no signal reports: search pages change now.
        transaction.on_commit(pagecache.invalidate, robust=True)


def rebuild(*, dry_run: bool = False) -> int:
    """Write every source's entries afresh and drop those of records gone, in one transaction
    (searches see the old index until it commits); returns the number of entries. Entries
    are updated in place, so a rebuild that finds nothing changed changes nothing."""
    with transaction.atomic():
        Entry.objects.exclude(source__in=[source.label for source in SOURCES]).delete()
        written = 0
        for source in SOURCES:
            records = source.model._default_manager
            Entry.objects.filter(source=source.label).exclude(
                object_id__in=records.values("pk")
            ).delete()
            written += write(source, records.order_by("pk"))
        transaction.on_commit(pagecache.invalidate, robust=True)
        if dry_run:
            transaction.set_rollback(True)
    return written


_state = threading.local()


@contextmanager
def deferred() -> Iterator[None]:
    """Changes made inside queue no rewrites of their entries: for bulk work (the loader),
    which calls `rebuild()` once at the end instead."""
    _state.depth = getattr(_state, "depth", 0) + 1
    try:
        yield
    finally:
        _state.depth -= 1


def schedule(source: Source, pks: Iterable[int]) -> None:
    if getattr(_state, "depth", 0):
        return
    # Robust: the record is saved whatever happens here; an entry that could not be written
    # is logged, and the next save or a rebuild writes it.
    transaction.on_commit(partial(reindex, source, list(pks)), robust=True)


def changed(sender, instance, source: Source, **kwargs) -> None:
    schedule(source, [instance.pk])


def related_changed(sender, instance, source: Source, related, **kwargs) -> None:
    schedule(source, related(instance))


def connect_signals() -> None:
    """Rewrite an entry after its record, or a record it quotes, is saved or deleted."""
    for source in SOURCES:
        handler = partial(changed, source=source)
        for signal in (post_save, post_delete):
            signal.connect(handler, sender=source.model, weak=False)
        for model, related in source.depends.items():
            handler = partial(related_changed, source=source, related=related)
            for signal in (post_save, post_delete):
                signal.connect(handler, sender=model, weak=False)
