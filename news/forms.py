"""News forms: the public list's filter, and the comms team's edit form in the admin."""

from core.admin import VersionedAdminForm
from core.forms import PortalForm, slug_choice
from news.models import NewsItem, Topic
from places.models import Place


class NewsFilterForm(PortalForm):
    """Cleans the news list's query string; `NewsItemQuerySet.matching()` does the filtering."""

    method = "get"
    submit_label = "Show news"

    place = slug_choice("Place", Place.objects.all(), empty_label="All places")
    topic = slug_choice("Topic", Topic.objects.all(), empty_label="All topics")


class NewsItemAdminForm(VersionedAdminForm):
    class Meta:
        model = NewsItem
        fields = "__all__"
