"""Reverting to an earlier version from the History page: it works on records with the
lost-update guard, and it never changes where an item stands in sign-off or publishing."""

import re

import pytest
from django.urls import reverse

from news.services import preview_path
from partners.models import Organisation
from tests.factories import (
    make_news_item,
    make_organisation,
    news_admin_form,
    organisation_admin_form,
)


def revert_url(obj, record) -> str:
    opts = obj._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[obj.pk, record.pk]
    )


def shown_version(page: str) -> str:
    return re.search(r'name="loaded_version" value="(\d+)"', page).group(1)


@pytest.mark.django_db
def test_reverting_a_partner_record_to_an_earlier_version_works(client_as):
    organisation = make_organisation(website="https://first.example.org/")
    organisation.website = "https://second.example.org/"
    organisation.save()
    first = organisation.history.order_by("history_date").first()
    client = client_as("superuser")
    page = client.get(revert_url(organisation, first)).content.decode()
    assert 'value="https://first.example.org/"' in page
    assert shown_version(page) == str(organisation.version)  # today's, so the guard passes
    form = organisation_admin_form(
        organisation, website="https://first.example.org/", loaded_version=shown_version(page)
    )
    response = client.post(revert_url(organisation, first), form)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Organisation.objects.get(pk=organisation.pk).website == "https://first.example.org/"


@pytest.mark.django_db
def test_a_revert_keeps_a_withdrawn_item_withdrawn_and_its_old_preview_links_dead(client_as):
    item = make_news_item(title="First title")
    old_link = preview_path(item)
    item.title = "Second title"
    item.save()
    item.unpublish()  # withdrawn: a new preview key
    first = item.history.order_by("history_date").first()
    client = client_as("comms approver")
    page = client.get(revert_url(item, first)).content.decode()
    response = client.post(
        revert_url(item, first),
        news_admin_form(title="First title", slug=item.slug, loaded_version=shown_version(page)),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    item.refresh_from_db()
    assert item.title == "First title"
    assert item.publish_at is None
    assert item.status == "withdrawn"
    assert client_as(None).get(old_link).status_code == 404
