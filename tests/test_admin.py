"""Staff admin: who may open which page, history of every edit, and the lost-update guard."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.urls import reverse

from partners.models import Organisation
from places.models import Neighbourhood, Place
from tests.factories import (
    COMMS_TEAM,
    PARTNER_EDITORS,
    make_neighbourhood,
    make_organisation,
    make_user,
)

PARTNER_APPS = {"places", "partners", "alliances"}


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
    make_user(username="someone")
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    AccessAttempt.objects.create(username="x", ip_address="127.0.0.1", failures_since_start=1)
    AccessLog.objects.create(username="x", ip_address="127.0.0.1")
    AccessFailureLog.objects.create(username="x", ip_address="127.0.0.1")


def expected_status(role: str, model) -> int:
    if role == "superuser":
        return 200
    if role == "partner editor" and model._meta.app_label in PARTNER_APPS:
        return 200
    if role == "comms team" and model._meta.app_label == "news":
        return 200
    return 403


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["superuser", "partner editor", "comms team"])
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
            want = expected_status(role, model)
            if status != want:
                failures.append(f"{url}: {status}, expected {want}")
    assert not failures
    assert checked > 30


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login_page(client_as):
    response = client_as(None).get(reverse("admin:partners_organisation_changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def organisation_form(organisation: Organisation, **changes) -> dict:
    """The POST an editor's browser sends from the change page."""
    data = {
        "name": organisation.name,
        "slug": organisation.slug,
        "kind": organisation.kind,
        "description": organisation.description,
        "website": organisation.website,
        "ods_code": organisation.ods_code,
        "gss_code": organisation.gss_code,
        "places": [p.pk for p in organisation.places.all()],
        "active_from": "",
        "active_to": "",
        "source": organisation.source,
        "source_url": organisation.source_url,
        "source_date": "",
        "source_date_precision": organisation.source_date_precision,
        "confidence": organisation.confidence,
        "loaded_version": organisation.version,
        "previous_identifiers-TOTAL_FORMS": "0",
        "previous_identifiers-INITIAL_FORMS": "0",
        "previous_identifiers-MIN_NUM_FORMS": "0",
        "previous_identifiers-MAX_NUM_FORMS": "1000",
        "predecessor_links-TOTAL_FORMS": "0",
        "predecessor_links-INITIAL_FORMS": "0",
        "predecessor_links-MIN_NUM_FORMS": "0",
        "predecessor_links-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    data.update(changes)
    return data


def change_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


@pytest.fixture
def organisation(db):
    return make_organisation(name="Healthwatch Testshire", website="https://old.example.org/")


@pytest.mark.django_db
def test_an_edit_is_kept_in_the_history_with_who_and_what(client_as, partner_editor, organisation):
    client = client_as(partner_editor)
    response = client.post(
        change_url(organisation),
        organisation_form(organisation, website="https://new.example.org/"),
    )
    assert response.status_code == 302, response.content

    organisation.refresh_from_db()
    assert organisation.website == "https://new.example.org/"
    latest, previous = organisation.history.all()[:2]
    assert latest.history_user == partner_editor
    assert latest.history_type == "~"
    changes = {c.field: (c.old, c.new) for c in latest.diff_against(previous).changes}
    assert changes["website"] == ("https://old.example.org/", "https://new.example.org/")
    assert "name" not in changes

    history_page = client.get(
        reverse("admin:partners_organisation_history", args=[organisation.pk])
    )
    assert history_page.status_code == 200
    assert partner_editor.username in history_page.content.decode()


@pytest.mark.django_db
def test_the_second_of_two_concurrent_edits_is_refused(client_as, organisation):
    alice = make_user(username="alice", groups=(PARTNER_EDITORS,))
    bob = make_user(username="bob", groups=(PARTNER_EDITORS,))
    # Both open the same record (both forms carry version 1).
    alice_form = organisation_form(organisation, website="https://alice.example.org/")
    bob_form = organisation_form(organisation, website="https://bob.example.org/")

    assert client_as(alice).post(change_url(organisation), alice_form).status_code == 302
    response = client_as(bob).post(change_url(organisation), bob_form)

    assert response.status_code == 200
    assert "Someone else saved this record after you opened it" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.website == "https://alice.example.org/"


@pytest.mark.django_db
def test_a_form_error_keeps_what_the_editor_typed(client_as, organisation):
    response = client_as("partner editor").post(
        change_url(organisation),
        organisation_form(organisation, ods_code="R-1", description="Typed by staff"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "An ODS code is 3 to 6 capital letters and digits" in page
    assert "Typed by staff" in page


@pytest.mark.django_db
def test_neighbourhoods_outside_the_stated_range_are_flagged(client_as):
    small = make_neighbourhood(name="Tiny", population=12_000)
    make_neighbourhood(name="Typical", population=40_000, place=small.place)
    url = reverse("admin:places_neighbourhood_changelist")

    flagged = client_as("superuser").get(url, {"population": "outside"}).content.decode()
    assert "Tiny" in flagged
    assert "Typical" not in flagged
    assert "outside 30,000–50,000" in flagged


@pytest.mark.django_db
def test_inline_neighbourhoods_on_the_place_page(client_as):
    neighbourhood = make_neighbourhood(name="Peak Edge Test")
    page = client_as("superuser").get(change_url(neighbourhood.place)).content.decode()
    assert "Peak Edge Test" in page


@pytest.mark.django_db
def test_the_add_page_has_no_save_row_above_the_first_field(client_as, organisation):
    # The add page focuses the form's first control: it must be a field, not "Save".
    client = client_as("superuser")
    add = client.get(reverse("admin:partners_organisation_add")).content.decode()
    change = client.get(change_url(organisation)).content.decode()

    assert add.count('name="_continue"') == 1
    assert add.index('name="name"') < add.index('name="_continue"')
    assert change.count('name="_continue"') == 2


@pytest.mark.django_db
def test_groups_exist_with_the_right_permissions():
    editors = Group.objects.get(name=PARTNER_EDITORS)
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"change_organisation", "add_membership", "change_place", "view_milestone"} <= codenames
    assert "delete_place" not in codenames
    assert Group.objects.filter(name=COMMS_TEAM).exists()
    assert not User.objects.filter(groups__name=COMMS_TEAM).exists()
    assert Place.objects.count() == Neighbourhood.objects.count() == 0
