"""Writes the audit log from what Django and django-axes announce: sign-ins, failures,
lockouts, sign-outs, password and account changes, and changes to who may do what.

Signals are the hook Django gives for this; nothing here decides anything, it only records.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_save, pre_save

from core.http import client_ip
from staff.models import AuditEvent, EventKind

# Account fields whose change is recorded (the password by its own kind).
WATCHED_FIELDS = ("is_active", "is_staff", "is_superuser", "username", "email")


def record(kind: str, *, request=None, user=None, username: str = "", actor=None, detail=""):
    if user is not None and not username:
        username = user.get_username()
    if actor is None and request is not None:
        signed_in = getattr(request, "user", None)
        if signed_in is not None and signed_in.is_authenticated and signed_in != user:
            actor = signed_in
    return AuditEvent.objects.create(
        kind=kind,
        user=user if user is not None and user.pk else None,
        username=(username or "")[:150],
        actor=actor,
        address=(client_ip(request) or None) if request is not None else None,
        detail=detail[:300],
    )


def signed_in(sender, request, user, **kwargs):
    record(EventKind.SIGNED_IN, request=request, user=user)


def signed_out(sender, request, user, **kwargs):
    if user is not None:
        record(EventKind.SIGNED_OUT, request=request, user=user)


def sign_in_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))
    user = get_user_model()._default_manager.filter(username=username[:150]).first()
    record(EventKind.SIGN_IN_FAILED, request=request, user=user, username=username)


def locked_out(sender, request, username, ip_address, **kwargs):
    record(EventKind.LOCKED_OUT, request=request, username=username or "")


def _current_request():
    """The request being served, as django-simple-history's middleware keeps it."""
    from simple_history.models import HistoricalRecords

    return getattr(HistoricalRecords.context, "request", None)


def account_saving(sender, instance, **kwargs):
    """Remember what the account was, so `account_saved` can say what changed. A new password
    is one set by `set_password()` (which leaves the raw password on the instance until saved):
    Django's upgrade of a hash at sign-in clears it first, and is not a change of password."""
    instance._audit_new_password = getattr(instance, "_password", None) is not None
    if instance.pk is None:
        instance._audit_before = None
        return
    instance._audit_before = (
        sender._default_manager.filter(pk=instance.pk).values(*WATCHED_FIELDS, "password").first()
    )


def account_saved(sender, instance, created, **kwargs):
    request = _current_request()
    if created:
        record(EventKind.ACCOUNT_CHANGED, request=request, user=instance, detail="created")
        return
    before = getattr(instance, "_audit_before", None)
    if not before:
        return
    if before["password"] != instance.password and instance._audit_new_password:
        record(EventKind.PASSWORD_CHANGED, request=request, user=instance)
    changed = [
        f"{field}: {before[field]} to {getattr(instance, field)}"
        for field in WATCHED_FIELDS
        if before[field] != getattr(instance, field)
    ]
    if changed:
        record(EventKind.ACCOUNT_CHANGED, request=request, user=instance, detail="; ".join(changed))


def permissions_changed(sender, instance, action, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    request = _current_request()
    verb = {"post_add": "added", "post_remove": "removed", "post_clear": "cleared"}[action]
    names = sorted(str(obj) for obj in model._default_manager.filter(pk__in=pk_set or []))
    what = f"{model._meta.verbose_name_plural} {verb}: {', '.join(names)}".rstrip(": ")
    if isinstance(instance, Group):
        record(
            EventKind.PERMISSIONS_CHANGED,
            request=request,
            username=f"group {instance.name}",
            detail=what,
        )
    elif isinstance(instance, get_user_model()):
        record(EventKind.PERMISSIONS_CHANGED, request=request, user=instance, detail=what)


def connect_signals() -> None:
    from axes.signals import user_locked_out

    User = get_user_model()
    user_logged_in.connect(signed_in, dispatch_uid="audit-signed-in")
    user_logged_out.connect(signed_out, dispatch_uid="audit-signed-out")
    user_login_failed.connect(sign_in_failed, dispatch_uid="audit-sign-in-failed")
    user_locked_out.connect(locked_out, dispatch_uid="audit-locked-out")
    pre_save.connect(account_saving, sender=User, dispatch_uid="audit-account-saving")
    post_save.connect(account_saved, sender=User, dispatch_uid="audit-account-saved")
    for relation in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(permissions_changed, sender=relation, dispatch_uid=f"audit-{relation}")
