"""The management API's remaining resources: tokens, applications and keys, models and versions,
deployments, retention, users and roles (issue 18, item 2).

======================================================  =========================================
endpoint                                                who
======================================================  =========================================
``GET|POST /api/tokens/``                               anyone with a role, for their own tokens
``DELETE /api/tokens/<id>/``                            the owner, or an administrator
``GET|POST /api/applications/``                         administrators (app owners: list their own)
``GET|PATCH /api/applications/<name>/``                 administrators (owners read theirs)
``GET|POST /api/applications/<name>/keys/``             administrators and the app's owner
``POST …/keys/<prefix>/rotate``, ``…/revoke``           administrators and the app's owner
``GET /api/models/``, ``GET /api/models/<name>/``       administrators
``POST /api/models/<name>/versions/``                   administrators (a folder of AIRLOCK_MODELS_DIR)
``POST /api/models/<name>/versions/<v>/default``        administrators
``GET /api/deployments/``, ``DELETE …/<id>/``           administrators
``GET|PUT /api/audit/retention/``                       compliance officers (auditors read)
``GET|POST /api/users/``, ``GET|PATCH …/<username>/``   administrators
``POST /api/users/<username>/reset-two-factor``         administrators
``GET /api/roles/``                                     anyone with a role
======================================================  =========================================

Quotas (``/api/usage/limits``), the price table (``/api/usage/prices``), the egress policy
(``/api/redaction/policy``), backends (``/api/backends/``) and routes (``/api/routes/``) have
their own modules. Views parse, check the role and call the same service functions as the
console and the CLI, which audit each change in its transaction. A refusal that depends on
the appliance's state rather than on the request's shape is a 403 (a role), 404 (a name that
does not exist) or 409 (a name taken, the last administrator, a key already revoked).

Weights are registered from a folder *inside* ``AIRLOCK_MODELS_DIR``, named by its folder
name: a caller of the API (perhaps a script with a token) must not make the appliance read and
hash any directory of its disk, as the console and ``airlock models add`` (run by someone at the
appliance) may. Every file is hashed during the request: for large models the CLI shows progress.
"""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from appliance import services as people
from appliance import (
    token_schema,  # noqa: F401 - describes the token in the OpenAPI document
    tokens,
)
from appliance.api import (
    Conflict,
    JsonBoolean,
    JsonInteger,
    JsonName,
    JsonText,
    ManagementView,
)
from appliance.models import ApiToken
from appliance.roles import Role, has_role, roles_of
from audit import services as audit_services
from audit.models import RetentionPolicy
from inference import services
from inference.backend_api import DeploymentSerializer
from inference.models import ApiKey, Application, Deployment, Model

ADMINS = (Role.ADMINISTRATOR,)
MANAGERS = (Role.ADMINISTRATOR, Role.APP_OWNER)
EVERYONE = tuple(Role)
ROLE_CHOICES = [r.value for r in Role]
ROLE_DESCRIPTIONS = {
    Role.ADMINISTRATOR: "Models, applications, keys, quotas, egress, users: never audit content.",
    Role.COMPLIANCE_OFFICER: "The audit log, content decryption with a reason, exports, retention, holds.",
    Role.AUDITOR: "The audit log and its verification, read-only.",
    Role.APP_OWNER: "Their own applications, keys and usage.",
}
MAX_KEY_LIFETIME_DAYS = 3650
# Django's username rule (ASCII letters, digits and @.+-_), written so the schema's (ECMA)
# regex and the server's agree.
USERNAME = r"^[A-Za-z0-9.@+_-]+$"


def _actor(request: Request) -> User:
    user = request.user
    if not isinstance(user, User):  # IsAuthenticated has refused anonymous callers already
        raise exceptions.NotAuthenticated()
    return user


def _django_errors(exc: DjangoValidationError) -> exceptions.ValidationError:
    return exceptions.ValidationError(
        exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
    )


