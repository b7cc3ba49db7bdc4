"""The site's template tags: structured data stays data, whatever the records hold."""

import datetime
import json
import re

import pytest
from django.template import Context, Template
from django.utils.formats import date_format
from django.utils.html import json_script
from django.utils.safestring import SafeString, mark_safe

from core.dates import format_date

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


def render_day(value) -> str:
    return Template("{% load portal %}{% day value %}").render(Context({"value": value}))


@pytest.mark.parametrize(
    "value",
    [
        datetime.date(2022, 7, 1),
        datetime.date(2026, 1, 31),
        # A moment is shown on its day in UK time: 23:30 UTC in summer is the next day.
        datetime.datetime(2025, 6, 30, 23, 30, tzinfo=datetime.UTC),
        datetime.datetime(2025, 12, 31, 23, 30, tzinfo=datetime.UTC),
        datetime.datetime(2024, 3, 31, 0, 59, 59, 120, tzinfo=datetime.UTC),
    ],
)
def test_a_day_is_the_time_element_the_date_filter_gave(value):
    expected = Template(
        "{% if moment %}<time datetime=\"{{ value|date:'c' }}\">{{ value|date:'j F Y' }}</time>"
        "{% else %}<time datetime=\"{{ value|date:'Y-m-d' }}\">{{ value|date:'j F Y' }}</time>"
        "{% endif %}"
    ).render(Context({"value": value, "moment": isinstance(value, datetime.datetime)}))
    assert render_day(value) == expected


def test_no_day_is_nothing():
    assert render_day(None) == ""
    assert render_day("") == ""


@pytest.mark.parametrize("precision", ["day", "month", "year"])
def test_format_date_gives_what_django_date_format_gives(precision):
    formats = {"day": "j F Y", "month": "F Y", "year": "Y"}
    day = datetime.date(2021, 1, 1)
    for _ in range(400):
        assert format_date(day, precision) == date_format(day, formats[precision])
        day += datetime.timedelta(days=1)


@pytest.mark.parametrize(
    "value",
    ["plain", '<b>Tom & Jerry\'s "place"</b>', 42, None, mark_safe("<i>kept</i>"), "", "'"],
)
def test_the_fast_format_html_escapes_as_django_does(value):
    from django.utils.html import format_html as django_format_html

    from core.html import format_html

    template = '<a href="{}">{}</a>'
    assert format_html(template, value, value) == django_format_html(template, value, value)
    assert isinstance(format_html(template, value, value), SafeString)


@pytest.mark.parametrize(
    "value",
    [
        datetime.date(2022, 7, 1),
        datetime.datetime(2025, 6, 30, 23, 30, tzinfo=datetime.UTC),
        datetime.datetime(2025, 12, 31, 23, 30, tzinfo=datetime.UTC),
        None,
        "",
    ],
)
def test_long_date_is_what_the_date_filter_gave(value):
    context = Context({"value": value})
    expected = Template("{{ value|date:'j F Y' }}").render(context)
    assert Template("{% load portal %}{{ value|long_date }}").render(context) == expected
