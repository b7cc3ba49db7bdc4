"""The news items written from the seed documents are true to their sources.

Each names where its text comes from; each is true at its own date; and whatever it puts in
quotation marks is the seed documents' own words. `tests/seeds/` holds copies of the two seed
documents (the partnership's and City of York Council's public text), so the quotations are
checked against the words they claim to quote.
"""

import re

import pytest

from news.models import NewsItem
from news.seed import DATA_FILE
from tests.helpers import SEEDS, is_quoted_from, quotations, seed_text, words
from tests.html import parse


def detail(client, slug: str):
    response = client.get(f"/news/{slug}/")
    assert response.status_code == 200
    return parse(response.content.decode()).select_one("main")


def seen(element) -> str:
    """An element's text as a reader sees it: no space before a full stop after a link."""
    return re.sub(r" ([.,;:)])", r"\1", element.text)


def paragraphs(main) -> list[str]:
    return [seen(p) for p in main.select("p")]


def test_the_seed_documents_in_the_fixture_are_the_two_seeds():
    assert sorted(path.name for path in SEEDS.glob("*.txt")) == [
        "south-yorkshire-ics.txt",
        "york-health-and-care-alliance.txt",
    ]


@pytest.mark.parametrize(
    ("quotation", "expected"),
    [
        ("the transition year", True),
        ("Our journey … strong delivery.", True),
        ("strong delivery … Our journey", False),  # parts out of order
        ("All parts of England are covered", False),
    ],
)
def test_the_quotation_check_itself(quotation, expected):
    assert is_quoted_from(quotation, seed_text()) is expected


@pytest.mark.django_db
def test_every_seeded_news_item_ends_by_naming_its_source(seeded):
    items = NewsItem.objects.all()
    assert items.count() == DATA_FILE.read_text().count("[[items]]")
    for item in items:
        last_paragraph = re.findall(r"<p>(.*?)</p>", item.body, re.S)[-1]
        assert "based on" in last_paragraph.lower(), item.slug


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "source"),
    [
        (
            "integration-and-innovation-white-paper",
            "This item is based on the partnership's description of itself and its journey on "
            "its website, syics.co.uk/about.",
        ),
        (
            "york-health-and-care-alliance-proposed",
            "This item is based on City of York Council's announcement “More changes for health "
            "and care services in York” (March 2021).",
        ),
        (
            "the-transition-year",
            "This item is based on the partnership's description of itself and its journey on "
            "its website, syics.co.uk/about.",
        ),
        (
            "nhs-south-yorkshire-icb-statutory",
            "This item is based on NHS England's pages on integrated care in each area "
            "(england.nhs.uk) and, for the date of Royal Assent, on themj.co.uk and "
            "theadsfoundation.org.",
        ),
    ],
)
def test_a_reader_sees_where_each_item_comes_from(client, seeded, slug, source):
    main = detail(client, slug)
    assert any(p.startswith(source) for p in paragraphs(main)), paragraphs(main)[-3:]


@pytest.mark.django_db
def test_the_partnerships_website_is_linked_where_it_is_the_source(client, seeded):
    main = detail(client, "the-transition-year")
    assert "https://syics.co.uk/about" in [a.attrs["href"] for a in main.select("a[href]")]


@pytest.mark.django_db
def test_nothing_dated_before_april_2021_says_all_of_england_had_an_ics(client, seeded):
    # The seed's "All parts of the country are now covered by an integrated care system" was
    # not true in February 2021: the last integrated care systems formed on 1 April 2021
    # (the finding of the "every fact true to its source" issue).
    early = NewsItem.objects.filter(publish_at__date__lt="2021-04-01")
    assert early.filter(slug="integration-and-innovation-white-paper").exists()
    for item in early:
        text = seen(detail(client, item.slug)).lower()
        assert "all parts of the country" not in text, item.slug
        assert "covered by an integrated care system" not in text, item.slug


@pytest.mark.django_db
def test_every_quotation_in_the_seeded_news_is_the_seeds_own_words(client, seeded):
    source = seed_text()
    checked = 0
    for item in NewsItem.objects.all():
        main = detail(client, item.slug)
        for quotation in quotations(seen(main)):
            assert is_quoted_from(quotation, source), f"{item.slug}: {quotation!r}"
            checked += 1
    assert checked >= 4


@pytest.mark.django_db
def test_the_york_membership_list_is_the_announcements_own_words(client, seeded):
    """The list reads as the proposal's membership, so it is the seed's list, word for word;
    today's names of the two trusts are marked as added, in brackets starting "now"."""
    main = detail(client, "york-health-and-care-alliance-proposed")
    lists = [[li.text for li in ul.select("li")] for ul in main.select("ul")]
    listed = next(names for names in lists if names[0] == "Vale of York CCG")
    seed = (SEEDS / "york-health-and-care-alliance.txt").read_text()
    # The announcement ends its list with a full stop; a list item needs none.
    bullets = [
        words(line.strip(" •").removesuffix("."))
        for line in seed.splitlines()
        if line.strip().startswith("•")
    ]
    members = bullets[bullets.index("Vale of York CCG") :]
    assert [words(re.sub(r" \(now [^)]*\)$", "", name)) for name in listed] == members


@pytest.mark.django_db
def test_the_york_item_gives_the_trusts_current_names(client, seeded):
    text = seen(detail(client, "york-health-and-care-alliance-proposed"))
    assert (
        "York Teaching Hospitals NHS Trust (now York and Scarborough Teaching Hospitals NHS "
        "Foundation Trust)"
    ) in text
    assert (
        "Tees Esk and Wear Valleys NHS Trust (now Tees, Esk and Wear Valleys NHS Foundation Trust)"
    ) in text
    assert "York Teaching Hospital NHS Foundation Trust" not in text


@pytest.mark.django_db
def test_the_statutory_icb_item_states_the_checked_facts(client, seeded):
    text = seen(detail(client, "nhs-south-yorkshire-icb-statutory"))
    assert "The Health and Care Act 2022 received Royal Assent on 28 April 2022." in text
    assert (
        "On 1 July 2022, 42 integrated care boards became statutory bodies and clinical "
        "commissioning groups were abolished."
    ) in text
