"""/find-your-place/: a postcode's place, council, board and partnership, on the places' map."""

from django.views.generic import TemplateView

from core.views import PageMixin
from postcodes.forms import PostcodeForm
from postcodes.lookup import ICB_LIST_URL
from postcodes.maps import place_map


class FindYourPlaceView(PageMixin, TemplateView):
    """`?postcode=` is a link a person can share. Seven queries at most, whatever the data."""

    template_name = "postcodes/find_your_place.html"
    page_title = "Find your place"
    meta_description = (
        "Type your postcode to find which place you live in, and the council, integrated "
        "care board and partnership that cover it."
    )

    def get(self, request, *args, **kwargs):
        asked = "postcode" in request.GET
        self.form = PostcodeForm(request.GET if asked else None)
        status = 400 if asked and not self.form.is_valid() else 200
        return self.render_to_response(self.get_context_data(), status=status)

    def get_page_title(self) -> str:
        if self.form.is_bound and not self.form.is_valid():
            return f"Error: {self.page_title}"
        if answer := self.form.answer:
            return f"{answer.display}: {self.page_title}"
        return self.page_title

    def get_context_data(self, **kwargs):
        answer = self.form.answer
        return super().get_context_data(
            form=self.form,
            answer=answer,
            icb_list_url=ICB_LIST_URL,
            map=place_map(marker=answer.found if answer else None),
            **kwargs,
        )
