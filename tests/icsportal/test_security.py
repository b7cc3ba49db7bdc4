"""Login throttling, the Content Security Policy, production settings, and the load balancer's
health check."""

import os
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
    # Public pages need no nonce: their one script is a file of our own.
    assert "script-src 'self';" in policy
    assert "unsafe-inline" not in policy
    assert "nonce-" not in policy
    assert "nonce=" not in response.content.decode()
    assert response["Permissions-Policy"].startswith("camera=()")


LOAD_BALANCERS = ["10.0.0.0/24"]


@pytest.mark.parametrize(
    ("remote", "forwarded", "proxies", "expected"),
    [
        ("10.0.0.2", "", [], "10.0.0.2"),
        ("10.0.0.2", "198.51.100.7", [], "10.0.0.2"),  # no trusted proxy: the header is ignored
        ("10.0.0.2", "198.51.100.7", LOAD_BALANCERS, "198.51.100.7"),
        ("10.0.0.2", "6.6.6.6, 198.51.100.7", LOAD_BALANCERS, "198.51.100.7"),  # spoofed left
        ("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.9", LOAD_BALANCERS, "198.51.100.7"),  # 2 hops
        ("10.0.0.2", "", LOAD_BALANCERS, "10.0.0.2"),  # the balancer's own request
        ("10.0.0.2", "not-an-address", LOAD_BALANCERS, "10.0.0.2"),
        # Straight to the app, past the load balancer: the client's header is its own words.
        ("198.51.100.7", "6.6.6.6", LOAD_BALANCERS, "198.51.100.7"),
        ("2001:db8::5", "6.6.6.6", ["2001:db8::/32"], "6.6.6.6"),
    ],
)
def test_client_address_is_believed_only_from_trusted_proxies(
    rf, settings, remote, forwarded, proxies, expected
):
    from core.http import client_ip

    settings.TRUSTED_PROXIES = proxies
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


@pytest.mark.django_db
def test_a_client_reaching_the_app_directly_cannot_escape_the_login_throttle(client, settings):
    settings.TRUSTED_PROXIES = LOAD_BALANCERS
    make_user(username="alice")
    statuses = [
        client.post(
            reverse("admin:login"),
            {"username": "alice", "password": "wrong"},
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",  # a new address claimed each time
        ).status_code
        for n in range(settings.AXES_FAILURE_LIMIT + 1)
    ]
    assert statuses[-1] == 429, statuses


@pytest.mark.django_db
@pytest.mark.usefixtures("standing_pages")
def test_forwarded_headers_from_elsewhere_are_removed_before_anything_reads_them(client, settings):
    settings.TRUSTED_PROXIES = LOAD_BALANCERS
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    # Straight to the app over plain HTTP, claiming HTTPS: still redirected to HTTPS.
    direct = client.get("/privacy/", REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_PROTO="https")
    assert direct.status_code == 301
    # Through the load balancer, which terminated TLS: served.
    balanced = client.get("/privacy/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_PROTO="https")
    assert balanced.status_code == 200


def test_trusted_proxies_must_be_networks_and_the_old_count_is_refused():
    bad = run_manage("check", TRUSTED_PROXIES="10.0.0.0/8,load-balancer")
    assert bad.returncode != 0
    assert "TRUSTED_PROXIES must list IP addresses or networks, not 'load-balancer'" in bad.stderr
    old = run_manage("check", TRUSTED_PROXY_COUNT="1")
    assert old.returncode != 0
    assert "Set TRUSTED_PROXIES to the load balancers' networks" in old.stderr


PRODUCTION = "icsportal.settings.production"
# A production host's environment, with a key strong enough for the deploy check.
PRODUCTION_ENV = {
    "SECRET_KEY": "x7Gq!2mZ#r9Lp$4vWb8Nc1Yk&6Td0Hs3Jf5Ue^Ai-Oo=Rl+Pe*Qw",
    "ALLOWED_HOSTS": "portal.example.nhs.uk",
}
# DEBUG, whether the secret key is the development one, and the allowed hosts.
PRINT_SETTINGS = (
    "from django.conf import settings as s; "
    "print(s.DEBUG, s.SECRET_KEY.startswith('django-insecure-'), s.ALLOWED_HOSTS)"
)


def clean_environment(**env: str) -> dict[str, str]:
    """This process's environment without the settings the test settings put in it."""
    ours = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT", "DJANGO_SETTINGS_MODULE"}
    return {k: v for k, v in os.environ.items() if k not in ours} | env


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=clean_environment(**env),
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
        DJANGO_SETTINGS_MODULE=PRODUCTION,
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
@pytest.mark.parametrize("debug", [None, "true"])
def test_production_refuses_to_start_without(missing, debug):
    """Not even DEBUG=true in the environment brings back a development key or hosts."""
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    if debug:
        env["DEBUG"] = debug
    result = run_manage("check", DJANGO_SETTINGS_MODULE=PRODUCTION, **env)
    assert result.returncode != 0
    assert f"ImproperlyConfigured: {missing} must be set for the production settings" in (
        result.stderr
    )


def test_production_runs_with_debug_off_whatever_the_environment_says():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        PRINT_SETTINGS,
        DJANGO_SETTINGS_MODULE=PRODUCTION,
        DEBUG="true",
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False False ['portal.example.nhs.uk']"


def test_a_malformed_boolean_is_a_clear_error():
    result = run_manage(
        "check", DJANGO_SETTINGS_MODULE=PRODUCTION, SECURE_SSL_REDIRECT="perhaps", **PRODUCTION_ENV
    )
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT must be true or false" in result.stderr


@pytest.mark.django_db
def test_health_check(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_migrations_match_the_models():
    result = run_manage("makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr


def test_manage_py_runs_the_development_settings_when_the_environment_is_silent():
    """A fresh checkout's manage.py commands (makemigrations, createsuperuser) need no secrets."""
    result = run_manage("shell", "--no-imports", "-c", PRINT_SETTINGS)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True True ['127.0.0.1', 'localhost']"


def test_the_served_site_runs_the_production_settings_and_refuses_without_them():
    """gunicorn loads icsportal.wsgi: with no settings named, that means production."""
    result = subprocess.run(
        [sys.executable, "-c", "import icsportal.wsgi"],
        cwd=BASE_DIR,
        env=clean_environment(DEBUG="true"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set for the production settings" in result.stderr


def test_a_malformed_contact_email_is_a_clear_error():
    result = run_manage("check", CONTACT_EMAIL="contact at example")
    assert result.returncode != 0
    assert "CONTACT_EMAIL must be an email address" in result.stderr
