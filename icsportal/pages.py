"""The public pages: the one list the browser checks (tests/browser/test_pages.py), the page
checks and query counts (tests/icsportal/test_pages.py), the walk for unsourced facts
(tests/icsportal/test_facts.py) and `make bench` run on. Nothing in the site imports it.

Every entry is a `PublicPage`: its path, whether it needs the partnership data loaded first,
and the status the page itself answers:

    PUBLIC_PAGES = [
        PublicPage("/", seeded=True),
        PublicPage("/partners/?kind=alien", seeded=True, status=400),
        PublicPage("/accessibility/"),
    ]

Each is opened at desktop and at 320px mobile width and must load cleanly, pass axe, fit the
narrow screen and let a keyboard user skip to the main content. The Django admin is not a
public page: it is not NHS.UK-styled and has no skip link.
"""

from typing import NamedTuple


class PublicPage(NamedTuple):
    path: str
    seeded: bool = False  # load the partnership data (manage.py load_partnership) first
    status: int = 200  # what the page itself answers: 400 for a form error, 404 not found
    form: bool = False  # holds a POST form, so sets the CSRF cookie (the only cookie allowed)
    # Made up on top of the seeded data by `prepare()` (pages the comms team might add).
    made_up: bool = False
    # Needs postcodes: `prepare()` imports a sample cut from the ONS Postcode Directory.
    postcodes: bool = False


PUBLIC_PAGES: list[PublicPage] = [
    PublicPage("/", seeded=True),
    PublicPage("/about/", seeded=True),
    PublicPage("/about/population/", seeded=True),
    PublicPage("/our-journey/", seeded=True),
    PublicPage("/our-journey/?page=2", seeded=True, status=404),  # one page at seed size
    PublicPage("/our-journey/humber-coast-and-vale/", seeded=True),
    PublicPage("/places/", seeded=True),
    PublicPage("/places/?show=former", seeded=True),
    PublicPage("/places/?show=elsewhere", seeded=True),
    PublicPage("/places/?page=2", seeded=True, status=404),
    PublicPage("/places/sheffield/", seeded=True),
    PublicPage("/places/bassetlaw/", seeded=True),
    PublicPage("/places/york/", seeded=True),
    PublicPage("/neighbourhoods/", seeded=True),
    PublicPage("/neighbourhoods/?place=sheffield", seeded=True),
    PublicPage("/neighbourhoods/?page=2", seeded=True, status=404),
    PublicPage("/partners/", seeded=True),
    PublicPage("/partners/?kind=nhs_trust&place=sheffield", seeded=True),
    PublicPage("/partners/?kind=alien", seeded=True, status=400),  # the error summary
    PublicPage("/partners/nhs-south-yorkshire-icb/", seeded=True),
    PublicPage("/partners/nhs-south-yorkshire-icb/places/", seeded=True),
    PublicPage("/partners/nhs-south-yorkshire-icb/took-over-from/", seeded=True),
    PublicPage("/partners/sheffield-ccg/taken-over-by/", seeded=True),
    PublicPage("/partners/york-and-scarborough-teaching-hospitals/partnerships/", seeded=True),
    PublicPage("/partners/barnsley-ccg/", seeded=True),
    PublicPage("/partners/sheffield-city-council/", seeded=True),
    PublicPage("/collaboratives/", seeded=True),
    PublicPage("/collaboratives/?page=2", seeded=True, status=404),
    PublicPage("/collaboratives/working-together/", seeded=True),
    PublicPage("/alliances/", seeded=True),
    PublicPage("/alliances/york-health-and-care-alliance/", seeded=True),
    PublicPage("/alliances/york-health-and-care-alliance/?page=2", seeded=True, status=404),
    PublicPage("/governance/", seeded=True),
    PublicPage("/governance/bodies/", seeded=True),
    PublicPage("/governance/nhs-south-yorkshire-icb-board/", seeded=True),
    PublicPage("/governance/york-health-and-care-alliance-board/", seeded=True),
    PublicPage("/governance/york-health-and-care-alliance-board/members/", seeded=True),
    PublicPage("/governance/registers/", seeded=True),
    PublicPage("/governance/nhs-south-yorkshire-icb-board/interests/", seeded=True),
    PublicPage("/governance/meetings/", seeded=True),
    PublicPage("/governance/meetings/?body=york-health-and-care-alliance-board", seeded=True),
    PublicPage("/governance/meetings/?year=1066", seeded=True, status=400),
    PublicPage("/governance/meetings/nhs-south-yorkshire-icb-board-2025-01-08/", seeded=True),
    PublicPage(
        "/governance/meetings/nhs-nottingham-and-nottinghamshire-icb-board-2022-07-01/",
        seeded=True,
    ),
    PublicPage("/publications/", seeded=True),
    PublicPage("/publications/?kind=plan&year=2020", seeded=True),
    PublicPage("/publications/?kind=manifesto", seeded=True, status=400),
    PublicPage("/publications/hospital-services-review-final-report/", seeded=True),
    PublicPage("/publications/shaping-sheffield/", seeded=True),
    PublicPage("/publications/shaping-sheffield/?page=2", seeded=True, status=404),
    PublicPage("/freedom-of-information/", seeded=True),
    PublicPage("/news/", seeded=True),
    PublicPage("/news/?place=york", seeded=True),
    PublicPage("/news/york-health-and-care-alliance-proposed/", seeded=True),
    PublicPage("/contact/", form=True),
    PublicPage("/contact/?topic=website", form=True),
    PublicPage("/contact/sent/?reference=ICS-2026-00123"),
    PublicPage("/complaints/", seeded=True),
    PublicPage("/get-involved/", seeded=True),
    PublicPage("/get-involved/?page=2", seeded=True, status=404),
    PublicPage("/get-involved/no-such-consultation/", status=404),
    PublicPage("/search/", seeded=True),
    PublicPage("/search/?q=sheffield", seeded=True),
    PublicPage("/search/?q=hospital&kind=partner", seeded=True),
    PublicPage("/search/?q=Sheffeild+hospitl", seeded=True),  # corrected on PostgreSQL
    PublicPage("/search/?q=sheffield&kind=alien", seeded=True, status=400),
    PublicPage("/open-data/", seeded=True),
    PublicPage("/api/v1/docs/", seeded=True),  # the API documentation
    PublicPage("/sources/", seeded=True),
    PublicPage("/sources/organisations/", seeded=True),
    PublicPage("/sources/populations/", seeded=True),
    PublicPage("/accessibility/", seeded=True),
    PublicPage("/cookies/", seeded=True),
    PublicPage("/privacy/", seeded=True),
    PublicPage("/about/example-section/", seeded=True, made_up=True),
    PublicPage("/about/example-section/example-page/", seeded=True, made_up=True),
    PublicPage("/in-pictures/", seeded=True),
    PublicPage("/find-your-place/", seeded=True, postcodes=True),
    PublicPage("/find-your-place/?postcode=s10+2th", seeded=True, postcodes=True),
    PublicPage("/find-your-place/?postcode=YO1+6GA", seeded=True, postcodes=True),
    PublicPage("/find-your-place/?postcode=SW1A+1AA", seeded=True, postcodes=True),
    PublicPage(
        "/find-your-place/?postcode=not+a+postcode", seeded=True, postcodes=True, status=400
    ),
    PublicPage("/no-such-page/", status=404),  # the styled 404
]


