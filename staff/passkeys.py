"""Passkeys (WebAuthn) as a second factor, through django-otp-webauthn: the browser and the
authenticator do the cryptography, py_webauthn checks it. Passkeys belong to the host the
request came to (already checked against ALLOWED_HOSTS); the origins they may be used from are
the site's public ones (OTP_WEBAUTHN_ALLOWED_ORIGINS, from SITE_URL or ALLOWED_HOSTS)."""

from django.http import HttpRequest
from django.http.request import split_domain_port


def relying_party_id(request: HttpRequest) -> str:
    domain, _ = split_domain_port(request.get_host())
    return domain
