"""Every fact shown with its source, and said no more surely than the source says it: a walk
over every public page that fails on a figure or code shown without a source, confidence in
plain English on every page, and the facts that several apps' pages show."""

import re

import pytest

from icsportal.pages import PUBLIC_PAGES, prepare
from partners.models import Organisation, PreviousIdentifier
from tests.helpers import page, text
from tests.html import Element, parse

GSS_CODE = re.compile(r"\b[EWSN]\d{8}\b")
FIGURE = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")  # 1,407,072 and the like


def _facts_in(element: Element, ods_codes: set[str]):
    """(text, element) for each figure or code in the text directly inside `element`."""
    for child in element.children:
        if isinstance(child, str):
            words = set(re.findall(r"\b[A-Z0-9]{3,6}\b", child))
            for found in [*GSS_CODE.findall(child), *FIGURE.findall(child), *words & ods_codes]:
                yield found, element
        else:
            yield from _facts_in(child, ods_codes)


def _sourced(element: Element) -> bool:
    """The nearest element marked as holding sourced facts carries a citation. (A search
    result's snippet quotes its record and links to the record's page, where the walk finds
    each fact with its source.)"""
    if element.closest(".app-search-result") is not None:
        return True
    holder = element if element.matches("[data-sourced]") else element.closest("[data-sourced]")
    return holder is not None and bool(holder.select(".app-citation"))


SEEDED_PAGES = [entry.path for entry in PUBLIC_PAGES if entry.seeded and entry.status == 200]


@pytest.mark.django_db
@pytest.mark.parametrize("path", SEEDED_PAGES)
def test_no_figure_or_code_is_shown_without_its_source(client, seeded, path):
    prepare()
    ods_codes = set(Organisation.objects.exclude(ods_code="").values_list("ods_code", flat=True))
    ods_codes |= set(PreviousIdentifier.objects.values_list("value", flat=True))
    main = parse(page(client, path)).select_one("main")
    unsourced = sorted(
        {found for found, where in _facts_in(main, ods_codes) if not _sourced(where)}
    )
    assert not unsourced, f"shown without a source on {path}: {unsourced}"


def test_the_walk_fails_on_an_unsourced_figure():
    """The check itself: a figure outside a sourced block, or in one without a citation."""
    bare = parse("<main><p>1,407,072 people</p></main>").select_one("main")
    uncited = parse("<main><div data-sourced><p>E08000039</p></div></main>").select_one("main")
    cited = parse(
        '<main><div data-sourced><p>E08000039</p><p class="app-citation">Source: ONS</p></div>'
        "</main>"
    ).select_one("main")
    assert [_sourced(where) for _, where in _facts_in(bare, set())] == [False]
    assert [_sourced(where) for _, where in _facts_in(uncited, set())] == [False]
    assert [_sourced(where) for _, where in _facts_in(cited, set())] == [True]


@pytest.mark.django_db
def test_confidence_is_in_plain_english(client, seeded):
    prepare()
    for path in SEEDED_PAGES:
        body = text(page(client, path))
        for shorthand in ["Not yet verified", "None recorded", " via "]:
            assert shorthand not in body, f"{shorthand!r} on {path}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    ["/places/york/", "/alliances/york-health-and-care-alliance/"],
)
def test_york_pages_say_at_once_which_system_york_is_in(client, seeded, path):
    tree = parse(page(client, path))
    trail = tree.select_one("nav.nhsuk-breadcrumb").text
    heading = tree.select_one("h1").text
    assert "Humber and North Yorkshire Integrated Care System" in trail
    assert "Humber and North Yorkshire Integrated Care System" in heading
    note = tree.select_one(".app-other-system").text
    assert "the Humber, Coast and Vale Integrated Care System until July 2022" in note


@pytest.mark.django_db
def test_claims_go_only_as_far_as_their_source(client, seeded):
    york = text(page(client, "/alliances/york-health-and-care-alliance/"))
    assert "Seen on the Alliance board in its minutes, November 2021 to February 2022" in york
    # The minutes are cited with their own dates, not the proposal's.
    assert (
        "Source: York Health and Care Alliance board minutes, November 2021 to February 2022 "
        "(one source)." in york
    )
    police = text(page(client, "/partners/south-yorkshire-police/"))
    assert "which boards is not recorded" in police
    working_together = text(page(client, "/collaboratives/working-together/"))
    assert "Current stage: Formalised" in working_together
    assert "Acute Hospitals Committees in Common" in working_together
