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
