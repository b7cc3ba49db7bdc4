"""The audit log: sign-ins, failures, lockouts, sign-outs and changes to accounts and their
permissions, with who, when and from which address. Written by `staff.audit`, read by
superusers in the admin, deleted after AUDIT_RETENTION_DAYS by `manage.py delete_old_audit_events`.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class EventKind(models.TextChoices):
    SIGNED_IN = "signed_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
    LOCKED_OUT = "locked_out", "Locked out"
    ADDRESS_LIMITED = "address_limited", "Address refused: too many failures"
    SIGNED_OUT = "signed_out", "Signed out"
    PASSWORD_CHANGED = "password_changed", "Password changed"
    ACCOUNT_CHANGED = "account_changed", "Account changed"
    PERMISSIONS_CHANGED = "permissions_changed", "Permissions changed"
    SECOND_FACTOR_CHANGED = "second_factor_changed", "Second factor changed"


class AuditEventQuerySet(models.QuerySet):
    def failures_from(self, address: str, since: datetime.datetime) -> "AuditEventQuerySet":
        return self.filter(kind=EventKind.SIGN_IN_FAILED, address=address, at__gte=since)

    def past_retention(self, now: datetime.datetime | None = None) -> "AuditEventQuerySet":
        cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.AUDIT_RETENTION_DAYS)
        return self.filter(at__lt=cutoff)


class AuditEvent(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=30, choices=EventKind)
    # The account, when there is one; the name as typed (cut to 150 characters) when not.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
    )
    username = models.CharField(max_length=150, blank=True)
    # Who made a change to someone else's account (a superuser resetting a second factor).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    address = models.GenericIPAddressField(null=True, blank=True)
    detail = models.CharField(max_length=300, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "audit event"
        indexes = [models.Index(fields=["kind", "address", "at"], name="audit_failures_by_address")]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=EventKind.values), name="audit_kind_valid")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.username or self.user}"
