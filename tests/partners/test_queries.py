"""The directory's filter (`OrganisationQuerySet.matching()`), which the partner list and the
open data's partners set share: each organisation once, whatever matched it how often."""

import pytest

from partners.models import IdentifierScheme, Organisation, PreviousIdentifier
from tests import factories as f


@pytest.mark.django_db
def test_an_organisation_is_found_once_however_many_places_and_names_match():
    first, second = f.make_place(), f.make_place()
    organisation = f.make_organisation(name="Twice Health Trust")
    organisation.places.set([first, second])
    for old_name in ("Twice Old Trust", "Twice Older Trust"):
        PreviousIdentifier.objects.create(
            organisation=organisation, scheme=IdentifierScheme.NAME, value=old_name
        )
    f.make_organisation(name="Elsewhere Trust").places.set([f.make_place()])
    for filters in (
        {"q": "twice"},  # by its name and by both former names
        {"q": "twice", "place": first},
        {"q": "twice", "place": second},
        {"q": "twice", "former": True},
    ):
        found = Organisation.objects.matching(**filters)
        assert list(found) == [organisation], filters
        assert found.count() == 1, filters
    for place in (first, second):
        assert list(Organisation.objects.matching(place=place)) == [organisation]
