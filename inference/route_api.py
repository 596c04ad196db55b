"""The routes' management API, mounted at ``/api/routes/``: administrators only.

======================================  ================================================
endpoint                                what
======================================  ================================================
``GET /api/routes/``                    every route
``GET /api/routes/<model>/``            one model's route
``PUT /api/routes/<model>/``            create or replace it (weighted targets, fallback)
``DELETE /api/routes/<model>/``         remove it: the model routes to its default version
``POST /api/routes/<model>/restore/``   clear degraded mode: traffic returns to the route's targets
======================================  ================================================

Views parse, check the role and call ``inference.routes``; every change is audited there and
reaches every gateway worker before its next request (the gateway epoch).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from appliance.api import JsonBoolean, JsonInteger, JsonNumber, JsonText, ManagementView
from appliance.roles import Role
from inference import routes
from inference.models import Model, Route, RouteTarget

ADMINISTRATORS = (Role.ADMINISTRATOR,)


class RouteTargetSerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=RouteTarget.Kind.choices)
    model = JsonText(
        max_length=128,
        required=False,
        allow_null=True,
        help_text="local: the model whose version it is (default: the route's model); external: the external "
        "model; complexity: none.",
    )
    version = JsonText(max_length=64, required=False, allow_null=True, help_text="local targets only.")
    weight = JsonInteger(
        min_value=1, max_value=1_000_000, help_text="Share of the traffic, relative to the others."
    )


class RouteSerializer(serializers.Serializer[Any]):
    """A route: weighted targets, stickiness, and the external model a failed request may fall back to."""

    model = serializers.CharField(read_only=True, help_text="The model name clients call.")
    targets = serializers.ListField(
        child=RouteTargetSerializer(), min_length=1, max_length=routes.MAX_TARGETS, help_text="In order."
    )
    stickiness = serializers.ChoiceField(choices=Route.Stickiness.choices, required=False)
    session_header = JsonText(max_length=64, required=False, help_text="For session stickiness.")
    fallback_model = JsonText(
        max_length=128, required=False, allow_null=True, help_text="An external model (through redaction)."
    )
    allow_external_fallback = JsonBoolean(required=False)
    light_model = JsonText(max_length=128, required=False, allow_null=True)
    heavy_model = JsonText(max_length=128, required=False, allow_null=True)
    complexity_threshold = JsonNumber(required=False, min_value=0.0, max_value=1.0)
    degraded_model = JsonText(
        max_length=128,
        required=False,
        allow_null=True,
        help_text="Degraded-mode target: an external model, or a local model with degraded_version.",
    )
    degraded_version = JsonText(max_length=64, required=False, allow_null=True)
    degraded_since = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text="Set while an alert holds the route in degraded mode."
    )
    degraded_reason = serializers.CharField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)


def _shown(route: Route) -> dict[str, Any]:
    return {"model": route.model.name, "updated_at": route.updated_at, **(routes.describe(route) or {})}


def _actor(request: Request) -> User:
    user = request.user
    if not isinstance(user, User):  # IsAuthenticated has refused anonymous users already
        raise exceptions.NotAuthenticated()
    return user


def _model(name: str) -> Model:
    found = Model.objects.filter(name=name).first()
    if found is None:
        raise exceptions.NotFound(f"There is no model named {name!r}.")
    return found


class RouteView(ManagementView):
    """Administrators only, for reading as for changing."""

    allowed_roles = ADMINISTRATORS
    read_roles = ADMINISTRATORS


class RouteList(RouteView):
    @extend_schema(operation_id="routes_list", responses={200: RouteSerializer(many=True)})
    def get(self, request: Request) -> Response:
        found = Route.objects.select_related("model", "fallback_model", "light_model", "heavy_model")
        return Response(RouteSerializer([_shown(r) for r in found.order_by("model__name")], many=True).data)


class RouteDetail(RouteView):
    @extend_schema(operation_id="routes_retrieve", responses={200: RouteSerializer})
    def get(self, request: Request, model: str) -> Response:
        route = routes.route_of(_model(model))
        if route is None:
            raise exceptions.NotFound(f"The model {model!r} has no route; it routes to its default version.")
        return Response(RouteSerializer(_shown(route)).data)

    @extend_schema(operation_id="routes_update", request=RouteSerializer, responses={200: RouteSerializer})
    def put(self, request: Request, model: str) -> Response:
        found = _model(model)  # 404 before the body is judged: the name is the first thing wrong
        given = RouteSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        spec = routes.RouteSpec(
            targets=[
                routes.TargetSpec(
                    kind=t["kind"],
                    weight=t["weight"],
                    model=t.get("model") or None,
                    version=t.get("version") or None,
                )
                for t in data["targets"]
            ],
            stickiness=data.get("stickiness", Route.Stickiness.NONE),
            session_header=data.get("session_header") or "x-airlock-session",
            fallback_model=data.get("fallback_model") or None,
            allow_external_fallback=data.get("allow_external_fallback", False),
            light_model=data.get("light_model") or None,
            heavy_model=data.get("heavy_model") or None,
            complexity_threshold=data.get("complexity_threshold", 0.5),
            degraded_model=data.get("degraded_model") or None,
            degraded_version=data.get("degraded_version") or None,
        )
        route = routes.do_set_route(found, spec, actor=_actor(request))
        return Response(RouteSerializer(_shown(routes.route_of(route.model) or route)).data)

    @extend_schema(
        operation_id="routes_destroy",
        responses={204: None, 404: OpenApiResponse(description="No such model, or it has no route.")},
    )
    def delete(self, request: Request, model: str) -> Response:
        if not routes.do_delete_route(_model(model), actor=_actor(request)):
            raise exceptions.NotFound(f"The model {model!r} has no route.")
        return Response(status=status.HTTP_204_NO_CONTENT)


class RouteRestore(RouteView):
    @extend_schema(
        operation_id="routes_restore",
        request=None,
        responses={200: RouteSerializer, 409: OpenApiResponse(description="The route is not degraded.")},
    )
    def post(self, request: Request, model: str) -> Response:
        found = _model(model)
        if not routes.do_clear_degraded_mode(found, actor=_actor(request)):
            return Response({"detail": f"The route of {model!r} is not in degraded mode."}, status=409)
        route = routes.route_of(found)
        if route is None:  # deleted meanwhile
            raise exceptions.NotFound(f"The model {model!r} has no route.")
        return Response(RouteSerializer(_shown(route)).data)
