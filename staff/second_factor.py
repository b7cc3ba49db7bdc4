"""The second step of staff sign-in: a passkey (WebAuthn, through django-otp-webauthn), a
code from an authenticator app (TOTP), or a one-time recovery code, all checked by django-otp
and its plug-ins. Nothing here does cryptography: the packages make keys, check codes and
signatures (with throttling of wrong codes) and mark the session verified.

A signed-in member of staff with no second factor is sent to set one up: a passkey where the
browser has them, or an authenticator app (its key as a QR code and as text, then a code from
it to prove it works); then ten recovery codes, shown once. With one, they are asked for it.
Until then the admin shows them nothing (PortalAdminSite).
"""

import base64
import io

import segno
from django import forms
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from core.http import allow
from staff import audit
from staff.limits import REFUSED, refused
from staff.models import EventKind

RECOVERY_CODES = 10
APP_DEVICE = "Authenticator app"
RECOVERY_DEVICE = "Recovery codes"


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=16,
        strip=True,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        error_messages={"required": "Enter the code"},
    )


def next_url(request) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(wanted, {request.get_host()}, require_https=True):
        return wanted
    return reverse("admin:index")


def _context(request, **extra) -> dict:
    return {**admin.site.each_context(request), "next": next_url(request), **extra}


@never_cache
@login_required(login_url="admin:login")
@allow("GET", "HEAD", "POST")
def verify(request):
    """Ask a member of staff who has a second factor for a code from it."""
    if request.user.is_verified():
        return redirect(next_url(request))
    if not user_has_device(request.user):
        return redirect(f"{reverse('admin:second-factor-setup')}?next={next_url(request)}")
    if request.method == "POST" and refused(request):
        return HttpResponse(REFUSED, status=429, content_type="text/plain; charset=utf-8")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"].replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = StaticToken.objects.filter(device=device).count()
                audit.record(
                    EventKind.SECOND_FACTOR_CHANGED,
                    request=request,
                    user=request.user,
                    detail=f"recovery code used; {left} left",
                )
            return redirect(next_url(request))
        audit.record(
            EventKind.SIGN_IN_FAILED,
            request=request,
            user=request.user,
            detail="wrong second-factor code",
        )
        form.add_error("code", "That code is not right, or has been used. Try the newest code.")
    status = 400 if form.errors else 200
    has_passkey = WebAuthnCredential.objects.filter(user=request.user, confirmed=True).exists()
    has_app = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    context = _context(
        request, form=form, title="Confirm it is you", has_passkey=has_passkey, has_app=has_app
    )
    return render(request, "admin/staff/verify.html", context, status=status)


@never_cache
@login_required(login_url="admin:login")
@allow("GET", "HEAD", "POST")
def setup(request):
    """Set up an authenticator app: scan the key, prove it with a code, get recovery codes."""
    if user_has_device(request.user):
        return redirect(f"{reverse('admin:second-factor')}?next={next_url(request)}")
    # The key waits, unconfirmed, until a code from it is entered: reloading keeps the same one.
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=APP_DEVICE, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].replace(" ", "")):
            codes = confirm(request, device)
            context = _context(request, codes=codes, title="Save your recovery codes")
            return render(request, "admin/staff/recovery_codes.html", context)
        form.add_error("code", "That code is not right. Check the app shows this account.")
    svg = io.BytesIO()
    segno.make(device.config_url).save(
        svg, kind="svg", xmldecl=False, scale=5, title="QR code of the key for your app"
    )
    context = _context(
        request,
        form=form,
        title="Set up your second factor",
        after_passkey=f"{reverse('admin:second-factor-recovery-codes')}?next={next_url(request)}",
        qr_svg=svg.getvalue().decode(),
        key=spaced(base64.b32encode(device.bin_key).decode()),
    )
    return render(request, "admin/staff/setup.html", context, status=400 if form.errors else 200)


def spaced(key: str) -> str:
    """The key in groups of four, as authenticator apps ask for it to be typed."""
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@transaction.atomic
def confirm(request, device: TOTPDevice) -> list[str]:
    """The app works: keep it, make the recovery codes, and count this session verified."""
    device.confirmed = True
    device.save()
    codes = make_recovery_codes(request.user)
    otp_login(request, device)
    audit.record(
        EventKind.SECOND_FACTOR_CHANGED,
        request=request,
        user=request.user,
        detail=f"authenticator app set up; {RECOVERY_CODES} recovery codes made",
    )
    return codes


@never_cache
@login_required(login_url="admin:login")
@allow("GET", "HEAD")
def recovery_codes(request):
    """After a passkey is set up: the recovery codes, made and shown once. Anyone who already
    has them, or whose session has not passed a second factor, is sent on."""
    if not request.user.is_verified() or StaticDevice.objects.filter(user=request.user).exists():
        return redirect(next_url(request))
    # The app key offered beside the passkey was not used: it goes.
    TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
    codes = make_recovery_codes(request.user)
    audit.record(
        EventKind.SECOND_FACTOR_CHANGED,
        request=request,
        user=request.user,
        detail=f"passkey set up; {RECOVERY_CODES} recovery codes made",
    )
    context = _context(request, codes=codes, title="Save your recovery codes")
    return render(request, "admin/staff/recovery_codes.html", context)


def make_recovery_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return codes


def reset(user, *, request=None) -> int:
    """Remove every second factor of `user` (a superuser's action): passkeys, apps and
    recovery codes. They set one up again at their next sign-in. Returns how many went."""
    removed = 0
    for device in list(devices_for_user(user, confirmed=None)):
        device.delete()
        removed += 1
    audit.record(
        EventKind.SECOND_FACTOR_CHANGED, request=request, user=user, detail="second factor reset"
    )
    return removed