class Username(serializers.RegexField):
    """``USERNAME``, exactly: no padding, no newline."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("error_messages", {"invalid": "Use letters, digits and @ . + - _ only."})
        super().__init__(USERNAME, trim_whitespace=False, **kwargs)

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str) or not re.fullmatch(USERNAME, data):
            self.fail("invalid")
        return str(super().to_internal_value(data))


def _roles_field(**kwargs: Any) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.ChoiceField(choices=ROLE_CHOICES), max_length=len(ROLE_CHOICES), **kwargs
    )


# --- Personal API tokens -------------------------------------------------------------------


class TokenSerializer(serializers.Serializer[Any]):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    prefix = serializers.CharField(read_only=True, help_text="The public part: alt_<prefix>_…")
    owner = serializers.CharField(source="user.username", read_only=True)
    roles = serializers.ListField(child=serializers.CharField(), read_only=True)
    state = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField(read_only=True)
    expires_at = serializers.DateTimeField(read_only=True)
    last_used_at = serializers.DateTimeField(read_only=True, allow_null=True)
    revoked_at = serializers.DateTimeField(read_only=True, allow_null=True)

    def get_state(self, token: ApiToken) -> str:
        if token.revoked_at is not None:
            return "revoked"
        return "active" if tokens.is_usable(token) else "expired"


class NewTokenSerializer(serializers.Serializer[Any]):
    name = JsonText(max_length=100, help_text="What it is for, e.g. ci-deploy.")
    roles = _roles_field(
        required=False, min_length=1, help_text="A subset of your roles (default: all of them)."
    )
    expires_in_days = JsonInteger(
        required=False, min_value=1, max_value=tokens.MAX_LIFETIME_DAYS, help_text="Default 90."
    )


class CreatedTokenSerializer(TokenSerializer):
    token = serializers.CharField(read_only=True, help_text="The secret: shown this once, never again.")


class TokenList(ManagementView):
    allowed_roles = EVERYONE

    @extend_schema(operation_id="tokens_list", responses={200: TokenSerializer(many=True)})
    def get(self, request: Request) -> Response:
        mine = ApiToken.objects.filter(user_id=_actor(request).pk).select_related("user")
        return Response(TokenSerializer(mine, many=True).data)

    @extend_schema(
        operation_id="tokens_create",
        request=NewTokenSerializer,
        responses={
            201: CreatedTokenSerializer,
            403: OpenApiResponse(
                description="Asked with a token (tokens are made with a signed-in session), or for a role "
                "you do not hold."
            ),
        },
    )
    def post(self, request: Request) -> Response:
        # A token never makes another: a leaked token must not let its holder mint fresh,
        # longer-lived credentials. Tokens are made by a person past the TOTP step.
        if isinstance(request.auth, ApiToken):
            raise exceptions.PermissionDenied("Tokens are made with a signed-in session, not with a token.")
        given = NewTokenSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        actor = _actor(request)
        wanted = {Role(r) for r in data.get("roles", [])} or None
        if wanted is not None and not wanted <= people.stored_roles(actor):
            raise exceptions.PermissionDenied("A token cannot carry a role you do not hold.")
        created = tokens.do_create_token(
            actor,
            name=data["name"],
            roles=sorted(wanted) if wanted else None,
            expires_in_days=data.get("expires_in_days", tokens.DEFAULT_LIFETIME_DAYS),
            actor=actor,
            request_id=self.request_id,
        )
        body = CreatedTokenSerializer(created.token).data
        return Response({**body, "token": created.plaintext}, status=201)


class TokenDetail(ManagementView):
    allowed_roles = EVERYONE

    def _token(self, request: Request, pk: int) -> ApiToken:
        token = ApiToken.objects.select_related("user").filter(pk=pk).first()
        # Someone else's token is "not found" to anyone who may not revoke it: its existence
        # is nobody else's business.
        if token is None or not tokens.may_revoke(_actor(request), token):
            raise exceptions.NotFound(f"You have no token {pk}.")
        return token

    @extend_schema(operation_id="tokens_retrieve", responses={200: TokenSerializer})
    def get(self, request: Request, pk: int) -> Response:
        return Response(TokenSerializer(self._token(request, pk)).data)

    @extend_schema(operation_id="tokens_revoke", responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        tokens.do_revoke_token(self._token(request, pk), actor=_actor(request), request_id=self.request_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- Applications and their keys -----------------------------------------------------------


class ApplicationSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)
    owner = serializers.CharField(source="owner.username", read_only=True, allow_null=True, default=None)
    allowed_models = serializers.SerializerMethodField()
    allow_all_models = serializers.BooleanField(read_only=True)
    audit_content = serializers.CharField(read_only=True)
    is_active = serializers.BooleanField(read_only=True, help_text="False while suspended.")
    created_at = serializers.DateTimeField(read_only=True)

    def get_allowed_models(self, app: Application) -> list[str]:
        return sorted(m.name for m in app.allowed_models.all())


class NewApplicationSerializer(serializers.Serializer[Any]):
    name = JsonName(max_length=64)
    description = JsonText(max_length=2000, required=False, allow_blank=True)
    owner = Username(max_length=150, required=False, allow_null=True, help_text="An app owner's username.")
    allowed_models = serializers.ListField(child=JsonText(max_length=128), required=False, max_length=100)
    allow_all_models = JsonBoolean(required=False)
    audit_content = serializers.ChoiceField(choices=Application.AuditContent.values, required=False)


class ApplicationChangeSerializer(serializers.Serializer[Any]):
    allowed_models = serializers.ListField(child=JsonText(max_length=128), required=False, max_length=100)
    allow_all_models = JsonBoolean(required=False)
    audit_content = serializers.ChoiceField(choices=Application.AuditContent.values, required=False)


class KeySerializer(serializers.Serializer[Any]):
    prefix = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    application = serializers.CharField(source="application.name", read_only=True)
    state = serializers.CharField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)
    expires_at = serializers.DateTimeField(read_only=True, allow_null=True)
    revoked_at = serializers.DateTimeField(read_only=True, allow_null=True)
    last_used_at = serializers.DateTimeField(read_only=True, allow_null=True)


class CreatedKeySerializer(KeySerializer):
    key = serializers.CharField(read_only=True, help_text="The API key: shown this once, never again.")


class NewKeySerializer(serializers.Serializer[Any]):
    name = JsonText(max_length=100, required=False, allow_blank=True)
    expires_in_days = JsonInteger(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=MAX_KEY_LIFETIME_DAYS,
        help_text="Default: never.",
    )


def _visible_applications(user: Any) -> Any:
    found = Application.objects.select_related("owner").prefetch_related("allowed_models")
    if has_role(user, Role.ADMINISTRATOR):
        return found
    if has_role(user, Role.APP_OWNER):
        return found.filter(owner_id=user.pk)
    return found.none()


def _application(request: Request, name: str) -> Application:
    """The named application if the caller may manage it; others' are 'not found' to owners."""
    app = _visible_applications(request.user).filter(name=name).first()
    if app is None:
        raise exceptions.NotFound(f"There is no application {name!r} you can manage.")
    return app


