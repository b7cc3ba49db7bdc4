"""The site's template tags: structured data stays data, whatever the records hold."""

import json
import re

from django.template import Context, Template
from django.utils.html import json_script

HOSTILE = {
    "name": "</script><script>alert(1)</script>",
    "description": "<!-- Tom & Jerry's > place -->",
}


def render_jsonld(data: dict) -> str:
    template = Template("{% load portal %}{% jsonld data %}")
    return template.render(Context({"data": data}))


def test_data_cannot_end_the_structured_data_block_early():
    html = render_jsonld(HOSTILE)
    assert html.count("</script>") == 1
    assert html.endswith("</script>")
    assert html.count("<script") == 1
    block = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', html)
    assert json.loads(block.group(1)) == HOSTILE


def test_structured_data_is_escaped_as_django_json_script_escapes_it():
    payload = re.search(r">(.*)</script>", render_jsonld(HOSTILE)).group(1)
    assert payload == re.search(r">(.*)</script>", json_script(HOSTILE)).group(1)
    assert "<" not in payload
    assert ">" not in payload
    assert "&" not in payload


def render_citation(record) -> str:
    return Template("{% load portal %}{% citation record %}").render(Context({"record": record}))


def test_a_citation_names_links_and_dates_its_source_with_how_sure_we_are():
    import datetime

    from partners.models import Organisation

    record = Organisation(
        source="ONS <Register>",
        source_url="https://example.org/?a=1&b=2",
        source_date=datetime.date(2024, 3, 1),
        source_date_precision="month",
        confidence="high",
    )
    assert render_citation(record) == (
        '<p class="nhsuk-body-s app-citation">Source: <a href="https://example.org/?a=1&amp;b=2">'
        f"ONS &lt;Register&gt;</a>, {record.source_date_display} "
        f"({record.get_confidence_display()}).</p>"
    )


def test_a_citation_without_a_link_or_date_and_none_without_a_source():
    from partners.models import Organisation

    plain = render_citation(Organisation(source="Seed <b>text</b>", confidence="medium"))
    assert plain.startswith('<p class="nhsuk-body-s app-citation">Source: Seed &lt;b&gt;text')
    assert "<a " not in plain
    assert "</b>" not in plain
    link_only = render_citation(Organisation(source_url="https://example.org/x"))
    assert '<a href="https://example.org/x">https://example.org/x</a>' in link_only
    assert render_citation(Organisation()) == ""
    assert render_citation(None) == ""
