"""The canaries' management API, mounted at ``/api/canaries/``: administrators only.

=============================================  ============================================
endpoint                                       what
=============================================  ============================================
``GET /api/canaries/``                         canaries, newest first (``?model=``, ``?state=``)
``POST /api/canaries/``                        start one: a version on a share of the traffic
``GET /api/canaries/<id>/``                    one canary
``GET /api/canaries/<id>/compare/``            baseline and canary side by side, with 95 % CIs
``POST /api/canaries/<id>/promote/``           make the candidate the default version
``POST /api/canaries/<id>/rollback/``          send all traffic back (a reason is required)
=============================================  ============================================

Views parse, check the role and call ``inference.canary``, which audits every change.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from appliance.api import Conflict, JsonInteger, JsonNumber, JsonText, ManagementView, StrictQuery
from appliance.roles import Role
from inference import canary as canaries
from inference.models import Canary, Model

ADMINISTRATORS = (Role.ADMINISTRATOR,)


class CanarySerializer(serializers.Serializer):
    """A canary as administrators see it."""

    id = serializers.IntegerField(read_only=True)
    model = serializers.CharField(source="model.name", read_only=True)
    baseline = serializers.CharField(source="baseline.version", read_only=True)
    candidate = serializers.CharField(source="candidate.version", read_only=True)
    percent = serializers.IntegerField(read_only=True)
    state = serializers.ChoiceField(choices=Canary.State.choices, read_only=True)
    min_requests = serializers.IntegerField(read_only=True)
    max_error_ratio = serializers.FloatField(read_only=True)
    max_p95_ratio = serializers.FloatField(read_only=True)
    min_judged = serializers.IntegerField(read_only=True)
    max_judge_drop = serializers.FloatField(read_only=True)
    started_at = serializers.DateTimeField(read_only=True)
    started_by = serializers.CharField(
        source="started_by.username", read_only=True, allow_null=True, default=None
    )
    ended_at = serializers.DateTimeField(read_only=True, allow_null=True)
    ended_by = serializers.CharField(
        source="ended_by.username", read_only=True, allow_null=True, default=None
    )
    end_reason = serializers.CharField(read_only=True)


class StartSerializer(serializers.Serializer):
    model = JsonText(max_length=128, help_text="The model's name, as clients call it.")
    candidate = JsonText(max_length=64, help_text="The version to try (it must be deployed).")
    percent = JsonInteger(min_value=1, max_value=99, help_text="Share of the model's requests, in %.")
    min_requests = JsonInteger(
        required=False, default=200, min_value=1, max_value=canaries.MAX_MIN_REQUESTS,
        help_text="Requests the canary must have before the automatic rollback judges it.",
    )  # fmt: skip
    max_error_ratio = JsonNumber(
        required=False, default=2.0, min_value=1.0, max_value=1000.0,
        help_text="Roll back when the canary's error rate exceeds this multiple of the baseline's "
        f"(at least {canaries.ERROR_RATE_FLOOR:.0%}).",
    )  # fmt: skip
    max_p95_ratio = JsonNumber(
        required=False, default=1.5, min_value=1.0, max_value=1000.0,
        help_text="Roll back when the canary's p95 latency exceeds this multiple of the baseline's.",
    )  # fmt: skip
    min_judged = JsonInteger(
        required=False, default=canaries.DEFAULT_MIN_JUDGED, min_value=1,
        max_value=canaries.MAX_MIN_REQUESTS,
        help_text="Judged answers each version needs before the judge's scores may roll the canary back.",
    )  # fmt: skip
    max_judge_drop = JsonNumber(
        required=False, default=canaries.DEFAULT_MAX_JUDGE_DROP,
        min_value=canaries.MAX_JUDGE_DROP_RANGE[0], max_value=canaries.MAX_JUDGE_DROP_RANGE[1],
        help_text="Roll back when the canary's mean judge score (1-5) is more than this many points "
        "below the baseline's.",
    )  # fmt: skip


class RollbackSerializer(serializers.Serializer):
    reason = JsonText(max_length=2000, help_text="Why (kept in the audit log).")


class PromoteSerializer(serializers.Serializer):
    force = serializers.BooleanField(
        default=False,
        help_text="Promote even though the golden-set check refuses it (drift, or no recent check); audited.",
    )


class ListQuery(StrictQuery):
    model = JsonText(required=False, max_length=128, help_text="Only this model's canaries.")
    state = serializers.ChoiceField(required=False, choices=Canary.State.choices, help_text="Only these.")


class EstimateSerializer(serializers.Serializer):
    value = serializers.FloatField(allow_null=True)
    low = serializers.FloatField(allow_null=True, help_text="95 % confidence interval; null: unbounded.")
    high = serializers.FloatField(allow_null=True, help_text="95 % confidence interval; null: unbounded.")
    n = serializers.IntegerField(help_text="Sample size.")


class ArmSerializer(serializers.Serializer):
    version = serializers.CharField()
    model_version_id = serializers.IntegerField()
    requests = serializers.IntegerField()
    error_count = serializers.IntegerField(source="errors", help_text="Requests that failed (5xx).")
    error_rate = EstimateSerializer(help_text="Wilson interval.")
    ttft_p50_ms = EstimateSerializer()
    ttft_p95_ms = EstimateSerializer()
    latency_p50_ms = EstimateSerializer()
    latency_p95_ms = EstimateSerializer(help_text="Order-statistic interval.")
    tokens_per_second = EstimateSerializer(help_text="Mean of the requests' generation speed.")
    judge_score = EstimateSerializer(
        help_text="The judge's mean score (1-5) of the version's answers judged since the canary started; "
        "n: how many."
    )


class ComparisonSerializer(serializers.Serializer):
    canary = serializers.IntegerField()
    since = serializers.DateTimeField()
    until = serializers.DateTimeField()
    truncated = serializers.BooleanField(help_text="Only the most recent requests were read.")
    baseline = ArmSerializer()
    candidate = ArmSerializer()
    regression = serializers.CharField(
        allow_null=True, help_text="Why the automatic rollback would roll it back now, if it would."
    )


class CanaryView(ManagementView):
    allowed_roles = ADMINISTRATORS
    read_roles = ADMINISTRATORS


def _actor(request: Request) -> User:
    user = request.user
    if not isinstance(user, User):  # IsAuthenticated has refused anonymous users already
        raise exceptions.NotAuthenticated()
    return user


def _canary(pk: int) -> Canary:
    found = Canary.objects.select_related("model", "baseline", "candidate", "started_by", "ended_by").filter(
        pk=pk
    )
    canary = found.first()
    if canary is None:
        raise exceptions.NotFound(f"There is no canary {pk}.")
    return canary


def _conflict(exc: DjangoValidationError) -> Conflict:
    return Conflict(" ".join(exc.messages))


class CanaryList(CanaryView):
    @extend_schema(
        operation_id="canaries_list",
        parameters=[ListQuery],
        responses={200: CanarySerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        query = ListQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        found = Canary.objects.select_related("model", "baseline", "candidate", "started_by", "ended_by")
        if query.validated_data.get("model"):
            found = found.filter(model__name=query.validated_data["model"])
        if query.validated_data.get("state"):
            found = found.filter(state=query.validated_data["state"])
        return Response(CanarySerializer(found.order_by("-started_at", "-pk")[:500], many=True).data)

    @extend_schema(
        operation_id="canaries_start",
        request=StartSerializer,
        responses={
            201: CanarySerializer,
            404: OpenApiResponse(description="No such model, or no such version of it."),
            409: OpenApiResponse(
                description="The model cannot take this canary now: one is running, the version is not "
                "deployed or is the default, or the model has no default version."
            ),
        },
    )
    def post(self, request: Request) -> Response:
        given = StartSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        model = Model.objects.filter(name=data["model"]).first()
        if model is None:
            raise exceptions.NotFound(f"There is no model {data['model']!r}.")
        version = model.versions.filter(version=data["candidate"]).first()
        if version is None:
            raise exceptions.NotFound(f"{model.name} has no version {data['candidate']!r}.")
        try:
            canary = canaries.do_start_canary(
                model,
                version,
                data["percent"],
                actor=_actor(request),
                min_requests=data["min_requests"],
                max_error_ratio=data["max_error_ratio"],
                max_p95_ratio=data["max_p95_ratio"],
                min_judged=data["min_judged"],
                max_judge_drop=data["max_judge_drop"],
            )
        except DjangoValidationError as exc:
            raise _conflict(exc) from None
        return Response(CanarySerializer(_canary(canary.pk)).data, status=status.HTTP_201_CREATED)


class CanaryDetail(CanaryView):
    @extend_schema(operation_id="canaries_retrieve", responses={200: CanarySerializer})
    def get(self, request: Request, pk: int) -> Response:
        return Response(CanarySerializer(_canary(pk)).data)


class CanaryCompare(CanaryView):
    @extend_schema(operation_id="canaries_compare", responses={200: ComparisonSerializer})
    def get(self, request: Request, pk: int) -> Response:
        canary = _canary(pk)
        comparison = canaries.compare(canary)
        data = comparison.as_dict()
        data["regression"] = (
            canaries.regression(canary, comparison) if canary.state == Canary.State.RUNNING else None
        )
        return Response(ComparisonSerializer(data).data)


class CanaryPromote(CanaryView):
    @extend_schema(
        operation_id="canaries_promote",
        request=PromoteSerializer,
        responses={
            200: CanarySerializer,
            409: OpenApiResponse(
                description="The canary has ended already, or the golden-set check refused the candidate."
            ),
        },
    )
    def post(self, request: Request, pk: int) -> Response:
        canary = _canary(pk)
        given = PromoteSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            canaries.do_promote(canary, actor=_actor(request), force=given.validated_data["force"])
        except DjangoValidationError as exc:
            raise _conflict(exc) from None
        return Response(CanarySerializer(_canary(pk)).data)


class CanaryRollback(CanaryView):
    @extend_schema(
        operation_id="canaries_rollback",
        request=RollbackSerializer,
        responses={200: CanarySerializer, 409: OpenApiResponse(description="The canary has ended already.")},
    )
    def post(self, request: Request, pk: int) -> Response:
        canary = _canary(pk)
        given = RollbackSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            canaries.do_rollback(canary, actor=_actor(request), reason=given.validated_data["reason"])
        except DjangoValidationError as exc:
            raise _conflict(exc) from None
        return Response(CanarySerializer(_canary(pk)).data)
