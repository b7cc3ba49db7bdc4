"""When the public pages next change with the clock alone, for the page cache
(`core.pagecache`, which names this function through `settings.PAGE_CACHE_NEXT_CHANGE`).

A cached page is not served from this moment on. Changes to records bump the cache's
generation instead; this covers what changes with no record changing:

- midnight in the UK: every date-driven list (meetings upcoming or past, publications published
  on a day, organisations and memberships current on a day, pages past their review date);
- a news item or page scheduled to be published;
- a consultation opening or closing;
- a meeting's deadline for public questions, after which its page stops inviting them.

Six small indexed queries, run once per generation and horizon, not per request.
"""

import datetime

from django.db.models import Max, Min

from engagement.models import Consultation
from governance.models import UK, Body, Meeting, MeetingStatus
from news.models import NewsItem
from pages.models import Page


def next_change(now: datetime.datetime) -> datetime.datetime:
    moments = [next_uk_midnight(now)]
    for model in (NewsItem, Page):
        scheduled = model.objects.filter(publish_at__gt=now)
        moments.append(scheduled.aggregate(at=Min("publish_at"))["at"])
    consultations = Consultation.objects.filter(published=True)
    moments.append(consultations.filter(opens_at__gt=now).aggregate(at=Min("opens_at"))["at"])
    moments.append(consultations.filter(closes_at__gt=now).aggregate(at=Min("closes_at"))["at"])
    moments.append(next_question_deadline(now, before=moments[0]))
    return min(moment for moment in moments if moment is not None)


def next_uk_midnight(now: datetime.datetime) -> datetime.datetime:
    tomorrow = now.astimezone(UK).date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(tomorrow, datetime.time(), tzinfo=UK)


def next_question_deadline(
    now: datetime.datetime, before: datetime.datetime
) -> datetime.datetime | None:
    """The first question deadline after now and before `before` (the next midnight): only
    meetings starting within the longest rule's hours of it can have one."""
    longest = Body.objects.aggregate(hours=Max("question_deadline_hours"))["hours"]
    if not longest:
        return None
    last_day = (before + datetime.timedelta(hours=longest)).astimezone(UK).date()
    meetings = Meeting.objects.filter(
        status=MeetingStatus.UPCOMING,
        start_time__isnull=False,
        body__question_deadline_hours__isnull=False,
        date__gte=now.astimezone(UK).date(),
        date__lte=last_day,
    ).select_related("body")
    deadlines = [meeting.question_deadline for meeting in meetings]
    return min((at for at in deadlines if now < at < before), default=None)
