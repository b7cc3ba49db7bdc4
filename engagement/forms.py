"""The contact form: what it is about, the message, and a name and address for a reply."""

from django import forms

from core.forms import PortalForm
from engagement.models import MAX_MESSAGE, MAX_NAME, Topic


class ContactForm(PortalForm):
    submit_label = "Send message"

    topic = forms.ChoiceField(
        label="What is your message about?",
        choices=Topic.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what your message is about"},
    )
    message = forms.CharField(
        label="Your message",
        max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Do not include medical details: this form is not for your own care.",
        error_messages={
            "required": "Enter your message",
            "max_length": f"Your message must be {MAX_MESSAGE:,} characters or fewer",
        },
    )
    name = forms.CharField(
        label="Your name (optional)",
        max_length=MAX_NAME,
        required=False,
        error_messages={"max_length": f"Your name must be {MAX_NAME} characters or fewer"},
    )
    email = forms.EmailField(
        label="Your email address (optional)",
        required=False,
        help_text="Only if you would like a reply. We will not use it for anything else.",
        error_messages={
            "invalid": "Enter an email address in the correct format, like name@example.com"
        },
    )
    # A field people never see or fill in (hidden by the stylesheet, skipped by the keyboard,
    # labelled to leave empty for screen readers); programs that fill every field give
    # themselves away.
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_robot(self) -> bool:
        return bool(self.data.get("website"))
