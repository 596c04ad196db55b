"""How many tokens a prompt will be, before it is sent — for the reservation only.

The reservation is settled to the backend's own count after the answer, so this needs to be
close and, when unsure, high rather than low (a low estimate lets a request pass a limit it
will then overrun by the difference):

- If the model's folder has a ``tokenizer.json`` and the ``tokenizers`` library is installed,
  the text is counted with the model's own tokenizer. The tokenizer is loaded in the
  background the first time a model is seen (it can take a second for a large vocabulary);
  until it is ready, and for external models, the estimate below is used.
- Otherwise: one token per three bytes of UTF-8. English averages about four characters per
  token and code about three, so this errs high; CJK text is about one token per character,
  which is three bytes, so it stays close.

Chat messages add the chat template's tokens (about five per message, as ChatML and Llama 3
templates have, plus three to prime the reply). Prompts sent as token ids are counted exactly.
"""

from __future__ import annotations

import logging
import math
import threading
from pathlib import Path
from typing import Any

import orjson

log = logging.getLogger("airlock.quotas")

BYTES_PER_TOKEN = 3
PER_MESSAGE = 5
REPLY_PRIMING = 3

_tokenizers: dict[str, Any] = {}  # folder -> Tokenizer, or None when there is none
_loading: set[str] = set()
_lock = threading.Lock()


def _bytes_estimate(text: str) -> int:
    return math.ceil(len(text.encode()) / BYTES_PER_TOKEN)


def _text_of(content: Any) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for part in content:
            if isinstance(part, dict):
                text = part.get("text")
                parts.append(text if isinstance(text, str) else orjson.dumps(part).decode())
            else:
                parts.append(str(part))
        return "\n".join(parts)
    return orjson.dumps(content).decode()


def texts_of(endpoint: str, body: dict[str, Any]) -> tuple[list[str], int]:
    """The prompt as texts to count, and the tokens already known exactly (template, ids)."""
    if endpoint == "chat/completions":
        messages = body.get("messages") or []
        texts = []
        for message in messages:
            if not isinstance(message, dict):
                continue
            texts.append(_text_of(message.get("content")))
            extra = {k: v for k, v in message.items() if k in ("tool_calls", "name", "function_call")}
            if extra:
                texts.append(orjson.dumps(extra).decode())
        if body.get("tools"):
            texts.append(orjson.dumps(body["tools"]).decode())
        return texts, PER_MESSAGE * len(messages) + REPLY_PRIMING
    prompt = body.get("prompt")
    if isinstance(prompt, str):
        return [prompt], 0
    if isinstance(prompt, list):
        if all(isinstance(p, int) for p in prompt):
            return [], len(prompt)
        known = sum(len(p) for p in prompt if isinstance(p, list))
        return [p for p in prompt if isinstance(p, str)], known
    return [], 0


def count(texts: list[str], folder: str | None = None) -> int:
    """Tokens in ``texts``: the model's tokenizer when it is loaded, else the byte estimate."""
    tokenizer = tokenizer_for(folder) if folder else None
    if tokenizer is not None:
        return sum(len(encoding.ids) for encoding in tokenizer.encode_batch(texts, add_special_tokens=False))
    return sum(_bytes_estimate(text) for text in texts)


def estimate_prompt(endpoint: str, body: dict[str, Any], folder: str | None = None) -> int:
    texts, known = texts_of(endpoint, body)
    return known + (count(texts, folder) if texts else 0)


def max_completion(endpoint: str, body: dict[str, Any], default: int) -> tuple[int, bool]:
    """The most completion tokens the request may produce, and whether the client said so."""
    given = body.get("max_completion_tokens") if endpoint == "chat/completions" else None
    if given is None:
        given = body.get("max_tokens")
    choices = body.get("n") or 1
    if endpoint == "completions":
        choices = max(choices, body.get("best_of") or 1)
    if isinstance(given, int) and given > 0:
        return given * choices, True
    return default * choices, False


def tokenizer_for(folder: str) -> Any:
    """The loaded tokenizer of a model folder, or None (not there, not installed, or loading)."""
    if folder in _tokenizers:
        return _tokenizers[folder]
    with _lock:
        if folder in _loading or folder in _tokenizers:
            return _tokenizers.get(folder)
        _loading.add(folder)
    threading.Thread(target=_load, args=(folder,), name="tokenizer-load", daemon=True).start()
    return None


def load_now(folder: str) -> Any:
    """Load a folder's tokenizer in this thread (tests, and warming a worker up)."""
    _load(folder)
    return _tokenizers.get(folder)


def _load(folder: str) -> None:
    tokenizer = None
    path = Path(folder) / "tokenizer.json"
    try:
        if path.is_file():
            from tokenizers import Tokenizer

            tokenizer = Tokenizer.from_file(str(path))
    except ImportError:
        log.info("the tokenizers library is not installed; prompt tokens are estimated from their size")
    except Exception as exc:
        log.warning("cannot load %s (%r); prompt tokens are estimated from their size", path, exc)
    with _lock:
        _tokenizers[folder] = tokenizer
        _loading.discard(folder)
