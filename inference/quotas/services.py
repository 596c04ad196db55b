"""Every change of quota state goes through one of these functions.

Each runs under ``transaction.atomic()``, writes its audit record (with old and new values) in
the same transaction, and bumps the gateway epoch on commit so every worker's cached limits,
prices and applications are dropped before its next request. The CLI, the management API and
the console all call these.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from audit.events import Event
from audit.log import record
from inference import epoch
from inference.models import ApiKey, Application
from inference.quotas import limiter
from inference.quotas.models import Alert, GlobalEgressCap, LocalCostModel, ModelPrice, QuotaPolicy

Actor = AbstractBaseUser | AnonymousUser | None


def _invalidate_gateway_caches() -> None:
    transaction.on_commit(epoch.bump)


def _money(value: Any, name: str) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ValidationError(f"{name} must be a number of dollars, not {value!r}.") from None
    if not number.is_finite() or number < 0:
        raise ValidationError(f"{name} must be zero or more.")
    return number.quantize(Decimal("0.000001"))


def _count(value: Any, name: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValidationError(f"{name} must be a whole number.")
    try:
        number = int(value)
    except ValueError:
        raise ValidationError(f"{name} must be a whole number, not {value!r}.") from None
    if number < 0:
        raise ValidationError(f"{name} must be zero or more.")
    return number


# --- Limits ---


@dataclass(frozen=True)
class LimitValues:
    """The limits of a policy; None means "no limit" (for ``runaway_protection``: on)."""

    requests_per_minute: int | None = None
    tokens_per_minute: int | None = None
    tokens_per_day: int | None = None
    tokens_per_month: int | None = None
    budget_usd_per_month: Decimal | None = None
    suspend_above_rpm: int | None = None
    runaway_protection: bool = True

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    @classmethod
    def of(cls, row: QuotaPolicy | None) -> LimitValues:
        if row is None:
            return cls()
        return cls(**{name: getattr(row, name) for name in cls.names()})

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: getattr(self, name) for name in self.names()}
        if out["budget_usd_per_month"] is not None:
            out["budget_usd_per_month"] = str(out["budget_usd_per_month"])
        return out


def _clean_limits(changes: dict[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(LimitValues.names())
    if unknown:
        raise ValidationError(f"Unknown limit(s): {', '.join(sorted(unknown))}.")
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name == "budget_usd_per_month":
            clean[name] = _money(value, name)
        elif name == "runaway_protection":
            if not isinstance(value, bool):
                raise ValidationError("runaway_protection must be true or false.")
            clean[name] = value
        else:
            clean[name] = _count(value, name)
    return clean


def do_set_limits(
    app: Application, changes: dict[str, Any], *, api_key: ApiKey | None = None, actor: Actor = None
) -> LimitValues:
    """Change some limits of an application (or of one of its keys); others stay as they are.

    A value of None removes that limit. Takes effect from the next request in every worker.
    """
    if api_key is not None and api_key.application_id != app.pk:
        raise ValidationError(f"Key {api_key.prefix} does not belong to application {app.name}.")
    clean = _clean_limits(changes)
    with transaction.atomic():
        row = (
            QuotaPolicy.objects.select_for_update().filter(application=app, api_key=api_key).first()
            if api_key is not None
            else QuotaPolicy.objects.select_for_update().filter(application=app, api_key__isnull=True).first()
        )
        old = LimitValues.of(row)
        if row is None:
            row = QuotaPolicy(application=app, api_key=api_key)
        for name, value in clean.items():
            setattr(row, name, value)
        row.updated_at = timezone.now()
        row.save()
        new = LimitValues.of(row)
        record(
            Event.QUOTA_LIMITS_CHANGED,
            actor=actor,
            target=("api_key", api_key.prefix) if api_key else ("application", app.pk),
            application_id=app.pk,
            meta={"application": app.name, "old": old.as_dict(), "new": new.as_dict()},
        )
        _invalidate_gateway_caches()
    return new


def do_set_egress_cap(budget_usd_per_month: Any, *, actor: Actor = None) -> Decimal | None:
    """The appliance-wide egress spending cap per calendar month (None: no cap)."""
    value = _money(budget_usd_per_month, "budget_usd_per_month")
    with transaction.atomic():
        row, _ = GlobalEgressCap.objects.select_for_update().get_or_create(pk=1)
        old = row.budget_usd_per_month
        row.budget_usd_per_month = value
        row.updated_at = timezone.now()
        row.save()
        record(
            Event.QUOTA_EGRESS_CAP_CHANGED,
            actor=actor,
            target=("egress_cap", "global"),
            meta={"old": _str(old), "new": _str(value)},
        )
        _invalidate_gateway_caches()
    return value


def _str(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


# --- Prices and the local cost model ---


def do_set_prices(
    model: str, *, input_usd_per_million: Any, output_usd_per_million: Any, actor: Actor = None
) -> ModelPrice:
    """Set an external model's price in dollars per million input and output tokens."""
    model = model.strip()
    if not model:
        raise ValidationError("A model name is required.")
    price_in = _money(input_usd_per_million, "input_usd_per_million")
    price_out = _money(output_usd_per_million, "output_usd_per_million")
    if price_in is None or price_out is None:
        raise ValidationError("Both the input and the output price are required.")
    with transaction.atomic():
        row = ModelPrice.objects.select_for_update().filter(model=model).first()
        old = (
            {"input": str(row.input_usd_per_million), "output": str(row.output_usd_per_million)}
            if row
            else None
        )
        if row is None:
            row = ModelPrice(model=model)
        row.input_usd_per_million = price_in
        row.output_usd_per_million = price_out
        row.updated_at = timezone.now()
        row.save()
        record(
            Event.PRICE_CHANGED,
            actor=actor,
            target=("model_price", model),
            meta={"model": model, "old": old, "new": {"input": str(price_in), "output": str(price_out)}},
        )
        _invalidate_gateway_caches()
    return row


