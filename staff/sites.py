"""The admin site staff sign in to: Django's, with the portal's login form and a limit on
failed sign-ins from one address.

django-axes locks an account after AXES_FAILURE_LIMIT failures from one address (guessing one
person's password). This adds the other half: one address that fails
STAFF_SIGN_IN_FAILURES_PER_ADDRESS times in an hour, across any accounts, is refused for the
rest of that hour (one password tried against many accounts: password spraying). The limit is
set high enough for an office of colleagues behind one address mistyping now and then.
"""

import datetime

from django.conf import settings
from django.contrib import admin
from django.http import HttpResponse
from django.utils import timezone

from core.http import client_ip
from staff import audit
from staff.forms import StaffLoginForm
from staff.models import AuditEvent, EventKind

REFUSED = (
    "Too many failed sign-ins have come from your network in the last hour. "
    "Try again in an hour, or ask a colleague with admin rights for help."
)


def address_is_refused(address: str) -> bool:
    hour_ago = timezone.now() - datetime.timedelta(hours=1)
    failures = AuditEvent.objects.failures_from(address, hour_ago)
    return failures.count() >= settings.STAFF_SIGN_IN_FAILURES_PER_ADDRESS


class PortalAdminSite(admin.AdminSite):
    login_form = StaffLoginForm
    site_header = "ICS partnership portal: staff admin"
    site_title = "ICS portal admin"
    index_title = "Partnership records"

    def login(self, request, extra_context=None):
        if request.method == "POST" and address_is_refused(client_ip(request)):
            audit.record(
                EventKind.ADDRESS_LIMITED,
                request=request,
                username=request.POST.get("username", ""),
            )
            return HttpResponse(REFUSED, status=429, content_type="text/plain; charset=utf-8")
        return super().login(request, extra_context)
