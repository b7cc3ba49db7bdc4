"""The partnership loader: the seeded facts, idempotence, updates, and staff work kept."""

import datetime

import pytest
from django.core.management import call_command

from alliances.models import Alliance, GovernanceStage, Membership, Role, Stage
from news.models import NewsItem, Topic
from partners.models import Organisation, Succession
from places.models import IntegratedCareSystem, Milestone, Neighbourhood, Place
from tests.factories import make_organisation

MODELS = [
    IntegratedCareSystem,
    Place,
    Neighbourhood,
    Milestone,
    Organisation,
    Succession,
    Alliance,
    GovernanceStage,
    Membership,
    Topic,
    NewsItem,
]


def counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in MODELS}


def load(**options) -> None:
    call_command("load_partnership", verbosity=0, **options)


@pytest.mark.django_db
def test_three_runs_give_the_same_rows_and_keep_staff_records():
    load()
    first = counts()
    staff_added = make_organisation(name="Added by staff", slug="added-by-staff")
    sheffield = Place.objects.get(slug="sheffield")
    staff_added.places.add(sheffield)
    # Staff link an extra place to a seeded organisation: the loader must keep it.
    icb = Organisation.objects.get(slug="nhs-south-yorkshire-icb")
    bassetlaw = Place.objects.get(slug="bassetlaw")
    icb.places.add(bassetlaw)

    load()
    load()

    after = counts()
    assert after == {**first, "Organisation": first["Organisation"] + 1}
    assert Organisation.objects.filter(slug="added-by-staff", places=sheffield).exists()
    assert icb.places.filter(pk=bassetlaw.pk).exists()
    assert all(n > 0 for n in first.values())


@pytest.mark.django_db
def test_a_second_run_writes_no_history():
    load()
    history_rows = Organisation.history.count()
    load()
    assert Organisation.history.count() == history_rows


@pytest.mark.django_db
def test_a_changed_fact_is_updated_and_recorded(tmp_path):
    load()
    sheffield = Place.objects.get(slug="sheffield")
    Place.objects.filter(pk=sheffield.pk).update(gss_code="E08000001")

    load()

    sheffield.refresh_from_db()
    assert sheffield.gss_code == "E08000039"
    assert sheffield.history.first().history_change_reason.startswith("Loaded from")


@pytest.mark.django_db
def test_dry_run_saves_nothing(capsys):
    call_command("load_partnership", dry_run=True)
    assert "Dry run" in capsys.readouterr().out
    assert sum(counts().values()) == 0


@pytest.mark.django_db
def test_seeded_facts(seeded):
    south_yorkshire = IntegratedCareSystem.objects.get(slug="south-yorkshire")
    assert south_yorkshire.stated_population == 1_500_000
    assert south_yorkshire.vision.startswith("For everyone in South Yorkshire")
    assert list(Place.objects.filter(system=south_yorkshire).values_list("name", flat=True)) == [
        "Barnsley",
        "Doncaster",
        "Rotherham",
        "Sheffield",
    ]
    barnsley = Place.objects.with_population().get(slug="barnsley")
    assert (barnsley.population, barnsley.population_year, barnsley.gss_code) == (
        248449,
        2023,
        "E08000038",
    )
    assert barnsley.previous_gss_code == "E08000016"
    bassetlaw = Place.objects.get(slug="bassetlaw")
    assert bassetlaw.system.slug == "nottingham-and-nottinghamshire"
    assert list(
        bassetlaw.system_memberships.order_by("system__slug").values_list(
            "system__slug", "started_on", "ended_on"
        )
    ) == [
        ("nottingham-and-nottinghamshire", datetime.date(2022, 7, 1), None),
        ("south-yorkshire", None, datetime.date(2022, 6, 30)),
    ]

    ccgs = Organisation.objects.filter(kind="former_ccg")
    assert sorted(ccgs.values_list("ods_code", flat=True)) == [
        "02P",
        "02Q",
        "02X",
        "03L",
        "03N",
        "03Q",
    ]
    assert set(ccgs.values_list("active_to", flat=True)) == {datetime.date(2022, 6, 30)}
    icb = Organisation.objects.get(ods_code="QF7")
    assert sorted(icb.predecessors.values_list("ods_code", flat=True)) == [
        "02P",
        "02X",
        "03L",
        "03N",
    ]
    assert Organisation.objects.get(ods_code="TAH").confidence == "low"

    # Unknown facts stay empty, never invented.
    assert not Neighbourhood.objects.filter(population__isnull=False).exists()
    assert Place.objects.with_population().get(slug="york").population is None


@pytest.mark.django_db
def test_york_alliance_members_roles_and_stages(seeded):
    york = Alliance.objects.get(slug="york-health-and-care-alliance")
    members = {m.member_name: m for m in york.memberships.select_related("organisation")}
    assert len(members) == 10
    assert members["City of York Council"].role == Role.CHAIR
    assert members["Representatives of primary care networks"].organisation is None
    assert members["Vale of York Clinical Commissioning Group"].left_on == datetime.date(
        2022, 6, 30
    )
    stages = list(york.stages.order_by("started_on").values_list("stage", flat=True))
    assert stages == [Stage.PROPOSED, Stage.SHADOW, Stage.FORMAL]
    assert york.current_stage(datetime.date(2021, 6, 1)).stage == Stage.SHADOW
    assert york.current_stage(datetime.date(2021, 3, 1)) is None


@pytest.mark.django_db
def test_milestones_are_in_date_order(seeded):
    titles = list(
        Milestone.objects.filter(system__slug="south-yorkshire")
        .in_order()
        .values_list("slug", flat=True)
    )
    for earlier, later in [
        ("sustainability-and-transformation-partnership", "accountable-care-system"),
        ("accountable-care-system", "integrated-care-system"),
        ("integrated-care-system", "white-paper"),
        ("white-paper", "transition-year"),
    ]:
        assert titles.index(earlier) < titles.index(later)
