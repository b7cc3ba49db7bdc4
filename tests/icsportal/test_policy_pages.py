"""The accessibility statement, the privacy notice's contact section and security.txt."""

import datetime

import pytest
from django.utils import timezone

from tests.html import parse

# Their pages are standing pages: the comms team's text, loaded as `make run` does.
pytestmark = pytest.mark.usefixtures("standing_pages")

ADDRESS = "contact@portal.example.nhs.uk"


def main(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    return parse(response.content.decode()).select_one("main")


def section(page, heading: str) -> str:
    """The text from a heading to the next heading of any level, as a reader meets it."""
    text = page.text
    start = text.index(heading) + len(heading)
    ends = [text.find(h.text, start) for h in page.select("h2") + page.select("h3")]
    return text[start : min([end for end in ends if end > start], default=len(text))]


@pytest.mark.django_db
def test_the_statement_says_when_it_was_prepared_and_last_reviewed(client):
    page = main(client, "/accessibility/")
    assert "This statement was prepared on 26 November 2026." in page.text
    review = page.select_one(".nhsuk-review-date").text
    assert "Page last reviewed: 26 November 2026" in review
    assert "Next review due: 26 November 2027" in review


@pytest.mark.django_db
def test_the_statement_claims_only_what_automated_checks_can_show(client):
    page = main(client, "/accessibility/")
    status = section(page, "Compliance status")
    assert (
        "This website is partially compliant with the Web Content Accessibility Guidelines "
        "version 2.2 AA standard."
    ) in status
    assert "tested only with the automated checks" in status
    assert "fully compliant" not in page.text


@pytest.mark.django_db
def test_without_a_contact_address_both_pages_send_the_reader_to_the_contact_form(client, settings):
    settings.CONTACT_EMAIL = ""
    statement = main(client, "/accessibility/")
    reporting = section(statement, "Reporting accessibility problems with this website")
    assert "tell us through our contact form" in reporting
    assert "within 10 working days" in reporting
    contact = main(client, "/privacy/").select_one("#contact")
    assert "use our contact form" in contact.text
    # Neither sends the reader to another website, nor to an address that does not exist.
    assert [a.attrs["href"] for a in contact.select("a[href]")] == ["/contact/"]
    assert "/contact/?topic=website" in [a.attrs["href"] for a in statement.select("a[href]")]
    hrefs = [a.attrs["href"] for page in (statement, contact) for a in page.select("a[href]")]
    assert not [href for href in hrefs if href.startswith("mailto:")]


@pytest.mark.django_db
def test_with_a_contact_address_both_pages_give_it_beside_the_form(client, settings):
    settings.CONTACT_EMAIL = ADDRESS
    statement = main(client, "/accessibility/")
    reporting = section(statement, "Reporting accessibility problems with this website")
    assert f"contact form or email {ADDRESS}" in reporting
    contact = main(client, "/privacy/").select_one("#contact")
    assert f"contact form or email the partnership at {ADDRESS}" in contact.text
    for page in (statement, contact):
        assert f"mailto:{ADDRESS}" in [a.attrs["href"] for a in page.select("a[href]")]
    assert "does not have a contact address" not in statement.text + contact.text
    assert contact.select_one("h2").text == "Contact us"


@pytest.mark.django_db
def test_the_privacy_notice_says_what_the_contact_form_stores_why_and_for_how_long(
    client, settings
):
    settings.CONTACT_RETENTION_DAYS = 200
    stored = main(client, "/privacy/").select_one("#contact-form")
    assert stored.select_one("h2").text == "If you send us a message"
    for what in ("what you wrote", "your name and email address, only if you give them",
                 "coded version of your internet address", "only to answer your message",
                 "200 days after we have finished with it"):  # fmt: skip
        assert what in stored.text
    assert "/cookies/" in [a.attrs["href"] for a in stored.select("a[href]")]


@pytest.mark.django_db
def test_the_cookies_page_names_the_contact_forms_cookie(client):
    page = main(client, "/cookies/")
    assert "no other page sets it" in section(page, "The cookie the contact form sets")
    listed = section(page, "Every cookie this website sets")
    assert "__Host-csrftoken People who open the contact form, and staff who sign in" in listed
    assert "__Host-sessionid Staff who sign in" in listed
    assert "/privacy/#contact-form" in [a.attrs["href"] for a in page.select("a[href]")]


def security_txt(client) -> dict[str, list[str]]:
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields: dict[str, list[str]] = {}
    for line in response.content.decode().splitlines():
        name, value = line.split(": ", 1)
        fields.setdefault(name, []).append(value)
    return fields


@pytest.mark.django_db
def test_security_txt_expires_within_a_year(client):
    (expires,) = security_txt(client)["Expires"]
    when = datetime.datetime.fromisoformat(expires)
    # RFC 9116: an ISO 8601 time, and less than a year ahead.
    assert timezone.now() < when < timezone.now() + datetime.timedelta(days=365)


@pytest.mark.django_db
def test_security_txt_contact_is_the_contact_form_about_the_website(client, settings):
    settings.SECURITY_CONTACT = ""
    (contact,) = security_txt(client)["Contact"]
    assert contact == "http://testserver/contact/?topic=website"
    form = main(client, contact.removeprefix("http://testserver"))
    (chosen,) = [radio for radio in form.select("input[type=radio]") if "checked" in radio.attrs]
    assert chosen.attrs["value"] == "website"


@pytest.mark.django_db
def test_security_txt_contact_can_be_set_for_the_security_team(client, settings):
    settings.SECURITY_CONTACT = "mailto:security@portal.example.nhs.uk"
    assert security_txt(client)["Contact"] == ["mailto:security@portal.example.nhs.uk"]


@pytest.mark.django_db
def test_security_txt_names_no_policy_the_site_does_not_have(client):
    # Policy is for a vulnerability disclosure policy; the site has none to link to.
    assert "Policy" not in security_txt(client)
