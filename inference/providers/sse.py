"""Server-sent events from a provider, parsed incrementally (WHATWG rules, as far as needed)."""

from __future__ import annotations

from collections.abc import Iterator


class StreamError(Exception):
    """The provider reported an error, or sent something unreadable, in the middle of a stream."""


class EventParser:
    """Bytes in, ``(event name, data)`` pairs out, whatever the network's chunking.

    Events end at a blank line; ``\\r\\n``, ``\\r`` and ``\\n`` all end lines; several ``data:``
    lines of one event are joined with newlines; comments (``: ping``) are skipped.
    """

    def __init__(self) -> None:
        self._buffer = b""
        self._event: str | None = None
        self._data: list[str] = []

    def feed(self, chunk: bytes) -> Iterator[tuple[str | None, str]]:
        self._buffer += chunk
        while True:
            cut = _line_end(self._buffer)
            if cut is None:
                return
            end, after = cut
            line = self._buffer[:end].decode("utf-8", errors="replace")
            self._buffer = self._buffer[after:]
            if not line:
                if self._data:
                    yield self._event, "\n".join(self._data)
                self._event, self._data = None, []
                continue
            if line.startswith(":"):
                continue
            name, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if name == "event":
                self._event = value
            elif name == "data":
                self._data.append(value)

    def close(self) -> Iterator[tuple[str | None, str]]:
        """A last event the provider did not end with a blank line."""
        if self._buffer:
            yield from self.feed(b"\n\n")
        elif self._data:
            yield from self.feed(b"\n")


def _line_end(buffer: bytes) -> tuple[int, int] | None:
    newline = buffer.find(b"\n")
    carriage = buffer.find(b"\r")
    if carriage == -1 and newline == -1:
        return None
    if carriage != -1 and (newline == -1 or carriage < newline):
        if carriage == len(buffer) - 1:
            return None  # a \r\n may be split across chunks: wait for the next byte
        return carriage, carriage + (2 if buffer[carriage + 1 : carriage + 2] == b"\n" else 1)
    return newline, newline + 1
