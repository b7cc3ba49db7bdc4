"""Staff sign-in: the admin's login form, with hard limits on what it reads.

Django's AuthenticationForm sets the username's max_length after the field is built, so its
length validator never runs and an overlong username reaches authenticate(), whose failure
handler (django-axes) stores it in a 255-character column: a 500 on PostgreSQL. Here both
fields are limited when they are built, so any length is a form error and nothing longer than
a username is ever authenticated, logged or stored.
"""

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.core.validators import MaxLengthValidator

USERNAME_MAX = get_user_model()._meta.get_field(get_user_model().USERNAME_FIELD).max_length
# Long enough for any passphrase a password manager makes; hashing a longer one is wasted work.
PASSWORD_MAX = 1024


class StaffLoginForm(AdminAuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, limit in (("username", USERNAME_MAX), ("password", PASSWORD_MAX)):
            field = self.fields[name]
            field.max_length = limit
            field.validators.append(MaxLengthValidator(limit))
            field.widget.attrs["maxlength"] = limit
            field.error_messages["max_length"] = (
                f"Your {name} must be {limit:,} characters or fewer."
            )
