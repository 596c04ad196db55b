"""Prompts are counted with the model's own tokenizer when its folder has one."""

from __future__ import annotations

from pathlib import Path

import openai
import pytest
from tokenizers import Tokenizer, models, pre_tokenizers

from inference.quotas import services, tokens
from tests.quotas.conftest import Clock, Gateway

TEN_WORDS = "a b c d e f g h i j"  # 19 bytes: 7 tokens by size, 10 by a word tokenizer


def word_tokenizer(folder: Path) -> Path:
    tokenizer = Tokenizer(models.WordLevel({"[UNK]": 0}, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    path = folder / "tokenizer.json"
    tokenizer.save(str(path))
    return path


def test_a_folder_with_a_tokenizer_is_counted_with_it(tmp_path: Path) -> None:
    word_tokenizer(tmp_path)
    assert tokens.load_now(str(tmp_path)) is not None
    body = {"prompt": TEN_WORDS}
    assert tokens.estimate_prompt("completions", body, str(tmp_path)) == 10
    assert tokens.estimate_prompt("completions", body) == 7  # without it: a token per three bytes


def test_a_folder_without_a_tokenizer_falls_back_to_the_size_estimate(tmp_path: Path) -> None:
    assert tokens.load_now(str(tmp_path)) is None
    assert tokens.estimate_prompt("completions", {"prompt": TEN_WORDS}, str(tmp_path)) == 7


def test_a_broken_tokenizer_file_falls_back_to_the_size_estimate(tmp_path: Path) -> None:
    (tmp_path / "tokenizer.json").write_text("{not json")
    assert tokens.load_now(str(tmp_path)) is None
    assert tokens.estimate_prompt("completions", {"prompt": TEN_WORDS}, str(tmp_path)) == 7


def test_the_gateway_reserves_by_the_served_models_tokenizer(quota_gateway: Gateway, clock: Clock) -> None:
    folder = Path(quota_gateway.versions["stub"].path)
    word_tokenizer(folder)
    tokens.load_now(str(folder))
    services.do_set_limits(quota_gateway.app, {"tokens_per_minute": 10})
    with pytest.raises(openai.RateLimitError) as caught:
        quota_gateway.client().chat.completions.create(
            model="stub", messages=[{"role": "user", "content": TEN_WORDS}], max_tokens=16
        )
    # 10 words + 5 for the message + 3 to prime the reply, + 16 to answer.
    assert "This request alone needs 34" in caught.value.body["message"]
