"""Publications in the admin: the Governance team adds them with their documents in order; a
publication needs a document or content; the Comms team and Partner editors cannot touch
them."""

import pytest
from django.urls import reverse

from publications.models import Publication
from tests import factories as f

ADD = reverse("admin:publications_publication_add")


def add_form(system, **changes) -> dict:
    """What the admin's "Add publication" page posts."""
    data = {
        "title": "Winter plan",
        "slug": "winter-plan",
        "kind": "plan",
        "summary": "How we will get through the winter.",
        "is_published": "on",
        "published_on": "2026-11-01",
        "published_on_precision": "day",
        "period": "",
        "publisher": "",
        "system": system.pk,
        "place": "",
        "body": "",
        "meeting": "",
        "content": "",
        "source": "",
        "source_url": "",
        "source_date": "",
        "source_date_precision": "day",
        "confidence": "medium",
        "loaded_version": "",
        "document_links-TOTAL_FORMS": "0",
        "document_links-INITIAL_FORMS": "0",
        "document_links-MIN_NUM_FORMS": "0",
        "document_links-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    data.update(changes)
    return data


def with_documents(data: dict, *documents) -> dict:
    data = dict(data, **{"document_links-TOTAL_FORMS": str(len(documents))})
    for n, (document, order) in enumerate(documents):
        data[f"document_links-{n}-document"] = document.pk
        data[f"document_links-{n}-order"] = order
    return data


@pytest.mark.django_db
def test_governance_team_adds_a_publication_with_documents_in_order(client_as):
    client = client_as("governance team")
    system = f.make_system()
    summary, report = f.make_document(title="Summary"), f.make_document(title="Report")
    response = client.post(ADD, with_documents(add_form(system), (report, 2), (summary, 1)))
    assert response.status_code == 302, response.content.decode()[:3000]
    publication = Publication.objects.get(slug="winter-plan")
    assert [d.title for d in publication.ordered_documents] == ["Summary", "Report"]
    assert publication.history.count() == 1


@pytest.mark.django_db
def test_a_publication_needs_a_document_or_content(client_as):
    client = client_as("governance team")
    system = f.make_system()
    response = client.post(ADD, add_form(system))
    assert response.status_code == 200
    assert "needs something to read" in response.content.decode()
    assert not Publication.objects.exists()
    response = client.post(ADD, add_form(system, content="<h2>Our plan</h2><p>Keep warm.</p>"))
    assert response.status_code == 302
    assert Publication.objects.get().content_html.startswith("<h2>Our plan</h2>")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["comms team", "partner editor"])
def test_other_staff_cannot_add_or_change_publications(client_as, role):
    client = client_as(role)
    publication = f.make_publication(documents=(f.make_document(),))
    change = reverse("admin:publications_publication_change", args=[publication.pk])
    assert client.get(ADD).status_code == 403
    assert client.get(change).status_code == 403
    assert client.post(ADD, add_form(f.make_system(), content="x")).status_code == 403
    assert Publication.objects.count() == 1


@pytest.mark.django_db
def test_governance_team_may_pick_places_and_meetings_but_not_change_places(client_as):
    client = client_as("governance team")
    place = f.make_place()
    assert client.get(reverse("admin:places_place_change", args=[place.pk])).status_code == 200
    assert client.get(reverse("admin:places_place_add")).status_code == 403
    autocomplete = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "publications",
            "model_name": "publication",
            "field_name": "place",
            "term": place.name,
        },
    )
    assert autocomplete.status_code == 200
    assert place.name in autocomplete.content.decode()