def _known_models(names: list[str]) -> None:
    missing = sorted(set(names) - set(Model.objects.filter(name__in=names).values_list("name", flat=True)))
    if missing:
        raise exceptions.NotFound(f"Unknown model(s): {', '.join(missing)}.")


class ApplicationList(ManagementView):
    allowed_roles = ADMINS
    read_roles = MANAGERS

    @extend_schema(operation_id="applications_list", responses={200: ApplicationSerializer(many=True)})
    def get(self, request: Request) -> Response:
        return Response(ApplicationSerializer(_visible_applications(request.user), many=True).data)

    @extend_schema(
        operation_id="applications_create",
        request=NewApplicationSerializer,
        responses={
            201: ApplicationSerializer,
            404: OpenApiResponse(description="No such owner or model."),
            409: OpenApiResponse(description="The name is taken."),
        },
    )
    def post(self, request: Request) -> Response:
        given = NewApplicationSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        if Application.objects.filter(name__iexact=data["name"]).exists():
            raise Conflict(f"An application named {data['name']!r} already exists.")
        owner = None
        if data.get("owner"):
            owner = get_user_model().objects.filter(username=data["owner"]).first()
            if owner is None:
                raise exceptions.NotFound(f"There is no user {data['owner']!r}.")
        models = list(dict.fromkeys(data.get("allowed_models", [])))
        _known_models(models)
        actor = _actor(request)
        app = services.do_create_application(
            data["name"],
            actor=actor,
            owner=owner,
            description=data.get("description", ""),
            allowed_models=models,
            allow_all_models=data.get("allow_all_models", False),
        )
        if data.get("audit_content") and data["audit_content"] != app.audit_content:
            services.do_set_audit_content(app, data["audit_content"], actor=actor)
        return Response(ApplicationSerializer(_application(request, app.name)).data, status=201)


