"""Login throttling, the Content Security Policy, production settings, and the load balancer's
health check."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import make_user

BASE_DIR = Path(__file__).resolve().parents[2]


def attempt(client, username: str, password: str, address: str):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


@pytest.mark.django_db
def test_repeated_wrong_passwords_lock_out_that_user_from_that_address(client, settings):
    make_user(username="alice")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt(client, "alice", "wrong", "203.0.113.5")
        assert response.status_code == 200
        assert "Please enter the correct username and password" in response.content.decode()
    assert attempt(client, "alice", "wrong", "203.0.113.5").status_code == 429
    # Now even the right password is refused from there.
    locked = attempt(client, "alice", "correct horse battery", "203.0.113.5")
    assert locked.status_code == 429


@pytest.mark.django_db
def test_a_lockout_does_not_shut_out_colleagues_behind_the_same_address(client, settings):
    make_user(username="alice")
    make_user(username="bob")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        attempt(client, "alice", "wrong", "203.0.113.5")
    response = attempt(client, "bob", "correct horse battery", "203.0.113.5")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_a_lockout_does_not_stop_the_real_user_elsewhere(client, settings):
    make_user(username="alice")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        attempt(client, "alice", "wrong", "198.51.100.7")
    assert attempt(client, "alice", "correct horse battery", "203.0.113.5").status_code == 302


@pytest.mark.django_db
def test_the_strict_content_security_policy_is_sent(client, seeded):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert re.search(r"script-src 'self' 'nonce-[\w+/=-]+'", policy)
    assert "unsafe-inline" not in policy
    assert response["Permissions-Policy"].startswith("camera=()")


@pytest.mark.parametrize(
    ("forwarded", "proxies", "expected"),
    [
        ("", 0, "10.0.0.2"),
        ("198.51.100.7", 0, "10.0.0.2"),  # no trusted proxy: the header is ignored
        ("198.51.100.7", 1, "198.51.100.7"),
        ("6.6.6.6, 198.51.100.7", 1, "198.51.100.7"),  # a spoofed left part is ignored
        ("6.6.6.6", 2, "10.0.0.2"),  # fewer hops than proxies: fall back
    ],
)
def test_client_address_behind_trusted_proxies(rf, settings, forwarded, proxies, expected):
    from icsportal.http import client_ip

    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT"}
    }
    clean.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_the_deploy_check():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY="x7Gq!2mZ#r9Lp$4vWb8Nc1Yk&6Td0Hs3Jf5Ue^Ai-Oo=Rl+Pe*Qw",
        ALLOWED_HOSTS="portal.example.nhs.uk",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = {"DEBUG": "false", "SECRET_KEY": "s" * 60, "ALLOWED_HOSTS": "portal.example.nhs.uk"}
    del env[missing]
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_a_malformed_boolean_is_a_clear_error():
    result = run_manage("check", DEBUG="perhaps")
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


@pytest.mark.django_db
def test_health_check(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_migrations_match_the_models():
    result = run_manage("makemigrations", "--check", "--dry-run", DEBUG="true")
    assert result.returncode == 0, result.stdout + result.stderr


def test_manage_py_runs_with_debug_on_when_the_environment_is_silent():
    """A fresh checkout's manage.py commands (makemigrations, createsuperuser) need no secrets."""
    code = "from django.conf import settings; print(settings.DEBUG)"
    result = run_manage("shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
    assert run_manage("makemigrations", "--check", "--dry-run").returncode == 0


def test_the_served_site_defaults_to_debug_off_and_refuses_without_its_settings():
    """gunicorn loads icsportal.wsgi: there, no DEBUG in the environment means production."""
    result = subprocess.run(
        [sys.executable, "-c", "import icsportal.wsgi"],
        cwd=BASE_DIR,
        env={k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
        | {"DJANGO_SETTINGS_MODULE": "icsportal.settings"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_a_malformed_contact_email_is_a_clear_error():
    result = run_manage("check", DEBUG="true", CONTACT_EMAIL="contact at example")
    assert result.returncode != 0
    assert "CONTACT_EMAIL must be an email address" in result.stderr
