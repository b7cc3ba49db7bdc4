"""Importing the directory (in one transaction, idempotent) and drawing the places' map from
it; and finding where a typed postcode is."""

import datetime
import itertools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from core import pagecache
from places.models import Place
from postcodes import directory
from postcodes.models import DirectoryEdition, MapFrame, PlaceArea, Postcode

BATCH = 5_000
# Space around the places on the map, in kilometres.
MARGIN = 2


@dataclass(frozen=True)
class ImportReport:
    edition: str
    postcodes: int
    changed: bool
    seconds: float

    def __str__(self) -> str:
        done = "imported" if self.changed else "already imported; nothing changed"
        return f"{self.edition}: {self.postcodes:,} postcodes {done} ({self.seconds:.1f} s)."


def import_directory(
    folder: Path | None = None, *, version: str | None = None, force: bool = False
) -> ImportReport:
    """Replace the table with the directory's postcodes of `directory.AREAS`, all in one
    transaction, and redraw the map. Does nothing if this edition is already imported (unless
    `force`): running it again changes nothing."""
    started = timezone.now()
    folder = folder or directory.package_folder()
    version = version or directory.package_version()
    name = directory.edition_name(version)
    areas = " ".join(directory.AREAS)
    current = DirectoryEdition.objects.first()
    if (
        not force
        and current is not None
        and (current.package_version, current.areas) == (version, areas)
        and Postcode.objects.count() == current.postcode_count
    ):
        if not MapFrame.objects.exists():
            draw_map()  # the places were loaded after the postcodes
        return ImportReport(name, current.postcode_count, False, _since(started))
    with transaction.atomic():
        Postcode.objects.all().delete()
        count = _insert(directory.rows(folder))
        DirectoryEdition.objects.all().delete()
        DirectoryEdition.objects.create(
            name=name,
            package_version=version,
            areas=areas,
            postcode_count=count,
            imported_at=timezone.now(),
        )
        draw_map()
    return ImportReport(name, count, True, _since(started))


def _insert(rows) -> int:
    """Insert the rows with COPY on PostgreSQL and the driver's executemany on SQLite: a
    hundred thousand model instances through bulk_create take several times as long."""
    opts = Postcode._meta
    quote = connection.ops.quote_name
    columns = ", ".join(
        quote(opts.get_field(name).column)
        for name in ("postcode", "district_code", "easting", "northing")
    )
    table = quote(opts.db_table)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            return count
        sql = f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s)"  # noqa: S608  # nosec B608 (names from _meta)
        for batch in itertools.batched(rows, BATCH):
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def _since(started: datetime.datetime) -> float:
    return (timezone.now() - started).total_seconds()


def district_codes(place: Place) -> list[str]:
    return [code for code in (place.gss_code, place.previous_gss_code) if code]


def draw_map() -> None:
    """The partnership's places as the map shows them: for each, the 1 km grid squares its
    postcodes fall in, joined into a path (squares side by side in a row become one
    rectangle), with its label at its middle square."""
    portal = Place.objects.filter(system__slug=settings.PORTAL_SYSTEM_SLUG)
    places = list(portal.exclude(gss_code=""))
    by_code = {code: place for place in places for code in district_codes(place)}
    squares: dict[Place, set[tuple[int, int]]] = defaultdict(set)
    counts: dict[Place, int] = defaultdict(int)
    rows = Postcode.objects.filter(district_code__in=by_code).values_list(
        "district_code", "easting", "northing"
    )
    for code, easting, northing in rows.iterator(chunk_size=BATCH):
        place = by_code[code]
        squares[place].add((easting // 1000, northing // 1000))
        counts[place] += 1
    PlaceArea.objects.all().delete()
    MapFrame.objects.all().delete()
    # The postcodes and the map are replaced in bulk, which no signal reports.
    transaction.on_commit(pagecache.invalidate, robust=True)
    if not squares:
        return
    every = set().union(*squares.values())
    west = min(x for x, _ in every) - MARGIN
    north = max(y for _, y in every) + MARGIN
    frame = MapFrame.objects.create(
        west=west,
        north=north,
        width=max(x for x, _ in every) - west + 1 + MARGIN,
        height=north - min(y for _, y in every) + 1 + MARGIN,
    )
    PlaceArea.objects.bulk_create(
        _area(place, cells, counts[place], frame) for place, cells in squares.items()
    )


def _area(place: Place, cells: set[tuple[int, int]], postcodes: int, frame: MapFrame):
    rows = defaultdict(list)
    for x, y in cells:
        rows[frame.north - y].append(x - frame.west)
    path = []
    for y in sorted(rows):
        xs = sorted(rows[y])
        start = previous = xs[0]
        for x in [*xs[1:], None]:
            if x is not None and x == previous + 1:
                previous = x
                continue
            path.append(f"M{start} {y}h{previous - start + 1}v1h-{previous - start + 1}z")
            if x is not None:
                start = previous = x
    # The label sits on the square nearest the middle of the place's squares.
    mean_x = sum(x for x, _ in cells) / len(cells)
    mean_y = sum(y for _, y in cells) / len(cells)
    x, y = min(cells, key=lambda cell: (cell[0] - mean_x) ** 2 + (cell[1] - mean_y) ** 2)
    return PlaceArea(
        place=place,
        path="".join(path),
        squares=len(cells),
        postcodes=postcodes,
        label_x=x - frame.west + 0.5,
        label_y=frame.north - y + 0.5,
    )
