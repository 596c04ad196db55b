"""Input tokens of an embedding request are counted as the model sees them, for quotas.

Sentence-transformers models ship a tokenizer.json that pads every text to a fixed length
(all-MiniLM-L6-v2: 128) and truncates; padding is not input, so counting it would reserve and
refuse 128 tokens for "hello".
"""

from __future__ import annotations

from pathlib import Path

from tokenizers import Tokenizer, models, pre_tokenizers

from inference.quotas import tokens


def padded_tokenizer(folder: Path) -> Path:
    vocab = {"[PAD]": 0, "[UNK]": 1, "hello": 2, "world": 3}
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer.enable_padding(length=128, pad_id=0, pad_token="[PAD]")
    tokenizer.enable_truncation(max_length=128)
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer.save(str(folder / "tokenizer.json"))
    return folder


def test_padding_of_a_sentence_transformers_tokenizer_is_not_counted_as_input(tmp_path: Path) -> None:
    folder = str(padded_tokenizer(tmp_path / "minilm"))
    assert tokens.load_now(folder) is not None
    assert tokens.estimate_prompt("embeddings", {"input": "hello world"}, folder) == 2
    assert tokens.estimate_prompt("embeddings", {"input": ["hello", "hello world"]}, folder) == 3


def test_token_id_inputs_are_counted_exactly(tmp_path: Path) -> None:
    assert tokens.estimate_prompt("embeddings", {"input": [[101, 7592, 102], [101, 102]]}) == 5
    assert tokens.estimate_prompt("embeddings", {"input": [101, 7592, 102]}) == 3
