"""The partnership loader: the seeded facts, idempotence, updates, and staff work kept."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

import news.seed
import partners.seed
import places.seed
from alliances.models import Alliance, GovernanceStage, Membership, Role, Stage
from core.models import LoadedValue
from core.seeding import CHANGE_REASON, LoadReport
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


def run(**options) -> list[str]:
    """Run the loader as an operator does and return the lines it prints."""
    out = StringIO()
    call_command("load_partnership", stdout=out, **options)
    return out.getvalue().splitlines()


def kept_lines(output: list[str]) -> list[str]:
    return [line for line in output if line.startswith("kept ")]


def history_counts() -> dict[str, int]:
    return {m.__name__: m.history.count() for m in MODELS}


def data_copy(tmp_path: Path, source: Path, slug: str, old: str, new: str) -> Path:
    """A copy of a data file in which the record with `slug` says `new` where it said `old`:
    the data file of another release."""
    text = source.read_text()
    start = text.index(f'slug = "{slug}"')
    end = text.find("\n[[", start)
    end = len(text) if end == -1 else end
    block = text[start:end]
    assert old in block, f"{source.name}: {slug} no longer has {old!r}"
    copy = tmp_path / source.name
    copy.write_text(text[:start] + block.replace(old, new, 1) + text[end:])
    return copy


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
    # An earlier release's data file gave an older figure, and staff have not touched it.
    load()
    older = data_copy(tmp_path, places.seed.DATA_FILE, "sheffield", "E08000039", "E08000019")
    places.seed.load_places(report=LoadReport(), path=older)
    sheffield = Place.objects.get(slug="sheffield")
    assert sheffield.gss_code == "E08000019"

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


# Staff work survives the loader (it runs on every release).


@pytest.mark.django_db
@pytest.mark.parametrize("dry_run", [False, True])
def test_a_staff_rename_is_kept_and_reported(dry_run):
    load()
    council = Organisation.objects.get(slug="sheffield-city-council")
    council.name = "Sheffield City Council (Children's Services)"
    council.save()

    output = run(dry_run=dry_run)

    council.refresh_from_db()
    assert council.name == "Sheffield City Council (Children's Services)"
    assert kept_lines(output) == ["kept staff change: organisation sheffield-city-council.name"]
    assert "organisations: 0 created, 0 updated" in "\n".join(output)
    assert "1 staff change kept" in "\n".join(output)


@pytest.mark.django_db
def test_a_retitled_and_unpublished_news_item_stays_retitled_and_a_draft():
    load()
    item = NewsItem.objects.get(slug="integration-and-innovation-white-paper")
    item.title = "White Paper: statutory integrated care systems (withdrawn)"
    item.publish_at = None
    item.save()

    output = run()
    run()

    item.refresh_from_db()
    assert item.title == "White Paper: statutory integrated care systems (withdrawn)"
    assert item.status == "draft"
    assert not NewsItem.objects.published().filter(slug=item.slug).exists()
    assert kept_lines(output) == [
        "kept staff change: news item integration-and-innovation-white-paper.title"
    ]


@pytest.mark.django_db
def test_a_rescheduled_news_item_stays_scheduled():
    load()
    later = timezone.now() + datetime.timedelta(days=7)
    item = NewsItem.objects.get(slug="the-transition-year")
    item.publish_at = later
    item.save()

    load()

    item.refresh_from_db()
    assert item.publish_at == later
    assert item.status == "scheduled"


@pytest.mark.django_db
def test_a_new_publish_time_in_the_data_file_does_not_move_an_existing_item(tmp_path):
    load()
    item = NewsItem.objects.get(slug="the-transition-year")
    published = item.publish_at
    later = data_copy(
        tmp_path,
        news.seed.DATA_FILE,
        item.slug,
        f"publish_at = {published:%Y-%m-%dT%H:%M:%SZ}",
        "publish_at = 2099-01-01T08:00:00Z",
    )

    news.seed.load_news(report=LoadReport(), path=later)

    item.refresh_from_db()
    assert item.publish_at == published


@pytest.mark.django_db
def test_a_field_the_data_file_changes_is_updated_when_staff_have_not_touched_it(tmp_path):
    load()
    slug = "integration-and-innovation-white-paper"
    original = NewsItem.objects.get(slug=slug).title
    retitled = data_copy(
        tmp_path,
        news.seed.DATA_FILE,
        slug,
        f'title = "{original}"',
        'title = "Retitled in the file"',
    )

    report = LoadReport()
    news.seed.load_news(report=report, path=retitled)
    assert NewsItem.objects.get(slug=slug).title == "Retitled in the file"
    assert report.kept == []

    output = run()

    item = NewsItem.objects.get(slug=slug)
    assert item.title == original
    assert item.history.first().history_change_reason.startswith("Loaded from")
    assert kept_lines(output) == []


@pytest.mark.django_db
def test_a_field_staff_changed_is_kept_when_the_data_file_changes_it_too(tmp_path):
    load()
    council = Organisation.objects.get(slug="sheffield-city-council")
    council.name = "Sheffield City Council (staff)"
    council.save()
    renamed = data_copy(
        tmp_path,
        partners.seed.DATA_FILE,
        "sheffield-city-council",
        'name = "Sheffield City Council"',
        'name = "Sheffield City Council (file)"',
    )

    report = LoadReport()
    partners.seed.load_organisations(report=report, path=renamed)

    council.refresh_from_db()
    assert council.name == "Sheffield City Council (staff)"
    assert report.kept == ["kept staff change: organisation sheffield-city-council.name"]


@pytest.mark.django_db
def test_a_database_loaded_before_the_loader_kept_records_keeps_its_differences():
    # The previous loader recorded nothing; a record someone else saved may hold staff work.
    load()
    LoadedValue.objects.all().delete()
    council = Organisation.objects.get(slug="sheffield-city-council")
    council.name = "Renamed long ago"
    council.save()  # as the admin saves it: a history row that is not the loader's

    first = run()
    second = run()

    assert Organisation.objects.get(slug="sheffield-city-council").name == "Renamed long ago"
    assert (
        kept_lines(first)
        == kept_lines(second)
        == ["kept staff change: organisation sheffield-city-council.name"]
    )
    # What matched the file is now on record as the loader's, so deletions are recognised.
    Organisation.objects.get(slug="barnsley-ccg").delete()
    Succession.objects.get(
        successor__slug="nhs-south-yorkshire-icb", predecessor__slug="doncaster-ccg"
    ).delete()
    assert sorted(kept_lines(run())) == [
        "kept staff change: organisation sheffield-city-council.name",
        "kept staff deletion: organisation barnsley-ccg",
        "kept staff deletion: succession nhs-south-yorkshire-icb/doncaster-ccg",
    ]


@pytest.mark.django_db
def test_a_record_only_the_old_loader_saved_takes_the_corrected_fact():
    # A database the previous loader filled, with an older release's figure, which no one but
    # the loader ever saved: the history proves the value is the loader's, so it is corrected.
    load()
    LoadedValue.objects.all().delete()
    Place.objects.filter(slug="sheffield").update(gss_code="E08000019")  # no history row

    output = run()

    assert Place.objects.get(slug="sheffield").gss_code == "E08000039"
    assert kept_lines(output) == []
    assert Place.objects.get(slug="sheffield").history.first().history_change_reason == (
        CHANGE_REASON
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "lookup", "key"),
    [
        (Organisation, {"slug": "barnsley-ccg"}, "barnsley-ccg"),
        (NewsItem, {"slug": "the-transition-year"}, "the-transition-year"),
        (Alliance, {"slug": "york-health-and-care-alliance"}, "york-health-and-care-alliance"),
        (Topic, {"slug": "governance"}, "governance"),
        (
            Milestone,
            {"system__slug": "south-yorkshire", "slug": "white-paper"},
            "south-yorkshire/white-paper",
        ),
    ],
)
def test_a_record_staff_deleted_is_not_recreated(model, lookup, key):
    load()
    model.objects.get(**lookup).delete()
    before = counts()

    output = run()
    run()

    assert counts() == before
    assert not model.objects.filter(**lookup).exists()
    assert f"kept staff deletion: {model._meta.verbose_name} {key}" in kept_lines(output)


@pytest.mark.django_db
def test_a_record_never_loaded_before_is_created_even_if_others_were():
    load()
    Organisation.objects.get(slug="barnsley-ccg").delete()
    LoadedValue.objects.filter(
        model_label="partners.organisation", record_key="barnsley-ccg"
    ).delete()

    load()

    assert Organisation.objects.filter(slug="barnsley-ccg").exists()


@pytest.mark.django_db
def test_a_link_staff_removed_is_not_added_again():
    load()
    icb = Organisation.objects.get(slug="nhs-south-yorkshire-icb")
    sheffield = icb.places.get(slug="sheffield")
    icb.places.remove(sheffield)
    item = NewsItem.objects.get(slug="integration-and-innovation-white-paper")
    governance = item.topics.get(slug="governance")
    item.topics.remove(governance)

    output = run()
    run()

    assert not icb.places.filter(pk=sheffield.pk).exists()
    assert not item.topics.filter(pk=governance.pk).exists()
    assert "kept staff change: organisation nhs-south-yorkshire-icb.places" in output
    assert "kept staff change: news item integration-and-innovation-white-paper.topics" in output


@pytest.mark.django_db
def test_a_link_new_in_the_data_file_is_added(tmp_path):
    earlier = data_copy(
        tmp_path,
        partners.seed.DATA_FILE,
        "sheffield-city-council",
        'places = ["sheffield"]',
        "places = []",
    )
    places.seed.load_places(report=LoadReport())
    partners.seed.load_organisations(report=LoadReport(), path=earlier)
    council = Organisation.objects.get(slug="sheffield-city-council")
    assert not council.places.exists()

    load()

    assert list(council.places.values_list("slug", flat=True)) == ["sheffield"]
    assert council.history.first().history_change_reason.startswith("Loaded from")


@pytest.mark.django_db
def test_three_runs_on_a_clean_database_change_nothing_and_keep_nothing():
    load()
    rows, history = counts(), history_counts()
    loaded = list(
        LoadedValue.objects.values_list(
            "model_label", "record_key", "field_name", "value", "updated_at"
        )
    )

    outputs = [run(), run(), run()]

    assert counts() == rows
    assert history_counts() == history
    assert (
        list(
            LoadedValue.objects.values_list(
                "model_label", "record_key", "field_name", "value", "updated_at"
            )
        )
        == loaded
    )
    for output in outputs:
        assert kept_lines(output) == []
        assert all(" 0 created, 0 updated, " in line for line in output)
