"""The audit log in the admin: read-only, for superusers alone (no group is given it)."""

from django.contrib import admin

from staff.models import AuditEvent


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
