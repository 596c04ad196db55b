"""What every management-API view shares: role checks, request ids, service errors as API errors."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponseBase
from rest_framework import exceptions
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from appliance.roles import HasRole, Role


def request_id_of(request: HttpRequest) -> str:
    """The caller's ``X-Request-ID`` (trimmed), or a new one: kept in every record the call writes."""
    return request.headers.get("X-Request-ID", "")[:64] or secrets.token_hex(8)


class ManagementView(APIView):
    """Base of the management API's views: ``allowed_roles`` (and ``read_roles`` for GET) are
    checked by ``HasRole``; the request id goes into audit records and back in the response;
    a service's ``ValidationError`` becomes a 400 naming its fields."""

    permission_classes = [IsAuthenticated, HasRole]
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
