"""``airlock quality``: golden sets, drift runs, and validating an answer by hand."""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from inference.models import Deployment
from quality import drift, golden, runner, validation
from quality.models import DriftRun, GoldenSet


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

    def handle(self, *args: Any, **options: Any) -> None:
        area = options["area"]
        if area == "validate-answer":
            self._validate(options)
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
        run = drift.run_golden_set(
            golden_set,
            answer,
            version=version,
            embed=runner.configured_embedder(),
            baseline=options["baseline"],
        )
        self._show(run)
        if run.status == DriftRun.Status.DRIFT:
            raise CommandError("drift detected", returncode=2)

    def _show(self, run: DriftRun) -> None:
        mean = f"{run.mean_score:.3f}" if run.mean_score is not None else "-"
        line = f"run {run.pk} of {run.golden_set.model_name}: {run.status}, mean {run.metric} {mean}"
        if run.verdict:
            line += f"; {run.verdict['reason']}"
        self.stdout.write(line)

    def _list_runs(self, model: str) -> None:
        runs = DriftRun.objects.select_related("golden_set").order_by("-started_at")
        if model:
            runs = runs.filter(golden_set__model_name=model)
        for run in runs[:20]:
            self._show(run)