class ApplicationDetail(ManagementView):
    allowed_roles = ADMINS
    read_roles = MANAGERS

    @extend_schema(operation_id="applications_retrieve", responses={200: ApplicationSerializer})
    def get(self, request: Request, name: str) -> Response:
        return Response(ApplicationSerializer(_application(request, name)).data)

    @extend_schema(
        operation_id="applications_update",
        request=ApplicationChangeSerializer,
        responses={
            200: ApplicationSerializer,
            404: OpenApiResponse(description="No such application or model."),
        },
    )
    def patch(self, request: Request, name: str) -> Response:
        app = _application(request, name)
        given = ApplicationChangeSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        actor = _actor(request)
        if "allowed_models" in data or "allow_all_models" in data:
            models = list(
                dict.fromkeys(data.get("allowed_models", [m.name for m in app.allowed_models.all()]))
            )
            _known_models(models)
            services.do_set_allowed_models(
                app, actor=actor, models=models, allow_all=data.get("allow_all_models", app.allow_all_models)
            )
        if "audit_content" in data and data["audit_content"] != app.audit_content:
            services.do_set_audit_content(app, data["audit_content"], actor=actor)
        return Response(ApplicationSerializer(_application(request, name)).data)


class KeyList(ManagementView):
    allowed_roles = MANAGERS

    @extend_schema(operation_id="applications_keys_list", responses={200: KeySerializer(many=True)})
    def get(self, request: Request, name: str) -> Response:
        app = _application(request, name)
        return Response(KeySerializer(app.keys.select_related("application"), many=True).data)

    @extend_schema(
        operation_id="applications_keys_create",
        request=NewKeySerializer,
        responses={201: CreatedKeySerializer},
    )
    def post(self, request: Request, name: str) -> Response:
        app = _application(request, name)
        given = NewKeySerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        days = data.get("expires_in_days")
        created = services.do_create_api_key(
            app,
            actor=_actor(request),
            name=data.get("name", ""),
            expires_in=timedelta(days=days) if days else None,
        )
        return Response({**CreatedKeySerializer(created.key).data, "key": created.plaintext}, status=201)


def _key(request: Request, name: str, prefix: str) -> ApiKey:
    app = _application(request, name)
    key = app.keys.select_related("application").filter(prefix=prefix).first()
    if key is None:
        raise exceptions.NotFound(f"{name} has no key {prefix!r}.")
    return key


class KeyRotate(ManagementView):
    allowed_roles = MANAGERS

    @extend_schema(
        operation_id="applications_keys_rotate",
        request=None,
        responses={
            201: CreatedKeySerializer,
            409: OpenApiResponse(description="The key is already revoked."),
        },
    )
    def post(self, request: Request, name: str, prefix: str) -> Response:
        key = _key(request, name, prefix)
        if key.revoked_at is not None:
            raise Conflict(f"Key {prefix} is already revoked; create a new key instead.")
        created = services.do_rotate_api_key(key, actor=_actor(request))
        return Response({**CreatedKeySerializer(created.key).data, "key": created.plaintext}, status=201)


