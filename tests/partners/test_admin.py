"""The organisation admin: every edit kept in the history with who and what, the lost-update
guard, form errors that keep what was typed, and the add page's first field."""

import re

import pytest
from django.urls import reverse

from tests.factories import (
    PARTNER_EDITORS,
    make_organisation,
    make_user,
    organisation_admin_form,
)
from tests.helpers import change_url


@pytest.fixture
def organisation(db):
    return make_organisation(name="Healthwatch Testshire", website="https://old.example.org/")


@pytest.mark.django_db
def test_an_edit_is_kept_in_the_history_with_who_and_what(client_as, partner_editor, organisation):
    client = client_as(partner_editor)
    response = client.post(
        change_url(organisation),
        organisation_admin_form(organisation, website="https://new.example.org/"),
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
    alice_form = organisation_admin_form(organisation, website="https://alice.example.org/")
    bob_form = organisation_admin_form(organisation, website="https://bob.example.org/")

    assert client_as(alice).post(change_url(organisation), alice_form).status_code == 302
    response = client_as(bob).post(change_url(organisation), bob_form)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else saved this record after you opened it (alice, " in page
    # Bob sees what Alice changed, and keeps what he typed.
    assert "Website: “https://old.example.org/” became “https://alice.example.org/”" in page
    assert 'value="https://bob.example.org/"' in page
    organisation.refresh_from_db()
    assert organisation.website == "https://alice.example.org/"

    # Saving the form again, as shown (it now carries Alice's version), applies Bob's change.
    shown = re.search(r'name="loaded_version" value="(\d+)"', page).group(1)
    assert int(shown) == organisation.version
    again = client_as(bob).post(change_url(organisation), {**bob_form, "loaded_version": shown})
    assert again.status_code == 302
    organisation.refresh_from_db()
    assert organisation.website == "https://bob.example.org/"


@pytest.mark.django_db
def test_a_form_error_keeps_what_the_editor_typed(client_as, organisation):
    response = client_as("partner editor").post(
        change_url(organisation),
        organisation_admin_form(organisation, ods_code="R-1", description="Typed by staff"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "An ODS code is 3 to 6 capital letters and digits" in page
    assert "Typed by staff" in page


@pytest.mark.django_db
def test_the_add_page_has_no_save_row_above_the_first_field(client_as, organisation):
    # The add page focuses the form's first control: it must be a field, not "Save".
    client = client_as("superuser")
    add = client.get(reverse("admin:partners_organisation_add")).content.decode()
    change = client.get(change_url(organisation)).content.decode()

    assert add.count('name="_continue"') == 1
    assert add.index('name="name"') < add.index('name="_continue"')
    assert change.count('name="_continue"') == 2
