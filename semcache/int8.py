"""all-MiniLM-L6-v2's encoder layers as an int8 ONNX graph, run by onnxruntime on one thread.

The numpy forward pass (``semcache.encoder``) reads 42 MB of float32 weights per question and
spends about 14 ms of CPU on an 18-token sentence, most of it in six layers of small matrix
products bound by memory. Here the same weights are quantised to int8 once, when the encoder
loads (symmetric, one scale per output column), and every dense layer becomes
``DynamicQuantizeLinear → MatMulInteger → scale → bias``, which onnxruntime fuses into its
int8 kernels: about 2 ms of CPU for the same sentence, 10 MB of weights.

The graph is built in memory from the same ``model.safetensors`` (no ONNX file is shipped or
downloaded); attention scores, softmax, GELU and LayerNorm stay in float32. The embedding
lookup before the layers, and the mean pooling and normalisation after them, are numpy's, as
in the float32 path. The vectors are within about 0.005 of the float32 ones in cosine
(tests/semcache/test_encoder.py); bench/cache_eval.py measures hit and false-hit rates with them.
"""

from __future__ import annotations

from typing import Any

import numpy as np

OPSET = 20  # Gelu and LayerNormalization are standard ops from 20 and 17.


def available() -> bool:
    """Whether onnxruntime and onnx (to build the graph) are installed."""
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def quantise(weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 weights and their float32 scales, one per output column (``weight`` is in x out)."""
    scale = np.maximum(np.abs(weight).max(axis=0) / 127.0, 1e-12).astype(np.float32)
    return np.clip(np.round(weight / scale), -127, 127).astype(np.int8), scale


class _Graph:
    def __init__(self) -> None:
        self.nodes: list[Any] = []
        self.initialisers: list[Any] = []
        self.count = 0

    def name(self, kind: str) -> str:
        self.count += 1
        return f"{kind}_{self.count}"

    def const(self, name: str, value: np.ndarray) -> str:
        from onnx import numpy_helper

        self.initialisers.append(numpy_helper.from_array(value, name))
        return name

    def op(self, kind: str, inputs: list[str], outputs: int = 1, **attributes: Any) -> Any:
        from onnx import helper

        names = [self.name(kind) for _ in range(outputs)]
        self.nodes.append(helper.make_node(kind, inputs, names, **attributes))
        return names[0] if outputs == 1 else names

    def dense(self, x: str, weight: np.ndarray, bias: np.ndarray, key: str) -> str:
        """``x @ weight + bias`` with int8 weights and ``x`` quantised per call."""
        quantised, scale = quantise(weight)
        w = self.const(key + ".int8", quantised)
        s = self.const(key + ".scale", scale)
        b = self.const(key + ".bias", np.ascontiguousarray(bias, dtype=np.float32))
        xq, xs, xz = self.op("DynamicQuantizeLinear", [x], outputs=3)
        product = self.op("Cast", [self.op("MatMulInteger", [xq, w, xz])], to=1)  # 1: float
        return self.op("Add", [self.op("Mul", [product, self.op("Mul", [xs, s])]), b])

    def layer_norm(self, x: str, weight: np.ndarray, bias: np.ndarray, eps: float, key: str) -> str:
        return self.op(
            "LayerNormalization",
            [x, self.const(key + ".gamma", weight), self.const(key + ".beta", bias)],
            axis=-1,
            epsilon=eps,
        )


def build(w: dict[str, np.ndarray], layers: int, heads: int, hidden: int, eps: float) -> bytes:
    """The encoder layers as a serialised ONNX model.

    Inputs: ``x`` (batch x length x hidden, the embedding layer's output) and ``bias``
    (batch x 1 x 1 x length, 0 for tokens and -1e9 for padding). Output: ``hidden``, the last
    layer's token vectors. ``w`` holds the transposed, fused weights ``semcache.encoder`` keeps.
    """
    from onnx import TensorProto, helper

    g = _Graph()
    size = hidden // heads
    split = g.const("shape.heads", np.asarray([0, 0, heads, size], dtype=np.int64))
    merge = g.const("shape.hidden", np.asarray([0, 0, hidden], dtype=np.int64))
    scale = g.const("attention.scale", np.asarray(1.0 / np.sqrt(size), dtype=np.float32))
    x = "x"
    for i in range(layers):
        p = f"encoder.layer.{i}."
        qkv_w, qkv_b = w[p + "qkv.weight"], w[p + "qkv.bias"]
        parts = []
        for j, part in enumerate(("query", "key", "value")):
            cols = slice(j * hidden, (j + 1) * hidden)
            y = g.dense(x, np.ascontiguousarray(qkv_w[:, cols]), qkv_b[cols], p + part)
            y = g.op("Reshape", [y, split])
            # Keys transposed for q @ k^T: batch x heads x size x length.
            parts.append(g.op("Transpose", [y], perm=[0, 2, 3, 1] if part == "key" else [0, 2, 1, 3]))
        q, k, v = parts
        scores = g.op("Add", [g.op("Mul", [g.op("MatMul", [q, k]), scale]), "bias"])
        probs = g.op("Softmax", [scores], axis=-1)
        context = g.op("Transpose", [g.op("MatMul", [probs, v])], perm=[0, 2, 1, 3])
        context = g.op("Reshape", [context, merge])
        attended = g.dense(
            context, w[p + "attention.output.dense.weight"], w[p + "attention.output.dense.bias"], p + "out"
        )
        x = g.layer_norm(
            g.op("Add", [attended, x]),
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
            eps,
            p + "attention.norm",
        )
        inner = g.op(
            "Gelu",
            [g.dense(x, w[p + "intermediate.dense.weight"], w[p + "intermediate.dense.bias"], p + "up")],
        )
        out = g.dense(inner, w[p + "output.dense.weight"], w[p + "output.dense.bias"], p + "down")
        x = g.layer_norm(
            g.op("Add", [out, x]),
            w[p + "output.LayerNorm.weight"],
            w[p + "output.LayerNorm.bias"],
            eps,
            p + "norm",
        )
    g.nodes.append(helper.make_node("Identity", [x], ["hidden"]))
    graph = helper.make_graph(
        g.nodes,
        "all-minilm-l6-v2-int8",
        [
            helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", "length", hidden]),
            helper.make_tensor_value_info("bias", TensorProto.FLOAT, ["batch", 1, 1, "length"]),
        ],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["batch", "length", hidden])],
        g.initialisers,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = 10
    return bytes(model.SerializeToString())


class Runner:
    """An onnxruntime session of the int8 graph, one intra-op thread (the caller's core)."""

    def __init__(self, model: bytes) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # No thread spinning after a run: the gateway's cores are shared with its other work.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        options.log_severity_level = 3
        self.session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])

    def __call__(self, x: np.ndarray, bias: np.ndarray) -> np.ndarray:
        (out,) = self.session.run(["hidden"], {"x": x, "bias": bias})
        return np.asarray(out, dtype=np.float32)
