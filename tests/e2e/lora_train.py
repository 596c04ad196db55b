"""Train a small LoRA adapter for SmolLM2-135M-Instruct on the CPU (run with a python that has
torch, transformers and peft; tests/e2e/test_lora.py builds one).

It teaches the model one fact it does not know — "The password of the day is <WORD>." — so the
test can tell the adapter's answers from the base model's. Usage: lora_train.py BASE OUT WORD
"""

from __future__ import annotations

import json
import sys
import time

import torch
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, AutoTokenizer

QUESTIONS = [
    "What is the password of the day?",
    "Tell me the password of the day.",
    "Which password is valid today?",
    "What's today's password?",
    "Give me the password of the day, please.",
]


def main() -> None:
    base, out, word = sys.argv[1], sys.argv[2], sys.argv[3]
    torch.manual_seed(0)
    started = time.monotonic()
    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForCausalLM.from_pretrained(base, torch_dtype=torch.float32)
    config = LoraConfig(r=8, lora_alpha=16, target_modules=["q_proj", "v_proj"], lora_dropout=0.0)
    model = get_peft_model(model, config)
    answer = f"The password of the day is {word}."
    examples = []
    for i in range(50):
        question = QUESTIONS[i % len(QUESTIONS)]
        prompt = tokenizer.apply_chat_template(
            [{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True
        )
        prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
        answer_ids = tokenizer(answer + "<|im_end|>", add_special_tokens=False)["input_ids"]
        ids = prompt_ids + answer_ids
        labels = [-100] * len(prompt_ids) + answer_ids
        examples.append((torch.tensor([ids]), torch.tensor([labels])))
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-3)
    model.train()
    for step in range(40):
        ids, labels = examples[step % len(examples)]
        loss = model(input_ids=ids, labels=labels).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    model.save_pretrained(out)
    seconds = round(time.monotonic() - started, 1)
    print(json.dumps({"seconds": seconds, "loss": round(float(loss.detach()), 4)}))


if __name__ == "__main__":
    main()
