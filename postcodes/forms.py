"""The postcode finder's form: what a person types, cleaned and looked up."""

from django import forms

from core.forms import PortalForm
from postcodes import directory
from postcodes.lookup import Answer, NotLoaded, UnknownPostcode, find

EXAMPLE = "S1 2HH"
ONLY_LETTERS = f"Enter a postcode using only letters, numbers and spaces, like {EXAMPLE}"


class PostcodeForm(PortalForm):
    """Any spacing and case; anything that is not a UK postcode, or is one of our areas'
    that does not exist, is a field error. A valid postcode's answer is `self.answer`."""

    method = "get"
    action = "postcodes:find"
    submit_label = "Find your place"

    postcode = forms.CharField(
        label="Postcode",
        help_text=f"For example, {EXAMPLE}",
        max_length=12,
        strip=True,
        error_messages={
            "required": "Enter a postcode",
            "max_length": f"Enter a postcode, like {EXAMPLE}",
            "null_characters_not_allowed": ONLY_LETTERS,
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "spellcheck": "false", "size": "10"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.answer: Answer | None = None

    def clean_postcode(self) -> str:
        typed = self.cleaned_data["postcode"]
        if not directory.TYPED.match(typed):
            raise forms.ValidationError(ONLY_LETTERS)
        postcode = directory.normalise(typed)
        if not directory.POSTCODE.match(postcode):
            raise forms.ValidationError(f"Enter a full UK postcode, like {EXAMPLE}")
        try:
            self.answer = find(postcode)
        except UnknownPostcode as error:
            raise forms.ValidationError(str(error)) from error
        except NotLoaded as error:
            raise forms.ValidationError(str(error)) from error
        return postcode
