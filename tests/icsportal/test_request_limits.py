"""Request bodies: over 1 MB from a visitor is answered 413 before it is read (multipart
included); staff keep the larger limit their uploads need."""

import socket
from urllib.parse import urlsplit

import pytest
from django.conf import settings

MB = 1024 * 1024


def post(client, path: str, size: int, content_type: str = "multipart/form-data; boundary=x"):
    return client.generic("POST", path, b"x" * size, content_type=content_type)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/admin/login/", "/contact/", "/search/", "/no-such-page/"])
def test_a_visitors_body_over_a_megabyte_is_refused(client, path):
    response = post(client, path, MB + 1)
    assert response.status_code == 413
    assert "at most 1,048,576 bytes" in response.content.decode()


@pytest.mark.django_db
def test_a_visitors_body_at_the_limit_is_read_as_usual(client):
    # Read, and answered as the form it is: one with errors.
    assert post(client, "/contact/", MB, "application/x-www-form-urlencoded").status_code == 400


@pytest.mark.django_db
def test_staff_may_send_a_document_sized_body_and_no_more(client_as):
    client = client_as("governance team")
    path = "/admin/documents/document/add/"
    assert post(client, path, 5 * MB).status_code != 413
    assert post(client, path, settings.STAFF_REQUEST_MAX_BYTES + 1).status_code == 413


@pytest.mark.django_db(transaction=True)
def test_the_refusal_comes_before_the_body_is_read(live_server):
    """Announce 20 MB, send a few bytes, and the answer comes at once: nothing waited for the
    rest of the body."""
    url = urlsplit(live_server.url)
    with socket.create_connection((url.hostname, url.port), timeout=10) as connection:
        connection.sendall(
            b"POST /admin/login/ HTTP/1.1\r\nHost: localhost\r\n"
            b"Content-Type: multipart/form-data; boundary=x\r\n"
            + f"Content-Length: {20 * MB}\r\n\r\n".encode()
            + b"--x\r\n"
        )
        answer = connection.recv(4096).decode("latin-1")
    assert answer.startswith("HTTP/1.1 413")
