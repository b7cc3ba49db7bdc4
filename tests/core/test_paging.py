"""core.paging: a page of a list (a bad page number is a 404) and the first few of a list."""

import pytest
from django.http import Http404
from django.test import RequestFactory

from core.paging import first_few, paginate


def request(query: str = ""):
    return RequestFactory().get(f"/list/{query}")


def test_paginate_gives_the_asked_page_and_listview_context():
    context = paginate(request("?page=2"), list(range(25)), 10)
    assert list(context["object_list"]) == list(range(10, 20))
    assert context["page_obj"].number == 2
    assert context["paginator"].num_pages == 3
    assert context["is_paginated"] is True


def test_paginate_first_page_by_default_and_an_empty_list_has_one_page():
    assert list(paginate(request(), list(range(5)), 10)["object_list"]) == list(range(5))
    empty = paginate(request(), [], 10)
    assert list(empty["object_list"]) == []
    assert empty["is_paginated"] is False


@pytest.mark.parametrize("page", ["4", "0", "-1", "abc", "2.5", "9" * 30, "%00"])
def test_paginate_a_bad_page_number_is_a_404(page):
    with pytest.raises(Http404):
        paginate(request(f"?page={page}"), list(range(25)), 10)


def test_paginate_reads_its_own_parameter():
    context = paginate(request("?members=2&page=9"), list(range(15)), 10, parameter="members")
    assert list(context["object_list"]) == list(range(10, 15))


def test_first_few_says_whether_there_are_more():
    few = first_few(list(range(10)), 3)
    assert list(few) == [0, 1, 2]
    assert len(few) == 3
    assert few.more is True
    exact = first_few(list(range(3)), 3)
    assert list(exact) == [0, 1, 2]
    assert exact.more is False
    assert not first_few([], 3)


@pytest.mark.django_db
def test_first_few_fetches_one_row_more_than_it_shows(django_assert_num_queries):
    from tests import factories as f

    for _ in range(5):
        f.make_place()
    from places.models import Place

    with django_assert_num_queries(1) as captured:
        few = first_few(Place.objects.order_by("pk"), 2)
    assert len(few) == 2
    assert few.more is True
    assert "LIMIT 3" in captured.captured_queries[0]["sql"]


@pytest.mark.django_db
def test_paginate_decorates_only_the_page_chosen_by_primary_key(django_assert_num_queries):
    from django.db.models import Value

    from places.models import Place
    from tests import factories as f

    for n in range(7):
        f.make_place(name=f"Place {n}", slug=f"place-{n}")
    rows = Place.objects.order_by("name", "pk")

    def decorate(page):
        return page.annotate(marked=Value(1)).order_by("name", "pk")

    with django_assert_num_queries(2) as captured:  # the count, then the page, decorated
        context = paginate(request("?page=2"), rows, 3, decorate=decorate)
    shown = context["object_list"]
    assert [place.name for place in shown] == ["Place 3", "Place 4", "Place 5"]
    assert all(place.marked == 1 for place in shown)
    assert list(context["page_obj"]) == shown
    assert "LIMIT 3" in captured.captured_queries[1]["sql"]
    with pytest.raises(Http404):
        paginate(request("?page=4"), rows, 3, decorate=decorate)
