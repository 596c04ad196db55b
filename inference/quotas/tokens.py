"""How many tokens a prompt will be, before it is sent — for the reservation only.

The reservation is settled to the backend's own count after the answer, but never above what
was reserved (``gate.capped``: so limits hold whatever a backend reports). This needs to be
close and, when unsure, high rather than low: a low count would cut an honest backend's charge
and flag it as an over-report.

- If the model's folder has a ``tokenizer.json`` and the ``tokenizers`` library is installed,
  the text is counted with the model's own tokenizer. The gateway loads it, with the chat
  template, off the event loop the first time a worker sees the model (``ready``: that request
  waits, about a second); for external models the estimate below is used.
- Otherwise: one token per three bytes of UTF-8. English averages about four characters per
  token and code about three, so this errs high; CJK text is about one token per character,
  which is three bytes, so it stays close.

Chat messages are counted as the backend will count them: when the model's folder has a chat
template (``chat_template.jinja``, or ``chat_template`` in ``tokenizer_config.json``) and its
tokenizer, the conversation is rendered with that template, as vLLM does, and the rendered text
is tokenized — so a template's own text counts too (SmolLM2's adds a default system message:
vLLM reports 32 prompt tokens for "Say hello", which the per-message rule below counted as 10).
Without a template: five tokens per message (ChatML and Llama 3 templates have about that) plus
three to prime the reply. Prompts sent as token ids are counted exactly.
"""

from __future__ import annotations

import asyncio
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
_templates: dict[str, Any] = {}  # folder -> ChatTemplate, or None when there is none
_loading: set[str] = set()
_lock = threading.Lock()
_load_lock = threading.Lock()  # one load at a time: a request waiting for it, or the background


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
    # /v1/embeddings names it "input"; its forms are those of a completion prompt.
    prompt = body.get("input") if endpoint == "embeddings" else body.get("prompt")
    if isinstance(prompt, str):
        return [prompt], 0
    if isinstance(prompt, list):
        if all(isinstance(p, int) for p in prompt):
            return [], len(prompt)
        known = sum(len(p) for p in prompt if isinstance(p, list))
        return [p for p in prompt if isinstance(p, str)], known
    return [], 0


def count(texts: list[str], folder: str | None = None, *, special: bool = False) -> int:
    """Tokens in ``texts``: the model's tokenizer when it is loaded, else the byte estimate.

    ``special``: with the tokens the tokenizer adds around a text (a BOS), as vLLM does for a
    plain completion prompt.
    """
    tokenizer = tokenizer_for(folder) if folder else None
    if tokenizer is not None:
        return sum(
            len(encoding.ids) for encoding in tokenizer.encode_batch(texts, add_special_tokens=special)
        )
    return sum(_bytes_estimate(text) for text in texts)


class ChatTemplate:
    """A model's chat template, compiled once, rendered the way vLLM renders it."""

    def __init__(self, source: str, config: dict[str, Any]) -> None:
        from jinja2.ext import loopcontrols
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        def raise_exception(message: str) -> None:
            raise ValueError(message)

        environment = ImmutableSandboxedEnvironment(
            trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols]
        )
        environment.filters["tojson"] = lambda value, indent=None, **_: orjson.dumps(value).decode()
        environment.globals["raise_exception"] = raise_exception
        self._template = environment.from_string(source)
        self._tokens = {
            name: _token_text(config.get(name))
            for name in ("bos_token", "eos_token", "unk_token", "pad_token")
        }

    def render(self, body: dict[str, Any]) -> str:
        messages = []
        for message in body.get("messages") or []:
            if not isinstance(message, dict):
                raise ValueError("not a message")
            content = message.get("content")
            # vLLM gives a text-only template the parts of a multi-part content joined by lines.
            messages.append(
                {**message, "content": _text_of(content) if isinstance(content, list) else content}
            )
        kwargs = body.get("chat_template_kwargs")
        return str(
            self._template.render(
                messages=messages,
                tools=body.get("tools"),
                add_generation_prompt=True,
                **self._tokens,
                **(kwargs if isinstance(kwargs, dict) else {}),
            )
        )


