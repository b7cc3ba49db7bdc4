"""Where a postcode is: its place, council, integrated care board and system, or the plain
fact that it is not in the partnership's area. Four queries, each on an index, whatever the
table holds."""

from dataclasses import dataclass

from django.db.models import Q

from partners.models import Organisation, OrganisationKind
from places.models import Place
from postcodes import directory
from postcodes.models import DirectoryEdition, Postcode

# NHS England's list of integrated care boards, for a postcode the data cannot place.
ICB_LIST_URL = "https://www.england.nhs.uk/integratedcare/integrated-care-in-your-area/"


class UnknownPostcode(Exception):
    """A postcode of an area the table holds whole, that the directory does not have."""


class NotLoaded(Exception):
    """The directory has not been imported."""


@dataclass
class Answer:
    postcode: str
    edition: DirectoryEdition
    found: Postcode | None = None
    place: Place | None = None
    council: Organisation | None = None
    icb: Organisation | None = None

    @property
    def display(self) -> str:
        return directory.display(self.postcode)

    @property
    def in_our_area(self) -> bool:
        return self.place is not None and self.place.system.is_portal


def find(postcode: str) -> Answer:
    """`postcode` normalised and valid (directory.POSTCODE)."""
    edition = DirectoryEdition.objects.first()
    if edition is None:
        raise NotLoaded("The postcode finder is not ready yet: try again later")
    found = Postcode.objects.filter(pk=postcode).first()
    answer = Answer(postcode=postcode, edition=edition, found=found)
    if found is None:
        if directory.area_of(postcode) in edition.area_list:
            raise UnknownPostcode(
                f"We could not find {directory.display(postcode)}: check it and try again"
            )
        return answer  # another part of the country: not in our area
    code = found.district_code
    answer.place = (
        Place.objects.select_related("system")
        .filter(Q(gss_code=code) | Q(previous_gss_code=code))
        .first()
    )
    if answer.place is not None:
        bodies = Organisation.objects.active().filter(
            places=answer.place, kind__in=[OrganisationKind.COUNCIL, OrganisationKind.ICB]
        )
        for body in bodies.order_by("name"):
            if body.kind == OrganisationKind.COUNCIL and answer.council is None:
                answer.council = body
            elif body.kind == OrganisationKind.ICB and answer.icb is None:
                answer.icb = body
    return answer
