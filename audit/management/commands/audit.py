"""``airlock audit``: verify, export, seal, retention, legal holds, erasure and KEK rotation.

Thin edge: arguments are parsed and application names turned into ids here; every change is
made (and recorded in the audit log) by ``audit.services``. Without ``--actor`` a change is
attributed to the operating-system account and host that ran the command
(``appliance.shell_actor``); with it, the named user must be a compliance officer *and prove
it*: password (``--password-file``, ``AIRLOCK_PASSWORD`` or a prompt) and a current TOTP code
(``--totp``, ``AIRLOCK_TOTP`` or a prompt). A name alone opens no audit content.
"""

from __future__ import annotations

import getpass
import os
import sys
from argparse import ArgumentParser, RawDescriptionHelpFormatter
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from appliance import shell_actor
from audit import keyring, services
from audit.export import ExportQuery, default_destination
from audit.models import LegalHold, RetentionPolicy
from inference.models import Application

EPILOG = """\
examples:
  airlock audit status
  airlock audit verify --since-checkpoint /var/lib/airlock/audit-witness.jsonl
  airlock audit export --from 2025-01-01 --to 2025-03-31 --app billing --output q1.zip
  airlock audit export --from 2025-02-03 --to 2025-02-03 --include-content \\
      --reason "DSAR 2025-014" --actor alice        (asks for alice's password and TOTP code)
  airlock audit retention set --class content --days 14 --app billing
  airlock audit hold set --reason "Litigation 2025-CV-88" --app billing
  airlock audit erase-subject patient-7 --reason "GDPR Art. 17 request #123"
  airlock audit rotate-kek --new-kek-file /etc/airlock/audit-kek.2025
"""


