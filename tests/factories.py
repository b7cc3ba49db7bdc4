"""Factories: the one place tests make records. Each takes overrides as keyword arguments."""

import itertools

from django.contrib.auth.models import Group, User

from alliances.models import Alliance, AllianceKind, Membership
from news.models import NewsItem, Topic
from partners.models import Organisation, OrganisationKind
from places.models import IntegratedCareSystem, Milestone, Neighbourhood, Place

_seq = itertools.count(1)


def _n() -> int:
    return next(_seq)


def make_system(**overrides) -> IntegratedCareSystem:
    n = _n()
    values = {"name": f"Test System {n}", "short_name": f"TS{n}", "slug": f"test-system-{n}"}
    return IntegratedCareSystem.objects.create(**{**values, **overrides})


def make_place(**overrides) -> Place:
    n = _n()
    values = {"name": f"Test Place {n}", "slug": f"test-place-{n}"}
    if "system" not in overrides:
        values["system"] = make_system()
    return Place.objects.create(**{**values, **overrides})


def make_neighbourhood(**overrides) -> Neighbourhood:
    n = _n()
    values = {"name": f"Test Neighbourhood {n}", "slug": f"test-neighbourhood-{n}"}
    if "place" not in overrides:
        values["place"] = make_place()
    return Neighbourhood.objects.create(**{**values, **overrides})


def make_milestone(**overrides) -> Milestone:
    n = _n()
    values = {"title": f"Milestone {n}", "slug": f"milestone-{n}", "date": "2020-01-01"}
    if "system" not in overrides:
        values["system"] = make_system()
    return Milestone.objects.create(**{**values, **overrides})


def make_organisation(**overrides) -> Organisation:
    n = _n()
    values = {
        "name": f"Test Organisation {n}",
        "slug": f"test-organisation-{n}",
        "kind": OrganisationKind.OTHER,
    }
    return Organisation.objects.create(**{**values, **overrides})


def make_alliance(**overrides) -> Alliance:
    n = _n()
    values = {
        "name": f"Test Alliance {n}",
        "slug": f"test-alliance-{n}",
        "kind": AllianceKind.PROVIDER_COLLABORATIVE,
    }
    if "system" not in overrides:
        values["system"] = make_system()
    return Alliance.objects.create(**{**values, **overrides})


def make_membership(**overrides) -> Membership:
    values = {}
    if "alliance" not in overrides:
        values["alliance"] = make_alliance()
    if "organisation" not in overrides and "represented_group" not in overrides:
        values["organisation"] = make_organisation()
    return Membership.objects.create(**{**values, **overrides})


def make_user(*, groups: tuple[str, ...] = (), **overrides) -> User:
    n = _n()
    values = {"username": f"user{n}", "email": f"user{n}@example.org", "is_staff": True}
    user = User.objects.create_user(password="correct horse battery", **{**values, **overrides})
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def make_topic(**overrides) -> Topic:
    n = _n()
    return Topic.objects.create(**{"name": f"Topic {n}", "slug": f"topic-{n}", **overrides})


def make_news_item(**overrides) -> NewsItem:
    """A draft unless `publish_at` is given."""
    n = _n()
    values = {
        "title": f"News item {n}",
        "slug": f"news-item-{n}",
        "summary": f"Summary of news item {n}.",
        "body": f"Body of news item {n}.",
    }
    return NewsItem.objects.create(**{**values, **overrides})


def news_admin_form(**changes) -> dict:
    """What the admin's "Add news item" page posts, as a draft; `changes` override fields."""
    data = {
        "title": "Winter vaccination clinics",
        "slug": "winter-vaccination-clinics",
        "summary": "Clinics open across Sheffield.",
        "body": "## Where\n\nIn every neighbourhood.",
        "image_alt": "",
        "publish_at_0": "",
        "publish_at_1": "",
        "loaded_version": "",
        "_save": "Save",
    }
    data.update(changes)
    return data
