"""Factories: the one place tests make records. Each takes overrides as keyword arguments.

The partnership's records are made by `icsportal.factories`, which `make bench` grows the data
with too; staff accounts and the admin's form posts are the tests' own.
"""

import itertools

from django.contrib.auth.models import Group, User
from django.utils import timezone

from icsportal.factories import (
    grow_partnership,
    make_agenda_item,
    make_alliance,
    make_body,
    make_body_member,
    make_consultation,
    make_declared_interest,
    make_document,
    make_image,
    make_interest_register,
    make_meeting,
    make_membership,
    make_milestone,
    make_neighbourhood,
    make_news_item,
    make_organisation,
    make_page,
    make_place,
    make_population_estimate,
    make_publication,
    make_system,
    make_topic,
)

__all__ = [
    "COMMS_APPROVERS",
    "COMMS_TEAM",
    "CONTACT_TEAM",
    "GOVERNANCE_TEAM",
    "PARTNER_EDITORS",
    "grow_partnership",
    "make_agenda_item",
    "make_alliance",
    "make_body",
    "make_body_member",
    "make_consultation",
    "make_declared_interest",
    "make_document",
    "make_image",
    "make_interest_register",
    "make_meeting",
    "make_membership",
    "make_milestone",
    "make_neighbourhood",
    "make_news_item",
    "make_organisation",
    "make_page",
    "make_place",
    "make_population_estimate",
    "make_publication",
    "make_system",
    "make_topic",
    "make_user",
    "news_admin_form",
    "organisation_admin_form",
    "page_admin_form",
]

# The staff groups the migrations make (news/migrations/0001_staff_groups.py,
# governance/migrations/0002_governance_team.py).
PARTNER_EDITORS = "Partner editors"
COMMS_TEAM = "Comms team"
COMMS_APPROVERS = "Comms approvers"  # publishing/migrations/0002_comms_approvers.py
GOVERNANCE_TEAM = "Governance team"
CONTACT_TEAM = "Contact team"  # engagement/migrations/0002_contact_team.py

_users = itertools.count(1)


def make_user(*, groups: tuple[str, ...] = (), **overrides) -> User:
    n = next(_users)
    values = {"username": f"user{n}", "email": f"user{n}@example.org", "is_staff": True}
    user = User.objects.create_user(password="correct horse battery", **{**values, **overrides})
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def news_admin_form(**changes) -> dict:
    """What the admin's "Add news item" page posts, as a draft; `changes` override fields."""
    data = {
        "title": "Winter vaccination clinics",
        "slug": "winter-vaccination-clinics",
        "summary": "Clinics open across Sheffield.",
        "body": "<h2>Where</h2><p>In every neighbourhood.</p>",
        "publish_at_0": "",
        "publish_at_1": "",
        "loaded_version": "",
        "_save": "Save",
    }
    data.update(changes)
    return data


def page_admin_form(page, **changes) -> dict:
    """What the admin's page form posts for `page`, with `changes`."""
    data = {
        "title": page.title,
        "parent": page.parent_id or "",
        "slug": page.slug,
        "summary": page.summary,
        "body": page.body,
        "picture": page.picture_id or "",
        "last_reviewed_on": page.last_reviewed_on.isoformat(),
        "next_review_due": page.next_review_due.isoformat(),
        "publish_at_0": "",
        "publish_at_1": "",
        "loaded_version": page.version,
        "_save": "Save",
    }
    if page.publish_at:
        local = timezone.localtime(page.publish_at)
        data.update(publish_at_0=f"{local:%d/%m/%Y}", publish_at_1=f"{local:%H:%M:%S}")
    return {**data, **changes}


def organisation_admin_form(organisation, **changes) -> dict:
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