class Command(BaseCommand):
    help = "The audit log: verify, export evidence, seal, retention, legal holds, erasure, KEK rotation."

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.epilog = EPILOG
        parser.formatter_class = RawDescriptionHelpFormatter  # keep the examples' line breaks
        return parser

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="COMMAND")

        sub.add_parser("status", help="Size, last checkpoint, unsealed records, witness file, signing key.")

        seal = sub.add_parser(
            "seal", help="Seal committed records now and sign a checkpoint if the log grew."
        )
        seal.add_argument("--no-checkpoint", action="store_true", help="Seal only; do not sign a checkpoint.")

        verify = sub.add_parser("verify", help="Recompute the whole log; exit 0 if it verifies, 1 if not.")
        verify.add_argument(
            "--since-checkpoint",
            metavar="FILE",
            type=Path,
            help="A checkpoint kept outside the database (the witness file, or one JSON object); "
            "the last line is used.",
        )

        exp = sub.add_parser("export", help="Write a signed evidence bundle (zip) that verifies offline.")
        exp.add_argument(
            "--from", dest="start", required=True, metavar="DATE", help="YYYY-MM-DD or ISO time."
        )
        exp.add_argument(
            "--to", dest="end", required=True, metavar="DATE", help="YYYY-MM-DD (that whole day) or ISO time."
        )
        exp.add_argument("--app", metavar="NAME", help="Only this application's records.")
        exp.add_argument(
            "--include-content", action="store_true", help="Decrypt content (compliance officer)."
        )
        exp.add_argument("--reason", default="", help="Why (required with --include-content; recorded).")
        _credentials(exp, "The compliance officer asking (required for content).")
        exp.add_argument(
            "--output", metavar="PATH", type=Path, help="Where to write the zip (default: export dir)."
        )

        retention = sub.add_parser("retention", help="Show or set retention, or apply it now.")
        rsub = retention.add_subparsers(dest="retention_action", required=True, metavar="{show,set,apply}")
        rsub.add_parser("show", help="Retention per record class and application.")
        rset = rsub.add_parser("set", help="Set a retention period.")
        rset.add_argument(
            "--class", dest="record_class", required=True, choices=RetentionPolicy.RecordClass.values
        )
        rset.add_argument("--days", required=True, type=int)
        rset.add_argument("--app", metavar="NAME", help="For one application (default: for all).")
        _credentials(rset)
        rsub.add_parser("apply", help="Crypto-shred expired content now (beat does this hourly).")

        hold = sub.add_parser("hold", help="Legal holds: nothing in scope is shredded or erased.")
        hsub = hold.add_subparsers(dest="hold_action", required=True, metavar="{set,release,list}")
        hset = hsub.add_parser("set", help="Set a hold on everything, one application, or one subject.")
        hset.add_argument("--reason", required=True)
        scope = hset.add_mutually_exclusive_group()
        scope.add_argument("--app", metavar="NAME")
        scope.add_argument("--subject", metavar="ID", help="The end user's id as applications send it.")
        _credentials(hset)
        hrel = hsub.add_parser("release", help="Release a hold.")
        hrel.add_argument("hold_id", type=int, metavar="ID")
        hrel.add_argument("--reason", default="")
        _credentials(hrel)
        hlist = hsub.add_parser("list", help="Active holds (--all: released ones too).")
        hlist.add_argument("--all", action="store_true")

        erase = sub.add_parser("erase-subject", help="GDPR Art. 17: shred all content of one end user.")
        erase.add_argument("subject_id", metavar="ID", help="The end user's id as applications send it.")
        erase.add_argument("--reason", required=True)
        _credentials(erase)

        rotate = sub.add_parser("rotate-kek", help="Re-wrap every data key under a new key-encryption key.")
        rotate.add_argument("--new-kek-file", required=True, type=Path, metavar="PATH")

    def handle(self, *args: Any, **options: Any) -> None:
        self._options = options
        action = options["action"].replace("-", "_")
        try:
            getattr(self, f"_{action}")(options)
        except services.LegalHoldActive as exc:
            raise CommandError(exc.messages[0]) from None
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        except PermissionDenied as exc:
            raise CommandError(str(exc)) from None

    # --- helpers ---

    def progress(self, message: str) -> None:
        self.stderr.write(message, ending="\n")
        self.stderr.flush()

    def _actor(self, name: str | None) -> AbstractBaseUser | None:
        """The person named with ``--actor``, once their password and TOTP code prove it."""
        if not name:
            return None
        options = self._options
        password_file: Path | None = options.get("password_file")
        if password_file is not None:
            try:
                password = password_file.read_text().rstrip("\n")
            except OSError as exc:
                raise CommandError(f"Cannot read {password_file}: {exc.strerror}.") from None
        else:
            password = os.environ.get("AIRLOCK_PASSWORD", "") or self._prompt(
                f"Password of {name}: ", secret=True
            )
        code = options.get("totp") or os.environ.get("AIRLOCK_TOTP", "") or self._prompt("TOTP code: ")
        try:
            return shell_actor.verify_person(name, password, code, purpose=f"audit {options['action']}")
        except shell_actor.CredentialsRefused as exc:
            raise CommandError(str(exc)) from None

    def _prompt(self, label: str, *, secret: bool = False) -> str:
        if not sys.stdin.isatty():
            raise CommandError(
                "--actor needs the person's password and TOTP code: give --password-file and --totp "
                "(or AIRLOCK_PASSWORD and AIRLOCK_TOTP), or run the command in a terminal."
            )
        return getpass.getpass(label) if secret else input(label)

    # --- status, seal, verify ---

    def _status(self, options: dict[str, Any]) -> None:
        found = services.log_status()
        cp = found.last_checkpoint
        checkpoint = (
            f"size {cp['size']}, root {str(cp['root'])[:16]}…, signed {cp['timestamp']}" if cp else "none yet"
        )
        rows = [
            ("sealed records", str(found.size)),
            ("unsealed records", str(found.unsealed)),
            ("last checkpoint", checkpoint),
            ("witness file", found.witness_file),
            ("signing key", f"SHA-256 {found.signing_key_fingerprint}"),
            ("KEK id", found.kek_id),
            ("data keys", f"{found.live_data_keys} live, {found.shredded_data_keys} shredded"),
            ("legal holds", f"{found.active_legal_holds} active"),
        ]
        for label, value in rows:
            self.stdout.write(f"{label:18} {value}")

    def _seal(self, options: dict[str, Any]) -> None:
        sealed = services.seal(checkpoint=not options["no_checkpoint"])
        found = services.log_status()
        cp = found.last_checkpoint
        tail = f"; last checkpoint at size {cp['size']}" if cp else ""
        self.stdout.write(self.style.SUCCESS(f"Sealed {sealed} record(s); the log holds {found.size}{tail}."))

    def _verify(self, options: dict[str, Any]) -> None:
        given = (
            services.load_checkpoint_file(options["since_checkpoint"])
            if options["since_checkpoint"]
            else None
        )
        if given is not None:
            self.progress(
                f"Checking against the checkpoint at size {given['size']} from {options['since_checkpoint']}"
            )

        def tick(done: int, total: int) -> None:
            self.progress(f"  verified {done}/{total} records")

        witnessed = (
            services.load_witnessed_checkpoints(options["since_checkpoint"]) if given is not None else []
        )
        result = services.do_verify(since_checkpoint=given, witnessed=witnessed, progress=tick)
        if result.ok:
            self.stdout.write(self.style.SUCCESS(result.message))
            return
        self.stdout.write(self.style.ERROR(result.message))
        for problem in result.problems[1:10]:
            self.stdout.write(f"  also: {problem}")
        if len(result.problems) > 10:
            self.stdout.write(f"  … and {len(result.problems) - 10} more")
        sys.stdout.flush()
        raise SystemExit(1)

    # --- export ---

    def _export(self, options: dict[str, Any]) -> None:
        app_id, app_name = None, ""
        if options["app"]:
            app_id, app_name = _app_id(options["app"]), options["app"]
        query = ExportQuery.parse(
            options["start"], options["end"], application_id=app_id, application=app_name
        )
        if options["include_content"]:
            if not options["actor"]:
                raise CommandError(
                    "--include-content needs --actor USERNAME, a compliance officer (password and TOTP code)."
                )
            if not options["reason"].strip():
                raise CommandError('--include-content needs --reason "…" (kept in the audit log).')
        actor = self._actor(options["actor"])
        output: Path | None = options["output"]
        into_folder = False
        if output is not None:
            output = output.expanduser().resolve()
            into_folder = output.is_dir()
            if not into_folder and not output.parent.is_dir():
                raise CommandError(f"The folder {output.parent} does not exist.")
            if not into_folder and output.exists():  # evidence is never silently replaced
                raise CommandError(f"{output} already exists; choose another --output.")
        job = services.do_request_export(
            query, actor=actor, include_content=options["include_content"], reason=options["reason"]
        )
        if output is not None and into_folder:
            output = output / default_destination(job.pk, query).name  # the job id keeps it unique
        # The job's query: the range ends no later than the moment the export was asked for.
        self.progress(f"Export {job.pk}: {ExportQuery.from_json(job.query).describe()}")
        shown = [-1]

        def tick(percent: int, message: str) -> None:
            if percent // 5 != shown[0] // 5 or percent in (1, 100):
                shown[0] = percent
                self.progress(f"  {percent:3d}%  {message}")

        job = services.do_export(job, output=output, progress=tick)
        manifest_fp = keyring.public_key_fingerprint()
        name = Path(job.path).name
        self.stdout.write(self.style.SUCCESS(f"Wrote {job.path}"))
        self.stdout.write(f"  records   {job.records}")
        self.stdout.write(f"  sha256    {job.sha256}")
        content = "decrypted (recorded as audit.decrypted)" if job.include_content else "not included"
        self.stdout.write(f"  content   {content}")
        self.stdout.write(f"  verify    unzip -p {name} verify.py > verify.py")
        self.stdout.write(f"            python3 verify.py {name} --expect-key {manifest_fp}")

    # --- retention ---

    def _retention(self, options: dict[str, Any]) -> None:
        getattr(self, f"_retention_{options['retention_action']}")(options)

    def _retention_show(self, options: dict[str, Any]) -> None:
        lines = services.retention_table()
        names = _app_names({line.application_id for line in lines if line.application_id is not None})
        self.stdout.write(f"{'CLASS':9} {'SCOPE':28} {'DAYS':>6}  FROM")
        for line in lines:
            scope = (
                "default"
                if line.application_id is None
                else f"app {names.get(line.application_id, line.application_id)}"
            )
            source = "setting (AIRLOCK_AUDIT_*_RETENTION_DAYS)" if line.source == "setting" else "policy"
            self.stdout.write(f"{line.record_class:9} {scope:28} {line.days:>6}  {source}")
        self.stdout.write(
            "Content past its retention is crypto-shredded hourly. Metadata past its retention is reported,"
            " not deleted: sealed records stay so the log keeps verifying."
        )

    def _retention_set(self, options: dict[str, Any]) -> None:
        app_id = _app_id(options["app"]) if options["app"] else None
        policy = services.do_set_retention(
            options["record_class"],
            options["days"],
            application_id=app_id,
            actor=self._actor(options["actor"]),
        )
        scope = f"application {options['app']}" if options["app"] else "all applications (default)"
        self.stdout.write(
            self.style.SUCCESS(f"{policy.record_class} retention for {scope}: {policy.days} days.")
        )
        if (
            policy.record_class == RetentionPolicy.RecordClass.METADATA
            and policy.days < services.SIX_YEARS_DAYS
        ):
            self.stdout.write(
                self.style.WARNING(
                    "Warning: HIPAA (45 CFR 164.316(b)(2)) expects six years of audit documentation."
                )
            )

    def _retention_apply(self, options: dict[str, Any]) -> None:
        self.progress("Applying retention…")
        report = services.do_apply_retention()
        self.stdout.write(
            self.style.SUCCESS(
                f"Shredded {len(report.shredded_keys)} data key(s); cleared the ciphertext of "
                f"{report.records_cleared + report.late_ciphertext_cleared} record(s)."
            )
        )
        if report.held_keys:
            holds = ", ".join(str(h) for h in report.holds)
            self.stdout.write(f"Kept {len(report.held_keys)} expired key(s) under legal hold {holds}.")
        self.stdout.write(
            f"{report.metadata_due} record(s) are past their metadata retention; they are kept "
            "(sealed records are never deleted, see README)."
        )

    # --- legal holds ---

    def _hold(self, options: dict[str, Any]) -> None:
        getattr(self, f"_hold_{options['hold_action']}")(options)

    def _hold_set(self, options: dict[str, Any]) -> None:
        app_id = _app_id(options["app"]) if options["app"] else None
        hold = services.do_set_legal_hold(
            options["reason"],
            actor=self._actor(options["actor"]),
            application_id=app_id,
            subject_id=options["subject"],
        )
        scope = f"application {options['app']}" if options["app"] else services.describe_hold(hold)
        self.stdout.write(self.style.SUCCESS(f"Legal hold {hold.pk} set on {scope}."))
        self.stdout.write(f"Release it with: airlock audit hold release {hold.pk}")

    def _hold_release(self, options: dict[str, Any]) -> None:
        hold = services.do_release_legal_hold(
            options["hold_id"], actor=self._actor(options["actor"]), reason=options["reason"]
        )
        self.stdout.write(
            self.style.SUCCESS(f"Legal hold {hold.pk} ({services.describe_hold(hold)}) released.")
        )

    def _hold_list(self, options: dict[str, Any]) -> None:
        holds = LegalHold.objects.select_related("created_by").order_by("id")
        if not options["all"]:
            holds = holds.filter(released_at__isnull=True)
        if not holds:
            self.stdout.write("No legal holds." if options["all"] else "No active legal holds.")
            return
        names = _app_names({h.application_id for h in holds if h.application_id is not None})
        self.stdout.write(f"{'ID':>4}  {'STATE':9} {'SCOPE':44} {'SET BY':14} {'SINCE':11} REASON")
        for hold in holds:
            scope = services.describe_hold(hold)
            if hold.application_id is not None:
                scope = f"application {names.get(hold.application_id, hold.application_id)}"
            state = "released" if hold.released_at else "active"
            by = hold.created_by.get_username() if hold.created_by else "system"
            self.stdout.write(
                f"{hold.pk:>4}  {state:9} {scope:44} {by:14} {hold.created_at:%Y-%m-%d}  {hold.reason}"
            )

    # --- erasure and keys ---

    def _erase_subject(self, options: dict[str, Any]) -> None:
        report = services.do_erase_subject(
            options["subject_id"], actor=self._actor(options["actor"]), reason=options["reason"]
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Erased subject {report.subject}: shredded {len(report.shredded_keys)} data key(s), "
                f"cleared the ciphertext of {report.records_cleared} record(s)."
            )
        )
        self.stdout.write(
            "Their metadata remains under the pseudonym; the content can no longer be decrypted."
        )

    def _rotate_kek(self, options: dict[str, Any]) -> None:
        self.progress("Re-wrapping data keys…")
        done = services.do_rotate_kek(options["new_kek_file"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Re-wrapped {done.keys} data key(s) from KEK {done.old_kek_id} to KEK {done.new_kek_id} "
                "in one transaction; no record was re-encrypted."
            )
        )
        self.stdout.write(
            self.style.WARNING(
                f"Now set AIRLOCK_AUDIT_KEK_FILE={done.new_kek_file} for every Airlock process "
                "(web, workers, beat) and restart them: until then they cannot read audit content "
                "and withhold new content. Then destroy the old KEK file and its backups."
            )
        )


def _credentials(parser: ArgumentParser, help_text: str = "A compliance officer acting (proven).") -> None:
    parser.add_argument("--actor", metavar="USERNAME", help=help_text)
    parser.add_argument(
        "--password-file",
        type=Path,
        metavar="PATH",
        help="The actor's password, from a file (else AIRLOCK_PASSWORD, else a prompt).",
    )
    parser.add_argument(
        "--totp", metavar="CODE", help="The actor's current TOTP code (else AIRLOCK_TOTP, else a prompt)."
    )


def _app_id(name: str) -> int:
    app = Application.objects.filter(name=name).only("pk").first()
    if app is None:
        raise CommandError(f"No application named {name!r}. See: airlock apps list")
    return int(app.pk)


def _app_names(ids: set[int | None]) -> dict[int, str]:
    return dict(
        Application.objects.filter(pk__in=[i for i in ids if i is not None]).values_list("pk", "name")
    )
