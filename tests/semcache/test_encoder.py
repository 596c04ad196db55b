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
