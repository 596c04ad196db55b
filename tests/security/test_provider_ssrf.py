"""A provider's base URL cannot reach internal services, and their replies never reach API callers.

The penetration test pointed providers at loopback, link-local and private addresses, made the
path arbitrary with a trailing ``?q=``, read up to 2,000 characters of an internal service's
error body in the ``/v1`` error, and told open ports from closed ones by its wording.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import openai
import pytest
from django.core.exceptions import ValidationError

from audit.events import Event
from inference import epoch, services
from inference.models import Provider
from inference.providers import resilience
from tests.egress.capture_server import CaptureServer
from tests.egress.conftest import ANTHROPIC_MODEL, OPENAI_MODEL, Egress
from tests.security.conftest import records

ASK = [{"role": "user", "content": "Hello"}]

REFUSED_URLS = [
    "https://127.0.0.1/v1",
    "https://localhost/v1",
    "https://127.8.9.10:8443/v1",
    "https://169.254.169.254/latest",
    "https://10.0.0.5/v1",
    "https://172.16.3.4/v1",
    "https://192.168.1.1/v1",
    "https://100.64.0.1/v1",
    "https://0.0.0.0/v1",
    "https://224.0.0.1/v1",
    "https://[::1]/v1",
    "https://[fe80::1]/v1",
    "https://[fd12:3456::1]/v1",
    "https://[::ffff:127.0.0.1]/v1",
    "https://[::ffff:169.254.169.254]/v1",
    "https://[::]/v1",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", REFUSED_URLS)
def test_a_provider_on_an_internal_address_is_refused_when_saved(url: str) -> None:
    with pytest.raises(ValidationError, match="not a public address"):
        services.do_register_provider("p", "openai", url)
    assert not Provider.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "https://api.example.com/v1?q=/admin",
        "https://api.example.com/v1#x",
        "https://user:pw@api.example.com/v1",
    ],
)
def test_a_base_url_with_a_query_a_fragment_or_credentials_is_refused(url: str) -> None:
    with pytest.raises(ValidationError, match=r"query|fragment|user name"):
        services.do_register_provider("p", "openai", url)


@pytest.mark.django_db
def test_an_external_provider_must_use_https() -> None:
    with pytest.raises(ValidationError, match="https"):
        services.do_register_provider("p", "openai", "http://api.example.com/v1")


@pytest.mark.django_db
def test_a_real_loopback_listener_is_refused_as_a_base_url(capture: CaptureServer, settings: object) -> None:
    settings.AIRLOCK_EGRESS_ALLOW_PRIVATE = []  # type: ignore[attr-defined]
    with pytest.raises(ValidationError, match=r"https|not a public address"):
        services.do_register_provider("p", "openai", f"{capture.url}/v1")
    https_form = capture.url.replace("http://", "https://")
    with pytest.raises(ValidationError, match="not a public address"):
        services.do_register_provider("p", "openai", f"{https_form}/v1")
    assert not Provider.objects.exists()


@pytest.mark.django_db
def test_the_allow_setting_admits_the_private_networks_and_hosts_it_lists(settings: object) -> None:
    settings.AIRLOCK_EGRESS_ALLOW_PRIVATE = ["10.0.0.0/8", "localhost:8443"]  # type: ignore[attr-defined]
    assert services.do_register_provider("a", "openai", "http://10.1.2.3:8000/v1")
    assert services.do_register_provider("b", "openai", "https://localhost:8443/v1")
    for url in ("https://localhost:9000/v1", "https://192.168.1.1/v1", "http://127.0.0.1:8443/v1"):
        with pytest.raises(ValidationError, match="not a public address"):
            services.do_register_provider("c", "openai", url)


@pytest.fixture
def listener() -> Iterator[CaptureServer]:
    """Another real HTTP server on loopback, that the egress pool has never connected to."""
    server = CaptureServer().start()
    yield server
    server.stop()


def point_providers_at(url: str) -> None:
    # Written behind the services' back: as if saved under another setting, or as if DNS had
    # answered differently when it was saved.
    Provider.objects.filter(name="capture-openai").update(base_url=f"{url}/v1")
    Provider.objects.filter(name="capture-anthropic").update(base_url=url)
    epoch.bump()


def test_a_loopback_listener_written_to_the_database_is_refused_at_connect_time(
    egress: Egress, listener: CaptureServer, settings: object
) -> None:
    egress.allow()
    settings.AIRLOCK_EGRESS_ALLOW_PRIVATE = []  # type: ignore[attr-defined]
    point_providers_at(listener.url)
    for model in (OPENAI_MODEL, ANTHROPIC_MODEL):
        with pytest.raises(openai.APIStatusError) as caught:
            egress.client().chat.completions.create(model=model, messages=ASK)
        assert caught.value.status_code == 502
        assert "public" not in caught.value.body["message"]  # type: ignore[index]
    assert listener.requests == [], "nothing reached the listener"
    errors = [r["meta"]["error"] for r in records(Event.INFERENCE_RESPONSE.value)[-2:]]
    assert all("not a public address" in (e or "") for e in errors), errors


def test_with_the_allow_setting_the_same_listener_is_reached(
    egress: Egress, listener: CaptureServer, settings: object
) -> None:
    egress.allow()
    settings.AIRLOCK_EGRESS_ALLOW_PRIVATE = ["127.0.0.1/32"]  # type: ignore[attr-defined]
    point_providers_at(listener.url)
    for model in (OPENAI_MODEL, ANTHROPIC_MODEL):
        assert egress.client().chat.completions.create(model=model, messages=ASK).choices
    assert len(listener.requests) == 2


def test_a_name_that_resolves_to_loopback_is_refused_at_connect_time(
    egress: Egress, listener: CaptureServer, settings: object
) -> None:
    egress.allow()
    settings.AIRLOCK_EGRESS_ALLOW_PRIVATE = []  # type: ignore[attr-defined]
    point_providers_at(listener.url.replace("127.0.0.1", "localhost"))
    with pytest.raises(openai.APIStatusError):
        egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
    assert listener.requests == []


def test_plain_http_to_a_public_address_written_to_the_database_is_refused(egress: Egress) -> None:
    egress.allow()
    point_providers_at("http://1.1.1.1:9")
    with pytest.raises(openai.APIStatusError) as caught:
        egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
    assert caught.value.status_code == 502
    assert "plain http" in records(Event.INFERENCE_RESPONSE.value)[-1]["meta"]["error"]


def test_a_providers_error_body_goes_to_the_audit_log_and_never_to_the_caller(egress: Egress) -> None:
    egress.allow()
    for status in (400, 500):
        egress.capture.fail(status, times=None)
        with pytest.raises(openai.APIStatusError) as caught:
            egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
        assert "capture says" not in caught.value.body["message"]  # type: ignore[index]
        assert set(caught.value.body) == {"message", "type", "param", "code"}  # type: ignore[arg-type]
        assert f"capture says {status}" in records(Event.INFERENCE_RESPONSE.value)[-1]["meta"]["error"]
        egress.capture.reset()
        resilience.reset_breakers()


@pytest.fixture
def silent_listener() -> Iterator[int]:
    """A port that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    server.close()


def test_a_closed_port_and_a_silent_one_look_the_same_to_the_caller(
    egress: Egress, silent_listener: int
) -> None:
    egress.allow()
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    closed_port = closed.getsockname()[1]
    closed.close()
    answers = []
    for port in (closed_port, silent_listener):
        services.do_update_provider(
            egress.openai_provider,
            services.ProviderSettings(
                base_url=f"http://127.0.0.1:{port}/v1", timeout_seconds=0.5, max_retries=0
            ),
        )
        resilience.reset_breakers()
        with pytest.raises(openai.APIStatusError) as caught:
            egress.client().chat.completions.create(model=OPENAI_MODEL, messages=ASK)
        answers.append((caught.value.status_code, caught.value.body))
    assert answers[0] == answers[1]
