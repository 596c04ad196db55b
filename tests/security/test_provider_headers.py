"""A provider's extra headers cannot frame the request: no Host, lengths or hop-by-hop headers.

The penetration test saved ``Content-Length: 0`` as an extra header, which turned every ``/v1``
request to that provider into a bare ``500 Internal Server Error``.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.test import APIClient

from inference import epoch, services
from inference.models import Provider
from inference.services import ProviderSettings
from tests.egress.conftest import OPENAI_MODEL, Egress

REFUSED = [
    "Host", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade", "TE",
    "Trailer", "Proxy-Authorization", "Proxy-Connection", "Authorization", "Cookie", "content-length",
]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("name", REFUSED)
def test_a_header_that_frames_or_authorises_the_request_is_refused_when_saved(name: str) -> None:
    with pytest.raises(ValidationError, match=name):
        services.do_register_provider(
            "p", "openai", "https://api.example.com/v1", settings=ProviderSettings(extra_headers={name: "x"})
        )
    assert not Provider.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "value"),
    [("X-Team", "a\r\nHost: evil"), ("X-Team", "a\nb"), ("X Team", "a"), ("X-Team\r", "a"), ("", "a")],
)
def test_a_header_with_a_line_break_or_an_invalid_name_is_refused(name: str, value: str) -> None:
    with pytest.raises(ValidationError):
        services.do_register_provider(
            "p",
            "openai",
            "https://api.example.com/v1",
            settings=ProviderSettings(extra_headers={name: value}),
        )


@pytest.mark.django_db
def test_content_length_zero_is_refused_by_the_api_and_the_cli(as_user: Callable[[str], APIClient]) -> None:
    answer = as_user("administrator").post(
        "/api/providers/",
        {
            "name": "p",
            "kind": "openai",
            "base_url": "https://api.example.com/v1",
            "extra_headers": {"Content-Length": "0"},
        },
        format="json",
    )
    assert answer.status_code == 400 and "Content-Length" in answer.content.decode()
    with pytest.raises(CommandError, match="Content-Length"):
        call_command(
            "providers", "add", "p", "--kind", "openai", "--base-url", "https://api.example.com/v1",
            "--header", "Content-Length=0", stdout=io.StringIO(), stderr=io.StringIO(),
        )  # fmt: skip
    assert not Provider.objects.exists()


def test_a_framing_header_already_in_the_database_is_dropped_when_sending(egress: Egress) -> None:
    egress.allow()
    Provider.objects.filter(name="capture-openai").update(
        extra_headers={"Content-Length": "0", "Host": "internal.example", "X-Team": "radiology"}
    )
    epoch.bump()
    answer = egress.client().chat.completions.create(
        model=OPENAI_MODEL, messages=[{"role": "user", "content": "Hi"}]
    )
    assert answer.choices
    sent = egress.capture.requests[-1]
    assert sent.headers["x-team"] == "radiology"
    assert sent.headers["host"].startswith("127.0.0.1:")
    assert int(sent.headers["content-length"]) > 0
