"""The response headers scored as the Mozilla HTTP Observatory scores them (its published
rules: a base of 100, penalties for what is missing or weak, bonuses for the strict forms),
on a page, a static file, the sign-in page and a signed-in page, with production settings.
A+ (100 or more) is required; a bare response scores D, so the scorer can fail."""

import pytest
from django.http import HttpResponse

from tests.factories import make_user

SIX_MONTHS = 15_552_000
PRIVATE_REFERRERS = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}


def directives(policy: str) -> dict[str, list[str]]:
    found = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            found[words[0].lower()] = [w.lower() for w in words[1:]]
    return found


def score(response, cookies, session_cookie: str) -> tuple[int, dict[str, int]]:
    """(score, each rule's modifier), following the Observatory's scoring table."""
    rules: dict[str, int] = {}
    csp = response.headers.get("Content-Security-Policy")
    if not csp:
        rules["csp"] = -25
    else:
        policy = directives(csp)
        scripts = policy.get("script-src", policy.get("default-src", []))
        sources = scripts + policy.get("style-src", []) + policy.get("object-src", [])
        unsafe = any(
            word in ("'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:") for word in sources
        )
        if unsafe:
            rules["csp"] = -10
        else:
            rules["csp"] = 10 if policy.get("default-src") == ["'none'"] else 5
    if cookies:
        secure = all(c["secure"] for c in cookies.values())
        session_httponly = all(c["httponly"] for n, c in cookies.items() if n == session_cookie)
        samesite = all(c["samesite"] for c in cookies.values())
        if not secure:
            rules["cookies"] = -20
        elif not session_httponly:
            rules["cookies"] = -30
        else:
            rules["cookies"] = 5 if samesite else 0
    origin = response.headers.get("Access-Control-Allow-Origin")
    credentials = response.headers.get("Access-Control-Allow-Credentials") == "true"
    rules["cors"] = -50 if origin == "*" and credentials else 0
    referrer = response.headers.get("Referrer-Policy", "")
    rules["referrer"] = 5 if referrer in PRIVATE_REFERRERS else (-5 if referrer else 0)
    hsts = response.headers.get("Strict-Transport-Security", "")
    max_age = next((int(p.split("=")[1]) for p in hsts.split(";") if "max-age" in p), 0)
    rules["hsts"] = 0 if max_age >= SIX_MONTHS else -20
    rules["nosniff"] = 0 if response.headers.get("X-Content-Type-Options") == "nosniff" else -5
    ancestors = directives(csp or "").get("frame-ancestors")
    if ancestors in (["'none'"], ["'self'"]):
        rules["framing"] = 5
    elif response.headers.get("X-Frame-Options", "").upper() in ("DENY", "SAMEORIGIN"):
        rules["framing"] = 0
    else:
        rules["framing"] = -20
    penalties = sum(v for v in rules.values() if v < 0)
    bonuses = sum(v for v in rules.values() if v > 0)
    total = 100 + penalties
    # Bonuses count only once nothing has taken the score below 90.
    return (total + bonuses if total >= 90 else total), rules


GRADES = [(100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+"),
          (50, "C"), (45, "C-"), (40, "D+"), (30, "D"), (25, "D-")]  # fmt: skip


def grade(points: int) -> str:
    return next((letter for floor, letter in GRADES if points >= floor), "F")


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/static/css/main.css", "/admin/login/", "/api/v1/"])
def test_every_kind_of_response_scores_a_plus(client, settings, seeded, path):
    response = client.get(path, secure=True)
    assert response.status_code == 200
    points, rules = score(response, response.cookies, settings.SESSION_COOKIE_NAME)
    assert grade(points) == "A+", rules


@pytest.mark.django_db
def test_a_signed_in_page_with_its_cookies_scores_a_plus(client, settings):
    make_user(username="alice")
    client.get("/admin/login/", secure=True)
    response = client.post(
        "/admin/login/",
        {"username": "alice", "password": "correct horse battery", "next": "/admin/"},
        secure=True,
    )
    assert settings.SESSION_COOKIE_NAME in response.cookies
    points, rules = score(response, client.cookies, settings.SESSION_COOKIE_NAME)
    assert rules["cookies"] == 5
    assert grade(points) == "A+", rules


def test_the_scorer_fails_a_response_without_the_headers():
    points, rules = score(HttpResponse("hello"), {}, "sessionid")
    assert (points, grade(points)) == (30, "D")
    assert rules["csp"] == -25