class KeyRevoke(ManagementView):
    allowed_roles = MANAGERS

    @extend_schema(operation_id="applications_keys_revoke", request=None, responses={200: KeySerializer})
    def post(self, request: Request, name: str, prefix: str) -> Response:
        key = services.do_revoke_api_key(_key(request, name, prefix), actor=_actor(request))
        return Response(KeySerializer(key).data)


# --- Models, versions and deployments -------------------------------------------------------


class VersionSerializer(serializers.Serializer[Any]):
    version = serializers.CharField(read_only=True)
    path = serializers.CharField(read_only=True)
    manifest_sha256 = serializers.CharField(read_only=True)
    total_bytes = serializers.IntegerField(read_only=True)
    # A field named like Field.source: DRF's metaclass takes declared fields off the class.
    source = serializers.CharField(read_only=True)  # type: ignore[assignment]
    is_default = serializers.BooleanField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)


class ModelSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True)
    external = serializers.BooleanField(read_only=True)
    provider = serializers.CharField(read_only=True, allow_null=True)
    remote_name = serializers.CharField(read_only=True)
    default_version = serializers.CharField(read_only=True, allow_null=True)
    versions = VersionSerializer(many=True, read_only=True)


def _shown_model(model: Model) -> dict[str, Any]:
    default = model.default_version
    return {
        "name": model.name,
        "kind": model.kind,
        "external": model.is_external,
        "provider": model.provider.name if model.provider else None,
        "remote_name": model.remote_name,
        "default_version": default.version if default else None,
        "versions": [
            {
                "version": v.version,
                "path": v.path,
                "manifest_sha256": v.manifest_sha256,
                "total_bytes": v.total_bytes,
                "source": v.source,
                "is_default": v.pk == model.default_version_id,
                "created_at": v.created_at,
            }
            for v in model.versions.order_by("created_at", "pk")
        ],
    }


def _models() -> Any:
    return Model.objects.select_related("default_version", "provider").prefetch_related("versions")


class ModelList(ManagementView):
    allowed_roles = ADMINS

    @extend_schema(operation_id="models_list", responses={200: ModelSerializer(many=True)})
    def get(self, request: Request) -> Response:
        return Response(ModelSerializer([_shown_model(m) for m in _models()], many=True).data)


class ModelDetail(ManagementView):
    allowed_roles = ADMINS

    @extend_schema(operation_id="models_retrieve", responses={200: ModelSerializer})
    def get(self, request: Request, name: str) -> Response:
        model = _models().filter(name=name).first()
        if model is None:
            raise exceptions.NotFound(f"There is no model {name!r}.")
        return Response(ModelSerializer(_shown_model(model)).data)


# A folder name in AIRLOCK_MODELS_DIR: no separator, not "." or "..", no leading dot.
FOLDER = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"


class Folder(serializers.RegexField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("error_messages", {"invalid": "A folder name in AIRLOCK_MODELS_DIR."})
        super().__init__(FOLDER, trim_whitespace=False, **kwargs)

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str) or not re.fullmatch(FOLDER, data):
            self.fail("invalid")
        return str(super().to_internal_value(data))


class NewVersionSerializer(serializers.Serializer[Any]):
    folder = Folder(max_length=255, help_text="The weights' folder, inside AIRLOCK_MODELS_DIR.")
    version = JsonName(max_length=64, required=False, help_text="Default: the next number.")
    source = JsonText(  # type: ignore[assignment]  # DRF's metaclass takes it off the class
        max_length=512, required=False, allow_blank=True, help_text="Where they came from."
    )
    make_default = JsonBoolean(required=False, help_text="Default: true.")


