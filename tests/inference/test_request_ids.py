"""Request ids: ``req_`` and 128 random bits, never repeated, not even by a forked worker."""

from __future__ import annotations

import os
import re

from inference.views import new_request_id


def test_ids_are_128_random_bits_and_do_not_repeat() -> None:
    ids = [new_request_id() for _ in range(20_000)]
    assert all(re.fullmatch(r"req_[0-9a-f]{32}", i) for i in ids)
    assert len(set(ids)) == len(ids)


def test_a_forked_worker_does_not_hand_out_its_parents_ids() -> None:
    new_request_id()  # the parent has drawn random bytes it has not used yet
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child, as gunicorn forks a worker
        os.close(reader)
        os.write(writer, ",".join(new_request_id() for _ in range(100)).encode())
        os._exit(0)
    os.close(writer)
    child = b""
    while chunk := os.read(reader, 65536):
        child += chunk
    os.close(reader)
    os.waitpid(pid, 0)
    parent = {new_request_id() for _ in range(100)}
    assert len(child.decode().split(",")) == 100
    assert not parent & set(child.decode().split(","))
