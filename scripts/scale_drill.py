"""`make scale-drill`: two web hosts sharing one PostgreSQL and one Redis, the page cache on;
a change made through one shows at once on the other.

It starts a PostgreSQL cluster and a Redis server of its own (in a temporary directory, on free
loopback ports), loads the partnership, and serves it with two gunicorn servers on two ports,
as two hosts behind a load balancer would be. Both are asked for the pages first, so each
has them cached. Then a member of staff signs in to the admin of host A (password and an
authenticator code) and, through its forms:

  publish    writes a news item, submits, approves and publishes it
  edit       renames a partner
  withdraw   withdraws the news item again

After each, host B is asked at once for the pages that show the change: it must serve the new
version (the item in /news/ and at its address; the partner's new name; the item gone and its
address a 404), never the copy it kept. Every check is printed; the run exits 1 if any fails.
"""

import html.parser
import http.client
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # run as a script from anywhere

from drill import Cluster, Site  # noqa: E402 (needs the path above)
from serving import free_port  # noqa: E402

PARTNER = "sheffield-city-council"
TITLE = f"Scale drill {secrets.token_hex(3)}: clinics open late"
SLUG = TITLE.lower().replace(":", "").replace(" ", "-")
DONE = 'class="success"'  # the admin's green message after a step


class Browser:
    """Just enough of a browser for the admin over plain HTTP: cookies kept and sent (the
    production cookies are Secure; behind the load balancer the site sees HTTPS, here the
    drill talks to gunicorn directly), redirects followed."""

    def __init__(self, port: int):
        self.port, self.cookies = port, {}

    def request(self, method: str, path: str, form: list | None = None):
        for _ in range(10):
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
            body = None
            if form is not None:
                body = urlencode(form)
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";", 1)[0]
            connection.close()
            if response.status in (301, 302, 303) and response.getheader("Location"):
                method, form = "GET", None
                path = urlsplit(response.getheader("Location"))._replace(scheme="", netloc="")
                path = path.geturl()
                continue
            return response.status, text, path
        sys.exit(f"too many redirects from {path}")

    def get(self, path: str):
        return self.request("GET", path)

    def submit(self, path: str, changes: dict[str, str] | None = None, button: str = "_save"):
        """GET a page, fill its main form as its fields stand with `changes`, and POST it."""
        status, text, path = self.get(path)
        if status != 200:
            sys.exit(f"{path} answered {status}")
        fields = FormFields.read(text)
        values = [(k, v) for k, v in fields if k not in (changes or {})]
        values += list((changes or {}).items())
        values.append((button, "Save"))
        return self.request("POST", path, values)