def _token_text(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("content") or "")
    return value if isinstance(value, str) else ""


def _templated(body: dict[str, Any], folder: str) -> int | None:
    """A chat prompt's tokens as rendered by the model's template, or None without one."""
    tokenizer = tokenizer_for(folder)
    template = _templates.get(folder)
    if tokenizer is None or template is None:
        return None
    try:
        text = template.render(body)
    except Exception as exc:
        # A conversation the template refuses (vLLM would answer 400) or cannot render here:
        # the per-message rule, which errs high.
        log.debug("chat template of %s not rendered: %r", folder, exc)
        return None
    # vLLM tokenizes a rendered conversation without adding special tokens: the template has them.
    return len(tokenizer.encode(text, add_special_tokens=False).ids)


def estimate_prompt(endpoint: str, body: dict[str, Any], folder: str | None = None) -> int:
    if endpoint == "chat/completions" and folder:
        templated = _templated(body, folder)
        if templated is not None:
            return templated
    texts, known = texts_of(endpoint, body)
    special = endpoint in ("completions", "embeddings")
    return known + (count(texts, folder, special=special) if texts else 0)


def max_completion(endpoint: str, body: dict[str, Any], default: int) -> tuple[int, bool]:
    """The most completion tokens the request may produce, and whether the client said so."""
    if endpoint == "embeddings":
        return 0, True  # an embedding is the input's tokens and nothing more
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
    threading.Thread(target=_load_once, args=(folder,), name="tokenizer-load", daemon=True).start()
    return None


async def ready(folder: str) -> None:
    """Load a folder's tokenizer and chat template before its first count, off the event loop.

    The first request for a model in a worker waits for them (about a second for SmolLM2's):
    counted without them its prompt would be reserved too low (10 tokens for "Say hello" where
    vLLM reports 32), and the settlement, capped at the reservation, would cut an honest
    backend's charge and flag it.
    """
    if folder in _tokenizers:
        return
    await asyncio.get_running_loop().run_in_executor(None, _load_once, folder)


def _load_once(folder: str) -> None:
    with _load_lock:
        if folder not in _tokenizers:
            _load(folder)


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
            # Sentence-transformers tokenizers pad every text to a fixed length and truncate it
            # (all-MiniLM-L6-v2: 128): padding is not input, and vLLM does not truncate (it
            # refuses an input over the context), so both would make the count wrong.
            tokenizer.no_padding()
            tokenizer.no_truncation()
    except ImportError:
        log.info("the tokenizers library is not installed; prompt tokens are estimated from their size")
    except Exception as exc:
        log.warning("cannot load %s (%r); prompt tokens are estimated from their size", path, exc)
    template = _load_template(Path(folder)) if tokenizer is not None else None
    with _lock:
        _templates[folder] = template
        _tokenizers[folder] = tokenizer
        _loading.discard(folder)


def _load_template(folder: Path) -> ChatTemplate | None:
    """The folder's chat template: ``chat_template.jinja`` (newer transformers save it there)
    or ``tokenizer_config.json``'s ``chat_template`` (a text, or named templates: "default")."""
    config: dict[str, Any] = {}
    source: Any = None
    try:
        config_path = folder / "tokenizer_config.json"
        if config_path.is_file():
            loaded = orjson.loads(config_path.read_bytes())
            config = loaded if isinstance(loaded, dict) else {}
            source = config.get("chat_template")
        if isinstance(source, list):
            named = {t.get("name"): t.get("template") for t in source if isinstance(t, dict)}
            source = named.get("default")
        jinja_path = folder / "chat_template.jinja"
        if jinja_path.is_file():
            source = jinja_path.read_text()
        if not isinstance(source, str) or not source:
            return None
        return ChatTemplate(source, config)
    except Exception as exc:
        log.warning(
            "cannot load the chat template of %s (%r); chat prompts are counted per message", folder, exc
        )
        return None
