"""Forms that use every kind of field the NHS.UK template pack draws, for its tests."""

from django import forms

from core.forms import PortalForm


class ContactForm(PortalForm):
    submit_label = "Send message"

    name = forms.CharField(
        label="Full name", help_text="As it appears on your letters", max_length=20
    )
    email = forms.EmailField(label="Email address")
    message = forms.CharField(label="Your message", widget=forms.Textarea, required=False)
    topic = forms.ChoiceField(
        label="Topic", choices=[("", "Choose a topic"), ("news", "News"), ("data", "Data")]
    )
    reply_by = forms.ChoiceField(
        label="How should we reply?",
        help_text="Choose one",
        choices=[("email", "Email"), ("phone", "Phone")],
        widget=forms.RadioSelect,
    )
    interests = forms.MultipleChoiceField(
        label="What interests you?",
        choices=[("places", "Places"), ("partners", "Partners")],
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(label="I agree to be contacted", help_text="We reply once.")
    source = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):
        data = super().clean()
        if data.get("name") == "Nobody":
            raise forms.ValidationError("We cannot reply to nobody.")
        return data


# Every visible field wrong: too long, malformed, not a choice, and the required ones missing.
BAD_CONTACT = {"name": "N" * 25, "email": "not-an-email", "topic": "gossip", "message": "<b>hi</b>"}

GOOD_CONTACT = {
    "name": "Ada",
    "email": "ada@example.org",
    "topic": "news",
    "reply_by": "email",
    "interests": ["places"],
    "consent": "on",
}


class SearchForm(PortalForm):
    method = "get"
    submit_label = "Search"

    q = forms.CharField(label="Search for", required=False)
