"""/sources/: every figure, date and code on the site with its source, generated from the
records."""

import pytest

from places.models import Place
from tests.helpers import page, text, walk_pages


@pytest.mark.django_db
def test_sources_lists_every_kind_and_each_fact_with_its_source(client, seeded):
    index = text(page(client, "/sources/"))
    assert "Partner organisations and their codes (49 records)" in index
    pages = walk_pages(client, "/sources/organisations/")
    assert [len(tree.select("tr[data-sourced]")) for tree in pages] == [25, 24]
    rows = [row for tree in pages for row in tree.select("tr[data-sourced]")]
    sheffield = next(row for row in rows if "Sheffield City Council" in row.text)
    assert "GSS code E08000039" in sheffield.text
    assert "Source: ONS" in sheffield.text
    populations = text(page(client, "/sources/populations/"))
    assert "573,252" in populations
    assert "(one source)" in populations
    assert client.get("/sources/no-such-kind/").status_code == 404
    assert client.get("/sources/organisations/?page=99").status_code == 404
    assert client.get("/sources/organisations/?page=x").status_code == 404


@pytest.mark.django_db
def test_sources_has_a_record_staff_add_without_any_code_change(client, seeded):
    sheffield = Place.objects.get(slug="sheffield")
    sheffield.population_estimates.create(
        year=2024, series="mid_year", population=580_000, source="A new release"
    )
    assert "580,000" in text(page(client, "/sources/populations/"))
    assert "580,000 people (ONS mid-year population estimate, mid-2024)" in text(
        page(client, "/places/sheffield/")
    )
