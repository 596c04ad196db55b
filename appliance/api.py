"""What every management-API view shares: role checks, request ids, service errors as API errors,
and the OpenAPI description of the refusals every view can give."""

from __future__ import annotations

import re
import secrets
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import RegexValidator
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.views.defaults import page_not_found
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema_field
from rest_framework import exceptions, serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from appliance.roles import HasRole, Role


def request_id_of(request: HttpRequest) -> str:
    """The caller's ``X-Request-ID`` (trimmed), or a new one: kept in every record the call writes."""
    return request.headers.get("X-Request-ID", "")[:64] or secrets.token_hex(8)


# --- Fields of JSON request bodies: a value of the wrong JSON type is refused ---------------
# DRF's own fields convert what they can (5 -> "5", "5" -> 5, "yes" -> True), so a request the
# OpenAPI schema calls invalid would be accepted. These refuse it, as the schema says.

# Text without NUL (DRF refuses it: PostgreSQL cannot store it) and, for NON_BLANK, with a
# character that is not white space: Python's str.strip() set, spelled out so that the
# schema's (ECMA) regex and the server's agree on what a blank text is.
_VISIBLE = r"[^\x00\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
TEXT = r"^[^\x00]*$"
NON_BLANK = rf"^[^\x00]*{_VISIBLE}[^\x00]*$"
# A name Django's slugify() keeps as it is: letters, digits, '_' and '-', starting and ending
# with a letter or digit, no '--'.
NAME = r"^[a-zA-Z0-9]+(?:(?:_|-_)*-?[a-zA-Z0-9]+)*$"


class JsonText(serializers.CharField):
    """A JSON string; unless ``allow_blank``, one with a character that is not white space."""

    def __init__(self, **kwargs: Any) -> None:
        # DRF's allow_blank makes drf-spectacular write oneOf [text, ""], which "" matches
        # twice (so no value is valid); blank is handled here, and TEXT's pattern allows it.
        self.blank_ok = kwargs.pop("allow_blank", False)
        super().__init__(**kwargs)
        if self.blank_ok:
            self.validators.append(RegexValidator(TEXT, "Null characters are not allowed."))
        else:
            self.validators.append(RegexValidator(NON_BLANK, "This field may not be blank or hold NUL."))

    def run_validation(self, data: Any = serializers.empty) -> Any:
        if self.blank_ok and isinstance(data, str) and not (data.strip() if self.trim_whitespace else data):
            return ""
        return super().run_validation(data)

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class JsonName(serializers.RegexField):
    """A name of letters, digits, '-' and '_' (``NAME``), exactly: no padding, no newline."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "error_messages", {"invalid": "Use letters, digits, '-' and '_' (not at either end)."}
        )
        super().__init__(NAME, trim_whitespace=False, **kwargs)

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str) or not re.fullmatch(NAME, data):
            self.fail("invalid")
        return super().to_internal_value(data)


class JsonInteger(serializers.IntegerField):
    """A JSON integer: not a string of digits, not a decimal, not a boolean."""

    def to_internal_value(self, data: Any) -> int:
        if not isinstance(data, int) or isinstance(data, bool):
            self.fail("invalid")
        return super().to_internal_value(data)


class JsonNumber(serializers.FloatField):
    """A JSON number (an integer is one): not a string, not a boolean."""

    def to_internal_value(self, data: Any) -> float:
        if not isinstance(data, int | float) or isinstance(data, bool):
            self.fail("invalid")
        return super().to_internal_value(data)


class JsonBoolean(serializers.BooleanField):
    """A JSON boolean: not "true", not 1."""

    def to_internal_value(self, data: Any) -> bool:
        if not isinstance(data, bool):
            self.fail("invalid")
        return data


MONEY = r"^[0-9]{1,8}(\.[0-9]{1,6})?$"


@extend_schema_field(
    {"type": "string", "pattern": MONEY, "example": "12.50", "description": "Dollars, as a decimal string."}
)
class Money(serializers.DecimalField):
    """Dollars to the micro-dollar, never negative, as a decimal string both ways (no float
    rounding): ``"12.5"``; not the number 12.5, not ``"1e3"``."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            max_digits=14, decimal_places=6, min_value=Decimal(0), coerce_to_string=True, **kwargs
        )

    def run_validation(self, data: Any = serializers.empty) -> Any:
        if data == "":  # DRF would take "" for null; the schema's pattern does not
            self.fail("invalid")
        return super().run_validation(data)

    def to_internal_value(self, data: Any) -> Decimal:
        if not isinstance(data, str) or not re.fullmatch(MONEY, data):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictQuery(serializers.Serializer[Any]):
    """Query parameters as the schema states them: ``?to=`` is a blank value (refused unless
    the field allows blank), not an absent one as in DRF's reading of HTML forms."""

    def to_internal_value(self, data: Any) -> Any:
        blank = {
            name: ["This field may not be blank."]
            for name, field in self.fields.items()
            if name in data and data.get(name) == "" and not getattr(field, "allow_blank", False)
        }
        if blank:
            raise serializers.ValidationError(blank)
        return super().to_internal_value(data)