class FormFields(html.parser.HTMLParser):
    """The fields of the page's forms as a browser would send them unchanged."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fields: list[tuple[str, str]] = []
        self._select: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    @classmethod
    def read(cls, text: str) -> list[tuple[str, str]]:
        parser = cls()
        parser.feed(text)
        return parser.fields

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((name, a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.fields.append((self._select, a.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.fields.append((self._textarea, "".join(self._text).lstrip("\n")))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)


def make_staff(env: dict) -> tuple[str, str, str]:
    """A superuser with an authenticator app, made as `createsuperuser` and set-up would."""
    username, password = "scale-drill", secrets.token_urlsafe(16)
    script = (
        "from django.contrib.auth.models import User\n"
        "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
        f"user = User.objects.create_superuser({username!r}, 'drill@example.org', {password!r})\n"
        "device = TOTPDevice.objects.create(user=user, name='drill', confirmed=True)\n"
        "print(device.key)\n"
    )
    done = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return username, password, done.stdout.strip().splitlines()[-1]


def totp(key_hex: str) -> str:
    """The authenticator app's code now (RFC 6238, as django-otp checks it)."""
    import hashlib
    import hmac
    import struct

    counter = struct.pack(">Q", int(time.time()) // 30)
    digest = hmac.new(bytes.fromhex(key_hex), counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"


def sign_in(browser: Browser, username: str, password: str, key: str) -> None:
    _, text, _ = browser.get("/admin/login/")
    token = dict(FormFields.read(text))["csrfmiddlewaretoken"]
    form = [("csrfmiddlewaretoken", token), ("username", username), ("password", password)]
    form.append(("next", "/admin/"))
    status, text, path = browser.request("POST", "/admin/login/?next=/admin/", form)
    if "second-factor" not in path:
        sys.exit(f"signing in did not ask for the second factor (at {path}, {status})")
    token = dict(FormFields.read(text))["csrfmiddlewaretoken"]
    form = [("csrfmiddlewaretoken", token), ("code", totp(key))]
    status, _, path = browser.request("POST", path, form)
    if status != 200 or path.rstrip("/") != "/admin":
        sys.exit(f"the second factor was refused (at {path}, {status})")


class Checks:
    def __init__(self):
        self.failed: list[str] = []

    def expect(self, what: str, ok: bool) -> None:
        print(f"  {'ok  ' if ok else 'FAIL'} {what}")
        if not ok:
            self.failed.append(what)


def page(port: int, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def warm(port: int, paths: list[str]) -> None:
    for path in paths:
        page(port, path)
        page(port, path)


def drill(a: Site, b: Site, env: dict) -> list[str]:
    checks = Checks()
    partner_path = f"/partners/{PARTNER}/"
    news_item_path = f"/news/{SLUG}/"
    watched = ["/", "/news/", news_item_path, partner_path, "/partners/?q=Sheffield"]
    warm(a.port, watched)
    warm(b.port, watched)
    status, text = page(b.port, "/news/")
    checks.expect("host B has /news/ cached, without the item", TITLE not in text)

    username, password, key = make_staff(env)
    staff = Browser(a.port)
    sign_in(staff, username, password, key)
    print(f"signed in to host A's admin (port {a.port}) with a password and a code")

    print("publish: a news item written, submitted, approved and published on host A")
    status, text, path = staff.submit(
        "/admin/news/newsitem/add/",
        {
            "title": TITLE,
            "slug": SLUG,
            "summary": "Evening clinics across Sheffield this winter.",
            "body": "<p>Open until 8pm on weekdays.</p>",
        },
        button="_continue",  # "Save and continue editing": stays on the item's page
    )
    pk = path.rstrip("/").split("/")[-2] if "/change" in path else None
    checks.expect(f"host A saved the draft ({status})", status == 200 and pk is not None)
    if pk is None:
        print(f"    at {path}: {errors(text)}")
        return checks.failed
    for step in ("submit", "approve", "publish"):
        status, text = take_step(staff, pk, step)
        checks.expect(f"host A: {step} ({status})", status == 200 and DONE in text)
    checks.expect("host B /news/ shows the item at once", TITLE in page(b.port, "/news/")[1])
    checks.expect("host B / shows the item at once", TITLE in page(b.port, "/")[1])
    checks.expect("host B serves the item's page", page(b.port, news_item_path)[0] == 200)

    print("edit: a partner renamed on host A")
    new_name = f"Sheffield City Council ({secrets.token_hex(2)})"
    status, text, _ = staff.submit(f"/admin/partners/organisation/{partner_pk(staff)}/change/",
                                   {"name": new_name})  # fmt: skip
    checks.expect(f"host A saved the partner ({status})", status == 200 and DONE in text)
    checks.expect(
        "host B's partner page has the new name", new_name in page(b.port, partner_path)[1]
    )
    checks.expect(
        "host B's directory has the new name",
        new_name in page(b.port, "/partners/?q=Sheffield")[1],
    )

    print("withdraw: the news item withdrawn on host A")
    status, text = take_step(staff, pk, "withdraw")
    checks.expect(f"host A: withdraw ({status})", status == 200 and DONE in text)
    checks.expect("host B /news/ no longer shows it", TITLE not in page(b.port, "/news/")[1])
    checks.expect("host B / no longer shows it", TITLE not in page(b.port, "/")[1])
    checks.expect("host B answers 404 at its address", page(b.port, news_item_path)[0] == 404)
    return checks.failed


def errors(text: str) -> list[str]:
    """The form's error messages, to say why a save was refused."""
    import re

    found = re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', text, re.S)
    return [re.sub(r"<[^>]+>", " ", error).strip() for error in found]


def take_step(staff: Browser, pk: str, step: str) -> tuple[int, str]:
    """Press a publishing step's button at the top of the item's edit page."""
    _, text, _ = staff.get(f"/admin/news/newsitem/{pk}/change/")
    token = dict(FormFields.read(text))["csrfmiddlewaretoken"]
    form = [("csrfmiddlewaretoken", token)]
    status, text, _ = staff.request("POST", f"/admin/news/newsitem/{pk}/{step}/", form)
    return status, text


def partner_pk(staff: Browser) -> str:
    _, text, _ = staff.get("/admin/partners/organisation/?q=Sheffield+City+Council")
    marker = "/admin/partners/organisation/"
    for chunk in text.split(marker)[1:]:
        candidate = chunk.split("/", 1)[0]
        if candidate.isdigit():
            return candidate
    sys.exit("the partner was not found in the admin")


def main() -> int:
    if not shutil.which("redis-server"):
        sys.exit("redis-server is not installed (apt-get install redis-server)")
    with tempfile.TemporaryDirectory(prefix="icsportal-scale-") as directory:
        work = Path(directory)
        work.chmod(0o755)
        cluster = Cluster(work / "cluster")
        cluster.start()
        redis_port = free_port()
        redis = subprocess.Popen(  # noqa: S603 (a throwaway server on loopback)
            [shutil.which("redis-server"), "--port", str(redis_port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        sites: list[Site] = []
        try:
            cluster.createdb("scale")
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "icsportal.settings.production",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "127.0.0.1",
                "SECURE_SSL_REDIRECT": "false",
                "DATABASE_URL": cluster.url("scale"),
                "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
                "PAGE_CACHE": "true",
                "COMMS_SELF_APPROVAL": "true",
                "MEDIA_ROOT": str(work / "media"),
                "LOG_LEVEL": "WARNING",
            }
            a, b = Site(env), Site(env)
            sites = [a, b]
            a.manage("migrate", "--noinput")
            a.manage("load_partnership")
            a.start()
            b.start()
            print(f"host A on port {a.port}, host B on port {b.port}: one PostgreSQL, one Redis")
            failed = drill(a, b, env)
        finally:
            for site in sites:
                site.stop()
            redis.terminate()
            redis.wait(timeout=30)
            cluster.stop()
    for failure in failed:
        print(f"FAILED {failure}")
    print("the scale drill passed" if not failed else "the scale drill failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
