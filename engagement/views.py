"""/contact/: the form, and the page that gives the sender their reference; /get-involved/: the
consultations open now and those closed with their outcome."""

import re

from crispy_forms.layout import Div, Layout
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, FormView, ListView, TemplateView

from core.http import client_ip
from core.pagecache import form_page
from core.views import PageMixin
from engagement.forms import ContactForm
from engagement.models import Consultation, Topic
from engagement.services import TooManyMessages, receive_message
from pages.views import StandingPageMixin

REFERENCE = re.compile(r"ICS-\d{4}-\d{5,}")


@method_decorator(form_page, name="get")
class ContactView(PageMixin, FormView):
    """The form. Its page is the only public one that sets a cookie: the CSRF token a POST
    form needs (the cookies page says so). The page is kept with the other pages, each visitor
    getting it with a token of their own (`core.pagecache.form_page`)."""

    template_name = "engagement/contact.html"
    form_class = ContactForm
    http_method_names = ["get", "head", "post", "options"]  # not FormView's PUT
    page_title = "Contact us"
    meta_description = (
        "Send the partnership a question, a comment or a request for information in another "
        "format, and get a reference for it."
    )

    def get_page_title(self) -> str:
        form = getattr(self, "bound_form", None)
        return f"Error: {self.page_title}" if form is not None and form.errors else self.page_title

    def get_initial(self):
        topic = self.request.GET.get("topic", "")
        return {"topic": topic} if topic in Topic.values else {}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.helper.layout = Layout(
            "topic", "message", "name", "email", Div("website", css_class="app-honeypot")
        )
        return form

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            reply_days=settings.CONTACT_REPLY_WORKING_DAYS,
            retention_days=settings.CONTACT_RETENTION_DAYS,
            **kwargs,
        )

    def form_invalid(self, form, status=400):
        self.bound_form = form
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def form_valid(self, form):
        if form.is_robot():
            # Answer as if sent, so a program learns nothing; nothing is stored or sent.
            return redirect(reverse("engagement:contact-sent"))
        try:
            received = receive_message(
                topic=form.cleaned_data["topic"],
                message=form.cleaned_data["message"],
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                sender_address=client_ip(self.request),
            )
        except TooManyMessages:
            form.add_error(
                None,
                f"You have sent {settings.CONTACT_RATE_LIMIT_PER_HOUR} messages in the last "
                "hour. Please wait an hour before sending another, or call us.",
            )
            return self.form_invalid(form, status=429)
        return redirect(f"{reverse('engagement:contact-sent')}?reference={received.reference}")


class ContactSentView(PageMixin, TemplateView):
    template_name = "engagement/contact_sent.html"
    page_title = "Message sent"
    meta_description = (
        "Your message has reached the partnership: your reference and what happens next."
    )

    def get_context_data(self, **kwargs):
        reference = self.request.GET.get("reference", "")
        return super().get_context_data(
            reference=reference if REFERENCE.fullmatch(reference) else "",
            reply_days=settings.CONTACT_REPLY_WORKING_DAYS,
            **kwargs,
        )


class GetInvolvedView(StandingPageMixin, ListView):
    """Open consultations (closing soonest first, at most OPEN_SHOWN), then closed ones with
    their outcome, newest first, ten a page. What is open is decided by the request's time."""

    template_name = "engagement/get_involved.html"
    paginate_by = 10
    page_key = "get-involved"
    # More open at once than a reader can weigh: the list says how many there are.
    OPEN_SHOWN = 20

    def get_queryset(self):
        return Consultation.objects.closed().select_related("run_by")

    def get_context_data(self, **kwargs):
        # A count, and the first few: a window count over every open one would sort them all.
        open_now = Consultation.objects.open()
        return super().get_context_data(
            open_consultations=list(open_now.select_related("run_by")[: self.OPEN_SHOWN]),
            open_count=open_now.count(),
            **kwargs,
        )


class ConsultationView(PageMixin, DetailView):
    template_name = "engagement/consultation.html"
    context_object_name = "consultation"

    def get_queryset(self):
        return Consultation.objects.public().select_related("run_by")

    def get_page_title(self) -> str:
        return self.object.title

    def get_meta_description(self) -> str:
        return self.object.summary

    def get_breadcrumbs(self):
        return [
            ("Home", "/"),
            ("Get involved", reverse("engagement:get-involved")),
            (self.object.title, None),
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(is_open=self.object.is_open(), **kwargs)


class ComplaintsView(StandingPageMixin, TemplateView):
    template_name = "engagement/complaints.html"
    page_key = "complaints"
