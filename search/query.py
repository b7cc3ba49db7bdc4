"""The site search: a query to a page of ranked, labelled results with snippets.

On PostgreSQL: full-text search over the stored, GIN-indexed vectors (titles and codes weigh
most), ranked, with highlighted snippets (ts_headline) and, when nothing matches, a spelling
correction from the words table by trigram similarity ("Sheffeild" becomes "Sheffield").
On SQLite: every word must appear somewhere in the entry (found through a trigram index); an
exact title ranks first; the snippet is cut in Python. Both answer any text without an error:
the query is only ever a parameter, and PostgreSQL reads it with websearch_to_tsquery, which
accepts any input.

A results page costs the same few queries whatever the size of the index: one counts the
results by kind, one fetches the page (with its snippets), and a correction at most six.
"""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramSimilarity,
)
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Case, Count, F, FloatField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.index import CONFIG, visible
from search.models import Entry, Kind, Word

PER_PAGE = 20
START, STOP = "\x02", "\x03"  # highlight markers: the index strips them from every record
TOKEN = re.compile(r"\w+")
WORD = re.compile(r"[^\W\d_]+")
# The most words of a query that are matched one by one (SQLite) or corrected (PostgreSQL).
MOST_WORDS = 8
MOST_CORRECTIONS = 5
SNIPPET_CHARACTERS = 220
# SQLite's trigram index finds a word of at least this many characters.
TRIGRAM = 3
TRIGRAM_MATCH = "SELECT rowid FROM search_entry_trigram WHERE search_entry_trigram MATCH %s"


@dataclass
class Results:
    asked: str  # what the visitor typed
    searched: str  # what was searched: the correction when the words as typed found nothing
    page: Page | None
    counts: list[tuple[str, str, int]] = field(default_factory=list)  # kind, label, number

    @property
    def corrected(self) -> bool:
        return self.searched != self.asked

    @property
    def total(self) -> int:
        return sum(n for _, _, n in self.counts)


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def highlight(marked: str) -> SafeString:
    """Text with START/STOP markers as safe HTML: everything escaped, the marks made <mark>."""
    return mark_safe(  # noqa: S308 (escaped first; only our own tags are added)  # nosec B308 B703
        escape(marked).replace(START, "<mark>").replace(STOP, "</mark>")
    )


