"""Bounded lists on public pages, whatever the data size.

A list that grows with the data is either paginated (`paginate`, with the NHS.UK pagination
include `includes/pagination.html`) or, on a page that composes several lists, shown as its
first few rows with a "see all" link (`first_few`). Either way a page renders at most a fixed
number of rows, so it costs the same at a hundred times the data.
"""

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest


def paginate(
    request: HttpRequest,
    rows: Any,
    per_page: int,
    *,
    parameter: str = "page",
    decorate: Callable[[QuerySet], QuerySet] | None = None,
) -> dict[str, Any]:
    """The page of `rows` that `?page=` asks for, as the context ListView would give:
    `page_obj`, `paginator`, `is_paginated` and `object_list`. A page number that is not a
    number, or past the end, is a 404, as in ListView (never a 500).

    With `decorate` (a queryset `rows`), the page is chosen by `rows`' primary keys alone and
    `decorate` adds the costly parts (annotations that count or look up, related rows) to that
    page's rows only, in the same query: annotating the whole list before cutting it would
    cost a little more for every row, however few are shown. `decorate` must order its rows as
    `rows` does."""
    source = rows.values_list("pk", flat=True) if decorate else rows
    paginator = Paginator(source, per_page, allow_empty_first_page=True)
    try:
        page: Page = paginator.page(request.GET.get(parameter) or 1)
    except InvalidPage as error:
        raise Http404("No such page.") from error
    if decorate:
        page.object_list = list(
            decorate(rows.model._default_manager.filter(pk__in=page.object_list))
        )
    return {
        "page_obj": page,
        "paginator": paginator,
        "is_paginated": page.has_other_pages(),
        "object_list": page.object_list,
    }


class FirstFew(NamedTuple):
    """The first rows of a longer list: `rows` to show, and `more` when there are others."""

    rows: list
    more: bool

    def __iter__(self):  # iterate the rows, so a template can loop over it directly
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __bool__(self) -> bool:
        return bool(self.rows)


def first_few(rows: Iterable, limit: int) -> FirstFew:
    """At most `limit` of `rows`, fetched in one query of `limit + 1` (the extra row only says
    whether there are more, so the page can link to the whole list)."""
    fetched = list(rows[: limit + 1]) if hasattr(rows, "__getitem__") else list(rows)
    return FirstFew(rows=fetched[:limit], more=len(fetched) > limit)
