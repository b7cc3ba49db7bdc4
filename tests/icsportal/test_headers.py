"""Static files carry the same security headers as pages, and cookies the __Host- prefix."""

import pytest

from tests.factories import make_user

SECURITY_HEADERS = [
    "Content-Security-Policy",
    "X-Frame-Options",
    "Permissions-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Strict-Transport-Security",
]


@pytest.mark.django_db
@pytest.mark.usefixtures("standing_pages")
@pytest.mark.parametrize("path", ["/static/css/main.css", "/static/js/main.mjs", "/privacy/"])
def test_static_files_and_pages_carry_the_security_headers(client, path):
    response = client.get(path, secure=True)
    assert response.status_code == 200
    missing = [header for header in SECURITY_HEADERS if not response.has_header(header)]
    assert missing == []
    assert response["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_cookies_are_host_only_secure_and_whole_site(client):
    make_user(username="alice")
    client.get("/contact/", secure=True)
    client.post(
        "/admin/login/",
        {"username": "alice", "password": "correct horse battery", "next": "/admin/"},
        secure=True,
    )
    assert set(client.cookies) == {"__Host-csrftoken", "__Host-sessionid"}
    for cookie in client.cookies.values():
        assert cookie["secure"] is True
        assert cookie["path"] == "/"
        assert cookie["domain"] == ""
