"""Many simultaneous requests with different personal data: each gets back only its own values.

Every request has its own placeholder session; the capture server echoes each request's
placeholders, which are the same strings (``<EMAIL_ADDRESS_1>``…) in every request. An answer
restored with another request's session would show another person's values.
"""

from __future__ import annotations

import asyncio

import openai

from tests.egress.conftest import ANTHROPIC_MODEL, OPENAI_MODEL, Egress

PEOPLE = 50


def person(i: int) -> dict[str, str]:
    return {
        "email": f"patient{i:02d}.record@example.org",
        "phone": f"+1 415 555 {1000 + i:04d}",
        "ssn": f"{201 + i:03d}-{10 + i:02d}-{4000 + i:04d}",
        "mrn": f"MRN-{7000000 + i * 13:07d}",
    }


def prompt(values: dict[str, str]) -> str:
    return (
        f"Write to {values['email']} or call {values['phone']}. "
        f"My SSN is {values['ssn']} and my record is {values['mrn']}."
    )


async def ask(client: openai.AsyncOpenAI, i: int) -> str:
    model = OPENAI_MODEL if i % 2 else ANTHROPIC_MODEL
    messages = [{"role": "user", "content": prompt(person(i))}]
    if i % 4 < 2:
        answer = await client.chat.completions.create(model=model, messages=messages)  # type: ignore[arg-type]
        return answer.choices[0].message.content or ""
    stream = await client.chat.completions.create(model=model, messages=messages, stream=True)  # type: ignore[arg-type]
    return "".join([c.choices[0].delta.content or "" async for c in stream if c.choices])


async def ask_all(egress: Egress) -> list[str]:
    client = openai.AsyncOpenAI(base_url=f"{egress.url}/v1", api_key=egress.key, max_retries=0, timeout=120)
    try:
        return await asyncio.gather(*(ask(client, i) for i in range(PEOPLE)))
    finally:
        await client.close()


def test_fifty_simultaneous_requests_each_get_back_only_their_own_values(egress: Egress) -> None:
    egress.allow()
    egress.capture.piece = 3  # streams interleave in small pieces, placeholders split
    egress.capture.delay = 0.2  # so the requests really are in flight together
    answers = asyncio.run(ask_all(egress))
    everyone = {i: set(person(i).values()) for i in range(PEOPLE)}
    for i, answer in enumerate(answers):
        for value in everyone[i]:
            assert value in answer, f"request {i} did not get its own {value!r} back: {answer!r}"
        for j, values in everyone.items():
            if j != i:
                leaked = [v for v in values if v in answer]
                assert not leaked, f"request {i} received request {j}'s {leaked}"
    raw = egress.capture.raw()
    assert len(egress.capture.requests) == PEOPLE
    for values in everyone.values():
        for value in values:
            assert value.encode() not in raw, f"the provider received {value!r}"
