"""The seeded publications: only those the shared facts name, with their links, Easy Read
versions and dates where known; loading twice changes nothing."""

import datetime

import pytest
from django.core.management import call_command

from documents.models import Document
from publications.models import Publication, PublicationDocument


@pytest.mark.django_db
def test_seeded_publications_with_dates_only_where_known(seeded):
    dates = dict(Publication.objects.values_list("slug", "published_on"))
    assert dates == {
        "hospital-services-review-final-report": datetime.date(2018, 5, 9),
        "south-yorkshire-and-bassetlaw-five-year-plan": datetime.date(2020, 3, 10),
        "integration-and-innovation-white-paper": datetime.date(2021, 2, 11),
        "nhs-humber-and-north-yorkshire-icb-annual-report-2022-23": None,
        "barnsley-place-plan": None,
        "shaping-sheffield": None,
        "york-health-and-wellbeing-strategy": None,
    }
    assert all(p.is_published and p.source for p in Publication.objects.all())
    report = Publication.objects.get(
        slug="nhs-humber-and-north-yorkshire-icb-annual-report-2022-23"
    )
    assert report.period == "1 July 2022 to 31 March 2023"
    assert report.system.slug == "humber-coast-and-vale"


@pytest.mark.django_db
def test_place_plans_are_plans_of_their_place_with_the_places_link(seeded):
    plans = Publication.objects.filter(place__isnull=False).select_related("place")
    assert {(p.slug, p.kind, p.place.slug) for p in plans} == {
        ("barnsley-place-plan", "plan", "barnsley"),
        ("shaping-sheffield", "plan", "sheffield"),
        ("york-health-and-wellbeing-strategy", "plan", "york"),
    }
    for plan in plans:
        [document] = plan.ordered_documents
        assert document.url == (plan.place.plan_url or "https://humberandnorthyorkshire.org.uk/")
        assert plan.period == plan.place.plan_period


@pytest.mark.django_db
def test_seeded_documents_are_links_with_easy_read_versions(seeded):
    assert not Document.objects.exclude(file="").exists()
    assert all(d.url.startswith("https://") for d in Document.objects.all())
    easy_read = Document.objects.filter(alternative_format="easy_read").select_related(
        "alternative_of"
    )
    assert {d.alternative_of.slug for d in easy_read} == {
        "hospital-services-review-final-report",
        "nhs-humber-and-north-yorkshire-icb-annual-report-2022-23",
    }
    # Each alternative is found on its original's page, and is not attached on its own.
    assert all(d.url == d.alternative_of.url for d in easy_read)
    assert not PublicationDocument.objects.filter(document__in=easy_read).exists()


@pytest.mark.django_db
def test_loading_twice_changes_nothing(seeded):
    def snapshot():
        return (
            list(Publication.objects.order_by("slug").values()),
            list(Document.objects.order_by("slug").values()),
            list(PublicationDocument.objects.order_by("pk").values()),
            Publication.history.count(),
        )

    before = snapshot()
    call_command("load_partnership", verbosity=0)
    assert snapshot() == before


@pytest.mark.django_db
def test_a_staff_unpublished_publication_stays_unpublished(seeded):
    Publication.objects.filter(slug="shaping-sheffield").update(is_published=False)
    call_command("load_partnership", verbosity=0)
    assert not Publication.objects.get(slug="shaping-sheffield").is_published