class Conflict(exceptions.APIException):
    """409: the request is well formed, but the state is in the way (the name is taken...)."""

    status_code = 409
    default_detail = "The request conflicts with the current state."
    default_code = "conflict"


class ErrorSerializer(serializers.Serializer[Any]):
    """DRF's refusal: one message (not signed in, role, not found, conflict, throttled...)."""

    detail = serializers.CharField()


INVALID = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description='The request is invalid: {"field": ["why", ...]} for each field at fault, '
    '{"detail": ...} for a body that is not JSON or a rule across fields.',
)
FORBIDDEN = OpenApiResponse(
    ErrorSerializer,
    description="Not signed in past the TOTP step, no CSRF token, or the role does not allow this.",
)
NOT_FOUND = OpenApiResponse(ErrorSerializer, description="Nothing exists under that name or number.")


class ManagementSchema(AutoSchema):
    """drf-spectacular's schema, plus the refusals every management view can give.

    Each view documents its own successes (and its own 409s and 410s); every operation can
    also answer 403, every operation that takes input 400, and every path with a parameter
    404. Request bodies are documented as JSON, the API's format (the console does not use
    the API, and no client needs forms).
    """

    def map_parsers(self) -> list[Any]:
        return ["application/json"]

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        queried = any(
            not isinstance(p, OpenApiParameter) or p.location == OpenApiParameter.QUERY
            for p in self.get_override_parameters()
        )
        takes_input = queried or (
            self.method in ("POST", "PUT", "PATCH") and self.get_request_serializer() is not None
        )
        extra = {"403": FORBIDDEN}
        if takes_input:
            extra["400"] = INVALID
        if "{" in self.path:
            extra["404"] = NOT_FOUND
        for code, response in extra.items():
            if code not in responses:
                responses[code] = self._get_response_for_code(response, code, direction=direction)
        for code, response in responses.items():
            # A view's own refusal (a 409, a 410) given with a description only: DRF's shape.
            if code.isdigit() and int(code) >= 400 and "content" not in response:
                body = self._get_response_for_code(ErrorSerializer, code, direction=direction)
                response["content"] = body["content"]
        return responses


class ManagementView(APIView):
    """Base of the management API's views: ``allowed_roles`` (and ``read_roles`` for GET) are
    checked by ``HasRole``; the request id goes into audit records and back in the response;
    a service's ``ValidationError`` becomes a 400 naming its fields."""

    permission_classes = [IsAuthenticated, HasRole]
    schema = ManagementSchema()
    allowed_roles: tuple[Role, ...] = ()
    read_roles: tuple[Role, ...] = ()
    request_id = ""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        self.request_id = request_id_of(request)
        super().initial(request, *args, **kwargs)

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = super().dispatch(request, *args, **kwargs)
        if self.request_id:
            response["X-Request-ID"] = self.request_id
        return response

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, DjangoValidationError):
            detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
            exc = exceptions.ValidationError(detail)
        return super().handle_exception(exc)


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 404 for a URL no route matches (``handler404``): JSON under ``/api/``, as the
    API's own 404s are, so a client never has to parse an HTML page; the usual page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "There is nothing at this address."}, status=404)
    return page_not_found(request, exception)
