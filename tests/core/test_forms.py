"""The NHS.UK template pack and PortalForm: what a form looks like to a user and to a screen
reader, checked on the rendered HTML."""

import pytest
from crispy_forms.exceptions import FormHelpersException
from django.db import connection
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from core.forms import PortalForm
from tests.core.sample_forms import BAD_CONTACT, GOOD_CONTACT, ContactForm, SearchForm
from tests.html import parse


def render(template: str, **context) -> str:
    request = RequestFactory().post("/contact/")
    return engines["django"].from_string(template).render(context, request=request)


def crispy(form):
    return parse(render("{% load crispy_forms_tags %}{% crispy form %}", form=form))


@pytest.fixture
def invalid():
    form = ContactForm(data=BAD_CONTACT)
    assert not form.is_valid()
    return crispy(form)


def test_error_summary_links_each_error_to_its_field(invalid):
    summary = invalid.select_one(".nhsuk-error-summary")
    assert summary.attrs["data-module"] == "nhsuk-error-summary"
    alert = summary.select_one("[role=alert]")
    assert alert.select_one("h2.nhsuk-error-summary__heading").text == "There is a problem"
    links = alert.select_one("ul.nhsuk-error-summary__list").select("a")
    assert [(a.attrs["href"], a.text) for a in links] == [
        ("#id_name", "Ensure this value has at most 20 characters (it has 25)."),
        ("#id_email", "Enter a valid email address."),
        ("#id_topic", "Select a valid choice. gossip is not one of the available choices."),
        ("#id_reply_by_0", "This field is required."),
        ("#id_interests_0", "This field is required."),
        ("#id_consent", "This field is required."),
    ]
    for link in links:
        target = invalid.select_one(link.attrs["href"])
        assert target.tag in {"input", "select", "textarea"}


def test_error_summary_comes_first_in_the_form(invalid):
    form = invalid.select_one("form")
    visible = [
        child
        for child in form.children
        if not isinstance(child, str) and child.attrs.get("type") != "hidden"
    ]
    assert "nhsuk-error-summary" in visible[0].classes


def test_form_errors_not_tied_to_a_field_are_listed_in_the_summary():
    form = ContactForm(data={**GOOD_CONTACT, "name": "Nobody"})
    assert not form.is_valid()
    items = crispy(form).select_one(".nhsuk-error-summary__list").select("li")
    assert [item.text for item in items] == ["We cannot reply to nobody."]


def test_text_field_with_an_error_in_nhsuk_markup(invalid):
    field = invalid.select_one("input#id_name")
    group = field.closest(".nhsuk-form-group")
    assert group.classes == ["nhsuk-form-group", "nhsuk-form-group--error"]
    assert field.classes == ["nhsuk-input", "nhsuk-input--error"]
    assert field.attrs["value"] == "N" * 25  # what the user typed is kept
    label = group.select_one("label")
    assert label.classes == ["nhsuk-label"]
    assert label.attrs["for"] == "id_name"
    assert label.text == "Full name"
    hint = group.select_one(".nhsuk-hint")
    assert hint.text == "As it appears on your letters"
    error = group.select_one(".nhsuk-error-message")
    assert error.text == "Error: Ensure this value has at most 20 characters (it has 25)."
    assert error.select_one(".nhsuk-u-visually-hidden").text == "Error:"
    # Screen readers read the hint and the error with the field, in that order.
    assert field.attrs["aria-describedby"].split() == [hint.attrs["id"], error.attrs["id"]]
    assert field.attrs["aria-invalid"] == "true"


def test_every_field_has_its_label_or_legend(invalid):
    for field in invalid.select("input") + invalid.select("select") + invalid.select("textarea"):
        if field.attrs.get("type") in {"hidden", "submit"}:
            continue
        if field.attrs.get("type") in {"radio", "checkbox"} and field.closest("fieldset"):
            assert field.closest("fieldset").select_one("legend.nhsuk-fieldset__legend").text
        labels = invalid.select(f'label[for="{field.attrs["id"]}"]')
        assert len(labels) == 1, field
        assert labels[0].text


def test_select_and_textarea_in_nhsuk_markup(invalid):
    select = invalid.select_one("select#id_topic")
    assert "nhsuk-select" in select.classes
    assert "nhsuk-select--error" in select.classes
    assert select.attrs["aria-describedby"] == "id_topic_error"
    assert [option.text for option in select.select("option")] == ["Choose a topic", "News", "Data"]
    textarea = invalid.select_one("textarea#id_message")
    assert textarea.classes == ["nhsuk-textarea"]
    assert textarea.text == "<b>hi</b>"  # shown as typed, not as markup
    assert not textarea.select("b")


