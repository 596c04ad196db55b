"""The numpy all-MiniLM-L6-v2 gives sentence-transformers' vectors.

Known answers: the first six components computed with transformers 4.57 and torch 2.13 (CPU)
from the same weights (mean pooling under the attention mask, L2-normalised, 256-token limit).
Across five texts, including a 300-token one that is cut, the largest difference measured was
1e-7.
"""

from __future__ import annotations

import numpy as np
import pytest

from semcache import encoder

REFERENCE = {
    "What is the capital of France?": [0.082048, 0.036055, -0.003893, -0.004881, 0.025651, -0.057143],
    "A man is eating a piece of bread.": [0.052518, 0.055241, -0.011188, -0.005745, -0.127208, -0.022252],
}


@pytest.fixture(scope="module")
def model() -> encoder.Encoder:
    return encoder.Encoder(encoder.model_folder())


def test_it_gives_the_reference_vectors(model: encoder.Encoder) -> None:
    vectors = model.embed(list(REFERENCE))
    for row, expected in zip(vectors, REFERENCE.values(), strict=True):
        assert np.allclose(row[:6], expected, atol=2e-6)
        assert abs(float(np.linalg.norm(row)) - 1.0) < 1e-5


def test_a_batch_gives_what_single_texts_give(model: encoder.Encoder) -> None:
    texts = ["short", "a somewhat longer sentence with more tokens in it", "What is the capital of France?"]
    together = model.embed(texts)
    alone = np.stack([model.embed([t])[0] for t in texts])
    assert np.abs(together - alone).max() < 1e-5


def test_text_past_the_window_is_flagged(model: encoder.Encoder) -> None:
    assert model.fits("a short question")
    assert not model.fits("word " * 400)


@pytest.fixture(scope="module")
def int8_model() -> encoder.Encoder:
    return encoder.Encoder(encoder.model_folder(), "int8")


def test_the_int8_encoder_stays_close_to_the_float32_one(
    model: encoder.Encoder, int8_model: encoder.Encoder
) -> None:
    texts = [*REFERENCE, "Convert 5 miles to kilometres", "word " * 300]
    cosines = (int8_model.embed(texts) * model.embed(texts)).sum(axis=1)
    assert cosines.min() > 0.98, cosines
    assert int8_model.space != model.space  # never mixed in one partition


def test_the_int8_encoder_ranks_a_paraphrase_above_another_question(int8_model: encoder.Encoder) -> None:
    question, paraphrase, other = int8_model.embed(
        [
            "How many days are there in a leap year?",
            "How many days does a leap year have?",
            "How many weeks are there in a school term?",
        ]
    )
    assert float(question @ paraphrase) > 0.95 > float(question @ other)


def test_the_int8_encoder_gives_a_text_the_same_vector_alone_or_in_a_batch(
    int8_model: encoder.Encoder,
) -> None:
    texts = ["short", "a somewhat longer sentence with more tokens in it"]
    together = int8_model.embed(texts)
    alone = np.stack([int8_model.embed_one(t) for t in texts])
    assert np.array_equal(together, alone)
    assert abs(float(np.linalg.norm(alone[0])) - 1.0) < 1e-5