class ModelVersions(ManagementView):
    allowed_roles = ADMINS

    @extend_schema(
        operation_id="models_versions_create",
        request=NewVersionSerializer,
        responses={
            201: ModelSerializer,
            200: ModelSerializer,
            404: OpenApiResponse(description="No such folder in AIRLOCK_MODELS_DIR."),
            409: OpenApiResponse(
                description="The version label is taken, the model is external, or the folder is empty."
            ),
        },
        description="Register the weights in a folder of AIRLOCK_MODELS_DIR as a version of the model "
        "(created if new). Every file is hashed (SHA-256) now. 200 when the same folder with the same "
        "contents is registered already.",
    )
    def post(self, request: Request, name: str) -> Response:
        given = NewVersionSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        root = Path(settings.AIRLOCK_MODELS_DIR).resolve()
        folder = root / data["folder"]
        if not folder.is_dir():
            raise exceptions.NotFound(f"There is no folder {data['folder']!r} in AIRLOCK_MODELS_DIR.")
        existing = Model.objects.filter(name=name).first()
        if existing is not None and existing.is_external:
            raise Conflict(f"{name} is an external model: it has no weights here.")
        if data.get("version") and existing is not None and existing.versions.filter(version=data["version"]):
            raise Conflict(f"{name} already has a version {data['version']!r}.")
        before = set(existing.versions.values_list("pk", flat=True)) if existing is not None else set()
        try:
            version = services.do_register_model_version(
                name,
                folder,
                actor=_actor(request),
                version=data.get("version"),
                source=data.get("source", ""),
                make_default=data.get("make_default", True),
            )
        except DjangoValidationError as exc:
            raise Conflict("; ".join(exc.messages)) from None
        except ValueError:  # an empty folder: the weights are not there yet
            raise Conflict(f"The folder {data['folder']!r} holds no files.") from None
        except OSError as exc:
            raise exceptions.NotFound(
                f"The folder {data['folder']!r} cannot be read: {exc.strerror}."
            ) from None
        shown = ModelSerializer(_shown_model(_models().get(pk=version.model_id))).data
        return Response(shown, status=200 if version.pk in before else 201)


class MakeDefaultSerializer(serializers.Serializer):
    force = serializers.BooleanField(
        default=False,
        help_text="Make it the default even though the golden-set check refuses it; audited.",
    )


class ModelVersionDefault(ManagementView):
    allowed_roles = ADMINS

    @extend_schema(
        operation_id="models_versions_make_default",
        request=MakeDefaultSerializer,
        responses={
            200: ModelSerializer,
            404: OpenApiResponse(description="No such model or version."),
            409: OpenApiResponse(description="The golden-set check refused the version (quality.promotion)."),
        },
    )
    def post(self, request: Request, name: str, version: str) -> Response:
        model = _models().filter(name=name).first()
        found = model.versions.filter(version=version).first() if model is not None else None
        if model is None or found is None:
            raise exceptions.NotFound(f"There is no version {version!r} of {name!r}.")
        given = MakeDefaultSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            services.do_set_default_version(found, actor=_actor(request), force=given.validated_data["force"])
        except DjangoValidationError as exc:
            raise Conflict("; ".join(exc.messages)) from None
        return Response(ModelSerializer(_shown_model(_models().get(pk=model.pk))).data)


def _deployments() -> Any:
    return Deployment.objects.select_related("backend", "model_version__model")


class DeploymentList(ManagementView):
    allowed_roles = ADMINS

    @extend_schema(operation_id="deployments_list", responses={200: DeploymentSerializer(many=True)})
    def get(self, request: Request) -> Response:
        found = _deployments().order_by("backend__name", "model_version__model__name", "pk")
        return Response(DeploymentSerializer(found, many=True).data)


