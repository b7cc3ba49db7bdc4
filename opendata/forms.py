"""The filters of the data sets that have no public list form of their own. The others use the
public pages' forms (the partner directory's, the meetings list's, the publications list's), so
a filter means the same on the page and in the data."""

from core.forms import PortalForm, slug_choice
from places.models import IntegratedCareSystem, Place


class SystemFilterForm(PortalForm):
    method = "get"
    system = slug_choice("System", IntegratedCareSystem.objects.all(), empty_label="Any system")


class PlaceFilterForm(PortalForm):
    method = "get"
    place = slug_choice("Place", Place.objects.all(), empty_label="Any place")