def cut_snippet(text: str, words: list[str]) -> str:
    """The part of `text` around the first of `words` it contains, the words marked (SQLite)."""
    if not text:
        return ""
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE) if words else None
    first = pattern.search(text) if pattern else None
    start = 0
    if first and first.start() > SNIPPET_CHARACTERS // 3:
        start = text.rfind(" ", 0, first.start() - SNIPPET_CHARACTERS // 3) + 1
    end = start + SNIPPET_CHARACTERS
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    snippet = text[start:end]
    if pattern:
        snippet = pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", snippet)
    return ("… " if start else "") + snippet + (" …" if end < len(text) else "")


class Matcher:
    """Which entries match a query, in rank order, and how each one's snippet is made."""

    def __init__(self, text: str):
        self.text = text

    def entries(self) -> QuerySet:
        raise NotImplementedError

    def ranked(self) -> QuerySet:
        raise NotImplementedError

    def snippets(self, entries: list[Entry]) -> None:
        raise NotImplementedError


class PostgresMatcher(Matcher):
    def __init__(self, text: str):
        super().__init__(text)
        self.query = SearchQuery(text, config=CONFIG, search_type="websearch")

    def entries(self) -> QuerySet:
        return Entry.objects.filter(visible(), search_vector=self.query)

    def ranked(self) -> QuerySet:
        exact = Case(
            When(title__iexact=self.text, then=Value(1.0)),
            default=Value(0.0),
            output_field=FloatField(),
        )
        return (
            self.entries()
            .annotate(
                rank=SearchRank(F("search_vector"), self.query) + exact,
                snippet_marked=SearchHeadline(
                    "text",
                    self.query,
                    config=CONFIG,
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=35,
                    min_words=15,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                ),
            )
            .defer("text", "search_vector")
            .order_by("-rank", "title", "pk")
        )

    def snippets(self, entries: list[Entry]) -> None:
        for entry in entries:
            entry.snippet = highlight(entry.snippet_marked)


class SimpleMatcher(Matcher):
    """SQLite: every word must appear somewhere in the entry. A word of three or more letters
    is found through the trigram full-text index (search migration 0004), so no entry is read
    that does not hold it; a shorter one, which a trigram index cannot hold, by matching the
    entries the others left."""

    def __init__(self, text: str):
        super().__init__(text)
        self.words = TOKEN.findall(text)[:MOST_WORDS]

    def entries(self) -> QuerySet:
        if not self.words:
            return Entry.objects.none()
        entries = Entry.objects.filter(visible())
        indexed = [word for word in self.words if len(word) >= TRIGRAM]
        if indexed:
            # Each word a quoted string (a \w+ token holds no quote): every one must appear.
            match = " AND ".join(f'"{word}"' for word in indexed)
            # The words are a parameter; the SQL is a constant.
            entries = entries.filter(pk__in=RawSQL(TRIGRAM_MATCH, (match,)))  # noqa: S611  # nosec B611
        for word in self.words:
            if len(word) < TRIGRAM:
                entries = entries.filter(
                    Q(title__icontains=word)
                    | Q(codes__icontains=word)
                    | Q(other_names__icontains=word)
                    | Q(text__icontains=word)
                )
        return entries

    def ranked(self) -> QuerySet:
        if not self.words:
            return Entry.objects.none()
        first = self.words[0]
        rank = Case(
            When(title__iexact=self.text.strip(), then=Value(4)),
            When(codes__icontains=first, then=Value(3)),
            When(title__istartswith=first, then=Value(2)),
            When(title__icontains=first, then=Value(1)),
            default=Value(0),
        )
        return self.entries().annotate(rank=rank).order_by("-rank", "title", "pk")

    def snippets(self, entries: list[Entry]) -> None:
        for entry in entries:
            entry.snippet = highlight(cut_snippet(entry.text, self.words))


def matcher_for(text: str) -> Matcher:
    return PostgresMatcher(text) if is_postgresql() else SimpleMatcher(text)


def correction(text: str) -> str:
    """The query with each word the index does not know replaced by the most similar one it
    does (PostgreSQL's trigram similarity); "" when there is nothing to correct."""
    if not is_postgresql():
        return ""
    words = [w for w in WORD.findall(text) if len(w) >= 4][:MOST_CORRECTIONS]
    if not words:
        return ""
    known = set(
        Word.objects.filter(word__in=[w.lower() for w in words]).values_list("word", flat=True)
    )
    corrected = text
    for word in words:
        if word.lower() in known:
            continue
        best = (
            Word.objects.filter(word__trigram_similar=word.lower())
            .annotate(similarity=TrigramSimilarity("word", word.lower()))
            .order_by("-similarity", "word")
            .values_list("word", flat=True)
            .first()
        )
        if best:
            if word[0].isupper():
                best = best.capitalize()
            corrected = re.sub(rf"\b{re.escape(word)}\b", best, corrected, count=1)
    return corrected if corrected != text else ""


def run(text: str, *, kind: str = "", page_number: int = 1) -> Results:
    """Search for `text`, narrowed to `kind` when given, and fetch one page of results.
    Raises django.core.paginator.InvalidPage for a page beyond the last."""
    searched = text
    matcher = matcher_for(text)
    counts = count_by_kind(matcher)
    if not counts and (corrected := correction(text)):
        corrected_matcher = matcher_for(corrected)
        corrected_counts = count_by_kind(corrected_matcher)
        if corrected_counts:
            searched, matcher, counts = corrected, corrected_matcher, corrected_counts
    ranked = matcher.ranked()
    if kind:
        ranked = ranked.filter(kind=kind)
    paginator = Paginator(ranked, PER_PAGE, allow_empty_first_page=True)
    # The count by kind already says how many there are: no second count query.
    paginator.count = sum(n for k, _, n in counts if not kind or k == kind)
    page = paginator.page(page_number)
    entries = list(page.object_list)
    matcher.snippets(entries)
    page.object_list = entries
    return Results(asked=text, searched=searched, page=page, counts=counts)


def count_by_kind(matcher: Matcher) -> list[tuple[str, str, int]]:
    rows = dict(matcher.entries().values_list("kind").annotate(n=Count("pk")).order_by())
    return [(kind, label, rows[kind]) for kind, label in Kind.choices if rows.get(kind)]
