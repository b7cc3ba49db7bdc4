"""Meetings as iCalendar (RFC 5545), for "Add to calendar" and the subscribable calendar.

Choices, each for a reason:

- Times are UK wall-clock with TZID=Europe/London and a VTIMEZONE generated from zoneinfo by
  `icalendar`, so a client places a meeting right on either side of a clock change.
- No DTEND: no source publishes how long a meeting lasts, and the project invents nothing.
  RFC 5545 allows DTSTART alone (3.6.1): a timed event then has no length and a date-only one
  lasts the day. A meeting whose time is not published is an all-day event (VALUE=DATE).
- UID is `<slug>@<UID_DOMAIN>`: the same in every environment and on every download, so a
  subscriber's client updates the event instead of duplicating it.
- A postponed meeting is STATUS:CANCELLED, its summary saying "Postponed": it will not happen
  at that time (TENTATIVE would keep it in diaries as if it might), and its new date, once
  known, is another meeting. The reason goes in the description.
"""

import datetime

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from icalendar import Calendar, Event, Timezone

from governance.models import Meeting, MeetingStatus

# Host-independent, so UIDs do not change between the site's addresses. Never change it: every
# subscriber's events are keyed on it.
UID_DOMAIN = "meetings.governance.icsportal"
PRODID = "-//ICS partnership portal//Governance meetings//EN"


def meeting_location(meeting: Meeting) -> str:
    place = ", ".join(
        part for part in [meeting.venue, *meeting.address.splitlines()] if part.strip()
    )
    if place and meeting.online:
        return f"{place} (and online)"
    return place or ("Online" if meeting.online else "")


def meeting_description(meeting: Meeting, url: str) -> str:
    lines = [f"Status: {meeting.get_status_display()}."]
    if meeting.is_called_off:
        lines.append(f"Reason: {meeting.status_reason.strip()}")
    elif meeting.status == MeetingStatus.UPCOMING and meeting.question_deadline:
        lines.append(f"Send your question by {meeting.question_deadline_display} (UK time).")
    if meeting.start_time is None:
        lines.append("The time is not published yet.")
    lines.append(f"Agenda, papers and how to take part: {url}")
    return "\n".join(lines)


def meeting_event(meeting: Meeting, request: HttpRequest, stamp: datetime.datetime) -> Event:
    url = request.build_absolute_uri(meeting.get_absolute_url())
    title = f"{meeting.body.name} meeting"
    if meeting.is_called_off:
        title = f"{meeting.get_status_display()}: {title}"
    event = Event()
    event.add("uid", f"{meeting.slug}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    # A changed meeting (time, venue, status) has a higher version, so clients take the update.
    event.add("sequence", meeting.version - 1)
    event.add("dtstart", meeting.starts_at or meeting.date)
    event.add("summary", title)
    if location := meeting_location(meeting):
        event.add("location", location)
    event.add("url", url)
    event.add("description", meeting_description(meeting, url))
    event.add("status", "CANCELLED" if meeting.is_called_off else "CONFIRMED")
    return event


def meetings_calendar(
    meetings: list[Meeting], request: HttpRequest, *, name: str | None = None
) -> Calendar:
    """A calendar of `meetings` (each with its body loaded), with the UK time zone they use."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("name", name)  # RFC 7986's spelling of the same
        calendar.add("x-wr-timezone", "Europe/London")
        calendar.add(
            "refresh-interval", datetime.timedelta(hours=12), parameters={"VALUE": "DURATION"}
        )
    stamp = timezone.now().astimezone(datetime.UTC)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, request, stamp))
    dates = [meeting.date for meeting in meetings if meeting.start_time is not None]
    if dates:
        # Only the rules around these meetings: the whole zone history would be ~4 KB.
        calendar.add_missing_timezones(
            first_date=min(dates) - datetime.timedelta(days=366),
            last_date=max(dates) + datetime.timedelta(days=366),
        )
    elif not meetings:
        # RFC 5545 (3.6) needs at least one component: a calendar with no meetings in it yet
        # still carries the UK time zone its X-WR-TIMEZONE names, around today.
        today = timezone.localdate()
        calendar.add_component(
            Timezone.from_tzid(
                "Europe/London",
                first_date=today - datetime.timedelta(days=366),
                last_date=today + datetime.timedelta(days=366),
            )
        )
    return calendar


def calendar_name(body_name: str | None = None) -> str:
    return f"{body_name or settings.SITE_NAME}: meetings"