def prepare(entries: list[PublicPage] = PUBLIC_PAGES) -> None:
    """Make up what the `made_up` entries need, and import the postcodes the `postcodes`
    entries need, on the seeded data (idempotent)."""
    if any(entry.made_up for entry in entries):
        from icsportal.factories import make_example_pages

        make_example_pages()
    if any(entry.postcodes for entry in entries):
        from postcodes.sample import import_sample

        import_sample()


def paths_answering_ok() -> list[str]:
    """The pages that answer 200 once the partnership data is loaded."""
    return [page.path for page in PUBLIC_PAGES if page.status == 200]


# The open data API's JSON: each runs a constant number of queries whatever the data size (the
# query-count tests and `make bench` check it), like the pages.
API_ENDPOINTS: list[str] = [
    "/api/v1/",
    "/api/v1/schema/",
    *(
        f"/api/v1/{name}.json"
        for name in (
            "organisations", "systems", "places", "neighbourhoods", "collaboratives",
            "alliances", "milestones", "bodies", "meetings", "publications",
        )
    ),
    "/api/v1/organisations.json?kind=nhs_trust&place=sheffield",
    "/api/v1/meetings.json?body=nhs-south-yorkshire-icb-board&page=1",
]  # fmt: skip

# The CSV downloads: the whole list, streamed in chunks of 500 records, so their queries grow
# with the data by one a chunk for each related list. `make bench` times them.
DOWNLOADS: list[str] = [
    path.replace(".json", ".csv") for path in API_ENDPOINTS if path.endswith(".json")
]


def paths_with_forms() -> set[str]:
    """The pages that hold a POST form: the CSRF cookie is the one cookie they may set."""
    return {page.path for page in PUBLIC_PAGES if page.form}
