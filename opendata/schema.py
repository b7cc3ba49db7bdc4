"""The OpenAPI description of the data sets (drf-spectacular): each filter from the form that
cleans it, and every status a data set answers with, so a client (and Schemathesis) knows them
all; and that description read back for the documentation page."""

import functools

from django import forms
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What was wrong, in words.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Each query parameter that could not be used, with what was wrong with it.",
    )


def parameter_for(name: str, field: forms.Field) -> OpenApiParameter:
    kind, enum = OpenApiTypes.STR, None
    if isinstance(field, forms.BooleanField):
        # As the public page's checkbox reads it: empty, "false" or "0" is no, anything else
        # (its "on", or "true") is yes. Any string is a valid value.
        kind = OpenApiTypes.STR
    elif isinstance(field, forms.TypedChoiceField) and field.coerce is int:
        # A year: digits, or empty for any (as the public page's form sends it).
        kind = {"type": "string", "pattern": "^[0-9]*$"}
    elif isinstance(field, forms.ModelChoiceField):
        kind = OpenApiTypes.STR  # a slug
    elif isinstance(field, forms.ChoiceField):
        enum = [value for value, _ in field.choices]  # "" (the default) is any
    description = str(field.label or name)
    if isinstance(field, forms.ModelChoiceField):
        description += " (its slug)"
    if getattr(field, "max_length", None):
        kind = {"type": "string", "maxLength": field.max_length}
    return OpenApiParameter(
        name=name,
        type=kind,
        location=OpenApiParameter.QUERY,
        required=False,
        description=description,
        enum=enum,
    )


class DatasetSchema(AutoSchema):
    @property
    def format(self) -> str:
        return self.view.renderer_classes[0].format

    def get_operation_id(self) -> str:
        return f"{self.view.dataset.name}_{self.format}"

    def get_summary(self) -> str:
        dataset = self.view.dataset
        if self.format == "csv":
            return f"{dataset.title} (CSV, the whole list)"
        return f"{dataset.title} (JSON, paginated)"

    def get_description(self) -> str:
        return self.view.dataset.description

    def get_tags(self) -> list[str]:
        return [self.view.dataset.title]

    def get_override_parameters(self):
        form = self.view.dataset.form
        parameters = []
        if form is not None:
            parameters += [parameter_for(name, field) for name, field in form.base_fields.items()]
        if self.format == "json":
            parameters.append(
                OpenApiParameter(
                    name="page",
                    # Digits, as a link's query string has them; empty is the first page.
                    type={"type": "string", "pattern": "^[0-9]*$"},
                    location=OpenApiParameter.QUERY,
                    required=False,
                    description="A page of the list, from 1 (100 records a page).",
                )
            )
        return parameters

    def get_response_serializers(self):
        dataset = self.view.dataset
        csv = self.format == "csv"
        not_modified = OpenApiResponse(
            description="Not modified: the copy named by If-None-Match or If-Modified-Since is "
            "current."
        )
        bad_query = OpenApiResponse(
            response=ErrorSerializer,
            description="A query parameter could not be used, or was given twice.",
        )
        if csv:
            responses = {
                (200, "text/csv"): OpenApiResponse(
                    response=OpenApiTypes.STR,
                    description="The whole list as CSV: a header row, then a row a record. "
                    "Lists are joined by “; ”.",
                ),
            }
        else:
            responses = {200: dataset.serializer(many=True)}
            responses[404] = OpenApiResponse(
                response=ErrorSerializer, description="There is no such page."
            )
        responses[304] = not_modified
        responses[(400, "application/json")] = bad_query
        return responses


@functools.cache
def openapi() -> dict:
    """The whole OpenAPI 3 schema, generated once per process."""
    return SchemaGenerator().get_schema(request=None, public=True)


def schema_type(schema: dict) -> str:
    """A parameter's or field's type in words: "string", "one of: a, b", "list of string"."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("enum"):
        return "one of: " + ", ".join(str(v) if v != "" else "(empty)" for v in schema["enum"])
    if schema.get("type") == "array":
        return "list of " + schema_type(schema.get("items", {}))
    kind = schema.get("type", "object")
    if schema.get("format"):
        kind += f" ({schema['format']})"
    if schema.get("pattern") == "^[0-9]*$":
        kind = "digits"
    if schema.get("nullable"):
        kind += ", or null"
    return kind


def operations_of(spec: dict) -> list[dict]:
    """Each operation of the schema, as the documentation page shows it."""
    components = spec.get("components", {}).get("schemas", {})
    found = []
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            record_fields = []
            ok = operation["responses"].get("200", {}).get("content", {})
            json_schema = ok.get("application/json", {}).get("schema", {})
            if "$ref" in json_schema:
                page = components[json_schema["$ref"].rsplit("/", 1)[-1]]
                items = page["properties"]["results"]["items"]
                record = components[items["$ref"].rsplit("/", 1)[-1]]
                record_fields = [
                    (name, schema_type(field), field.get("description", ""))
                    for name, field in record["properties"].items()
                ]
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "anchor": operation["operationId"],
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        (p["name"], schema_type(p.get("schema", {})), p.get("description", ""))
                        for p in operation.get("parameters", [])
                    ],
                    "responses": [
                        (
                            code,
                            ", ".join(answer.get("content", {})) or "no body",
                            answer.get("description", ""),
                        )
                        for code, answer in sorted(operation["responses"].items())
                    ],
                    "fields": record_fields,
                }
            )
    return sorted(found, key=lambda op: op["path"])