class DeploymentDetail(ManagementView):
    allowed_roles = ADMINS

    def _deployment(self, pk: int) -> Deployment:
        found = _deployments().filter(pk=pk).first()
        if found is None:
            raise exceptions.NotFound(f"There is no deployment {pk}.")
        return found

    @extend_schema(operation_id="deployments_retrieve", responses={200: DeploymentSerializer})
    def get(self, request: Request, pk: int) -> Response:
        return Response(DeploymentSerializer(self._deployment(pk)).data)

    @extend_schema(
        operation_id="deployments_destroy",
        responses={204: None},
        description="Take the deployment out of routing at once (use drain to let running requests finish).",
    )
    def delete(self, request: Request, pk: int) -> Response:
        services.do_undeploy(self._deployment(pk), actor=_actor(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- Retention of the audit log -------------------------------------------------------------


class RetentionLineSerializer(serializers.Serializer[Any]):
    record_class = serializers.CharField(read_only=True)
    application = serializers.CharField(read_only=True, allow_null=True, help_text="None: the default.")
    days = serializers.IntegerField(read_only=True)
    source = serializers.CharField(  # type: ignore[assignment]
        read_only=True, help_text="policy, or setting (the environment's default)."
    )


class RetentionChangeSerializer(serializers.Serializer[Any]):
    record_class = serializers.ChoiceField(choices=RetentionPolicy.RecordClass.values)
    days = JsonInteger(min_value=1, max_value=audit_services.MAX_RETENTION_DAYS)
    application = JsonName(
        max_length=64, required=False, allow_null=True, help_text="Default: all applications."
    )


def _retention_lines() -> list[dict[str, Any]]:
    lines = audit_services.retention_table()
    names = dict(
        Application.objects.filter(pk__in={line.application_id for line in lines}).values_list("pk", "name")
    )
    return [
        {
            "record_class": line.record_class,
            "application": names.get(line.application_id) if line.application_id is not None else None,
            "days": line.days,
            "source": line.source,
        }
        for line in lines
    ]


class Retention(ManagementView):
    allowed_roles = (Role.COMPLIANCE_OFFICER,)
    read_roles = (Role.COMPLIANCE_OFFICER, Role.AUDITOR)

    @extend_schema(operation_id="audit_retention_list", responses={200: RetentionLineSerializer(many=True)})
    def get(self, request: Request) -> Response:
        return Response(RetentionLineSerializer(_retention_lines(), many=True).data)

    @extend_schema(
        operation_id="audit_retention_set",
        request=RetentionChangeSerializer,
        responses={
            200: RetentionLineSerializer(many=True),
            404: OpenApiResponse(description="No such application."),
            409: OpenApiResponse(description="A legal hold forbids a shorter retention."),
        },
    )
    def put(self, request: Request) -> Response:
        given = RetentionChangeSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        app_id = None
        if data.get("application"):
            app = Application.objects.filter(name=data["application"]).first()
            if app is None:
                raise exceptions.NotFound(f"There is no application {data['application']!r}.")
            app_id = app.pk
        try:
            audit_services.do_set_retention(
                data["record_class"], data["days"], application_id=app_id, actor=_actor(request)
            )
        except audit_services.LegalHoldActive as exc:
            raise Conflict(exc.messages[0]) from None
        except DjangoPermissionDenied as exc:
            raise exceptions.PermissionDenied(str(exc)) from None
        return Response(RetentionLineSerializer(_retention_lines(), many=True).data)


# --- People and roles ------------------------------------------------------------------------


class UserSerializer(serializers.Serializer[Any]):
    username = serializers.CharField(read_only=True)
    email = serializers.CharField(read_only=True)
    is_active = serializers.BooleanField(read_only=True)
    roles = serializers.SerializerMethodField()
    two_factor = serializers.SerializerMethodField(
        help_text="Whether a confirmed TOTP device guards sign-in."
    )
    last_login = serializers.DateTimeField(read_only=True, allow_null=True)
    date_joined = serializers.DateTimeField(read_only=True)

    def get_roles(self, user: User) -> list[str]:
        return sorted(r.value for r in people.stored_roles(user))

    def get_two_factor(self, user: User) -> bool:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        return TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).exists()


class CreatedUserSerializer(UserSerializer):
    set_password_url = serializers.CharField(
        read_only=True, help_text="A one-time link for the person to choose a password: pass it on, once."
    )


class NewUserSerializer(serializers.Serializer[Any]):
    username = Username(max_length=150)
    roles = _roles_field(required=False)


class UserChangeSerializer(serializers.Serializer[Any]):
    roles = _roles_field(required=False, help_text="Replaces the user's roles.")
    is_active = JsonBoolean(required=False, help_text="False deactivates: sessions and tokens stop at once.")


def _user(username: str) -> User:
    found = get_user_model().objects.filter(username=username).first()
    if found is None:
        raise exceptions.NotFound(f"There is no user {username!r}.")
    return found  # type: ignore[return-value]


class UserList(ManagementView):
    allowed_roles = ADMINS

    @extend_schema(operation_id="users_list", responses={200: UserSerializer(many=True)})
    def get(self, request: Request) -> Response:
        return Response(UserSerializer(get_user_model().objects.order_by("username"), many=True).data)

    @extend_schema(
        operation_id="users_create",
        request=NewUserSerializer,
        responses={201: CreatedUserSerializer, 409: OpenApiResponse(description="The username is taken.")},
    )
    def post(self, request: Request) -> Response:
        given = NewUserSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        if get_user_model().objects.filter(username__iexact=data["username"]).exists():
            raise Conflict(f"A user named {data['username']!r} already exists.")
        try:
            user = people.do_create_user(
                data["username"], actor=_actor(request), roles=[Role(r) for r in data.get("roles", [])]
            )
        except DjangoValidationError as exc:
            raise _django_errors(exc) from None
        link = people.set_password_link(user)
        url = request.build_absolute_uri(
            reverse("console:set_password", kwargs={"uidb64": link.uidb64, "token": link.token})
        )
        return Response({**UserSerializer(user).data, "set_password_url": url}, status=201)


class UserDetail(ManagementView):
    allowed_roles = ADMINS

    @extend_schema(operation_id="users_retrieve", responses={200: UserSerializer})
    def get(self, request: Request, username: str) -> Response:
        return Response(UserSerializer(_user(username)).data)

    @extend_schema(
        operation_id="users_update",
        request=UserChangeSerializer,
        responses={
            200: UserSerializer,
            409: OpenApiResponse(
                description="It would leave no active administrator, or deactivate your own account."
            ),
        },
    )
    def patch(self, request: Request, username: str) -> Response:
        user = _user(username)
        given = UserChangeSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        actor = _actor(request)
        try:
            if "roles" in data:
                people.do_set_roles(user, [Role(r) for r in data["roles"]], actor=actor)
            if data.get("is_active") is False:
                people.do_deactivate_user(user, actor=actor)
            elif data.get("is_active") is True:
                people.do_reactivate_user(user, actor=actor)
        except DjangoValidationError as exc:
            # The rules a well-formed change can break are about the state: the last
            # administrator, one's own account.
            raise Conflict("; ".join(exc.messages)) from None
        return Response(UserSerializer(_user(username)).data)


class UserResetTwoFactor(ManagementView):
    allowed_roles = ADMINS

    @extend_schema(operation_id="users_reset_two_factor", request=None, responses={200: UserSerializer})
    def post(self, request: Request, username: str) -> Response:
        user = _user(username)
        people.do_reset_two_factor(user, actor=_actor(request))
        return Response(UserSerializer(user).data)


class RoleSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)
    members = serializers.ListField(child=serializers.CharField(), read_only=True)


class RoleList(ManagementView):
    allowed_roles = EVERYONE

    @extend_schema(operation_id="roles_list", responses={200: RoleSerializer(many=True)})
    def get(self, request: Request) -> Response:
        # Who holds which role is for administrators; others see what each role means.
        show_members = Role.ADMINISTRATOR in roles_of(request.user)
        rows = []
        for role in Role:
            members = (
                sorted(
                    get_user_model()
                    .objects.filter(Q(groups__name=role.value), is_active=True)
                    .values_list("username", flat=True)
                )
                if show_members
                else []
            )
            rows.append(
                {"name": role.value, "description": ROLE_DESCRIPTIONS.get(role, ""), "members": members}
            )
        return Response(RoleSerializer(rows, many=True).data)
