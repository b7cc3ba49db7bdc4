"""The staff admin as a whole: who may open which page of every registered model, and anonymous
visitors sent to sign in."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import (
    make_consultation,
    make_declared_interest,
    make_document,
    make_image,
    make_interest_register,
    make_user,
)

PARTNER_APPS = {"places", "partners", "alliances"}
# What the Governance team keeps (add, change, delete, view).
GOVERNANCE_APPS = {"governance", "documents", "publications"}
# What the Governance team may view (not add or change) for the admin's autocomplete.
GOVERNANCE_LOOKUPS = {
    "places.integratedcaresystem",
    "places.place",
    "alliances.alliance",
    "partners.organisation",
}


def registered_models():
    return sorted(
        (m for m in admin.site._registry), key=lambda m: (m._meta.app_label, m._meta.model_name)
    )


def admin_pages(model, superuser_request):
    """The changelist, add (where the admin has one) and change pages of a model."""
    prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    pages = [reverse(f"{prefix}_changelist")]
    # Axes' logs are read-only: they have no add page for anyone.
    if admin.site._registry[model].has_add_permission(superuser_request):
        pages.append(reverse(f"{prefix}_add"))
    first = model._default_manager.order_by("pk").first()
    assert first is not None, f"no {model.__name__} to open"
    pages.append(reverse(f"{prefix}_change", args=[first.pk]))
    return pages


@pytest.fixture
def every_model_has_a_record(seeded):
    # Seeded data covers the partnership models; auth and axes need one row each.
    someone = make_user(username="someone")  # its creation is in the audit log
    # A second factor of each kind (django-otp's admin lists them).
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=someone, name="app")
    StaticDevice.objects.create(user=someone, name="recovery")
    make_document()
    make_image(renditions=False)  # the media library starts empty
    # No register is seeded (no source gives one): one made-up entry to open.
    make_declared_interest(body=make_interest_register().body)
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    # A message from the contact form, with its emails.
    from engagement.services import receive_message

    receive_message(topic="general", message="Hello", email="a@example.org", sender_address="x")
    make_consultation()
    AccessAttempt.objects.create(username="x", ip_address="127.0.0.1", failures_since_start=1)
    AccessLog.objects.create(username="x", ip_address="127.0.0.1")
    AccessFailureLog.objects.create(username="x", ip_address="127.0.0.1")


def expected_status(role: str, model, url: str) -> int:
    if role == "superuser":
        return 200
    if role == "partner editor" and model._meta.app_label in PARTNER_APPS:
        return 200
    if role == "comms team" and model._meta.app_label in {"news", "pages", "images"}:
        return 200
    # Consultations are the Comms team's; the messages residents send, the Contact team's.
    consultations = model._meta.label_lower == "engagement.consultation"
    if role == "comms team" and consultations:
        return 200
    if role == "governance team" and model._meta.app_label in GOVERNANCE_APPS:
        return 200
    if role == "governance team" and model._meta.label_lower in GOVERNANCE_LOOKUPS:
        return 403 if url.endswith("/add/") else 200
    if role == "contact team" and model._meta.app_label == "engagement" and not consultations:
        return 200
    return 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role", ["superuser", "partner editor", "comms team", "governance team", "contact team"]
)
def test_admin_page_matrix(client_as, rf, role, every_model_has_a_record):
    client = client_as(role)
    superuser_request = rf.get("/admin/")
    superuser_request.user = make_user(is_superuser=True)
    failures = []
    checked = 0
    for model in registered_models():
        for url in admin_pages(model, superuser_request):
            checked += 1
            status = client.get(url).status_code
            want = expected_status(role, model, url)
            if status != want:
                failures.append(f"{url}: {status}, expected {want}")
    assert not failures
    assert checked > 30


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login_page(client_as):
    response = client_as(None).get(reverse("admin:partners_organisation_changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
