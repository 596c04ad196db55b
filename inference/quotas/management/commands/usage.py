"""``airlock usage``: limits, prices, the local cost model, rollups, alerts and the monthly report.

Thin edge: arguments are parsed here; every change is made (and audited) by
``inference.quotas.services``. Without ``--actor`` a change is attributed to the
operating-system account (``AIRLOCK_ACTOR`` or "system"); with it, the named user must be an
administrator.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser, ArgumentTypeError, RawDescriptionHelpFormatter
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from appliance.roles import Role, has_role
from inference.models import ApiKey, Application
from inference.quotas import ledger, reconcile, report, rollups, services, usage
from inference.quotas.models import Alert, GlobalEgressCap, LocalCostModel, ModelPrice, QuotaPolicy

EPILOG = """\
examples:
  airlock usage report --month 2026-11
  airlock usage report --month 2026-11 --json > 2026-11.json
  airlock usage limits set triage --rpm 600 --tpm 200000 --tpd 5000000 --budget-usd 250
  airlock usage limits set triage --key 3f9a1c2b --rpm 60      # one key of the application
  airlock usage limits set triage --tpm none                     # remove a limit
  airlock usage limits show
  airlock usage egress-cap set 1000
  airlock usage prices set gpt-4o --input 2.50 --output 10.00
  airlock usage cost-model set --servers 2 --server-usd-per-hour 1.80 --power-kw 0.7 \\
      --usd-per-kwh 0.21 --capacity-tps 2500 --reference-model gpt-4o
  airlock usage alerts [--all] [--ack ID]
  airlock usage suspend triage --reason "Investigating a loop"
  airlock usage reenable triage --reason "Loop fixed in v2.3"
  airlock usage rollup --from 2026-11-01 --to 2026-11-30
