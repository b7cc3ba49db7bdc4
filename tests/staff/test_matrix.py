"""Every admin URL, for every role, with GET and POST: no unexpected success.

The URLs come from the admin's registry (each model admin's own URL patterns, custom ones
included), so a new model or page is covered without editing this test. What a role may do
comes from its group's permissions in the database, not from the admin's code: a role without
the permission a URL needs must be refused (a GET: 403, 404 or sent to sign in; a POST: no
redirect onward from a save) and nothing may change.
Where a role has the permission, the admin may still refuse (a read-only log): that is allowed.
"""

import pytest
from django.contrib import admin
from django.forms.models import model_to_dict
from django.urls import reverse

from tests.icsportal.test_admin import every_model_has_a_record  # noqa: F401 (a fixture)

ROLES = ["partner editor", "comms team", "governance team", "contact team", None]


def admin_urls():
    """(model, URL, the permission action a GET and a POST of it need) for every model URL."""
    for model, model_admin in sorted(
        admin.site._registry.items(), key=lambda item: item[0]._meta.label
    ):
        first = model._default_manager.order_by("pk").first()
        for pattern in model_admin.get_urls():
            if pattern.name is None:
                continue  # the old-style redirect to the change page
            args = [first.pk][: pattern.pattern.regex.groups]
            if pattern.name.endswith("_simple_history"):  # one past version of the record
                args.append(first.history.order_by("history_id").first().history_id)
            url = reverse(f"admin:{pattern.name}", args=args)
            suffix = pattern.name.removeprefix(f"{model._meta.app_label}_{model._meta.model_name}_")
            get_needs, post_needs = {
                "changelist": ("view", "view"),
                "add": ("add", "add"),
                "change": ("view", "change"),
                "delete": ("delete", "delete"),
                "history": ("view", "view"),
                "simple_history": ("view", "change"),  # its POST reverts the record
            }.get(suffix, ("view", "change"))  # a custom page reads, its POST changes
            yield model, first, url, get_needs, post_needs


def may(user, model, action: str) -> bool:
    opts = model._meta
    codenames = {f"{opts.app_label}.{action}_{opts.model_name}"}
    if action == "view":  # Django lets change stand for view
        codenames.add(f"{opts.app_label}.change_{opts.model_name}")
    return user is not None and bool(codenames & user.get_all_permissions())


def snapshot(model, first) -> tuple:
    first = model._default_manager.filter(pk=first.pk).first()
    return model._default_manager.count(), first and model_to_dict(first)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES, ids=lambda role: role or "anonymous")
def test_no_role_succeeds_where_its_permissions_do_not_reach(
    client_as,
    role,
    every_model_has_a_record,  # noqa: F811
):
    client = client_as(role)
    user = client.session.get("_auth_user_id") and _user(client)
    surprises, checked = [], 0
    for model, first, url, get_needs, post_needs in admin_urls():
        for method, action in (("GET", get_needs), ("POST", post_needs)):
            if may(user, model, action):
                continue
            before = snapshot(model, first)
            response = client.get(url) if method == "GET" else client.post(url, {"post": "yes"})
            checked += 1
            to_sign_in = response.status_code == 302 and "/admin/login/" in response["Location"]
            if method == "GET":
                refused = response.status_code in (403, 404, 405) or to_sign_in
            else:
                # A POST succeeds by saving and moving on, or by changing anything: a page shown
                # again with nothing saved (a read-only history view) is not a success.
                refused = response.status_code != 302 or to_sign_in
            if not refused:
                surprises.append(f"{method} {url}: {response.status_code}")
            if snapshot(model, first) != before:
                surprises.append(f"{method} {url}: changed {model._meta.label}")
    assert surprises == []
    assert checked > 100


def _user(client):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(pk=client.session["_auth_user_id"])
