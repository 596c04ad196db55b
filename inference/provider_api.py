"""The providers' management API, mounted at ``/api/providers/``: administrators only.

==========================================  ======================================
endpoint                                    what
==========================================  ======================================
``GET /api/providers/``                     providers, with the models they serve
``POST /api/providers/``                    register a provider
``GET /api/providers/<name>/``              one provider
``PATCH /api/providers/<name>/``            change it (only the fields sent)
``GET /api/providers/<name>/models/``       its external models
``POST /api/providers/<name>/models/``      expose one of its models under a local name
``DELETE /api/providers/<name>/models/<m>`` remove a local name
==========================================  ======================================

Views parse, check the role and call ``inference.services``; every change is audited there.
The API key itself never passes through here: a provider names the file that holds it (in
the provider keys directory, ``inference.providers.keyfile``), and the answer gives only the file's
status — "ok", "missing" or "refused: <why>" — never whether some other path is readable.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from appliance.api import (
    Conflict,
    JsonBoolean,
    JsonInteger,
    JsonName,
    JsonNumber,
    JsonText,
    ManagementSchema,
)
from appliance.roles import HasRole, Role
from inference import services
from inference.models import Model, Provider
from inference.providers import keyfile
from inference.services import ProviderSettings

ADMINISTRATORS = (Role.ADMINISTRATOR,)


class ExternalModelSerializer(serializers.Serializer):
    name = JsonText(max_length=128, help_text="The name applications use, e.g. claude-haiku.")
    remote_name = JsonText(max_length=256, help_text="The provider's name for the model.")
    description = JsonText(required=False, allow_blank=True, default="")


class ProviderSerializer(serializers.Serializer):
    """A provider as administrators see it (no secret: only the key file's path)."""

    name = JsonName(max_length=64)
    kind = serializers.ChoiceField(choices=Provider.Kind.choices)
    base_url = serializers.URLField(max_length=512)
    api_key_file = JsonText(max_length=1024, required=False, allow_blank=True)
    api_key_status = serializers.SerializerMethodField(
        help_text='The key file now: "ok", "missing", "refused: <why>" or "none" '
        "(its content is never shown)."
    )
    region = JsonText(max_length=64, required=False, allow_blank=True)
    timeout_seconds = JsonNumber(required=False, min_value=0.001, max_value=3600)
    max_retries = JsonInteger(required=False, min_value=0, max_value=10)
    breaker_threshold = JsonInteger(required=False, min_value=1, max_value=1000)
    breaker_cooldown_seconds = JsonNumber(required=False, min_value=0, max_value=86400)
    extra_headers = serializers.DictField(child=JsonText(allow_blank=True), required=False)
    is_enabled = JsonBoolean(required=False)
    created_at = serializers.DateTimeField(read_only=True)
    models = serializers.SerializerMethodField()

    def get_api_key_status(self, provider: Provider) -> str:
        return keyfile.status(provider.api_key_file)

    def get_models(self, provider: Provider) -> list[dict[str, str]]:
        return [{"name": m.name, "remote_name": m.remote_name} for m in provider.external_models.all()]


class ProviderChangeSerializer(ProviderSerializer):
    """A change: every field optional; the name and kind cannot change."""

    name = None  # type: ignore[assignment]
    kind = None  # type: ignore[assignment]
    base_url = serializers.URLField(max_length=512, required=False)


def _settings(data: dict[str, Any]) -> ProviderSettings:
    return ProviderSettings(
        base_url=data.get("base_url"),
        api_key_file=data.get("api_key_file"),
        region=data.get("region"),
        timeout_seconds=data.get("timeout_seconds"),
        max_retries=data.get("max_retries"),
        breaker_threshold=data.get("breaker_threshold"),
        breaker_cooldown_seconds=data.get("breaker_cooldown_seconds"),
        extra_headers=data.get("extra_headers"),
        is_enabled=data.get("is_enabled"),
    )


class ProviderView(APIView):
    """Administrators only, for reading as for changing."""

    permission_classes = [IsAuthenticated, HasRole]
    schema = ManagementSchema()
    allowed_roles = ADMINISTRATORS
    read_roles = ADMINISTRATORS

    def handle_exception(self, exc: Exception) -> Response:
        if isinstance(exc, DjangoValidationError):
            exc = exceptions.ValidationError({"detail": exc.messages})
        return super().handle_exception(exc)


def _actor(request: Request) -> User:
    user = request.user
    if not isinstance(user, User):  # IsAuthenticated has refused anonymous users already
        raise exceptions.NotAuthenticated()
    return user


def _provider(name: str) -> Provider:
    provider = Provider.objects.prefetch_related("external_models").filter(name=name).first()
    if provider is None:
        raise exceptions.NotFound(f"There is no provider {name!r}.")
    return provider


class ProviderList(ProviderView):
    @extend_schema(operation_id="providers_list", responses={200: ProviderSerializer(many=True)})
    def get(self, request: Request) -> Response:
        providers = Provider.objects.prefetch_related("external_models")
        return Response(ProviderSerializer(providers, many=True).data)

    @extend_schema(
        operation_id="providers_create",
        request=ProviderSerializer,
        responses={
            201: ProviderSerializer,
            409: OpenApiResponse(description="A provider of that name exists; change it instead."),
        },
    )
    def post(self, request: Request) -> Response:
        given = ProviderSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        if Provider.objects.filter(name=data["name"]).exists():
            raise Conflict(f"A provider named {data['name']!r} already exists; change it instead.")
        provider = services.do_register_provider(
            data["name"], data["kind"], data["base_url"], actor=_actor(request), settings=_settings(data)
        )
        return Response(ProviderSerializer(_provider(provider.name)).data, status=status.HTTP_201_CREATED)


class ProviderDetail(ProviderView):
    @extend_schema(operation_id="providers_retrieve", responses={200: ProviderSerializer})
    def get(self, request: Request, name: str) -> Response:
        return Response(ProviderSerializer(_provider(name)).data)

    @extend_schema(
        operation_id="providers_update", request=ProviderChangeSerializer, responses={200: ProviderSerializer}
    )
    def patch(self, request: Request, name: str) -> Response:
        provider = _provider(name)
        given = ProviderChangeSerializer(data=request.data, partial=True)
        given.is_valid(raise_exception=True)
        services.do_update_provider(provider, _settings(given.validated_data), actor=_actor(request))
        return Response(ProviderSerializer(_provider(name)).data)


class ProviderModels(ProviderView):
    @extend_schema(operation_id="providers_models_list", responses={200: ExternalModelSerializer(many=True)})
    def get(self, request: Request, name: str) -> Response:
        provider = _provider(name)
        return Response(ExternalModelSerializer(provider.external_models.all(), many=True).data)

    @extend_schema(
        operation_id="providers_models_create",
        request=ExternalModelSerializer,
        responses={201: ExternalModelSerializer},
    )
    def post(self, request: Request, name: str) -> Response:
        provider = _provider(name)
        given = ExternalModelSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        model = services.do_register_external_model(
            data["name"],
            provider,
            data["remote_name"],
            actor=_actor(request),
            description=data["description"],
        )
        return Response(ExternalModelSerializer(model).data, status=status.HTTP_201_CREATED)


class ProviderModelDetail(ProviderView):
    @extend_schema(
        operation_id="providers_models_destroy",
        responses={204: None, 404: OpenApiResponse(description="No such external model.")},
    )
    def delete(self, request: Request, name: str, model: str) -> Response:
        found = Model.objects.filter(name=model, provider__name=name).first()
        if found is None:
            raise exceptions.NotFound(f"Provider {name!r} serves no model named {model!r}.")
        services.do_remove_external_model(found, actor=_actor(request))
        return Response(status=status.HTTP_204_NO_CONTENT)
