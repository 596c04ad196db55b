"""``airlock quality``: golden sets, drift runs, validating an answer by hand, review gates,
sampling for the judge and the review queue, and a route's degraded mode."""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from inference import routes
from inference.models import Application, Deployment, Model
from quality import configure, drift, golden, runner, validation
from quality.models import DriftRun, GoldenSet, QualitySampling, ReviewGateRule


class Command(BaseCommand):
    help = "Output validation and drift detection: golden sets, drift runs, validate-answer."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="area", required=True)

        golden_parser = sub.add_parser("golden", help="golden sets of prompts with reference answers")
        golden_sub = golden_parser.add_subparsers(dest="action", required=True)
        imp = golden_sub.add_parser("import", help="add or replace items from a JSONL file")
        imp.add_argument("file", help='JSONL: {"prompt": ..., "reference": ..., "id": optional} per line')
        imp.add_argument("--model", required=True, help="the model name (route) the set is for")
        golden_sub.add_parser("list", help="every golden set, its items and baseline")

        drift_parser = sub.add_parser("drift", help="run a golden set and compare with its baseline")
        drift_sub = drift_parser.add_subparsers(dest="action", required=True)
        run = drift_sub.add_parser("run", help="run a model's golden set now")
        run.add_argument("--model", required=True)
        run.add_argument("--baseline", action="store_true", help="make this run the baseline")
        run.add_argument(
            "--version", default="", help="ask this version's backend directly (before promoting it)"
        )
        runs = drift_sub.add_parser("list", help="recent drift runs")
        runs.add_argument("--model", default="")

        check = sub.add_parser("validate-answer", help="validate an answer read from standard input")
        check.add_argument("--schema", help="a JSON schema file the answer must match")
        check.add_argument("--json", action="store_true", help="the answer must be JSON (no schema)")
        check.add_argument("--min-chars", type=int)
        check.add_argument("--max-chars", type=int)
        check.add_argument("--finish-reason", default=None)

        gate = sub.add_parser("gate", help="an application's review gate: answers held for approval")
        gate.add_argument("application")
        gate.add_argument(
            "--keyword", action="append", default=[], help="a whole word, any case (repeatable)"
        )
        gate.add_argument("--regex", action="append", default=[], help="a regular expression (repeatable)")
        gate.add_argument("--clear", action="store_true", help="remove every rule: the gate is off")

        share = sub.add_parser("sampling", help="shares of an application's answers judged and reviewed")
        share.add_argument("application")
        share.add_argument("--judge-percent", type=float)
        share.add_argument("--review-percent", type=float)
        share.add_argument("--judge-model", help="model the judge asks (default AIRLOCK_QUALITY_JUDGE_MODEL)")
        share.add_argument("--low-score", type=float, help="judged mean below which an answer is reviewed")

        restore = sub.add_parser("restore-route", help="clear a route's degraded mode: traffic returns")
        restore.add_argument("model")

    def handle(self, *args: Any, **options: Any) -> None:
        area = options["area"]
        if area == "validate-answer":
            self._validate(options)
        elif area == "gate":
            self._gate(options)
        elif area == "sampling":
            self._sampling(options)
        elif area == "restore-route":
            self._restore(options["model"])
        elif area == "golden" and options["action"] == "import":
            self._import(options)
        elif area == "golden":
            self._list_sets()
        elif options["action"] == "run":
            self._run(options)
        else:
            self._list_runs(options["model"])

    def _validate(self, options: dict[str, Any]) -> None:
        response_format: dict[str, Any] | None = None
        if options["schema"]:
            try:
                schema = json.loads(Path(options["schema"]).read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise CommandError(f"cannot read the schema {options['schema']}: {exc}") from exc
            response_format = {"type": "json_schema", "json_schema": {"name": "answer", "schema": schema}}
        elif options["json"]:
            response_format = {"type": "json_object"}
        text = sys.stdin.read()
        problems = validation.validate(
            text,
            response_format=response_format,
            min_chars=options["min_chars"],
            max_chars=options["max_chars"],
            finish_reason=options["finish_reason"],
        )
        if not problems:
            self.stdout.write("ok: no problem found")
            return
        for problem in problems:
            self.stdout.write(f"{problem.code}: {problem.message}")
        # A non-zero exit so scripts can use it as a check.
        raise CommandError(f"{len(problems)} problem(s) found", returncode=1)

    def _import(self, options: dict[str, Any]) -> None:
        path = Path(options["file"])
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read {path}: {exc}") from exc
        try:
            result = golden.import_items(options["model"], lines)
        except golden.ImportErrors as exc:
            raise CommandError(f"{path}: nothing imported:\n" + "\n".join(exc.errors)) from exc
        total = result.golden_set.items.count()
        added, replaced = result.created, result.updated
        self.stdout.write(
            f"golden set of {options['model']}: {added} added, {replaced} replaced, {total} items"
        )

    def _list_sets(self) -> None:
        for golden_set in GoldenSet.objects.all():
            base = drift.baseline_of(golden_set)
            since = f"baseline run {base.pk} ({base.started_at:%Y-%m-%d})" if base else "no baseline"
            self.stdout.write(f"{golden_set.model_name}\t{golden_set.items.count()} items\t{since}")

    def _run(self, options: dict[str, Any]) -> None:
        model = options["model"]
        golden_set = GoldenSet.objects.filter(model_name=model).first()
        if golden_set is None:
            raise CommandError(
                f"no golden set for {model!r}: import one with `airlock quality golden import`"
            )
        version = options["version"]
        try:
            if version:
                deployment = (
                    Deployment.objects.select_related("backend")
                    .filter(model_version__model__name=model, model_version__version=version)
                    .order_by("-is_active", "-created_at")
                    .first()
                )
                if deployment is None:
                    raise CommandError(f"{model}@{version} is not deployed on any backend")
                answer = runner.deployment_answerer(deployment)
            else:
                answer = runner.gateway_answerer(model)
        except runner.NotConfigured as exc:
            raise CommandError(str(exc)) from exc
        judge, judge_missing = runner.configured_judge()
        run = drift.run_golden_set(
            golden_set,
            answer,
            version=version,
            embed=runner.configured_embedder(),
            judge=judge,
            judge_missing=judge_missing,
            baseline=options["baseline"],
        )
        self._show(run)
        if run.status == DriftRun.Status.DRIFT:
            raise CommandError("drift detected", returncode=2)

    def _show(self, run: DriftRun) -> None:
        mean = f"{run.mean_score:.3f}" if run.mean_score is not None else "-"
        line = f"run {run.pk} of {run.golden_set.model_name}: {run.status}, mean {run.metric} {mean}"
        others = [
            f"{name} {value:.3f}"
            for name, value in drift.metric_means(run.scores).items()
            if name != run.metric and value is not None
        ]
        if others:
            line += f" ({', '.join(others)})"
        if run.verdict:
            line += f"; {run.verdict['reason']}"
        for name, why in sorted((run.unscored or {}).items()):
            line += f"; {name} not scored: {why}"
        self.stdout.write(line)

    def _list_runs(self, model: str) -> None:
        runs = DriftRun.objects.select_related("golden_set").order_by("-started_at")
        if model:
            runs = runs.filter(golden_set__model_name=model)
        for run in runs[:20]:
            self._show(run)

    def _application(self, name: str) -> Application:
        found = Application.objects.filter(name=name).first()
        if found is None:
            raise CommandError(f"no application named {name!r}")
        return found

    def _gate(self, options: dict[str, Any]) -> None:
        app = self._application(options["application"])
        rules = [(k, False) for k in options["keyword"]] + [(r, True) for r in options["regex"]]
        if rules or options["clear"]:
            try:
                configure.do_set_gate_rules(app, rules)
            except ValidationError as exc:
                raise CommandError("; ".join(exc.messages)) from exc
        current = ReviewGateRule.objects.filter(application=app).order_by("pk")
        if not current:
            self.stdout.write(f"{app.name}: no review gate")
        for rule in current:
            self.stdout.write(f"{app.name}\t{'regex' if rule.is_regex else 'keyword'}\t{rule.pattern}")

    def _sampling(self, options: dict[str, Any]) -> None:
        app = self._application(options["application"])
        names = {"judge_percent", "review_percent", "judge_model", "low_score"}
        values = {name: options[name] for name in names if options.get(name) is not None}
        if values:
            try:
                configure.do_set_sampling(app, **values)
            except ValidationError as exc:
                raise CommandError("; ".join(exc.messages)) from exc
        row = QualitySampling.objects.filter(application=app).first()
        if row is None:
            self.stdout.write(f"{app.name}: not sampled")
            return
        self.stdout.write(
            f"{app.name}: judge {row.judge_percent:g}% with {row.judge_model or '(default judge model)'}, "
            f"review {row.review_percent:g}%, low score below {row.low_score:g}"
        )

    def _restore(self, name: str) -> None:
        model = Model.objects.filter(name=name).first()
        if model is None:
            raise CommandError(f"no model named {name!r}")
        if not routes.do_clear_degraded_mode(model, actor=None):
            raise CommandError(f"the route of {name!r} is not in degraded mode")
        self.stdout.write(f"{name}: degraded mode cleared; traffic returns to the route's targets")
