"""RSS feed of meeting papers and minutes as they are added to the site."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.html import escape

from governance.models import PublishedPaper, latest_papers


class LatestPapersFeed(Feed):
    description = (
        "Papers and minutes of the boards and committees that meet in public, newest first."
    )

    def title(self) -> str:
        return f"{settings.SITE_NAME}: meeting papers and minutes"

    def link(self):
        return reverse("governance:meetings")

    def items(self) -> list[PublishedPaper]:
        return latest_papers(20)

    def item_title(self, item: PublishedPaper) -> str:
        return f"{item.meeting}: {item.document.title}"

    def item_description(self, item: PublishedPaper) -> str:
        kind = "Minutes" if item.is_minutes else "A paper"
        # Plain text: the syndication framework escapes titles but not descriptions.
        return escape(
            f"{kind} of the meeting of the {item.meeting.body.name} on {item.meeting.date_display}."
        )

    def item_link(self, item: PublishedPaper) -> str:
        anchor = "minutes" if item.is_minutes else "papers"
        return f"{item.meeting.get_absolute_url()}#{anchor}"

    def item_guid(self, item: PublishedPaper) -> str:
        # Several papers share a meeting's page: each item is the pair, not the link.
        return f"{item.meeting.slug}/{item.document.slug}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: PublishedPaper):
        return item.document.added_at