def test_radios_are_a_fieldset_described_by_hint_and_error(invalid):
    radios = invalid.select_one(".nhsuk-radios")
    assert radios.attrs["data-module"] == "nhsuk-radios"
    fieldset = radios.closest("fieldset")
    assert fieldset.classes == ["nhsuk-fieldset"]
    assert fieldset.select_one("legend").text == "How should we reply?"
    assert fieldset.attrs["aria-describedby"].split() == [
        "id_reply_by_helptext",
        "id_reply_by_error",
    ]
    assert fieldset.select_one("#id_reply_by_helptext").text == "Choose one"
    assert fieldset.select_one("#id_reply_by_error").text == "Error: This field is required."
    assert "nhsuk-form-group--error" in fieldset.closest(".nhsuk-form-group").classes
    items = radios.select(".nhsuk-radios__item")
    assert [
        (
            item.select_one("input.nhsuk-radios__input").attrs["type"],
            item.select_one("input").attrs["id"],
            item.select_one("label.nhsuk-radios__label").attrs["for"],
            item.select_one("label").text,
        )
        for item in items
    ] == [
        ("radio", "id_reply_by_0", "id_reply_by_0", "Email"),
        ("radio", "id_reply_by_1", "id_reply_by_1", "Phone"),
    ]


def test_checkboxes_are_a_fieldset_with_a_label_per_box(invalid):
    boxes = invalid.select_one("#id_interests_0")
    assert boxes.closest(".nhsuk-checkboxes").attrs["data-module"] == "nhsuk-checkboxes"
    assert boxes.classes == ["nhsuk-checkboxes__input"]
    assert boxes.attrs["type"] == "checkbox"
    fieldset = boxes.closest("fieldset")
    assert fieldset.select_one("legend").text == "What interests you?"
    assert fieldset.attrs["aria-describedby"] == "id_interests_error"
    assert [label.text for label in fieldset.select("label.nhsuk-checkboxes__label")] == [
        "Places",
        "Partners",
    ]


def test_single_checkbox_with_hint_and_error(invalid):
    box = invalid.select_one("input#id_consent")
    assert box.classes == ["nhsuk-checkboxes__input"]
    item = box.closest(".nhsuk-checkboxes__item")
    assert item.select_one("label.nhsuk-checkboxes__label").attrs["for"] == "id_consent"
    hint = item.select_one(".nhsuk-checkboxes__hint")
    assert hint.text == "We reply once."
    group = box.closest(".nhsuk-form-group")
    assert group.select_one(".nhsuk-error-message").text == "Error: This field is required."
    assert box.attrs["aria-describedby"].split() == ["id_consent_helptext", "id_consent_error"]


def test_choices_the_user_made_stay_chosen():
    form = ContactForm(data={**GOOD_CONTACT, "name": ""})
    assert not form.is_valid()
    html = crispy(form)
    assert "selected" in html.select_one('option[value="news"]').attrs
    assert "checked" in html.select_one("#id_reply_by_0").attrs
    assert "checked" not in html.select_one("#id_reply_by_1").attrs
    assert "checked" in html.select_one("#id_interests_0").attrs
    assert "checked" in html.select_one("#id_consent").attrs


def test_a_form_without_errors_shows_no_error_markup():
    html = crispy(ContactForm())
    assert not html.select(".nhsuk-error-summary")
    assert not html.select(".nhsuk-error-message")
    assert not html.select(".nhsuk-form-group--error")
    assert not html.select(".nhsuk-input--error")
    assert not html.select("[aria-invalid]")
    # Only the hint describes the field while there is no error.
    assert html.select_one("#id_name").attrs["aria-describedby"] == "id_name_helptext"


def test_post_form_has_csrf_token_and_nhsuk_button():
    html = crispy(ContactForm())
    form = html.select_one("form")
    assert form.attrs["method"] == "post"
    assert "novalidate" in form.attrs  # our messages, not the browser's
    assert form.select_one("input[name=csrfmiddlewaretoken]").attrs["type"] == "hidden"
    button = form.select_one("button")
    assert button.classes == ["nhsuk-button"]
    assert button.attrs["type"] == "submit"
    assert button.attrs["data-module"] == "nhsuk-button"
    assert button.text == "Send message"
    assert form.select_one("input[type=hidden][name=source]")


