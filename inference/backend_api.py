"""The backends' management API, mounted at ``/api/backends/``: administrators only.

==================================================  ==========================================
endpoint                                            what
==================================================  ==========================================
``GET /api/backends/``                              backends, their deployments, recent checks
``POST /api/backends/``                             register a backend (a vLLM server)
``POST /api/backends/<name>/deployments/``          deploy a model version on it
``POST /api/backends/deployments/<id>/drain/``      no new requests; running ones finish
``POST /api/backends/deployments/<id>/undrain/``    call a drain off before it ends
==================================================  ==========================================

Views check the role and call ``inference.services`` (registering, deploying) or
``inference.backend_ops`` (drains), which audit every change.
"""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import exceptions, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from appliance.api import Conflict, JsonInteger, JsonName, JsonText, ManagementView
from appliance.roles import Role
from inference import backend_ops, services
from inference.models import Backend, Deployment, Model

ADMINISTRATORS = (Role.ADMINISTRATOR,)
RECENT_CHECKS = 20


class DeploymentSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    model = serializers.CharField(source="model_version.model.name", read_only=True)
    version = serializers.CharField(source="model_version.version", read_only=True)
    backend = serializers.CharField(source="backend.name", read_only=True)
    served_name = serializers.CharField(read_only=True)
    weight = serializers.IntegerField(read_only=True)
    is_active = serializers.BooleanField(read_only=True)
    draining_since = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text="Set while draining: no new requests go there."
    )


class CheckSerializer(serializers.Serializer):
    checked_at = serializers.DateTimeField()
    healthy = serializers.BooleanField()
    latency_ms = serializers.FloatField(allow_null=True)
    error = serializers.CharField()


class BackendSerializer(serializers.Serializer):
    name = serializers.CharField(read_only=True)
    base_url = serializers.CharField(read_only=True)
    is_healthy = serializers.BooleanField(read_only=True)
    last_checked_at = serializers.DateTimeField(read_only=True, allow_null=True)
    last_error = serializers.CharField(read_only=True)
    deployments = DeploymentSerializer(many=True, read_only=True)
    checks = serializers.SerializerMethodField(
        help_text=f"The last {RECENT_CHECKS} health checks, newest first."
    )

    @extend_schema_field(CheckSerializer(many=True))
    def get_checks(self, backend: Backend) -> list[dict[str, Any]]:
        checks = backend_ops.recent_checks(backend, RECENT_CHECKS)
        return CheckSerializer(checks, many=True).data  # type: ignore[return-value]


# A backend's address: http(s), a host name or IPv4 address, an optional port and path. Written as
# a pattern (not OpenAPI's "uri" format) so that the schema and the server accept the same text.
BASE_URL = r"^https?://[A-Za-z0-9][A-Za-z0-9.-]*(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~-]*)*$"


