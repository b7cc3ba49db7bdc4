"""The open data service, /api/v1/: each data set as JSON (paginated) and CSV (the whole list,
streamed), answered 304 when the client's copy is current; its OpenAPI schema and
documentation; and the /open-data/ page for people.

Built on Django REST framework (serializers, pagination) with drf-spectacular (the OpenAPI
schema); read-only: GET, HEAD and OPTIONS only, no authentication, no cookies.
"""

import csv
import functools
from collections.abc import Iterator

from django.http import HttpResponseNotModified, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.http import http_date, parse_http_date_safe, quote_etag
from django.views.generic import TemplateView
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.generics import GenericAPIView
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.pagination import PageNumberPagination
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from core.links import named_url
from core.views import PageMixin
from opendata.datasets import DATASETS, Dataset
from opendata.schema import DatasetSchema, openapi, operations_of

CSV_CHUNK = 500


class PageOfRecords(PageNumberPagination):
    page_size = 100
    page_query_param = "page"


class FirstRenderer(BaseContentNegotiation):
    """An address names its format (.json or .csv): the Accept header does not change it."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type

    def select_parser(self, request, parsers):
        return None


class CSVRenderer(BaseRenderer):
    """Only names the format for the schema: the CSV view streams its rows itself."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


def flat(value) -> str:
    """A JSON value as a CSV cell: lists joined by "; ", nested records by their fields."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(flat(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={flat(v)}" for k, v in value.items() if v not in (None, ""))
    text = str(value)
    # A cell a spreadsheet would run as a formula is kept as text.
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class Echo:
    def write(self, value):
        return value


class DatasetView(GenericAPIView):
    """One data set in one format. The query string is cleaned by the same form as the public
    page's filter: a bad value is a 400 with the errors, never a 500."""

    dataset: Dataset = None
    authentication_classes = []
    permission_classes = []
    content_negotiation_class = FirstRenderer
    schema = DatasetSchema()

    def get_serializer_class(self):
        return self.dataset.serializer

    def get_queryset(self):
        return self.dataset.filtered(self.cleaned)

    def get(self, request, *args, **kwargs):
        if repeated := sorted(name for name in request.GET if len(request.GET.getlist(name)) > 1):
            return JsonResponse(
                {
                    "detail": "Give each query parameter once.",
                    "errors": {name: ["Given more than once."] for name in repeated},
                },
                status=400,
            )
        form = self.dataset.form(request.GET) if self.dataset.form else None
        if form is not None and not form.is_valid():
            return JsonResponse(
                {
                    "detail": "The query string has values this data set cannot filter by.",
                    "errors": {name: list(messages) for name, messages in form.errors.items()},
                },
                status=400,
            )
        self.cleaned = form.cleaned_data if form is not None else {}
        last_modified = self.dataset.last_modified()
        variant = f"{request.accepted_renderer.format}?{request.GET.urlencode()}"
        etag = self.dataset.etag(last_modified, variant)
        if self.not_modified(request, etag, last_modified):
            response = HttpResponseNotModified()
        else:
            response = self.respond(request)
        response["ETag"] = etag
        if last_modified:
            response["Last-Modified"] = http_date(last_modified.timestamp())
        response["Cache-Control"] = "public, max-age=300"
        return response

    @staticmethod
    def not_modified(request, etag: str, last_modified) -> bool:
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = {quote_etag(t.strip().removeprefix("W/")) for t in if_none_match.split(",")}
            return etag in tags or "*" in if_none_match
        if_modified_since = request.headers.get("If-Modified-Since")
        if if_modified_since and last_modified:
            since = parse_http_date_safe(if_modified_since)
            return since is not None and int(last_modified.timestamp()) <= since
        return False

    def respond(self, request):
        if request.accepted_renderer.format == "csv":
            return self.stream_csv()
        page = self.paginate_queryset(self.get_queryset())
        serializer = self.get_serializer(page, many=True)
        return self.get_paginated_response(serializer.data)

    def stream_csv(self) -> StreamingHttpResponse:
        fields = list(self.get_serializer().fields)
        response = StreamingHttpResponse(
            self.csv_rows(fields), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.dataset.name}.csv"'
        return response

    def csv_rows(self, fields: list[str]) -> Iterator[str]:
        writer = csv.writer(Echo())
        yield writer.writerow(fields)
        records = self.get_queryset().iterator(chunk_size=CSV_CHUNK)
        serializer_class = self.get_serializer_class()
        context = self.get_serializer_context()
        for record in records:
            data = serializer_class(record, context=context).data
            yield writer.writerow([flat(data[name]) for name in fields])


