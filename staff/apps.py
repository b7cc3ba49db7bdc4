"""Staff accounts: how staff sign in, the limits on it, and the audit log of what happens to
accounts. It sits on `core` and imports no other app; the site's URLconf uses its admin site."""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = "Staff accounts"

    def ready(self):
        from staff import audit

        audit.connect_signals()


class PortalAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the portal's admin site (its sign-in limits)."""

    default = False  # named in INSTALLED_APPS in place of django.contrib.admin
    default_site = "staff.sites.PortalAdminSite"
