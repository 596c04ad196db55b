"""Reversible placeholders: consistent out, restored back in — whole, streamed, and concurrently."""

from __future__ import annotations

import asyncio
import copy
import pickle
import random
import threading
from dataclasses import dataclass

import pytest

from redaction.placeholders import Session


@dataclass
class Report:
    restored: int = 0


def session_with(*pairs: tuple[str, str], avoid: list[str] | None = None) -> Session:
    session = Session(Report())
    if avoid:
        session.avoid(avoid)
    for entity_type, value in pairs:
        session.placeholder(entity_type, value)
    return session


def test_the_same_value_gets_the_same_placeholder_across_messages_and_types_are_numbered_apart() -> None:
    session = Session()

    first = session.placeholder("PERSON", "Ada Lovelace")
    email = session.placeholder("EMAIL_ADDRESS", "ada@example.com")
    second = session.placeholder("PERSON", "Charles Babbage")
    again = session.placeholder("PERSON", "Ada Lovelace")
    spaced = session.placeholder("PERSON", "ada   LOVELACE")

    assert (first, email, second) == ("<PERSON_1>", "<EMAIL_ADDRESS_1>", "<PERSON_2>")
    assert again == spaced == first
    assert session.restore("<PERSON_1> met <PERSON_2>") == "Ada Lovelace met Charles Babbage"


@pytest.mark.parametrize(
    "written",
    [
        "<PERSON_1>",
        "<person_1>",
        "<Person_1>",
        "[PERSON_1]",
        "{PERSON_1}",
        "PERSON_1",
        "person_1",
        "«PERSON_1»",
        "&lt;PERSON_1&gt;",
        "<<PERSON_1>>",
        "[[PERSON_1]]",
        "{{PERSON_1}}",
        "< PERSON_1 >",
        "PERSON\\_1",
        "<PERSON-1>",
    ],
)
def test_a_placeholder_is_restored_however_the_model_writes_its_case_and_brackets(written: str) -> None:
    session = session_with(("PERSON", "Ada Lovelace"))

    assert session.restore(f"Dear {written}, thank you.") == "Dear Ada Lovelace, thank you."
    assert session.report is not None and session.report.restored == 1


def test_brackets_that_belong_to_the_text_are_kept() -> None:
    session = session_with(("PERSON", "Ada"), ("PERSON", "Charles"))

    assert session.restore("[<PERSON_1>, <PERSON_2>]") == "[Ada, Charles]"
    assert session.restore("[PERSON_1, PERSON_2]") == "[Ada, Charles]"
    assert session.restore("(PERSON_1)") == "(Ada)"
    assert session.restore('{"name": "PERSON_2"}') == '{"name": "Charles"}'
    assert session.restore("<PERSON_1>> and <<PERSON_2>") == "Ada> and <Charles"  # one pair each


def test_only_whole_placeholders_of_this_request_are_restored() -> None:
    session = session_with(*[("PERSON", f"Person number {i}") for i in range(1, 13)])

    assert session.restore("PERSON_12 and PERSON_1") == "Person number 12 and Person number 1"
    assert session.restore("PERSON_13, MY_PERSON_1, PERSON_1234") == "PERSON_13, MY_PERSON_1, PERSON_1234"
    assert session.restore("<LOCATION_1>") == "<LOCATION_1>"


def test_a_placeholder_already_in_the_users_text_is_never_handed_out_or_restored() -> None:
    users_text = "Please explain what <PERSON_1> means in our template, as Ada asked."
    session = session_with(("PERSON", "Ada"), avoid=[users_text])

    assert session.tokens() == {"<PERSON_2>": "Ada"}
    answer = "In the template, <PERSON_1> is a slot; PERSON_2 asked about it."
    assert session.restore(answer) == "In the template, <PERSON_1> is a slot; Ada asked about it."


def test_restored_values_inside_json_strings_keep_the_json_valid() -> None:
    session = session_with(("PERSON", 'Ada "the Countess" Lovelace'))

    assert (
        session.restore('{"to": "<PERSON_1>"}', json_string=True)
        == '{"to": "Ada \\"the Countess\\" Lovelace"}'
    )


ANSWER = (
    "Dear <PERSON_1>, your colleague [person_2] wrote to <EMAIL_ADDRESS_1> about PERSON_12's file; "
    "call &lt;PHONE_NUMBER_1&gt; or {PERSON_1}. Regards, «PERSON_2»"
)