def do_delete_price(model: str, *, actor: Actor = None) -> None:
    with transaction.atomic():
        row = ModelPrice.objects.select_for_update().filter(model=model).first()
        if row is None:
            raise ValidationError(f"No price is set for {model!r}.")
        old = {"input": str(row.input_usd_per_million), "output": str(row.output_usd_per_million)}
        row.delete()
        record(
            Event.PRICE_CHANGED,
            actor=actor,
            target=("model_price", model),
            meta={"model": model, "old": old, "new": None},
        )
        _invalidate_gateway_caches()


COST_MODEL_FIELDS = (
    "servers",
    "server_usd_per_hour",
    "power_kw",
    "usd_per_kwh",
    "capacity_tokens_per_second",
    "reference_model",
)


def _cost_model_dict(row: LocalCostModel) -> dict[str, Any]:
    return {
        name: (str(v) if isinstance(v := getattr(row, name), Decimal) else v) for name in COST_MODEL_FIELDS
    }


def do_set_local_cost_model(changes: dict[str, Any], *, actor: Actor = None) -> LocalCostModel:
    """Change some fields of the local cost model (see ``LocalCostModel``)."""
    unknown = set(changes) - set(COST_MODEL_FIELDS)
    if unknown:
        raise ValidationError(f"Unknown cost model field(s): {', '.join(sorted(unknown))}.")
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name in ("servers", "capacity_tokens_per_second"):
            number = _count(value, name)
            clean[name] = 0 if number is None else number
        elif name == "reference_model":
            clean[name] = str(value or "").strip()
        else:
            money = _money(value, name)
            clean[name] = Decimal(0) if money is None else money
    with transaction.atomic():
        row, _ = LocalCostModel.objects.select_for_update().get_or_create(pk=1)
        old = _cost_model_dict(row)
        for name, value in clean.items():
            setattr(row, name, value)
        row.updated_at = timezone.now()
        row.save()
        record(
            Event.LOCAL_COST_MODEL_CHANGED,
            actor=actor,
            target=("local_cost_model", 1),
            meta={"old": old, "new": _cost_model_dict(row)},
        )
        _invalidate_gateway_caches()
    return row


# --- Suspension, alerts ---


def do_suspend_application(
    app: Application,
    *,
    reason: str,
    actor: Actor = None,
    automatic: bool = False,
    details: dict[str, Any] | None = None,
) -> Alert:
    """Suspend an application: every key is refused (403) from the next request on.

    Writes an audit record and an alert for administrators, in the same transaction.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError("Say why the application is suspended.")
    with transaction.atomic():
        app = Application.objects.select_for_update().get(pk=app.pk)
        was_active = app.is_active
        if was_active:
            app.is_active = False
            app.save(update_fields=["is_active"])
        record(
            Event.APP_SUSPENDED,
            actor=actor,
            actor_name=None if actor is not None or not automatic else "runaway-protection",
            target=("application", app.pk),
            application_id=app.pk,
            meta={
                "application": app.name,
                "reason": reason,
                "automatic": automatic,
                "details": details or {},
                "old": {"is_active": was_active},
                "new": {"is_active": False},
            },
        )
        alert = Alert.objects.create(
            kind=Alert.Kind.RUNAWAY if automatic else Alert.Kind.SUSPENDED,
            application=app,
            message=reason,
            details=details or {},
        )
        _invalidate_gateway_caches()
    return alert


def do_reenable_application(app: Application, *, actor: Actor = None, reason: str = "") -> Application:
    """Let a suspended application call /v1 again; its runaway state starts afresh."""
    with transaction.atomic():
        app = Application.objects.select_for_update().get(pk=app.pk)
        was_active = app.is_active
        app.is_active = True
        app.save(update_fields=["is_active"])
        record(
            Event.APP_REENABLED,
            actor=actor,
            target=("application", app.pk),
            application_id=app.pk,
            meta={
                "application": app.name,
                "reason": reason,
                "old": {"is_active": was_active},
                "new": {"is_active": True},
            },
        )
        app_id = app.pk
        # The block flag and the minute's count would otherwise refuse (and trip) it again at once.
        transaction.on_commit(lambda: limiter.backend().unblock(app_id))
        _invalidate_gateway_caches()
    return app


def do_acknowledge_alert(alert: Alert, *, actor: Actor = None) -> Alert:
    with transaction.atomic():
        alert = Alert.objects.select_for_update().get(pk=alert.pk)
        if alert.acknowledged_at is not None:
            return alert
        alert.acknowledged_at = timezone.now()
        pk = getattr(actor, "pk", None)
        alert.acknowledged_by_id = pk if isinstance(pk, int) else None
        alert.save(update_fields=["acknowledged_at", "acknowledged_by"])
        record(
            Event.ALERT_ACKNOWLEDGED,
            actor=actor,
            target=("alert", alert.pk),
            application_id=alert.application_id,
            meta={"kind": alert.kind, "old": {"acknowledged": False}, "new": {"acknowledged": True}},
        )
    return alert
