"""The seeded bodies, members and meetings: only what the sources support."""

import datetime

import pytest

from governance.models import Body, BodyMember, Meeting, MeetingStatus


@pytest.mark.django_db
def test_seeded_bodies_with_their_sources(seeded):
    assert sorted(Body.objects.values_list("slug", flat=True)) == [
        "city-of-york-council-executive",
        "nhs-nottingham-and-nottinghamshire-icb-board",
        "nhs-south-yorkshire-icb-board",
        "south-yorkshire-integrated-care-partnership",
        "york-health-and-care-alliance-board",
    ]
    assert all(body.source for body in Body.objects.all())
    sy = Body.objects.get(slug="nhs-south-yorkshire-icb-board")
    assert sy.question_deadline_hours == 24
    assert sy.confidence == "medium"
    assert Body.objects.get(slug="city-of-york-council-executive").confidence == "high"
    york = Body.objects.get(slug="york-health-and-care-alliance-board")
    assert york.alliance.slug == "york-health-and-care-alliance"


@pytest.mark.django_db
def test_seeded_members_and_roles(seeded):
    def seats(slug):
        return {(m.person_name, m.role) for m in BodyMember.objects.filter(body__slug=slug)}

    assert seats("nhs-south-yorkshire-icb-board") == {("Pearse Butler", "chair")}
    assert seats("south-yorkshire-integrated-care-partnership") == {
        ("Oliver Coppard", "chair"),
        ("Pearse Butler", "vice_chair"),
    }
    assert seats("nhs-nottingham-and-nottinghamshire-icb-board") == {
        ("Dr Kathy McLean", "chair"),
        ("Amanda Sullivan", "chief_executive"),
    }
    york = seats("york-health-and-care-alliance-board")
    assert len(york) == 11
    assert ("Cllr Keith Aspden", "chair") in york
    # No source gives when anyone joined or left.
    assert not BodyMember.objects.exclude(started_on=None).exists()


@pytest.mark.django_db
def test_seeded_meetings_keep_unknown_times_and_venues_empty(seeded):
    meetings = {m.slug: m for m in Meeting.objects.all()}
    assert {m.date for m in meetings.values()} == {
        datetime.date(2025, 1, 8),
        datetime.date(2022, 7, 1),
        datetime.date(2021, 3, 18),
        datetime.date(2021, 11, 29),
        datetime.date(2022, 2, 28),
    }
    assert all(m.start_time is None and not m.stream_url for m in meetings.values())
    assert all(m.status == MeetingStatus.HELD for m in meetings.values())
    venues = {m.venue for m in meetings.values()} - {""}
    assert venues == {"Sir John Robinson House"}
