"""The semantic cache's management API, mounted at ``/api/cache/``.

- ``GET /api/cache/``: every application's cache settings and figures (administrators; app
  owners see their own applications);
- ``GET /api/cache/<app>/``: one application's (same roles);
- ``PUT /api/cache/<app>/``: change its settings, any subset of fields (administrators);
- ``POST /api/cache/<app>/purge/``: delete all its entries (administrators);
- ``POST /api/cache/reports/`` ``{"request_id", "reason"}``: a hit's answer was wrong — evicts
  the entry and feeds calibration (administrators; app owners for their own applications);
- ``POST /api/cache/feedback/``: the same, called by the application itself with its API key
  (``Authorization: Bearer``); another application's request is simply not found.
"""

from __future__ import annotations

from typing import Any

import orjson
from asgiref.sync import sync_to_async
from django.contrib.auth.models import User
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from appliance.api import JsonBoolean, JsonInteger, JsonNumber, JsonText, ManagementView
from appliance.roles import Role, has_role
from inference.auth import authenticate
from inference.errors import ApiError
from inference.models import Application
from semcache import actions


class CacheSettingsSerializer(serializers.Serializer[Any]):
    """An application's cache settings and what its cache did in the last 30 days."""

    application = serializers.CharField(read_only=True)
    enabled = JsonBoolean(required=False)
    threshold = JsonNumber(
        required=False, min_value=0.5, max_value=1.0, help_text="Configured cosine threshold."
    )
    target_false_hit_rate = JsonNumber(
        required=False, allow_null=True, min_value=0.0001, max_value=0.49, help_text="Calibrate toward it."
    )
    ttl_seconds = JsonInteger(required=False, min_value=1, max_value=365 * 86400)
    max_entries = JsonInteger(required=False, min_value=1, max_value=1_000_000)
    allow_nondeterministic = JsonBoolean(required=False)
    share_across_users = JsonBoolean(required=False)
    threshold_in_force = serializers.FloatField(read_only=True)
    entries = serializers.IntegerField(read_only=True)
    lookups = serializers.IntegerField(read_only=True)
    hits = serializers.IntegerField(read_only=True)
    hit_rate = serializers.FloatField(read_only=True, allow_null=True)
    wrong_reports = serializers.IntegerField(read_only=True)
    tokens_saved = serializers.IntegerField(read_only=True)


class ReportSerializer(serializers.Serializer[Any]):
    request_id = JsonText(max_length=64, help_text="The request answered from the cache (x-request-id).")
    reason = JsonText(max_length=500, required=False, allow_blank=True)


class ReportResultSerializer(serializers.Serializer[Any]):
    request_id = serializers.CharField()
    entry_id = serializers.IntegerField()
    evicted = serializers.BooleanField()
    threshold_before = serializers.FloatField()
    threshold_after = serializers.FloatField()


class PurgeResultSerializer(serializers.Serializer[Any]):
    deleted = serializers.IntegerField()


NO_SUCH_APP = OpenApiResponse(description="No application of that name (that you may see).")


def _shown(app: Application) -> dict[str, Any]:
    row = actions.settings_for(app)
    figures = actions.stats(app)
    return {
        "application": app.name,
        "enabled": row.enabled,
        "threshold": row.threshold,
        "target_false_hit_rate": row.target_false_hit_rate,
        "ttl_seconds": row.ttl_seconds,
        "max_entries": row.max_entries,
        "allow_nondeterministic": row.allow_nondeterministic,
        "share_across_users": row.share_across_users,
        "threshold_in_force": row.effective_threshold,
        "entries": figures.entries,
        "lookups": figures.lookups,
        "hits": figures.hits,
        "hit_rate": figures.hit_rate,
        "wrong_reports": figures.wrong_reports,
        "tokens_saved": figures.tokens_saved,
    }


def _actor(request: Request) -> User:
    user = request.user
    if not isinstance(user, User):
        raise exceptions.NotAuthenticated()
    return user


def _visible(user: User) -> Any:
    if has_role(user, Role.ADMINISTRATOR):
        return Application.objects.all()
    return Application.objects.filter(owner_id=user.pk)


def _application(user: User, name: str) -> Application:
    found = _visible(user).filter(name=name).first()
    if found is None:
        # Not 403 for an app owner: they must not learn which other applications exist.
        raise exceptions.NotFound(f"There is no application named {name!r}.")
    return found


