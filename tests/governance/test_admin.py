"""The meeting admin's agenda, papers and minutes: the Governance team adds an agenda item inline
(with its papers) and the minutes, kept in the history; a duplicate number is a form error;
the Comms team and Partner editors cannot open or change meetings."""

import pytest
from django.contrib.auth.models import Group

from governance.models import AgendaItem, Meeting, MeetingStatus
from tests import factories as f
from tests.helpers import change_url


def meeting_form(meeting: Meeting, **changes) -> dict:
    """The POST a browser sends from a meeting's change page, with no inline rows."""
    data = {
        "body": meeting.body_id,
        "slug": meeting.slug,
        "summary": meeting.summary,
        "date": meeting.date.isoformat(),
        "start_time": "",
        "status": meeting.status,
        "status_reason": meeting.status_reason,
        "venue": "",
        "address": "",
        "stream_url": "",
        "minutes": meeting.minutes_id or "",
        "minutes_approved_on": "",
        "source": meeting.source,
        "source_url": "",
        "source_date": "",
        "source_date_precision": meeting.source_date_precision,
        "confidence": meeting.confidence,
        "loaded_version": meeting.version,
        "_save": "Save",
    }
    for prefix in ["agenda_items", "paper_links"]:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(changes)
    return data


def with_agenda_item(data: dict, n: int, **item) -> dict:
    data["agenda_items-TOTAL_FORMS"] = str(n + 1)
    data.update({f"agenda_items-{n}-{name}": value for name, value in item.items()})
    return data


@pytest.fixture
def meeting(db):
    return f.make_meeting(status=MeetingStatus.UPCOMING)


@pytest.mark.django_db
def test_governance_team_adds_an_agenda_item_with_papers_inline(client_as, meeting):
    plan, pack = f.make_document(), f.make_document()
    data = with_agenda_item(
        meeting_form(meeting),
        0,
        order="1",
        title="Winter plan",
        presenter="Director of strategy",
        papers=[plan.pk, pack.pk],
    )
    response = client_as("governance team").post(change_url(meeting), data)
    assert response.status_code == 302, response.content.decode()
    item = meeting.agenda_items.get()
    assert (item.order, item.title, item.presenter) == (1, "Winter plan", "Director of strategy")
    assert set(item.papers.all()) == {plan, pack}
    assert item.history.count() == 1


@pytest.mark.django_db
def test_two_agenda_items_with_one_number_are_a_form_error(client_as, meeting):
    data = with_agenda_item(meeting_form(meeting), 0, order="1", title="First")
    data = with_agenda_item(data, 1, order="1", title="Second")
    response = client_as("governance team").post(change_url(meeting), data)
    assert response.status_code == 200
    assert "Please correct the duplicate data for order" in response.content.decode()
    assert not AgendaItem.objects.exists()


@pytest.mark.django_db
def test_governance_team_publishes_the_minutes_of_a_held_meeting(client_as, meeting):
    minutes = f.make_document()
    client = client_as("governance team")
    refused = client.post(change_url(meeting), meeting_form(meeting, minutes=minutes.pk))
    assert "mark it held first" in refused.content.decode()
    response = client.post(
        change_url(meeting),
        meeting_form(meeting, minutes=minutes.pk, status=MeetingStatus.HELD),
    )
    assert response.status_code == 302, response.content.decode()
    meeting.refresh_from_db()
    assert meeting.minutes == minutes


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["comms team", "partner editor"])
def test_other_staff_cannot_change_a_meetings_agenda(client_as, meeting, role):
    client = client_as(role)
    assert client.get(change_url(meeting)).status_code == 403
    data = with_agenda_item(meeting_form(meeting), 0, order="1", title="Winter plan")
    assert client.post(change_url(meeting), data).status_code == 403
    assert not AgendaItem.objects.exists()


@pytest.mark.django_db
def test_governance_team_holds_the_new_permissions_and_others_do_not():
    codenames = {
        f"{action}_{model}"
        for action in ["add", "change", "delete", "view"]
        for model in ["agendaitem", "meetingpaper"]
    } | {"view_document"}
    team = set(
        Group.objects.get(name=f.GOVERNANCE_TEAM).permissions.values_list("codename", flat=True)
    )
    assert codenames <= team
    for other in [f.COMMS_TEAM, f.PARTNER_EDITORS]:
        held = set(Group.objects.get(name=other).permissions.values_list("codename", flat=True))
        assert not codenames & held
