"""A small copy of the directory, cut from the installed package's own files and written in
their format: for the tests and the benchmark, which need real postcodes but not a hundred
thousand of them. `make run` imports the whole directory."""

import functools
import tempfile
from pathlib import Path

import brotli
import msgpack

from postcodes import directory

# Real postcodes the tests ask about, by what they show.
EXAMPLES = {
    "barnsley": "S70 2TA",  # Barnsley Town Hall
    "doncaster": "DN2 5LT",  # Doncaster Royal Infirmary
    "rotherham": "S60 2TH",  # Rotherham Town Hall
    "sheffield": "S10 2TH",  # Sheffield Children's Hospital
    "bassetlaw": "S80 2AH",  # Worksop, Bassetlaw District Council
    "york": "YO1 6GA",  # York, City of York Council's West Offices
    "neighbour": "S18 1PD",  # Dronfield, North East Derbyshire: in the S area, not a place
}
# The councils whose postcodes are sampled (every EVERY'th): the four places (their codes
# since April 2025), Bassetlaw, York and North East Derbyshire.
DISTRICTS = {
    "E08000038", "E08000017", "E08000018", "E08000039", "E07000171", "E06000014", "E07000038",
}  # fmt: skip
EVERY = 40


@functools.cache
def sample_folder() -> Path:
    """A folder of the package's files holding only the sample (made once a process)."""
    wanted = {directory.normalise(postcode) for postcode in EXAMPLES.values()}
    folder = Path(tempfile.mkdtemp(prefix="postcode-sample-"))
    source = directory.package_folder()
    for letter in sorted({area[0] for area in directory.AREAS}):
        data = directory.read_file(source / f"postcodes_{letter}.msgpack.br")["data"]
        kept = {name: [] for name in data}
        seen: dict[str, int] = {}
        for n, typed in enumerate(data["pcd"]):
            district = data["laua"][n]
            if district in DISTRICTS:
                seen[district] = seen.get(district, -1) + 1
            if directory.normalise(typed) in wanted or (
                district in DISTRICTS and seen[district] % EVERY == 0
            ):
                for name in data:
                    kept[name].append(data[name][n])
        packed = msgpack.packb({"columns": list(data), "data": kept})
        (folder / f"postcodes_{letter}.msgpack.br").write_bytes(brotli.compress(packed))
    return folder


def import_sample():
    """The sample, imported as the package's edition (idempotent, like the whole import)."""
    from postcodes.services import import_directory

    return import_directory(sample_folder(), version=directory.package_version())
