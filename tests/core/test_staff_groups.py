"""The staff groups the news, governance and engagement migrations create: exactly these
permissions,
named as Django names them (the migrations create them before Django's own post-migrate
handler would)."""

import pytest
from django.apps import apps
from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Group, Permission

from tests.conftest import COMMS_TEAM, CONTACT_TEAM, GOVERNANCE_TEAM, PARTNER_EDITORS

ACTIONS = ["add", "change", "delete", "view"]
PARTNER_MODELS = {
    "places": [
        "integratedcaresystem",
        "systemmembership",
        "place",
        "populationestimate",
        "neighbourhood",
        "neighbourhoodcount",
        "milestone",
    ],
    "partners": ["organisation", "previousidentifier", "succession"],
    "alliances": ["alliance", "membership", "governancestage"],
}
NEWS_MODELS = ["newsitem", "topic"]
GOVERNANCE_MODELS = [
    "body",
    "bodymember",
    "meeting",
    "agendaitem",
    "meetingpaper",
    "interestregister",
    "declaredinterest",
]
PUBLICATIONS_MODELS = ["publication", "publicationdocument"]


def granted(group: str) -> set[tuple[str, str]]:
    permissions = Group.objects.get(name=group).permissions.select_related("content_type")
    return {(p.content_type.app_label, p.codename) for p in permissions}


@pytest.mark.django_db
def test_partner_editors_change_partner_records_but_delete_no_system_or_place():
    expected = {
        (app, f"{action}_{model}")
        for app, models in PARTNER_MODELS.items()
        for model in models
        for action in ACTIONS
    } - {("places", "delete_integratedcaresystem"), ("places", "delete_place")}
    assert granted(PARTNER_EDITORS) == expected


@pytest.mark.django_db
def test_comms_team_writes_news_consultations_and_pages_and_publishes_none():
    expected = {("news", f"{action}_{model}") for model in NEWS_MODELS for action in ACTIONS}
    consultations = {("engagement", f"{action}_consultation") for action in ACTIONS}
    pages = {("pages", f"{action}_page") for action in ACTIONS}
    images = {("images", f"{action}_image") for action in ACTIONS}
    assert granted(COMMS_TEAM) == expected | consultations | pages | images


@pytest.mark.django_db
def test_comms_approvers_publish_news_and_pages_and_edit_them_and_nothing_else():
    assert granted("Comms approvers") == {
        ("news", "publish_newsitem"), ("news", "view_newsitem"), ("news", "change_newsitem"),
        ("pages", "publish_page"), ("pages", "view_page"), ("pages", "change_page"),
    }  # fmt: skip


@pytest.mark.django_db
def test_contact_team_answers_messages_but_edits_and_deletes_none():
    assert granted(CONTACT_TEAM) == {
        ("engagement", codename)
        for codename in [
            "view_contactmessage",
            "change_contactmessage",
            "view_note",
            "add_note",
            "view_reply",
            "add_reply",
            "view_outgoingemail",
            "change_outgoingemail",
        ]
    }


@pytest.mark.django_db
@pytest.mark.parametrize("group", [PARTNER_EDITORS, COMMS_TEAM, GOVERNANCE_TEAM])
def test_only_the_contact_team_may_see_what_residents_send(group):
    assert not {
        codename
        for app, codename in granted(group)
        if app == "engagement" and not codename.endswith("_consultation")
    }


@pytest.mark.django_db
def test_governance_team_keeps_governance_records_and_only_views_what_it_looks_up():
    expected = {
        ("governance", f"{action}_{model}") for model in GOVERNANCE_MODELS for action in ACTIONS
    } | {
        ("publications", f"{action}_{model}") for model in PUBLICATIONS_MODELS for action in ACTIONS
    }
    lookups = {
        ("places", "view_integratedcaresystem"),
        ("places", "view_place"),
        ("alliances", "view_alliance"),
        ("partners", "view_organisation"),
    }
    documents = {("documents", f"{action}_document") for action in ACTIONS}
    assert granted(GOVERNANCE_TEAM) == expected | lookups | documents


@pytest.mark.django_db
@pytest.mark.parametrize("group", [PARTNER_EDITORS, COMMS_TEAM])
def test_other_groups_have_no_governance_permission(group):
    assert not {
        codename
        for app, codename in granted(group)
        if app in {"governance", "publications", "documents"}
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "app_label",
    [
        "places",
        "partners",
        "alliances",
        "governance",
        "publications",
        "news",
        "documents",
        "engagement",
    ],
)
def test_permissions_made_by_migrations_are_those_django_would_make(app_label):
    for model in apps.get_app_config(app_label).get_models():
        opts = model._meta
        expected = {
            (get_permission_codename(action, opts), f"Can {action} {opts.verbose_name_raw}")
            for action in opts.default_permissions
        } | set(opts.permissions)
        stored = Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=opts.model_name
        )
        assert set(stored.values_list("codename", "name")) == expected, opts.label
