"""Is every pinned package on the newest patch release of its pinned minor version?

The vulnerability databases are not reachable from here, but the package index is: a patch
release is where fixes land, so a pin behind one is flagged. Reads requirements.lock, asks
the index (`pip index versions`) for each package, and exits 1 listing those behind.
Pre-releases are ignored. Run by CI (.ci/run) and `make pins`.
"""

import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from packaging.version import InvalidVersion, Version

LOCK = Path(__file__).resolve().parents[1] / "requirements.lock"
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)")


def available(name: str) -> list[Version]:
    result = subprocess.run(  # noqa: S603 (a fixed command; names from our own lock)
        [sys.executable, "-m", "pip", "index", "versions", name],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    match = re.search(r"Available versions: (.*)", result.stdout)
    if not match:
        raise RuntimeError(f"{name}: the index gave no versions ({result.stderr.strip()[:200]})")
    versions = []
    for text in match.group(1).split(","):
        try:
            versions.append(Version(text.strip()))
        except InvalidVersion:
            continue
    return versions


def newest_patch(pinned: Version, versions: list[Version]) -> Version:
    same_minor = [
        v for v in versions if v.release[:2] == pinned.release[:2] and not v.is_prerelease
    ]
    return max([pinned, *same_minor])


def main() -> int:
    pins = [PIN.match(line).groups() for line in LOCK.read_text().splitlines() if PIN.match(line)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        found = dict(zip(pins, pool.map(lambda pin: available(pin[0]), pins), strict=True))
    behind = []
    for (name, version), versions in found.items():
        newest = newest_patch(Version(version), versions)
        if newest > Version(version):
            behind.append(f"{name}=={version}: {newest} is out")
    print(f"{len(pins)} pinned packages checked against the index")
    for line in behind:
        print(f"behind: {line}")
    return 1 if behind else 0


if __name__ == "__main__":
    sys.exit(main())