def test_get_form_sends_no_csrf_token_and_no_button_value():
    html = crispy(SearchForm(data={"q": "sheffield"}))
    form = html.select_one("form")
    assert form.attrs["method"] == "get"
    assert not form.select("input[name=csrfmiddlewaretoken]")
    button = form.select_one("button.nhsuk-button")
    assert button.text == "Search"
    assert "name" not in button.attrs  # nothing extra in the URL
    assert form.select_one("input#id_q").attrs["value"] == "sheffield"


def test_form_action_may_be_a_url_name():
    class AdminSearch(SearchForm):
        action = "admin:index"

    assert crispy(AdminSearch()).select_one("form").attrs["action"] == "/admin/"


def test_method_must_be_get_or_post():
    class Broken(PortalForm):
        method = "delete"

    with pytest.raises(FormHelpersException):
        Broken()


def test_summary_can_be_placed_elsewhere_while_fields_keep_their_errors():
    form = ContactForm(data=BAD_CONTACT)
    form.helper.form_show_errors = False
    html = render(
        "{% load crispy_forms_tags %}"
        "<div id=top>{{ form|as_crispy_errors }}</div>{% crispy form %}",
        form=form,
    )
    tree = parse(html)
    assert tree.select_one("#top").select_one(".nhsuk-error-summary")
    assert len(tree.select(".nhsuk-error-summary")) == 1
    assert tree.select_one("form").select(".nhsuk-error-message")


def test_crispy_filter_renders_fields_inside_a_form_the_page_writes():
    tree = parse(
        render(
            '{% load crispy_forms_tags %}<form method="post">{{ form|crispy }}</form>',
            form=ContactForm(data=BAD_CONTACT),
        )
    )
    assert len(tree.select("form")) == 1
    assert tree.select_one("form").select_one(".nhsuk-error-summary")
    assert tree.select_one("#id_name").classes == ["nhsuk-input", "nhsuk-input--error"]


class TestSlugChoice:
    """A filter's choice of a record: a select of a handful, a text box beyond the limit, one
    query to render either way, and the slug or the name taken."""

    @staticmethod
    def form(limit: int, data=None):
        from core.forms import slug_choice
        from places.models import Place

        class PlaceFilter(PortalForm):
            method = "get"
            place = slug_choice("Place", Place.objects.all(), empty_label="Any place", limit=limit)

        return PlaceFilter(data)

    @pytest.fixture
    def places(self, db):
        from tests.factories import make_place

        return [make_place(name=name, slug=name.lower()) for name in ("Alpha", "Beta", "Gamma")]

    @staticmethod
    def render(form) -> tuple[object, int]:
        """The form as a page shows it, validated first, and the queries its rendering took."""
        form.is_valid()
        template = engines["django"].from_string("{% load crispy_forms_tags %}{% crispy form %}")
        with CaptureQueriesContext(connection) as queries:
            html = parse(template.render({"form": form}))
        return html, len(queries)

    def test_a_select_of_every_record_up_to_the_limit(self, places):
        html, _ = self.render(self.form(limit=3))
        options = [option.text for option in html.select_one("select#id_place").select("option")]
        assert options == ["Any place", "Alpha", "Beta", "Gamma"]
        assert "nhsuk-select" in html.select_one("select#id_place").classes

    def test_a_text_box_beyond_it(self, places):
        html, _ = self.render(self.form(limit=2, data={"place": "beta"}))
        assert not html.select("select")
        box = html.select_one("input#id_place")
        assert box.attrs["type"] == "text"
        assert box.attrs["value"] == "beta"
        assert box.classes == ["nhsuk-input"]
        assert html.select_one('label[for="id_place"]').text == "Place"

    def test_the_same_queries_either_way(self, places):
        for data in (None, {"place": "beta"}):
            _, as_select = self.render(self.form(limit=3, data=data))
            _, as_text = self.render(self.form(limit=2, data=data))
            assert as_select == as_text

    @pytest.mark.parametrize("typed", ["beta", "Beta", " BETA "])
    def test_the_slug_or_the_name_is_taken(self, places, typed):
        form = self.form(limit=2, data={"place": typed})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["place"] == places[1]

    @pytest.mark.parametrize("typed", ["Delta", "Beta\x00", "Beta" * 100])
    def test_an_unknown_or_hostile_place_is_a_field_error(self, places, typed):
        form = self.form(limit=2, data={"place": typed})
        assert not form.is_valid()
        assert "place" in form.errors