class BaseUrl(serializers.RegexField):
    """``BASE_URL``, exactly: no padding, no trailing newline."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "error_messages", {"invalid": "Give http(s)://host[:port][/path], e.g. http://10.0.0.5:8000."}
        )
        super().__init__(BASE_URL, trim_whitespace=False, **kwargs)

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str) or not re.fullmatch(BASE_URL, data):
            self.fail("invalid")
        return str(super().to_internal_value(data))


class NewBackendSerializer(serializers.Serializer):
    name = JsonName(max_length=128)
    base_url = BaseUrl(max_length=200, help_text="e.g. http://10.0.0.5:8000 (without /v1).")


class NewDeploymentSerializer(serializers.Serializer):
    model = JsonText(max_length=128)
    version = JsonText(max_length=64, required=False, help_text="Default: the model's default version.")
    served_name = JsonText(max_length=128, required=False, help_text="Default: the model's name.")
    weight = JsonInteger(required=False, default=100, min_value=0, max_value=10_000)


class BackendView(ManagementView):
    allowed_roles = ADMINISTRATORS
    read_roles = ADMINISTRATORS


def _actor(request: Request) -> User:
    user = request.user
    if not isinstance(user, User):
        raise exceptions.NotAuthenticated()
    return user


def _deployment(pk: int) -> Deployment:
    found = Deployment.objects.select_related("backend", "model_version__model").filter(pk=pk).first()
    if found is None:
        raise exceptions.NotFound(f"There is no deployment {pk}.")
    return found


class BackendList(BackendView):
    @extend_schema(operation_id="backends_list", responses={200: BackendSerializer(many=True)})
    def get(self, request: Request) -> Response:
        deployments = Deployment.objects.select_related("backend", "model_version__model").order_by(
            "-is_active", "model_version__model__name", "-created_at"
        )
        backends = Backend.objects.prefetch_related(Prefetch("deployments", queryset=deployments)).order_by(
            "name"
        )
        return Response(BackendSerializer(backends, many=True).data)

    @extend_schema(
        operation_id="backends_create",
        request=NewBackendSerializer,
        responses={
            201: BackendSerializer,
            409: OpenApiResponse(description="A backend of that name exists."),
        },
    )
    def post(self, request: Request) -> Response:
        given = NewBackendSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        if Backend.objects.filter(name=data["name"]).exists():
            raise Conflict(f"A backend named {data['name']!r} already exists.")
        backend = services.do_register_backend(data["name"], data["base_url"], actor=_actor(request))
        return Response(BackendSerializer(backend).data, status=201)


class BackendDeployments(BackendView):
    @extend_schema(
        operation_id="backends_deployments_create",
        request=NewDeploymentSerializer,
        responses={
            201: DeploymentSerializer,
            404: OpenApiResponse(description="No such backend, model or version."),
            409: OpenApiResponse(description="The model is external: it has nothing to deploy."),
        },
    )
    def post(self, request: Request, name: str) -> Response:
        backend = Backend.objects.filter(name=name).first()
        if backend is None:
            raise exceptions.NotFound(f"There is no backend {name!r}.")
        given = NewDeploymentSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        model = Model.objects.select_related("default_version").filter(name=data["model"]).first()
        if model is None:
            raise exceptions.NotFound(f"There is no model {data['model']!r}.")
        if model.is_external:
            raise Conflict(f"{model.name} is an external model: it is served by its provider.")
        wanted = data.get("version")
        version = model.versions.filter(version=wanted).first() if wanted else model.default_version
        if version is None:
            raise exceptions.NotFound(f"{model.name} has no version {wanted or '(default)'!r}.")
        deployment = services.do_deploy(
            version,
            backend,
            actor=_actor(request),
            weight=data["weight"],
            served_name=data.get("served_name"),
        )
        return Response(DeploymentSerializer(_deployment(deployment.pk)).data, status=201)


class DeploymentDrain(BackendView):
    @extend_schema(
        operation_id="backends_deployments_drain",
        request=None,
        responses={
            200: DeploymentSerializer,
            409: OpenApiResponse(description="The deployment is not active, or is draining already."),
        },
    )
    def post(self, request: Request, pk: int) -> Response:
        deployment = _deployment(pk)
        try:
            backend_ops.do_drain(deployment, actor=_actor(request))
        except DjangoValidationError as exc:
            raise Conflict(" ".join(exc.messages)) from None
        return Response(DeploymentSerializer(_deployment(pk)).data)


class DeploymentUndrain(BackendView):
    @extend_schema(
        operation_id="backends_deployments_undrain",
        request=None,
        responses={
            200: DeploymentSerializer,
            409: OpenApiResponse(description="The deployment is not draining."),
        },
    )
    def post(self, request: Request, pk: int) -> Response:
        deployment = _deployment(pk)
        try:
            backend_ops.do_undrain(deployment, actor=_actor(request))
        except DjangoValidationError as exc:
            raise Conflict(" ".join(exc.messages)) from None
        return Response(DeploymentSerializer(_deployment(pk)).data)
