"""News forms: the public list's filter, and the comms team's edit form in the admin."""

from django import forms

from core.admin import VersionedAdminForm
from core.forms import PortalForm
from news.models import NewsItem, Topic
from places.models import Place


class NewsFilterForm(PortalForm):
    """Cleans the news list's query string; `NewsItemQuerySet.matching()` does the filtering."""

    method = "get"
    submit_label = "Show news"

    place = forms.ModelChoiceField(
        label="Place",
        required=False,
        queryset=Place.objects.order_by("name"),
        to_field_name="slug",
        empty_label="All places",
    )
    topic = forms.ModelChoiceField(
        label="Topic",
        required=False,
        queryset=Topic.objects.order_by("name"),
        to_field_name="slug",
        empty_label="All topics",
    )


class NewsItemAdminForm(VersionedAdminForm):
    class Meta:
        model = NewsItem
        fields = "__all__"
