"""The second step of staff sign-in: a code from an authenticator app (TOTP), or a one-time
recovery code, checked by django-otp. Nothing here does cryptography: django-otp makes the key,
checks codes (with its throttling of wrong ones) and marks the session verified.

A signed-in member of staff with no second factor is sent to set one up: the app's key as a QR
code and as text, a code from it to prove it works, then ten recovery codes shown once. With
one, they are asked for a code. Until then the admin shows them nothing (PortalAdminSite).
"""

import io

import segno
from django import forms
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

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
    from django.contrib import admin

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
    context = _context(request, form=form, title="Enter your code")
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
        title="Set up your authenticator app",
        qr_svg=svg.getvalue().decode(),
        key=" ".join(device.config_url.split("secret=")[1].split("&")[0][i : i + 4]
                     for i in range(0, 32, 4)),
    )  # fmt: skip
    return render(request, "admin/staff/setup.html", context, status=400 if form.errors else 200)


@transaction.atomic
def confirm(request, device: TOTPDevice) -> list[str]:
    """The app works: keep it, make the recovery codes, and count this session verified."""
    device.confirmed = True
    device.save()
    StaticDevice.objects.filter(user=request.user).delete()
    recovery = StaticDevice.objects.create(user=request.user, name=RECOVERY_DEVICE)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    otp_login(request, device)
    audit.record(
        EventKind.SECOND_FACTOR_CHANGED,
        request=request,
        user=request.user,
        detail=f"authenticator app set up; {RECOVERY_CODES} recovery codes made",
    )
    return codes


def reset(user, *, request=None) -> int:
    """Remove every second factor of `user` (a superuser's action): they set one up again at
    their next sign-in. Returns how many were removed."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        removed += model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
    audit.record(
        EventKind.SECOND_FACTOR_CHANGED, request=request, user=user, detail="second factor reset"
    )
    return removed
