"""``airlock providers``: external endpoints, and the local model names that reach them."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from inference import services
from inference.models import Model, Provider
from inference.providers import keyfile
from inference.services import ProviderSettings


def _header(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise CommandError(f"--header takes NAME=VALUE, not {text!r}.")
    return name.strip(), value.strip()


def _provider_options(parser: ArgumentParser, *, adding: bool) -> None:
    if adding:
        parser.add_argument("--kind", required=True, choices=Provider.Kind.values, help="Wire protocol.")
        parser.add_argument(
            "--base-url",
            required=True,
            help="OpenAI-compatible: with the version (https://api.openai.com/v1). "
            "Anthropic: https://api.anthropic.com. https and a public address, unless "
            "AIRLOCK_EGRESS_ALLOW_PRIVATE lists it.",
        )
    else:
        parser.add_argument("--base-url")
        enable = parser.add_mutually_exclusive_group()
        enable.add_argument("--enable", dest="is_enabled", action="store_true", default=None)
        enable.add_argument("--disable", dest="is_enabled", action="store_false")
    parser.add_argument(
        "--api-key-file",
        help="Absolute path of the file holding the API key (read at use): in AIRLOCK_PROVIDER_KEYS_DIR, "
        "owned by the appliance's user, mode 0600 or 0400.",
    )
    parser.add_argument("--region", help="Where the provider processes data, e.g. eu-west-1 (audited).")
    parser.add_argument("--timeout", type=float, help="Seconds per attempt (default 60).")
    parser.add_argument("--max-retries", type=int, help="Retries on 429, 5xx, timeouts (default 2).")
    parser.add_argument(
        "--breaker-threshold", type=int, help="Consecutive failures that open the circuit (default 5)."
    )
    parser.add_argument(
        "--breaker-cooldown", type=float, help="Seconds an open circuit waits before a trial (default 30)."
    )
    parser.add_argument(
        "--header",
        action="append",
        metavar="NAME=VALUE",
        help="Extra header sent with every request (repeatable; never a credential).",
    )


def _settings(options: dict[str, Any]) -> ProviderSettings:
    headers = dict(_header(h) for h in options["header"]) if options.get("header") else None
    return ProviderSettings(
        base_url=options.get("base_url") if options.get("action") == "set" else None,
        api_key_file=options.get("api_key_file"),
        region=options.get("region"),
        timeout_seconds=options.get("timeout"),
        max_retries=options.get("max_retries"),
        breaker_threshold=options.get("breaker_threshold"),
        breaker_cooldown_seconds=options.get("breaker_cooldown"),
        extra_headers=headers,
        is_enabled=options.get("is_enabled"),
    )


class Command(BaseCommand):
    help = "Register external providers (OpenAI-compatible, Anthropic) and the model names that reach them."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="{add,set,list,models}")
        add = sub.add_parser("add", help="Register a provider.")
        add.add_argument("name")
        _provider_options(add, adding=True)
        change = sub.add_parser("set", help="Change a provider (only the options given).")
        change.add_argument("name")
        _provider_options(change, adding=False)
        sub.add_parser("list", help="Providers and the models they serve.")
        models = sub.add_parser("models", help="Local model names for a provider's models.")
        msub = models.add_subparsers(dest="models_action", required=True, metavar="{add,list,remove}")
        madd = msub.add_parser("add", help="Expose a provider's model under a local name.")
        madd.add_argument("local", help="The name applications use, e.g. claude-haiku.")
        madd.add_argument("--provider", required=True)
        madd.add_argument("--remote", required=True, help="The provider's model name.")
        madd.add_argument("--description", default="")
        msub.add_parser("list", help="External models.")
        mremove = msub.add_parser("remove", help="Remove an external model name.")
        mremove.add_argument("local")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "models":
            action = f"models_{options['models_action']}"
        try:
            getattr(self, f"_{action}")(options)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None

    def _add(self, options: dict[str, Any]) -> None:
        provider = services.do_register_provider(
            options["name"], options["kind"], options["base_url"], settings=_settings(options)
        )
        self.stdout.write(self.style.SUCCESS(f"Registered provider {provider.name} ({provider.kind})."))
        self._warn_key(provider)
        self.stdout.write(
            f"Next: airlock providers models add LOCAL_NAME --provider {provider.name} --remote MODEL, "
            "then allow the provider in the egress policy."
        )

    def _set(self, options: dict[str, Any]) -> None:
        provider = services.do_update_provider(_provider(options["name"]), _settings(options))
        self.stdout.write(self.style.SUCCESS(f"Provider {provider.name} updated."))
        self._warn_key(provider)

    def _warn_key(self, provider: Provider) -> None:
        state = keyfile.status(provider.api_key_file)
        if state not in ("ok", "none"):
            self.stderr.write(self.style.WARNING(f"Warning: the API key file: {state}"))

    def _list(self, options: dict[str, Any]) -> None:
        providers = Provider.objects.prefetch_related("external_models")
        if not providers:
            self.stdout.write("No providers. Add one: airlock providers add NAME --kind KIND --base-url URL")
            return
        for p in providers:
            state = "enabled" if p.is_enabled else "DISABLED"
            region = p.region or "region not set"
            self.stdout.write(f"{p.name:20} {p.kind:10} {p.base_url:40} {region:16} {state}")
            self.stdout.write(
                f"    key file {p.api_key_file or '(none)'}; timeout {p.timeout_seconds:g} s, "
                f"{p.max_retries} retries, circuit opens after {p.breaker_threshold} failures "
                f"for {p.breaker_cooldown_seconds:g} s"
            )
            for model in p.external_models.all():
                self.stdout.write(f"    serves {model.name} -> {model.remote_name}")

    def _models_add(self, options: dict[str, Any]) -> None:
        provider = _provider(options["provider"])
        model = services.do_register_external_model(
            options["local"], provider, options["remote"], description=options["description"]
        )
        self.stdout.write(
            self.style.SUCCESS(f"{model.name} now reaches {provider.name}'s {model.remote_name}.")
        )
        self.stdout.write(f"Allow it to an application: airlock apps models APP --models ...,{model.name}")

    def _models_list(self, options: dict[str, Any]) -> None:
        models = Model.objects.filter(provider__isnull=False).select_related("provider")
        if not models:
            self.stdout.write("No external models.")
        for model in models:
            provider = model.provider.name if model.provider else "?"
            self.stdout.write(f"{model.name:24} {provider:20} {model.remote_name}")

    def _models_remove(self, options: dict[str, Any]) -> None:
        model = Model.objects.filter(name=options["local"], provider__isnull=False).first()
        if model is None:
            raise CommandError(f"No external model named {options['local']!r}.")
        services.do_remove_external_model(model)
        self.stdout.write(self.style.SUCCESS(f"Removed {options['local']}."))


def _provider(name: str) -> Provider:
    provider = Provider.objects.filter(name=name).first()
    if provider is None:
        raise CommandError(f"No provider named {name!r}. See: airlock providers list")
    return provider