class CacheList(ManagementView):
    allowed_roles = (Role.ADMINISTRATOR, Role.APP_OWNER)
    read_roles = (Role.ADMINISTRATOR, Role.APP_OWNER)

    @extend_schema(operation_id="cache_list", responses={200: CacheSettingsSerializer(many=True)})
    def get(self, request: Request) -> Response:
        apps = _visible(_actor(request)).order_by("name")
        return Response(CacheSettingsSerializer([_shown(a) for a in apps], many=True).data)


class CacheDetail(ManagementView):
    allowed_roles = (Role.ADMINISTRATOR,)
    read_roles = (Role.ADMINISTRATOR, Role.APP_OWNER)

    @extend_schema(operation_id="cache_retrieve", responses={200: CacheSettingsSerializer, 404: NO_SUCH_APP})
    def get(self, request: Request, name: str) -> Response:
        return Response(CacheSettingsSerializer(_shown(_application(_actor(request), name))).data)

    @extend_schema(
        operation_id="cache_update",
        request=CacheSettingsSerializer,
        responses={200: CacheSettingsSerializer, 404: NO_SUCH_APP},
    )
    def put(self, request: Request, name: str) -> Response:
        actor = _actor(request)
        app = _application(actor, name)
        given = CacheSettingsSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        actions.do_set_cache_settings(app, actor=actor, **dict(given.validated_data))
        return Response(CacheSettingsSerializer(_shown(app)).data)


class CachePurge(ManagementView):
    allowed_roles = (Role.ADMINISTRATOR,)

    @extend_schema(
        operation_id="cache_purge", request=None, responses={200: PurgeResultSerializer, 404: NO_SUCH_APP}
    )
    def post(self, request: Request, name: str) -> Response:
        actor = _actor(request)
        deleted = actions.do_purge(_application(actor, name), actor=actor)
        return Response({"deleted": deleted})


class CacheReport(ManagementView):
    allowed_roles = (Role.ADMINISTRATOR, Role.APP_OWNER)

    @extend_schema(
        operation_id="cache_report_wrong",
        request=ReportSerializer,
        responses={
            201: ReportResultSerializer,
            404: OpenApiResponse(description="No request of yours with that id was answered from the cache."),
        },
    )
    def post(self, request: Request) -> Response:
        actor = _actor(request)
        given = ReportSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        request_id = given.validated_data["request_id"]
        found = _report(request_id, actor, given.validated_data.get("reason", ""))
        return Response(ReportResultSerializer(found.__dict__).data, status=status.HTTP_201_CREATED)


def _report(request_id: str, actor: User, reason: str) -> actions.Report:
    from semcache.models import CacheHit

    hit = CacheHit.objects.filter(request_id=request_id).first()
    if hit is None or not _visible(actor).filter(pk=hit.application_id).exists():
        raise exceptions.NotFound(f"No request {request_id!r} of yours was answered from the cache.")
    return actions.do_report_wrong_answer(request_id, actor=actor, reason=reason)


@csrf_exempt  # an API-key call, not a browser session: no cookie is read
@require_POST
async def feedback(request: HttpRequest) -> JsonResponse:
    """``POST /api/cache/feedback/`` ``{"request_id": ..., "reason": ...}`` with the application's
    API key: its own cache hit was a wrong answer. Another application's request is not found."""
    try:
        caller = await authenticate(request.headers.get("Authorization"))
    except ApiError as exc:
        return JsonResponse(exc.body(), status=exc.status)
    try:
        data = orjson.loads(request.body or b"{}")
    except orjson.JSONDecodeError:
        data = None
    if not isinstance(data, dict):
        data = {}
    request_id = data.get("request_id")
    if not isinstance(request_id, str) or not request_id or len(request_id) > 64:
        message = "Give request_id: the x-request-id of the answer that came from the cache."
        return JsonResponse({"error": {"message": message, "code": "invalid_request_id"}}, status=400)
    given = data.get("reason")
    reason = given if isinstance(given, str) else ""
    try:
        found = await sync_to_async(actions.do_report_wrong_answer)(
            request_id,
            actor_name=f"api-key air-{caller.key_prefix}",
            application_id=caller.application_id,
            reason=reason,
        )
    except actions.NotFound:
        message = f"No request {request_id!r} of this application was answered from the cache."
        return JsonResponse({"error": {"message": message, "code": "not_found"}}, status=404)
    return JsonResponse(dict(found.__dict__), status=201)
