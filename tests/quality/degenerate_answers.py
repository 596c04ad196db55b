# ruff: noqa: RUF001 - multilingual text fixtures: foreign punctuation and long sentences are the point
"""Degenerate answers: the shapes broken models produce, and real output of a perturbed SmolLM2.

The invented ones follow failure modes reported for corrupted or mis-served models: loops of a
sentence, a word or a character; special tokens leaking; broken UTF-8 (U+FFFD); control
characters; random vocabulary from many scripts. ``perturbed_smollm2.jsonl`` holds what
SmolLM2-135M-Instruct really wrote with its weights perturbed (``perturb_smollm2.py``).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"

_rng = random.Random(15)
_MULTI_SCRIPT_TOKENS = [
    "ток",
    "ения",
    "的",
    "是",
    "مر",
    "حبا",
    "नम",
    "स्ते",
    "αλ",
    "φα",
    "한국",
    "ですが",
    "ใน",
    "ש",
    "לום",
    "ing",
    "tion",
    "ver",
    "ål",
    "ß",
    "ção",
    "ž",
    "ık",
    "ր",
    "ა",
    "ტ",
]


def _salad(n: int) -> str:
    return "".join(_rng.choice(_MULTI_SCRIPT_TOKENS) + _rng.choice(["", " ", ""]) for _ in range(n))


_PARAGRAPH = (
    "The capital of France is Paris. Paris is known for the Eiffel Tower, which was built in 1889 "
    "for the World's Fair. "
)

DEGENERATE: list[tuple[str, str]] = [
    ("loop-sentence", "The capital of France is Paris. " * 30),
    ("loop-sentence-lines", "\n".join(["I am sorry, I cannot help with that."] * 12)),
    ("loop-paragraph", "Here is the answer.\n\n" + _PARAGRAPH * 8),
    ("loop-word", "The answer is " + "the " * 60),
    ("loop-word-de", "Die Antwort ist " + "und " * 40),
    ("loop-number", "Result: " + "1 " * 80),
    ("loop-char-bang", "Sure! Here is the summary" + "!" * 200),
    ("loop-char-letter", "Okay" + "a" * 120),
    ("loop-dots", "Let me think" + "." * 400),
    ("loop-newline-words", "yes\n" * 50),
    ("loop-special-tokens", "Hello" + "<|im_end|>" * 40),
    ("loop-json", '{"a": ' * 40 + "1" + "}" * 40),
    ("loop-list", "Fruits:\n" + "- apple\n" * 30),
    ("loop-phrase-fr", "Bien sûr, je peux vous aider. " * 20),
    ("loop-code", "```python\n" + "print('hello world')\n" * 25 + "```"),
    ("loop-two-words", "yes no " * 60),
    ("loop-ngram-drift", " ".join(f"and then the model said that the model said {i % 3}" for i in range(30))),
    (
        "fffd-many",
        "The answer is \ufffd\ufffd\ufffd Paris \ufffd\ufffd and \ufffd\ufffd\ufffd\ufffd more text here.",
    ),
    (
        "fffd-sparse",
        "Bonjour, voici la r\ufffdponse \ufffd votre question: la capitale est Paris, c'est tr\ufffds connu.",
    ),
    ("control-chars", "Paris\x00\x01\x02 is the \x03\x04capital\x05\x06\x07 of\x08 France\x0e\x0f\x10\x11."),
    ("control-escape", "\x1b[31m\x1b[0m\x1b[32m text \x1b[0m\x1b[1m\x1b[0m\x1b[33m" * 3),
    ("salad-1", _salad(40)),
    ("salad-2", _salad(80)),
    ("salad-3", "The answer: " + _salad(60)),
    ("salad-4", _salad(25) + " Paris " + _salad(25)),
    ("symbols", "⌘⍟⎈⏣⏥⏦⌬⍝⍣⍤⍥⍨⍩⎊⎋⎌⏁⏂⏃⏄⏅⏆⏇⏈⏉⏊⏋⏌⏍ ⌘⍟⎈⏣⏥⏦ ⍝⍣⍤⍥ ⍨⍩⎊⎋ ⏁⏂⏃⏄⏅"),
    ("private-use", "Answer: " + "".join(chr(0xE000 + _rng.randrange(3000)) for _ in range(60))),
    ("byte-tokens", "<0xE2><0x80><0x99> <0xC3><0xA9> " * 10),
    ("box-garbage", "▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁"),
    (
        "digits-garbage",
        "".join(_rng.choice("0123456789") for _ in range(30)) + "<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<",
    ),
    ("cjk-latin-cyr-arabic", "Parisставка的首都 capitalمدينة город 城市 ville مرحبا мир 世界 world"),
    ("unk-tokens", "<unk> " * 30),
]


def perturbed(name: str = "perturbed_smollm2.jsonl") -> list[tuple[str, str]]:
    """Real answers of SmolLM2 with perturbed weights (a fixture file), named by corruption."""
    path = FIXTURES / name
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(f"smollm2-{r['corruption']}-{i}", r["answer"]) for i, r in enumerate(rows)]
