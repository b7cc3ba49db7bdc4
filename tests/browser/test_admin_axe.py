"""Every admin screen the comms team uses passes axe (WCAG 2.2 A and AA) in Chromium, with
no console error under the site's CSP: the lists, the add and edit pages with the rich-text
editor and the sign-off panel, the history, the preview and the refusal page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from pages.models import Page
from publishing.models import Revision
from tests.browser.helpers import check_axe, describe_violations, save_screenshot, sign_in
from tests.factories import make_image, make_news_item, make_page, make_user


@pytest.mark.browser
def test_the_comms_teams_admin_screens_pass_axe(
    live_server, live_seeded, comms_team, page, console_errors, failed_requests, subtests
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    approver = make_user(groups=("Comms team", "Comms approvers"))
    app = TOTPDevice.objects.create(user=approver, name="App", confirmed=True)
    item = make_news_item(title="In review", review_state="in_review", picture=None)
    scheduled = make_news_item(
        title="Soon", review_state="draft", publish_at=timezone.now() + timezone.timedelta(days=1)
    )
    live = make_news_item(title="Live", publish_at=timezone.now() - timezone.timedelta(days=1))
    Revision.objects.create(item=live, data={"title": "Live, changed"}, created_by=approver)
    picture = make_image(title="Clinic", size=(800, 500))
    about = Page.objects.get(key="about")
    added = make_page(parent=about, slug="our-board", title="Our board", publish_at=None)
    screens = {
        "news list": reverse("admin:news_newsitem_changelist"),
        "news add": reverse("admin:news_newsitem_add"),
        "news in review": reverse("admin:news_newsitem_change", args=[item.pk]),
        "news scheduled": reverse("admin:news_newsitem_change", args=[scheduled.pk]),
        "news with draft changes": reverse("admin:news_newsitem_change", args=[live.pk]),
        "news compare": reverse("admin:news_newsitem_compare", args=[live.pk]),
        "news history": reverse("admin:news_newsitem_history", args=[item.pk]),
        "news preview": reverse("admin:news_newsitem_preview", args=[item.pk]),
        "pages list": reverse("admin:pages_page_changelist"),
        "standing page": reverse("admin:pages_page_change", args=[about.pk]),
        "added page": reverse("admin:pages_page_change", args=[added.pk]),
        "page preview": reverse("admin:pages_page_preview", args=[added.pk]),
        "page add": reverse("admin:pages_page_add"),
        "media library": reverse("admin:images_image_changelist"),
        "image chooser": reverse("admin:images_image_changelist") + "?_popup=1&_to_field=id",
        "image upload": reverse("admin:images_image_add"),
        "image": reverse("admin:images_image_change", args=[picture.pk]),
        "admin home": reverse("admin:index"),
    }
    sign_in(page, live_server.url, approver, app, screens["admin home"])
    for name, path in screens.items():
        with subtests.test(screen=name):
            console_errors.clear()
            failed_requests.clear()
            response = page.goto(live_server.url + path)
            assert response.status == 200
            page.wait_for_load_state("load")
            save_screenshot(page, f"admin-{name}")
            violations = check_axe(page)
            assert not violations, describe_violations(violations)
            assert console_errors == []
            assert failed_requests == []
