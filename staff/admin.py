"""The audit log in the admin, read-only, for superusers alone (no group is given it); and
the staff accounts, from which a superuser resets a colleague's second factor."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from staff import second_factor
from staff.models import AuditEvent

User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffAccountAdmin(UserAdmin):
    actions = ["reset_second_factor"]

    @admin.action(
        description="Reset the second factor of the selected accounts",
        permissions=["reset_second_factor"],
    )
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            second_factor.reset(user, request=request)
        self.message_user(
            request,
            f"Reset {queryset.count()} account(s): each sets up an authenticator app at its "
            "next sign-in.",
        )

    def has_reset_second_factor_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["at", "kind", "username", "address", "actor", "detail"]
    list_filter = ["kind", ("at", admin.DateFieldListFilter)]
    search_fields = ["username", "address", "detail"]
    date_hierarchy = "at"
    list_select_related = ["actor"]
    readonly_fields = [field.name for field in AuditEvent._meta.fields]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