def numbered_session() -> Session:
    pairs = [("PERSON", f"Name{i}") for i in range(1, 13)]
    return session_with(*pairs, ("EMAIL_ADDRESS", "ada@example.com"), ("PHONE_NUMBER", "+44 20 7946 0958"))


def streamed(session: Session, pieces: list[str]) -> str:
    restorer = session.restorer()
    return "".join(restorer.feed(piece) for piece in pieces) + restorer.flush()


def test_a_stream_split_at_every_position_restores_exactly_like_the_whole_text() -> None:
    session = numbered_session()
    expected = session.restore(ANSWER)

    for cut in range(len(ANSWER) + 1):
        assert streamed(session, [ANSWER[:cut], ANSWER[cut:]]) == expected, cut


def test_a_stream_split_at_every_pair_of_positions_inside_a_placeholder_restores_it() -> None:
    session = numbered_session()
    text = "Hi &lt;PHONE_NUMBER_1&gt;!"
    expected = "Hi +44 20 7946 0958!"

    for first in range(len(text) + 1):
        for second in range(first, len(text) + 1):
            assert streamed(session, [text[:first], text[first:second], text[second:]]) == expected


def test_a_stream_in_random_chunks_restores_exactly_like_the_whole_text() -> None:
    session = numbered_session()
    rng = random.Random(20261123)
    text = ANSWER * 3
    expected = session.restore(text)

    for _ in range(500):
        cuts = sorted(rng.sample(range(1, len(text)), rng.randint(1, 40)))
        pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
        assert streamed(session, pieces) == expected

    one_char_at_a_time = streamed(session, list(text))
    assert one_char_at_a_time == expected


def test_a_stream_holds_back_only_a_possible_partial_placeholder() -> None:
    session = numbered_session()
    restorer = session.restorer()

    assert restorer.feed("Dear <PERS") == "Dear "
    assert restorer.feed("ON_1") == ""  # could still become <PERSON_12>
    assert restorer.feed(">, here is the plan. ") == "Name1, here is the plan. "
    assert restorer.feed("Step one: open the file and read it carefully") == (
        "Step one: open the file and read it carefully"
    )
    assert restorer.feed(" then ask P") == " then ask "
    assert restorer.feed("aris") == "Paris"
    assert restorer.flush() == ""


def test_a_stream_without_placeholders_is_passed_through_at_once() -> None:
    restorer = Session().restorer()
    assert restorer.feed("Dear <PERS") == "Dear <PERS"


def test_a_session_never_shows_or_serialises_its_values() -> None:
    session = session_with(("PERSON", "Ada Lovelace"))

    assert "Ada" not in repr(session) and "Ada" not in str(session)
    assert "Ada" not in repr(session.restorer())
    with pytest.raises(TypeError):
        pickle.dumps(session)
    with pytest.raises(TypeError):
        copy.deepcopy(session)


def test_a_hundred_concurrent_sessions_each_restore_only_their_own_values() -> None:
    # Every session hands out <PERSON_1> for a different person; the model's answers look alike.
    async def one(i: int) -> tuple[str, str]:
        session = session_with(("PERSON", f"Patient {i}"))
        restorer = session.restorer()
        out = []
        for piece in ["Hello <PER", "SON_", "1>, how ", "are you, PERSON_1?"]:
            await asyncio.sleep(random.random() / 1000)  # interleave the streams
            out.append(restorer.feed(piece))
        out.append(restorer.flush())
        return session.restore("<PERSON_1>"), "".join(out)

    async def everyone() -> list[tuple[str, str]]:
        return await asyncio.gather(*(one(i) for i in range(100)))

    results = asyncio.run(everyone())

    for i, (whole, stream) in enumerate(results):
        assert whole == f"Patient {i}"
        assert stream == f"Hello Patient {i}, how are you, Patient {i}?"


def test_sessions_in_a_hundred_threads_do_not_mix() -> None:
    errors: list[str] = []
    barrier = threading.Barrier(100)

    def work(i: int) -> None:
        session = Session()
        token = session.placeholder("PERSON", f"Person {i}")
        barrier.wait()
        for _ in range(200):
            if session.restore(f"{token} and {token}") != f"Person {i} and Person {i}":
                errors.append(f"session {i} restored another's value")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(100)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
