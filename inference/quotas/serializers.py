"""Shapes of the quotas management API (``/api/usage/``)."""

from __future__ import annotations

from decimal import Decimal, localcontext
from typing import Any

from rest_framework import serializers

from appliance.api import NON_BLANK, JsonBoolean, JsonInteger, JsonText, Money, StrictQuery
from inference.models import Application
from inference.quotas.models import Alert, LocalCostModel, ModelPrice


def money(*, required: bool = True, allow_null: bool = False) -> serializers.DecimalField:
    """Dollars, to the micro-dollar, never negative; sent as a string (no float rounding)."""
    return Money(required=required, allow_null=allow_null)


# The largest counts the database's columns hold (integer and bigint).
COUNT_MAX = 2**31 - 1
LIMIT_MAX = 2**63 - 1


class LimitsSerializer(serializers.Serializer[dict[str, Any]]):
    """An application's or a key's limits; null (or absent on PUT) means "no limit"."""

    requests_per_minute = JsonInteger(min_value=0, max_value=COUNT_MAX, allow_null=True, required=False)
    tokens_per_minute = JsonInteger(min_value=0, max_value=LIMIT_MAX, allow_null=True, required=False)
    tokens_per_day = JsonInteger(min_value=0, max_value=LIMIT_MAX, allow_null=True, required=False)
    tokens_per_month = JsonInteger(min_value=0, max_value=LIMIT_MAX, allow_null=True, required=False)
    budget_usd_per_month = money(allow_null=True, required=False)
    suspend_above_rpm = JsonInteger(min_value=1, max_value=COUNT_MAX, allow_null=True, required=False)
    runaway_protection = JsonBoolean(required=False)


class UsageNowSerializer(serializers.Serializer[dict[str, Any]]):
    """Consumption in the current windows (UTC) of each limit that is set (null: no limit)."""

    requests_per_minute = serializers.IntegerField(allow_null=True)
    tokens_per_minute = serializers.IntegerField(allow_null=True)
    tokens_per_day = serializers.IntegerField(allow_null=True)
    tokens_per_month = serializers.IntegerField(allow_null=True)
    budget_usd_per_month = serializers.DecimalField(max_digits=20, decimal_places=6, allow_null=True)


class KeyLimitsSerializer(serializers.Serializer[dict[str, Any]]):
    key_prefix = serializers.CharField()
    limits = LimitsSerializer()


class KeyLimitsDetailSerializer(KeyLimitsSerializer):
    usage_now = UsageNowSerializer()


class AppLimitsSerializer(serializers.Serializer[dict[str, Any]]):
    application = serializers.CharField()
    is_active = serializers.BooleanField()
    limits = LimitsSerializer()
    keys = KeyLimitsSerializer(many=True)
    usage_now = UsageNowSerializer()


class EgressCapSerializer(serializers.Serializer[dict[str, Any]]):
    budget_usd_per_month = money(allow_null=True)
    spent_usd_this_month = serializers.DecimalField(
        max_digits=20, decimal_places=6, read_only=True, allow_null=True
    )


class PriceSerializer(serializers.ModelSerializer[ModelPrice]):
    input_usd_per_million = money()
    output_usd_per_million = money()

    class Meta:
        model = ModelPrice
        fields = ["model", "input_usd_per_million", "output_usd_per_million", "updated_at"]
        read_only_fields = ["model", "updated_at"]


class CostModelSerializer(serializers.ModelSerializer[LocalCostModel]):
    servers = JsonInteger(required=False, min_value=0, max_value=COUNT_MAX)
    capacity_tokens_per_second = JsonInteger(required=False, min_value=0, max_value=COUNT_MAX)
    reference_model = JsonText(required=False, allow_blank=True, max_length=128)
    server_usd_per_hour = money(required=False)
    power_kw = money(required=False)
    usd_per_kwh = money(required=False)
    fleet_usd_per_hour = serializers.SerializerMethodField()

    class Meta:
        model = LocalCostModel
        fields = [
            "servers",
            "server_usd_per_hour",
            "power_kw",
            "usd_per_kwh",
            "capacity_tokens_per_second",
            "reference_model",
            "fleet_usd_per_hour",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]

    def get_fleet_usd_per_hour(self, row: LocalCostModel) -> str:
        # Up to 2**31 servers at 10**8 $/h and 10**8 kW: more digits than the default context's 28.
        with localcontext() as context:
            context.prec = 60
            hourly = row.servers * (row.server_usd_per_hour + row.power_kw * row.usd_per_kwh)
            return str(Decimal(hourly).quantize(Decimal("0.000001")))


class AlertSerializer(serializers.ModelSerializer[Alert]):
    application: serializers.SlugRelatedField[Application] = serializers.SlugRelatedField(
        slug_field="name", read_only=True
    )
    acknowledged_by: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="username", read_only=True
    )

    class Meta:
        model = Alert
        fields = [
            "id",
            "kind",
            "application",
            "message",
            "details",
            "created_at",
            "acknowledged_by",
            "acknowledged_at",
        ]
        read_only_fields = fields


class ReasonSerializer(serializers.Serializer[dict[str, Any]]):
    reason = JsonText(max_length=500, allow_blank=True, required=False, default="")


class UsageQuerySerializer(StrictQuery):
    start = serializers.DateField(required=False, help_text="First day (UTC), default: 30 days ago.")
    end = serializers.DateField(required=False, help_text="Last day (UTC, inclusive), default: today.")
    group_by = serializers.RegexField(
        r"^({0})(,({0}))*$".format("day|month|application|model|route"),
        required=False,
        default="day",
        help_text="Comma-separated: day, month, application, model, route.",
    )
    app = serializers.RegexField(NON_BLANK, required=False, help_text="Only this application.")
    model = serializers.RegexField(NON_BLANK, required=False, help_text="Only this model.")


class ReportQuerySerializer(StrictQuery):
    # Months of this millennium: the report's arithmetic needs a year on either side.
    month = serializers.RegexField(r"^2[0-9]{3}-(0[1-9]|1[0-2])$", help_text="YYYY-MM, from 2000-01")
