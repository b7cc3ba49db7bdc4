"""The admin site staff sign in to: Django's, with the portal's login form, a limit on failed
sign-ins from one address (staff/limits.py), and a second factor before any page
(staff/second_factor.py).

django-axes locks an account after AXES_FAILURE_LIMIT failures from one address (guessing one
person's password); the address limit is the other half (one password tried against many
accounts: password spraying), set high enough for an office of colleagues behind one address
mistyping now and then.
"""

from functools import update_wrapper
from urllib.parse import urlencode

from django.contrib import admin
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse

from staff import second_factor
from staff.forms import StaffLoginForm
from staff.limits import REFUSED, refused


class PortalAdminSite(admin.AdminSite):
    login_form = StaffLoginForm
    site_header = "ICS partnership portal: staff admin"
    site_title = "ICS portal admin"
    index_title = "Partnership records"

    def login(self, request, extra_context=None):
        if request.method == "POST" and refused(request, username=request.POST.get("username")):
            return HttpResponse(REFUSED, status=429, content_type="text/plain; charset=utf-8")
        return super().login(request, extra_context)

    def has_permission(self, request):
        # A password is half of it: the session must also have passed the second factor.
        return super().has_permission(request) and request.user.is_verified()

    def admin_view(self, view, cacheable=False):
        """Staff signed in with a password only are sent to the second step, whatever admin
        page they asked for (signing out excepted)."""
        inner = super().admin_view(view, cacheable)

        def wrapper(request, *args, **kwargs):
            user = request.user
            if request.path == reverse("admin:logout", current_app=self.name):
                return view(request, *args, **kwargs)  # anyone signed in may sign out
            if user.is_active and user.is_staff and not user.is_verified():
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('admin:second-factor', current_app=self.name)}?{query}")
            return inner(request, *args, **kwargs)

        return update_wrapper(wrapper, view)

    def get_urls(self):
        return [
            path("second-factor/", second_factor.verify, name="second-factor"),
            path("second-factor/setup/", second_factor.setup, name="second-factor-setup"),
            path(
                "second-factor/recovery-codes/",
                second_factor.recovery_codes,
                name="second-factor-recovery-codes",
            ),
            *super().get_urls(),
        ]
