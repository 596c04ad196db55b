"""Which extra headers a provider may be given: routing headers, never framing or credentials.

``Host``, ``Content-Length``, ``Transfer-Encoding`` and the hop-by-hop headers are httpx's to
write (the penetration test's ``Content-Length: 0`` broke every request to that provider);
``Authorization`` and the like come from the key file only. ``inference.services`` refuses
them when a provider is saved (API, CLI, console); the adapters drop them again when sending,
for a row written some other way.
"""

from __future__ import annotations

import re

from inference.routing import ExternalTarget

# RFC 9110's token characters.
_NAME = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$")
FRAMING = frozenset(
    {
        "host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "te",
        "trailer", "expect", "http2-settings",
    }
)  # fmt: skip
CREDENTIALS = frozenset({"authorization", "cookie", "x-api-key"})


def refusal(name: object, value: object) -> str | None:
    """Why ``name: value`` may not be an extra header; None if it may."""
    if not isinstance(name, str) or not isinstance(value, str) or not _NAME.match(name):
        return f"Header {name!r} is not a valid header name with a text value."
    if "\r" in value or "\n" in value or "\0" in value:
        return f"The value of header {name!r} contains a line break."
    lowered = name.lower()
    if lowered in FRAMING or lowered.startswith("proxy-"):
        return f"Header {name!r} frames the request or its connection; Airlock writes it itself."
    if lowered in CREDENTIALS:
        return f"Header {name!r} carries a credential; credentials come from the API key file only."
    return None


def allowed(target: ExternalTarget) -> dict[str, str]:
    """The target's extra headers that may be sent, names in lower case."""
    return {name.lower(): value for name, value in target.extra_headers if refusal(name, value) is None}
