"""The pinned-package check's rule, without the network: the newest patch of the same minor."""

import sys
from pathlib import Path

from packaging.version import Version

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from check_pins import newest_patch


def versions(*texts: str) -> list[Version]:
    return [Version(text) for text in texts]


def test_a_newer_patch_of_the_same_minor_is_what_counts():
    found = versions("3.11", "3.11.3", "3.12.0", "4.0")
    assert newest_patch(Version("3.11"), found) == Version("3.11.3")


def test_a_newer_minor_or_a_pre_release_does_not():
    found = versions("6.1.3", "6.2.0", "6.1.4rc1")
    assert newest_patch(Version("6.1.3"), found) == Version("6.1.3")