def dataset_views(dataset: Dataset) -> tuple:
    """The JSON and the CSV view of one data set."""
    json_view = type(
        f"{dataset.name.title()}JSON",
        (DatasetView,),
        {"dataset": dataset, "renderer_classes": [JSONRenderer], "pagination_class": PageOfRecords},
    )
    csv_view = type(
        f"{dataset.name.title()}CSV",
        (DatasetView,),
        {"dataset": dataset, "renderer_classes": [CSVRenderer], "pagination_class": None},
    )
    return json_view.as_view(), csv_view.as_view()


class IndexView(APIView):
    """The service's front door: every data set with the addresses of its two formats."""

    authentication_classes = []
    permission_classes = []
    renderer_classes = [JSONRenderer]
    content_negotiation_class = FirstRenderer

    @extend_schema(exclude=True)
    def get(self, request):
        return Response(
            {
                "licence": "Open Government Licence v3.0",
                "licence_url": LICENCE_URL,
                "schema": request.build_absolute_uri(reverse("opendata:schema")),
                "documentation": request.build_absolute_uri(reverse("opendata:docs")),
                "datasets": [
                    {
                        "name": dataset.name,
                        "title": dataset.title,
                        "json": request.build_absolute_uri(
                            reverse(f"opendata:{dataset.name}-json")
                        ),
                        "csv": request.build_absolute_uri(reverse(f"opendata:{dataset.name}-csv")),
                    }
                    for dataset in DATASETS
                ],
            }
        )


LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


class OpenDataPage(PageMixin, TemplateView):
    """/open-data/: each data set, its fields, the licence, how often it changes, downloads."""

    template_name = "opendata/open_data.html"
    page_title = "Open data"
    meta_description = (
        "The partnership's records as open data: organisations with their NHS and ONS codes, "
        "places, neighbourhoods, collaboratives, alliances, boards, meetings and publications, "
        "in JSON and CSV under the Open Government Licence."
    )

    def get_context_data(self, **kwargs):
        described = [
            {
                "dataset": dataset,
                "json_url": named_url(f"opendata:{dataset.name}-json"),
                "csv_url": named_url(f"opendata:{dataset.name}-csv"),
                "page_url": named_url(dataset.public_page) if dataset.public_page else "",
                "fields": fields_described(dataset.name),
                "filters": list(dataset.form.base_fields) if dataset.form else [],
            }
            for dataset in DATASETS
        ]
        return super().get_context_data(datasets=described, licence_url=LICENCE_URL, **kwargs)


@functools.cache
def fields_described(name: str) -> tuple[tuple[str, str], ...]:
    """A data set's fields, each with what it means, from its serializer. They change only
    with the code, so they are worked out once per process, as the API's schema is: building
    the ten serializers' fields took half of every request for /open-data/ (5 ms)."""
    dataset = next(dataset for dataset in DATASETS if dataset.name == name)
    fields = dataset.serializer().fields
    return tuple((field_name, str(field.help_text or "")) for field_name, field in fields.items())


class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 schema, as JSON: built once per process (it changes only with the code)."""

    renderer_classes = [OpenApiJsonRenderer]
    content_negotiation_class = FirstRenderer
    authentication_classes = []
    permission_classes = []

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        return Response(openapi())


class DocsView(PageMixin, TemplateView):
    """The API's documentation, browsable: every operation with its filters, its answers and
    the fields of its records, rendered by the site from the same OpenAPI schema. (Swagger UI
    runs under the site's CSP, but fails axe: its operation headers nest controls in a button,
    and its colours fall short of WCAG AA; this page is plain HTML in the NHS.UK style.)"""

    template_name = "opendata/docs.html"
    page_title = "Open data API: documentation"
    meta_description = (
        "Every open data set's address, filters, answers and fields, from the API's OpenAPI 3 "
        "schema."
    )

    def get_breadcrumbs(self):
        return [("Home", "/"), ("Open data", reverse("open-data")), ("API documentation", None)]

    def get_context_data(self, **kwargs):
        return super().get_context_data(operations=operations_of(openapi()), **kwargs)
