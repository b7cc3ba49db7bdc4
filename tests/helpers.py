"""Helpers the tests share: reading a page as a visitor does, the admin page of a record, a row
the database refuses, and checking quotations against the seed documents. (The HTML tree is
`tests/html.py`; records come from `tests/factories.py`.)

`tests/seeds/` holds copies of the two seed documents the partnership's data and news were
written from (the partnership's and City of York Council's public text), so that whatever
the site puts in quotation marks can be checked against the words it claims to quote.
"""

import html as htmllib
import re
from pathlib import Path

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

SEEDS = Path(__file__).parent / "seeds"

# Text between “ ”, ‘ ’ or straight double quotes. A straight single quote is an apostrophe.
QUOTATION = re.compile(r"“([^”]*)”|‘([^’]*)’|\"([^\"]*)\"")


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def sitemap_locations(client) -> list[str]:
    """Every address in the sitemap: the index at /sitemap.xml, then each page it names."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    locations = []
    for section in re.findall(r"<loc>([^<]+)</loc>", index.content.decode()):
        response = client.get(htmllib.unescape(section).removeprefix("http://testserver"))
        assert response.status_code == 200, section
        locations += re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    return [htmllib.unescape(location) for location in locations]


def count_queries(client, url: str) -> int:
    """How many SQL queries a GET of `url` runs (it must answer 200)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def walk_pages(client, url: str) -> list:
    """Every page of a paginated page as parsed trees, from `url` by its "Next" links (which
    are query strings: `?page=2`, keeping the page's other parameters)."""
    from tests.html import parse

    path = url.split("?")[0]
    pages = [parse(page(client, url))]
    while found := pages[-1].select("a.nhsuk-pagination__link--next"):
        pages.append(parse(page(client, path + found[0].attrs["href"])))
    return pages


def text(html: str) -> str:
    """The visible text, with tags removed and white space folded."""
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def change_url(obj) -> str:
    """The admin's change page of a record."""
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def assert_database_refuses(write) -> None:
    """`write` writes a row the database itself refuses (a constraint, not model validation)."""
    with pytest.raises(IntegrityError), transaction.atomic():
        write()


def words(text: str) -> str:
    """Text as read: one kind of apostrophe and single spaces. Typography, not wording."""
    return " ".join(text.replace("’", "'").split())


def seed_text() -> str:
    return words(" ".join(path.read_text() for path in sorted(SEEDS.glob("*.txt"))))


def quotations(text: str) -> list[str]:
    return [next(part for part in match if part) for match in QUOTATION.findall(text)]


def is_quoted_from(quotation: str, source: str) -> bool:
    """Whole, or shortened with a marked ellipsis: every part, in order, verbatim."""
    position = 0
    for part in (words(part) for part in quotation.split("…")):
        if not part:
            continue
        found = source.find(part, position)
        if found == -1:
            return False
        position = found + len(part)
    return True


def totp_code(device) -> str:
    """The code an authenticator app shows now for a django-otp TOTP device."""
    from django_otp.oath import totp

    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{code:0{device.digits}d}"