"""


class _Unset:
    """The default of a limit option that was not given (``None`` means "remove the limit")."""

    def __repr__(self) -> str:
        return "(unchanged)"


argparse_unset: Any = _Unset()

LIMIT_OPTIONS = (
    ("--rpm", "requests_per_minute", "requests per minute"),
    ("--tpm", "tokens_per_minute", "tokens per minute (prompt + completion)"),
    ("--tpd", "tokens_per_day", "tokens per day (UTC)"),
    ("--tpmonth", "tokens_per_month", "tokens per calendar month (UTC)"),
    ("--budget-usd", "budget_usd_per_month", "egress dollars per calendar month"),
    ("--suspend-above-rpm", "suspend_above_rpm", "suspend the application above this many requests a minute"),
)


def _number_or_none(value: str) -> str | None:
    if value.lower() in ("none", "off", "-"):
        return None
    try:
        Decimal(value)
    except ArithmeticError:
        raise ArgumentTypeError(f"{value!r} is not a number (or 'none' to remove the limit)") from None
    return value


def _on_off(value: str) -> bool:
    if value.lower() in ("on", "true", "yes", "1"):
        return True
    if value.lower() in ("off", "false", "no", "0"):
        return False
    raise ArgumentTypeError("use on or off")


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _money(value: Decimal | str | None) -> str:
    return "-" if value is None else f"${Decimal(value):,.2f}"


class Command(BaseCommand):
    help = "Quotas and usage: limits, prices, the local cost model, rollups, alerts and the monthly report."

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.epilog = EPILOG
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="COMMAND")

        rep = sub.add_parser("report", help="Monthly cost, savings and break-even.")
        rep.add_argument("--month", required=True, help="YYYY-MM (UTC).")
        rep.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
        rep.add_argument("--refresh", action="store_true", help="Roll the month up from the ledger first.")

        limits = sub.add_parser("limits", help="Show or set an application's (or a key's) limits.")
        lsub = limits.add_subparsers(dest="limits_action", required=True, metavar="{show,set}")
        show = lsub.add_parser("show", help="Limits and current use, of one application or all.")
        show.add_argument("app", nargs="?", metavar="APP")
        lset = lsub.add_parser("set", help="Change limits; the ones not given stay; 'none' removes one.")
        lset.add_argument("app", metavar="APP")
        lset.add_argument(
            "--key", metavar="PREFIX", help="Set the limits of this API key of the application."
        )
        for flag, _, text in LIMIT_OPTIONS:
            lset.add_argument(flag, type=_number_or_none, metavar="N", help=text, default=argparse_unset)
        lset.add_argument("--runaway", type=_on_off, metavar="on|off", help="Automatic runaway suspension.")
        lset.add_argument("--actor", metavar="USERNAME")

        cap = sub.add_parser("egress-cap", help="The appliance-wide egress budget per month.")
        csub = cap.add_subparsers(dest="cap_action", required=True, metavar="{show,set}")
        csub.add_parser("show")
        cset = csub.add_parser("set")
        cset.add_argument("budget", type=_number_or_none, metavar="USD|none")
        cset.add_argument("--actor", metavar="USERNAME")

        prices = sub.add_parser("prices", help="The price table of external models ($ per million tokens).")
        psub = prices.add_subparsers(dest="prices_action", required=True, metavar="{list,set,remove}")
        psub.add_parser("list")
        pset = psub.add_parser("set")
        pset.add_argument("model")
        pset.add_argument("--input", required=True, metavar="USD", help="$ per million input tokens.")
        pset.add_argument("--output", required=True, metavar="USD", help="$ per million output tokens.")
        pset.add_argument("--actor", metavar="USERNAME")
        prm = psub.add_parser("remove")
        prm.add_argument("model")
        prm.add_argument("--actor", metavar="USERNAME")

        cost = sub.add_parser("cost-model", help="What the local GPU servers cost.")
        msub = cost.add_subparsers(dest="cost_action", required=True, metavar="{show,set}")
        msub.add_parser("show")
        mset = msub.add_parser("set", help="Change some fields; the others stay.")
        mset.add_argument("--servers", type=int)
        mset.add_argument("--server-usd-per-hour", metavar="USD", help="One server, amortised, with hosting.")
        mset.add_argument("--power-kw", metavar="KW", help="Average power draw of one server.")
        mset.add_argument("--usd-per-kwh", metavar="USD")
        mset.add_argument("--capacity-tps", type=int, metavar="N", help="Sustained tokens/s of one server.")
        mset.add_argument("--reference-model", metavar="MODEL", help="External model for 'would have cost'.")
        mset.add_argument("--actor", metavar="USERNAME")

        roll = sub.add_parser(
            "rollup", help="Recompute daily rollups from the ledger (default: today, yesterday)."
        )
        roll.add_argument("--from", dest="first", type=_day, metavar="DATE")
        roll.add_argument("--to", dest="last", type=_day, metavar="DATE")

        rec = sub.add_parser("reconcile", help="Restore ledger rows lost in a crash from the audit log.")
        rec.add_argument("--from", dest="first", type=_day, metavar="DATE", required=True)
        rec.add_argument("--to", dest="last", type=_day, metavar="DATE", required=True)

        alerts = sub.add_parser("alerts", help="Alerts for administrators (open ones; --all for every one).")
        alerts.add_argument("--all", action="store_true")
        alerts.add_argument("--ack", type=int, metavar="ID", help="Acknowledge this alert.")
        alerts.add_argument("--actor", metavar="USERNAME")

        sus = sub.add_parser("suspend", help="Suspend an application: every key is refused.")
        sus.add_argument("app", metavar="APP")
        sus.add_argument("--reason", required=True)
        sus.add_argument("--actor", metavar="USERNAME")

        ren = sub.add_parser("reenable", help="Re-enable a suspended application.")
        ren.add_argument("app", metavar="APP")
        ren.add_argument("--reason", default="")
        ren.add_argument("--actor", metavar="USERNAME")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"].replace("-", "_")
        try:
            getattr(self, f"_{action}")(options)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None

    # --- helpers ---

    def _actor(self, options: dict[str, Any]) -> AbstractBaseUser | None:
        name = options.get("actor")
        if not name:
            return None
        user = get_user_model().objects.filter(username=name).first()
        if user is None:
            raise CommandError(f"No user named {name!r}.")
        if not has_role(user, Role.ADMINISTRATOR):
            raise CommandError(f"{name} is not an administrator.")
        return user

    def _app(self, name: str) -> Application:
        app = Application.objects.filter(name=name).first()
        if app is None:
            raise CommandError(f"No application named {name!r} (airlock apps list).")
        return app

    # --- report ---

    def _report(self, options: dict[str, Any]) -> None:
        try:
            month = report.parse_month(options["month"])
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        if options["refresh"]:
            ledger.flush()
            first = month
            last = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            rollups.rollup_range(first, min(last, timezone.now().date()))
        result = report.monthly(month)
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), indent=2))
            return
        self._print_report(result)

    def _print_report(self, result: report.Report) -> None:
        out = self.stdout.write
        state = (
            "complete"
            if result.complete
            else f"in progress: {result.hours_covered:.1f} h of {result.hours_in_month}"
        )
        out(f"Usage report for {result.month} (UTC; {state})")
        out("")
        header = (
            f"{'APPLICATION':20} {'MODEL':22} {'ROUTE':6} {'REQUESTS':>9} {'ERR':>5} {'429':>5} "
            f"{'TOKENS IN':>12} {'TOKENS OUT':>12} {'LOCAL $':>10} {'EGRESS $':>10} {'WOULD BE $':>11} "
            f"{'SAVED $':>10}"
        )
        out(header)
        rows = list(result.rows)
        if not rows:
            out("(no usage this month)")
        totals = result.totals
        for row in [*rows, *([totals] if totals and rows else [])]:
            out(
                f"{row.application[:20]:20} {row.model[:22]:22} {row.route:6} {row.requests:>9,} "
                f"{row.errors:>5,} {row.throttled:>5,} {row.prompt_tokens:>12,} {row.completion_tokens:>12,} "
                f"{row.local_cost_usd:>10,.2f} {row.egress_cost_usd:>10,.2f} "
                f"{row.counterfactual_usd:>11,.2f} "
                f"{'-' if row.savings_usd is None else f'{row.savings_usd:,.2f}':>10}"
            )
        be = result.break_even
        if be is None:
            return
        out("")
        out(
            "Break-even (self-hosting against the reference model"
            f"{' ' + be.reference_model if be.reference_model else ', none set'})"
        )
        out(
            f"  fixed cost of the servers      {_money(be.fixed_cost_usd)}"
            f" (whole month {_money(be.fixed_cost_full_month_usd)})"
        )
        out(
            f"  external spend avoided         {_money(be.avoided_spend_usd)}"
            f"  ({be.local_requests:,} local requests, {be.local_tokens:,} tokens)"
        )
        if not be.enough_data:
            out("  paid off this month            not enough data (every figure is $0.00)")
        else:
            verdict = "yes" if be.pays_off else "no"
            out(f"  paid off this month            {verdict} (net {_money(be.net_usd)})")
        if be.projected_avoided_spend_usd is not None and be.enough_data:
            out(
                f"  projected to month end         {_money(be.projected_avoided_spend_usd)} avoided: "
                f"{'pays off' if be.projected_pays_off else 'does not pay off'}"
            )
        tokens = f"{be.break_even_tokens_per_month:,}" if be.break_even_tokens_per_month else "n/a"
        requests = f"{be.break_even_requests_per_month:,}" if be.break_even_requests_per_month else "n/a"
        out(f"  pays off from                  {tokens} tokens/month ({requests} requests/month at this mix)")
        if be.utilisation is not None:
            out(f"  capacity used                  {be.utilisation:.1%}")

    # --- limits ---

    def _limits(self, options: dict[str, Any]) -> None:
        if options["limits_action"] == "show":
            apps = [self._app(options["app"])] if options["app"] else list(Application.objects.all())
            self._show_limits(apps)
            return
        app = self._app(options["app"])
        key = None
        if options["key"]:
            key = ApiKey.objects.filter(application=app, prefix=options["key"]).first()
            if key is None:
                raise CommandError(
                    f"Application {app.name} has no key {options['key']!r} (airlock keys list)."
                )
        changes = {
            name: options[flag.lstrip("-").replace("-", "_")]
            for flag, name, _ in LIMIT_OPTIONS
            if options[flag.lstrip("-").replace("-", "_")] is not argparse_unset
        }
        if options["runaway"] is not None:
            changes["runaway_protection"] = options["runaway"]
        if not changes:
            raise CommandError("Give at least one limit to set (see --help).")
        new = services.do_set_limits(app, changes, api_key=key, actor=self._actor(options))
        self.stdout.write(self.style.SUCCESS(f"Limits of {app.name}{f' key {key.prefix}' if key else ''}:"))
        self._print_limits(new.as_dict(), None)

    def _show_limits(self, apps: list[Application]) -> None:
        if not apps:
            self.stdout.write("No applications yet.")
            return
        for app in apps:
            policies = list(QuotaPolicy.objects.filter(application=app).select_related("api_key"))
            own = next((p for p in policies if p.api_key_id is None), None)
            state = "active" if app.is_active else "SUSPENDED"
            self.stdout.write(f"{app.name} ({state})")
            self._print_limits(services.LimitValues.of(own).as_dict(), usage.now_for(own, f"a{app.pk}"))
            for policy in policies:
                if policy.api_key is not None:
                    self.stdout.write(f"  key {policy.api_key.prefix}:")
                    self._print_limits(
                        services.LimitValues.of(policy).as_dict(),
                        usage.now_for(policy, f"k{policy.api_key.pk}"),
                        "    ",
                    )

    def _print_limits(self, limits: dict[str, Any], now: dict[str, Any] | None, indent: str = "  ") -> None:
        for _flag, name, text in LIMIT_OPTIONS:
            value = limits[name]
            shown = "no limit" if value is None else (_money(value) if "usd" in name else f"{value:,}")
            used = ""
            if now is not None and now.get(name) is not None:
                used = f"   used {_money(now[name]) if 'usd' in name else f'{now[name]:,}'}"
            self.stdout.write(f"{indent}{text:58} {shown}{used}")
        self.stdout.write(
            f"{indent}{'runaway protection':58} {'on' if limits['runaway_protection'] else 'off'}"
        )

    # --- egress cap, prices, cost model ---

    def _egress_cap(self, options: dict[str, Any]) -> None:
        if options["cap_action"] == "set":
            services.do_set_egress_cap(options["budget"], actor=self._actor(options))
        row = GlobalEgressCap.objects.filter(pk=1).first()
        cap = row.budget_usd_per_month if row else None
        spent = f", spent this month {_money(usage.egress_spent_this_month())}" if cap is not None else ""
        self.stdout.write(f"Egress budget per month: {_money(cap) if cap is not None else 'no cap'}{spent}")

    def _prices(self, options: dict[str, Any]) -> None:
        action = options["prices_action"]
        if action == "set":
            services.do_set_prices(
                options["model"],
                input_usd_per_million=options["input"],
                output_usd_per_million=options["output"],
                actor=self._actor(options),
            )
        elif action == "remove":
            services.do_delete_price(options["model"], actor=self._actor(options))
        rows = list(ModelPrice.objects.all())
        if not rows:
            self.stdout.write("No prices yet: airlock usage prices set MODEL --input USD --output USD")
            return
        self.stdout.write(f"{'MODEL':40} {'$/M INPUT':>12} {'$/M OUTPUT':>12}")
        for row in rows:
            self.stdout.write(
                f"{row.model:40} {row.input_usd_per_million:>12,.4f} {row.output_usd_per_million:>12,.4f}"
            )

    def _cost_model(self, options: dict[str, Any]) -> None:
        if options["cost_action"] == "set":
            names = {
                "servers": "servers",
                "server_usd_per_hour": "server_usd_per_hour",
                "power_kw": "power_kw",
                "usd_per_kwh": "usd_per_kwh",
                "capacity_tps": "capacity_tokens_per_second",
                "reference_model": "reference_model",
            }
            changes = {field: options[opt] for opt, field in names.items() if options[opt] is not None}
            if not changes:
                raise CommandError("Give at least one field to set (see --help).")
            services.do_set_local_cost_model(changes, actor=self._actor(options))
        row = LocalCostModel.objects.filter(pk=1).first() or LocalCostModel()
        per_server = row.server_usd_per_hour + row.power_kw * row.usd_per_kwh
        self.stdout.write(f"servers                       {row.servers}")
        self.stdout.write(f"amortised $/hour per server   {_money(row.server_usd_per_hour)}")
        self.stdout.write(f"power                         {row.power_kw} kW at {_money(row.usd_per_kwh)}/kWh")
        self.stdout.write(f"fleet $/hour                  {_money(row.servers * per_server)}")
        self.stdout.write(f"capacity per server           {row.capacity_tokens_per_second:,} tokens/s")
        self.stdout.write(f"reference model               {row.reference_model or '(none)'}")

    # --- rollups, reconcile ---

    def _rollup(self, options: dict[str, Any]) -> None:
        ledger.flush()
        today = timezone.now().date()
        first = options["first"] or today - timedelta(days=1)
        last = options["last"] or today
        if last < first:
            raise CommandError("--to is before --from.")
        rows = rollups.rollup_range(first, last)
        self.stdout.write(self.style.SUCCESS(f"Rolled up {first} to {last}: {rows} row(s)."))

    def _reconcile(self, options: dict[str, Any]) -> None:
        start = datetime.combine(options["first"], time.min, tzinfo=UTC)
        end = datetime.combine(options["last"] + timedelta(days=1), time.min, tzinfo=UTC)
        days = reconcile.reconcile(start, end)
        for day in sorted(days):
            rollups.rollup_day(day)
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored rows on {len(days)} day(s): {', '.join(map(str, sorted(days))) or 'none'}."
            )
        )

    # --- alerts, suspension ---

    def _alerts(self, options: dict[str, Any]) -> None:
        if options["ack"]:
            alert = Alert.objects.filter(pk=options["ack"]).first()
            if alert is None:
                raise CommandError(f"No alert {options['ack']}.")
            services.do_acknowledge_alert(alert, actor=self._actor(options))
            self.stdout.write(self.style.SUCCESS(f"Acknowledged alert {alert.pk}."))
            return
        alerts = Alert.objects.select_related("application", "acknowledged_by")
        if not options["all"]:
            alerts = alerts.filter(acknowledged_at__isnull=True)
        if not alerts:
            self.stdout.write("No open alerts." if not options["all"] else "No alerts.")
            return
        for alert in alerts[:200]:
            app = alert.application.name if alert.application else "-"
            by = alert.acknowledged_by or "system"
            ack = (
                f" (acknowledged by {by} {alert.acknowledged_at:%Y-%m-%d %H:%M})"
                if alert.acknowledged_at
                else ""
            )
            self.stdout.write(f"#{alert.pk} {alert.created_at:%Y-%m-%d %H:%M:%S} {alert.kind} {app}{ack}")
            self.stdout.write(f"    {alert.message}")

    def _suspend(self, options: dict[str, Any]) -> None:
        app = self._app(options["app"])
        services.do_suspend_application(app, reason=options["reason"], actor=self._actor(options))
        self.stdout.write(
            self.style.SUCCESS(f"Suspended {app.name}: its keys are refused from the next request.")
        )

    def _reenable(self, options: dict[str, Any]) -> None:
        app = self._app(options["app"])
        services.do_reenable_application(app, reason=options["reason"], actor=self._actor(options))
        self.stdout.write(self.style.SUCCESS(f"Re-enabled {app.name}."))
