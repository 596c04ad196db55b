"""The standalone verifier (``audit/verifier.py``, shipped in every bundle as ``verify.py``).

Tested the way Certificate Transparency tests its verifiers: known-answer vectors first
(RFC 8032 §7.1 for Ed25519, the CT reference tree for Merkle hashing and proofs), then the
code against the RFCs' recursive definitions written out plainly below, then every valid
proof or bundle altered one way at a time — each alteration must be caught.
"""

from __future__ import annotations

import ast
import base64
import hashlib
import json
import random
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from audit import verifier
from audit.verifier import (
    EMPTY_ROOT,
    Frontier,
    canonical_json,
    checkpoint_statement,
    consistency_proof,
    ed25519_verify,
    inclusion_proof,
    leaf_bytes,
    leaf_hash,
    node_hash,
    range_proof,
    root_from_range,
    tree_root,
    verify_bundle,
    verify_checkpoint,
    verify_consistency,
    verify_inclusion,
)

VERIFIER_SOURCE = Path(verifier.__file__)


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def flip(data: bytes, bit: int = 0) -> bytes:
    """``data`` with one bit flipped (bit 0 is the lowest bit of the first byte)."""
    out = bytearray(data)
    out[bit // 8] ^= 1 << (bit % 8)
    return bytes(out)


# --- The RFC 9162 §2.1 definitions, written out plainly over the entries D[n] ---


def mth(entries: Sequence[bytes]) -> bytes:
    """MTH(D[n]) exactly as RFC 9162 §2.1.1 defines it, recursively."""
    n = len(entries)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return hashlib.sha256(b"\x00" + entries[0]).digest()
    k = 1
    while k * 2 < n:
        k *= 2
    return hashlib.sha256(b"\x01" + mth(entries[:k]) + mth(entries[k:])).digest()


def plain_path(m: int, entries: Sequence[bytes]) -> list[bytes]:
    """PATH(m, D[n]) as RFC 9162 §2.1.3.1 defines it."""
    n = len(entries)
    if n == 1:
        return []
    k = 1
    while k * 2 < n:
        k *= 2
    if m < k:
        return [*plain_path(m, entries[:k]), mth(entries[k:])]
    return [*plain_path(m - k, entries[k:]), mth(entries[:k])]


def plain_subproof(m: int, entries: Sequence[bytes], complete: bool) -> list[bytes]:
    """SUBPROOF(m, D[n], b) as RFC 9162 §2.1.4.1 defines it."""
    n = len(entries)
    if m == n:
        return [] if complete else [mth(entries)]
    k = 1
    while k * 2 < n:
        k *= 2
    if m <= k:
        return [*plain_subproof(m, entries[:k], complete), mth(entries[k:])]
    return [*plain_subproof(m - k, entries[k:], False), mth(entries[:k])]


def entries(n: int) -> list[bytes]:
    """n distinct log entries (as many as the tests need, up to 65536)."""
    return [i.to_bytes(2, "big") + b"entry" for i in range(n)]


# --- Merkle tree hashes: known answers ---

# The Certificate Transparency reference tree (RFC 6962 test data, used by every CT
# implementation): these eight entries, and the roots of their first 1..8.
CT_ENTRIES = [
    bytes.fromhex(h)
    for h in [
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    ]
]
CT_ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
CT_INCLUSION = [  # (index, size, proof), 0-based leaf index
    (
        0,
        8,
        [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        5,
        8,
        [
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (
        1,
        5,
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
]
CT_CONSISTENCY = [  # (old size, new size, proof)
    (1, 1, []),
    (
        1,
        8,
        [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        6,
        8,
        [
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (
        2,
        5,
        [
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
]
# The roots of the trees of leaf_hash(bytes([i])) for i < n, n = 1..8 (checked against the
# plain definition below, so a change to either is caught).
BYTE_ROOTS = [
    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
    "a20bf9a7cc2dc8a08f5f415a71b19f6ac427bab54d24eec868b5d3103449953a",
    "3b6cccd7e3e023ff393006f030315ee7ad9eb111b022b41fba7e5b7a3973f688",
    "9bcd51240af4005168f033121ba85be5a6ed4f0e6a5fac262066729b8fbfdecb",
    "b855b42d6c30f5b087e05266783fbd6e394f7b926013ccaa67700a8b0c5a596f",
    "bb36e7d3d4cee5720cbd323d02fab15962e2ba1dadf5f8fc6eeef4fd6ad056a8",
    "3560191803028444b232018ac047fdb561c09c23a7a6876c85e08b5e4d48e9f3",
    "ef7f49b620f6c7ea9b963a214da34b5021c6ded8ed57734380a311ab726aa907",
]


def test_the_empty_tree_hashes_to_the_sha256_of_nothing() -> None:
    expected = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert EMPTY_ROOT.hex() == expected
    assert tree_root([]).hex() == expected
    assert Frontier().root().hex() == expected


def test_leaves_and_nodes_are_hashed_with_their_rfc_prefixes() -> None:
    assert leaf_hash(b"abc") == sha256(b"\x00abc")
    assert node_hash(b"L" * 32, b"R" * 32) == sha256(b"\x01" + b"L" * 32 + b"R" * 32)
    # A leaf can never pass for a node: the same bytes hash differently in each role.
    assert leaf_hash(b"\x01" + b"L" * 32 + b"R" * 32) != node_hash(b"L" * 32, b"R" * 32)


@pytest.mark.parametrize("n", range(1, 9))
def test_the_roots_of_the_certificate_transparency_reference_tree(n: int) -> None:
    leaves = [leaf_hash(e) for e in CT_ENTRIES[:n]]
    assert tree_root(leaves).hex() == CT_ROOTS[n - 1]
    assert mth(CT_ENTRIES[:n]).hex() == CT_ROOTS[n - 1]


@pytest.mark.parametrize("n", range(1, 9))
def test_the_roots_of_one_to_eight_single_byte_leaves(n: int) -> None:
    data = [bytes([i]) for i in range(n)]
    assert tree_root([leaf_hash(d) for d in data]).hex() == BYTE_ROOTS[n - 1]
    assert mth(data).hex() == BYTE_ROOTS[n - 1]


def test_level_by_level_hashing_equals_the_recursive_definition_for_every_size_up_to_300() -> None:
    data = entries(300)
    for n in range(301):
        assert tree_root([leaf_hash(d) for d in data[:n]]) == mth(data[:n]), n


@pytest.mark.parametrize("n", [511, 512, 513, 1000, 1023, 1025, 4097])
def test_level_by_level_hashing_equals_the_recursive_definition_for_larger_trees(n: int) -> None:
    data = entries(n)
    assert tree_root([leaf_hash(d) for d in data]) == mth(data)


# --- The frontier ---


def test_the_frontier_root_equals_the_tree_root_at_every_size_up_to_300() -> None:
    leaves = [leaf_hash(d) for d in entries(300)]
    frontier = Frontier()
    for n in range(1, 301):
        frontier.append(leaves[n - 1])
        assert frontier.size == n
        assert frontier.root() == tree_root(leaves[:n]), n
        # One node per perfect subtree: one per set bit of the size.
        assert len(frontier.to_json()["nodes"]) == bin(n).count("1")
        restored = Frontier.from_json(json.loads(json.dumps(frontier.to_json())))
        assert (restored.size, restored.root()) == (n, frontier.root())


@pytest.mark.parametrize("n", [4096, 4097, 65535, 65536, 100_003])
def test_the_frontier_root_equals_the_tree_root_for_large_sizes(n: int) -> None:
    rng = random.Random(n)
    leaves = [rng.randbytes(32) for _ in range(n)]
    frontier = Frontier()
    for leaf in leaves:
        frontier.append(leaf)
    assert frontier.root() == tree_root(leaves)


def test_a_restored_frontier_keeps_appending_to_the_same_tree() -> None:
    leaves = [leaf_hash(d) for d in entries(77)]
    first = Frontier()
    for leaf in leaves[:45]:
        first.append(leaf)
    second = Frontier.from_json(first.to_json())
    for leaf in leaves[45:]:
        second.append(leaf)
    assert second.root() == tree_root(leaves)


@pytest.mark.parametrize(
    "stored",
    [
        {"size": 3, "nodes": ["00" * 32]},  # size 3 has two perfect subtrees
        {"size": 1, "nodes": ["00" * 31]},  # a short hash
        {"size": 1, "nodes": ["zz" * 32]},  # not hex
        {"size": -1, "nodes": []},
        {"size": True, "nodes": ["00" * 32]},
        {"nodes": []},
        ["00" * 32],
    ],
)
def test_an_inconsistent_stored_frontier_is_refused(stored: Any) -> None:
    with pytest.raises(ValueError):
        Frontier.from_json(stored)


def test_the_frontier_refuses_a_leaf_that_is_not_a_hash() -> None:
    with pytest.raises(ValueError):
        Frontier().append(b"short")


# --- Inclusion proofs ---


@pytest.mark.parametrize(("index", "size", "proof"), CT_INCLUSION)
def test_inclusion_proofs_of_the_reference_tree(index: int, size: int, proof: list[str]) -> None:
    leaves = [leaf_hash(e) for e in CT_ENTRIES]
    assert [h.hex() for h in inclusion_proof(leaves, index, size)] == proof
    root = bytes.fromhex(CT_ROOTS[size - 1])
    assert verify_inclusion(leaves[index], index, size, [bytes.fromhex(h) for h in proof], root)


def altered_proofs(proof: list[bytes]) -> list[tuple[str, list[bytes]]]:
    """The proof altered one way at a time: a flipped bit, a dropped, extra or swapped hash."""
    variants = []
    for i in range(len(proof)):
        variants.append((f"bit flipped in hash {i}", [*proof[:i], flip(proof[i], 7 * i), *proof[i + 1 :]]))
        variants.append((f"hash {i} dropped", proof[:i] + proof[i + 1 :]))
    for i in range(len(proof) - 1):
        if proof[i] != proof[i + 1]:
            swapped = list(proof)
            swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
            variants.append((f"hashes {i} and {i + 1} swapped", swapped))
    extra = sha256(b"extra")
    variants.append(("hash appended", [*proof, extra]))
    variants.append(("hash prepended", [extra, *proof]))
    return variants


def test_every_inclusion_proof_up_to_32_leaves_verifies_and_every_alteration_is_caught() -> None:
    data = entries(32)
    leaves = [leaf_hash(d) for d in data]
    for size in range(1, 33):
        root = tree_root(leaves[:size])
        for index in range(size):
            proof = inclusion_proof(leaves, index, size)
            assert proof == plain_path(index, data[:size]), (index, size)
            assert verify_inclusion(leaves[index], index, size, proof, root), (index, size)
            for what, bad in altered_proofs(proof):
                assert not verify_inclusion(leaves[index], index, size, bad, root), (index, size, what)
            # Wrong leaf, wrong root, wrong position, wrong tree height (as CT's tests do).
            assert not verify_inclusion(flip(leaves[index]), index, size, proof, root)
            assert not verify_inclusion(leaves[index], index, size, proof, flip(root))
            for other in {index - 1, index + 1, index ^ 2} - {index}:
                if 0 <= other < size:
                    assert not verify_inclusion(leaves[index], other, size, proof, root), (index, size, other)
            for other_size in {size * 2, size // 2} - {size}:
                assert not verify_inclusion(leaves[index], index, other_size, proof, root), (index, size)


def test_an_inclusion_proof_is_refused_for_an_impossible_position() -> None:
    leaves = [leaf_hash(d) for d in entries(4)]
    root = tree_root(leaves)
    proof = inclusion_proof(leaves, 3, 4)
    assert not verify_inclusion(leaves[3], 4, 4, proof, root)
    assert not verify_inclusion(leaves[3], -1, 4, proof, root)
    assert not verify_inclusion(leaves[3], 3, 0, [], root)
    assert not verify_inclusion(leaves[3], True, 4, proof, root)  # type: ignore[arg-type]
    assert not verify_inclusion(leaves[3], 3, 4, [*proof[:-1], proof[-1][:31]], root)
    with pytest.raises(ValueError):
        inclusion_proof(leaves, 4, 4)
    with pytest.raises(ValueError):
        inclusion_proof(leaves, 0, 5)


# --- Consistency proofs ---


@pytest.mark.parametrize(("old", "new", "proof"), CT_CONSISTENCY)
def test_consistency_proofs_of_the_reference_tree(old: int, new: int, proof: list[str]) -> None:
    leaves = [leaf_hash(e) for e in CT_ENTRIES]
    assert [h.hex() for h in consistency_proof(leaves, old, new)] == proof
    old_root, new_root = bytes.fromhex(CT_ROOTS[old - 1]), bytes.fromhex(CT_ROOTS[new - 1])
    assert verify_consistency(old, new, old_root, new_root, [bytes.fromhex(h) for h in proof])


def test_every_consistency_proof_up_to_32_leaves_verifies_and_every_alteration_is_caught() -> None:
    data = entries(32)
    leaves = [leaf_hash(d) for d in data]
    roots = [tree_root(leaves[:n]) for n in range(33)]
    for new in range(0, 33):
        for old in range(0, new + 1):
            where = (old, new)
            proof = consistency_proof(leaves, old, new)
            if 0 < old < new:
                assert proof == plain_subproof(old, data[:new], True), where
            else:
                assert proof == []
            assert verify_consistency(old, new, roots[old], roots[new], proof), where
            for what, bad in altered_proofs(proof):
                assert not verify_consistency(old, new, roots[old], roots[new], bad), (*where, what)
            assert not verify_consistency(old, new, flip(roots[old]), roots[new], proof), where
            if old == 0:
                continue  # every tree extends the empty tree: nothing more binds the new tree
            assert not verify_consistency(old, new, roots[old], flip(roots[new]), proof), where
            # Wrong old size, wrong new size (as CT's tests do), each with the true roots.
            for other in {old - 1, old + 1, old ^ 2} - {old}:
                if 0 <= other <= new:
                    assert not verify_consistency(other, new, roots[old], roots[new], proof), (*where, other)
            for other in {new * 2, new // 2} - {new}:
                if other >= old:
                    assert not verify_consistency(old, other, roots[old], roots[new], proof), (*where, other)


def test_a_tree_is_not_consistent_with_a_larger_one_or_a_different_one_of_its_size() -> None:
    leaves = [leaf_hash(d) for d in entries(8)]
    assert not verify_consistency(5, 4, tree_root(leaves[:5]), tree_root(leaves[:4]), [])
    assert not verify_consistency(4, 4, tree_root(leaves[:4]), tree_root(leaves[1:5]), [])
    assert not verify_consistency(0, 4, flip(EMPTY_ROOT), tree_root(leaves[:4]), [])
    with pytest.raises(ValueError):
        consistency_proof(leaves, 5, 4)
    with pytest.raises(ValueError):
        consistency_proof(leaves, 1, 9)


# --- Range proofs ---


def test_every_range_proof_up_to_20_leaves_roundtrips_and_every_alteration_is_caught() -> None:
    leaves = [leaf_hash(d) for d in entries(20)]
    for size in range(1, 21):
        root = tree_root(leaves[:size])
        for start in range(size):
            for end in range(start + 1, size + 1):
                where = (start, end, size)
                proof = range_proof(leaves, start, end, size)
                assert len(proof) <= 2 * size.bit_length(), where  # O(log size)
                assert root_from_range(start, end, size, leaves[start:end], proof) == root, where
                for what, bad in altered_proofs(proof):
                    try:
                        computed = root_from_range(start, end, size, leaves[start:end], bad)
                    except ValueError:
                        continue  # too few or too many hashes: refused outright
                    assert computed != root, (*where, what)
                for i in range(end - start):  # a flipped bit in one of the range's own leaves
                    own = list(leaves[start:end])
                    own[i] = flip(own[i], i)
                    assert root_from_range(start, end, size, own, proof) != root, (*where, i)
                for shift in (-1, 1):  # the same leaves claimed at another position
                    if start + shift >= 0 and end + shift <= size:
                        try:
                            moved = root_from_range(
                                start + shift, end + shift, size, leaves[start:end], proof
                            )
                        except ValueError:
                            continue
                        assert moved != root, (*where, shift)


def test_a_range_proof_with_a_hash_too_few_or_too_many_is_refused_with_a_reason() -> None:
    leaves = [leaf_hash(d) for d in entries(11)]
    proof = range_proof(leaves, 3, 6, 11)
    assert len(proof) >= 2
    with pytest.raises(ValueError, match="too few"):
        root_from_range(3, 6, 11, leaves[3:6], proof[:-1])
    with pytest.raises(ValueError, match="too many"):
        root_from_range(3, 6, 11, leaves[3:6], [*proof, proof[0]])
    with pytest.raises(ValueError, match="has 3 leaves"):
        root_from_range(3, 6, 11, leaves[3:5], proof)
    for start, end in [(5, 5), (6, 5), (-1, 3), (3, 12)]:
        with pytest.raises(ValueError):
            root_from_range(start, end, 11, leaves[3:6], proof)
        with pytest.raises(ValueError):
            range_proof(leaves, start, end, 11)


def test_a_range_proof_names_the_subtrees_outside_the_range_left_to_right() -> None:
    leaves = [leaf_hash(d) for d in entries(7)]
    # The tree of 7 splits [0,4) [4,7) -> [4,6) [6,7); the range [2,5) leaves out
    # [0,2), [5,6) and [6,7), in that order.
    assert range_proof(leaves, 2, 5, 7) == [tree_root(leaves[0:2]), leaves[5], leaves[6]]
    assert range_proof(leaves, 0, 7, 7) == []


def test_a_range_proof_stays_logarithmic_for_a_large_tree() -> None:
    leaves = [leaf_hash(d) for d in entries(40_000)]
    proof = range_proof(leaves, 12_345, 23_456, 40_000)
    assert len(proof) <= 2 * (40_000).bit_length()
    assert root_from_range(12_345, 23_456, 40_000, leaves[12_345:23_456], proof) == tree_root(leaves)


# --- Encodings shared with the appliance ---


def test_a_leaf_binds_the_sequence_number_to_the_body_exactly_as_stored() -> None:
    body = '{"event":"x", "note":"spaces and é are kept"}'
    assert leaf_bytes(7, body) == b'{"seq":7,"record":' + body.encode("utf-8") + b"}"
    assert leaf_bytes(0, "{}") == b'{"seq":0,"record":{}}'
    assert leaf_hash(leaf_bytes(7, body)) != leaf_hash(leaf_bytes(8, body))
    for bad in (-1, True, 1.0, "7"):
        with pytest.raises(ValueError):
            leaf_bytes(bad, body)  # type: ignore[arg-type]


def test_canonical_json_sorts_keys_drops_spaces_and_keeps_unicode() -> None:
    assert (
        canonical_json({"b": [1, {"d": None, "c": True}], "a": "é"})
        == '{"a":"é","b":[1,{"c":true,"d":null}]}'
    )


def test_a_checkpoint_statement_is_canonical_json_of_its_four_fields() -> None:
    statement = checkpoint_statement("airlock.example", 42, bytes(range(32)), "2026-03-01T12:00:00+00:00")
    assert statement == (
        b'{"origin":"airlock.example","root":"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",'
        b'"size":42,"timestamp":"2026-03-01T12:00:00+00:00"}'
    )


# --- Ed25519: RFC 8032 §7.1 ---

RFC8032 = [
    pytest.param(
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
        "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        id="TEST 1",
    ),
    pytest.param(
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
        "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        id="TEST 2",
    ),
    pytest.param(
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
        "af82",
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
        "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
        id="TEST 3",
    ),
    pytest.param(
        "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
        "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
        hashlib.sha512(b"abc").hexdigest(),
        "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b589"
        "09351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704",
        id="TEST SHA(abc)",
    ),
]
P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493


@pytest.mark.parametrize(("secret", "public", "message", "signature"), RFC8032)
def test_the_rfc_8032_vectors_verify(secret: str, public: str, message: str, signature: str) -> None:
    pk, msg, sig = bytes.fromhex(public), bytes.fromhex(message), bytes.fromhex(signature)
    assert ed25519_verify(pk, msg, sig)
    # The vectors are transcribed right: an independent implementation signs the same.
    key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(secret))
    assert key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw) == pk
    assert key.sign(msg) == sig


@pytest.mark.parametrize(("secret", "public", "message", "signature"), RFC8032)
def test_the_rfc_8032_vectors_fail_with_any_flipped_bit(
    secret: str, public: str, message: str, signature: str
) -> None:
    pk, msg, sig = bytes.fromhex(public), bytes.fromhex(message), bytes.fromhex(signature)
    for byte in range(64):  # one bit in every byte of the signature: R, then S
        assert not ed25519_verify(pk, msg, flip(sig, byte * 8 + byte % 8)), f"signature byte {byte}"
    for byte in range(32):  # one bit in every byte of the public key
        assert not ed25519_verify(flip(pk, byte * 8 + byte % 8), msg, sig), f"key byte {byte}"
    for bit in range(0, len(msg) * 8, 3):
        assert not ed25519_verify(pk, flip(msg, bit), sig), f"message bit {bit}"
    assert not ed25519_verify(pk, msg + b"\x00", sig)
    if msg:
        assert not ed25519_verify(pk, msg[:-1], sig)


@pytest.mark.parametrize(("secret", "public", "message", "signature"), RFC8032)
def test_a_non_canonical_s_is_rejected(secret: str, public: str, message: str, signature: str) -> None:
    pk, msg, sig = bytes.fromhex(public), bytes.fromhex(message), bytes.fromhex(signature)
    s = int.from_bytes(sig[32:], "little")
    # S + L satisfies the group equation just as S does ([L]B is the neutral element), so
    # only the S < L check (RFC 8032 §5.1.7 step 1) stops this malleated signature.
    assert not ed25519_verify(pk, msg, sig[:32] + (s + L).to_bytes(32, "little"))
    assert not ed25519_verify(pk, msg, sig[:32] + L.to_bytes(32, "little"))


def test_wrong_lengths_and_types_are_rejected() -> None:
    pk = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
    sig = bytes.fromhex(
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
        "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
    )
    assert ed25519_verify(pk, b"", sig)
    assert not ed25519_verify(pk[:31], b"", sig)
    assert not ed25519_verify(pk + b"\x00", b"", sig)
    assert not ed25519_verify(pk, b"", sig[:63])
    assert not ed25519_verify(pk, b"", sig + b"\x00")
    assert not ed25519_verify(pk.hex(), b"", sig)  # type: ignore[arg-type]
    assert not ed25519_verify(pk, "", sig)  # type: ignore[arg-type]


def rfc8032_test1_scalar() -> int:
    """The secret scalar a of RFC 8032 TEST 1 (§5.1.5: the clamped first half of SHA-512)."""
    h = hashlib.sha512(
        bytes.fromhex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
    ).digest()
    a = bytearray(h[:32])
    a[0] &= 248
    a[31] &= 127
    a[31] |= 64
    return int.from_bytes(a, "little")


def sign_with_r_encoded_as(r_bytes: bytes, message: bytes) -> bytes:
    """A TEST 1 signature whose R is the neutral element (r = 0), encoded as ``r_bytes``.

    [S]B = R + [k]A holds with R = 0 and S = k·a; only the encoding of R is in question.
    """
    pk = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
    k = int.from_bytes(hashlib.sha512(r_bytes + pk + message).digest(), "little") % L
    return r_bytes + (k * rfc8032_test1_scalar() % L).to_bytes(32, "little")


def test_a_point_encoded_non_canonically_is_rejected() -> None:
    pk = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
    message = b"checkpoint"
    canonical = (1).to_bytes(32, "little")  # y = 1, x = 0: the neutral element
    assert ed25519_verify(pk, message, sign_with_r_encoded_as(canonical, message))
    # y = 1 + p reduces to the same point, but §5.1.3 step 1 says y >= p fails decoding.
    assert not ed25519_verify(pk, message, sign_with_r_encoded_as((1 + P).to_bytes(32, "little"), message))
    # x = 0 with the sign bit set: §5.1.3 step 4 says decoding fails.
    assert not ed25519_verify(
        pk, message, sign_with_r_encoded_as((1 | 1 << 255).to_bytes(32, "little"), message)
    )


def test_a_y_with_no_point_on_the_curve_is_rejected() -> None:
    undecodable = [y for y in range(2, 40) if verifier._decode_point(y.to_bytes(32, "little")) is None]
    assert undecodable, "some small y has no x on the curve"
    for y in undecodable:
        assert not ed25519_verify(y.to_bytes(32, "little"), b"", bytes(64))
    for y in range(19):  # every y < 19 that decodes does not decode once written as y + p
        if verifier._decode_point(y.to_bytes(32, "little")) is not None:
            assert verifier._decode_point((y + P).to_bytes(32, "little")) is None, y


def test_a_public_key_of_small_order_is_rejected() -> None:
    # Under the neutral element as the public key, [k]A vanishes and (R = B, S = 1)
    # "verifies" for every message; such a key proves nothing, so it is refused.
    identity = (1).to_bytes(32, "little")
    base_point = bytes.fromhex("5866666666666666666666666666666666666666666666666666666666666666")
    forged = base_point + (1).to_bytes(32, "little")
    assert not ed25519_verify(identity, b"anything at all", forged)
    assert not ed25519_verify((P - 1).to_bytes(32, "little"), b"", forged)  # y = -1: order 2


def test_signatures_made_by_an_independent_implementation_verify() -> None:
    rng = random.Random(8032)
    for i in range(20):
        key = Ed25519PrivateKey.from_private_bytes(rng.randbytes(32))
        pk = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        message = rng.randbytes(i * 13)
        signature = key.sign(message)
        assert ed25519_verify(pk, message, signature)
        assert not ed25519_verify(pk, message + b"!", signature)


# --- Checkpoints ---


def make_checkpoint(key: Ed25519PrivateKey, size: int = 9, root: bytes = b"\x07" * 32) -> dict[str, Any]:
    timestamp = "2026-03-01T12:00:00+00:00"
    signature = key.sign(checkpoint_statement("airlock.test", size, root, timestamp))
    return {
        "origin": "airlock.test",
        "size": size,
        "root": root.hex(),
        "timestamp": timestamp,
        "signature": signature.hex(),
    }


def raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def test_a_checkpoint_verifies_and_each_altered_field_does_not() -> None:
    key = Ed25519PrivateKey.from_private_bytes(b"\x01" * 32)
    cp = make_checkpoint(key)
    assert verify_checkpoint(cp, raw_public(key))
    assert verify_checkpoint({**cp, "key_fingerprint": "ignored"}, raw_public(key))
    altered: list[dict[str, Any]] = [
        {**cp, "origin": "airlock.other"},
        {**cp, "size": 10},
        {**cp, "root": flip(bytes.fromhex(cp["root"])).hex()},
        {**cp, "timestamp": "2026-03-01T12:00:01+00:00"},
        {**cp, "signature": flip(bytes.fromhex(cp["signature"]), 300).hex()},
    ]
    for bad in altered:
        assert not verify_checkpoint(bad, raw_public(key)), bad
    other = Ed25519PrivateKey.from_private_bytes(b"\x02" * 32)
    assert not verify_checkpoint(cp, raw_public(other))


@pytest.mark.parametrize(
    "change",
    [
        {"size": "9"},
        {"size": True},
        {"size": -1},
        {"root": "07" * 31},
        {"root": " " + "07" * 31 + "7"},
        {"signature": "00"},
        {"origin": None},
    ],
)
def test_a_malformed_checkpoint_is_not_valid(change: dict[str, Any]) -> None:
    key = Ed25519PrivateKey.from_private_bytes(b"\x01" * 32)
    assert not verify_checkpoint({**make_checkpoint(key), **change}, raw_public(key))


@pytest.mark.parametrize("size", ["9", True, -1, 9.0])
def test_a_checkpoint_of_a_size_that_is_not_a_count_is_not_valid_even_if_signed(size: Any) -> None:
    key = Ed25519PrivateKey.from_private_bytes(b"\x01" * 32)
    cp = make_checkpoint(key)
    statement = checkpoint_statement(cp["origin"], size, bytes.fromhex(cp["root"]), cp["timestamp"])
    assert not verify_checkpoint(
        {**cp, "size": size, "signature": key.sign(statement).hex()}, raw_public(key)
    )


def test_a_checkpoint_with_a_missing_field_is_not_valid() -> None:
    key = Ed25519PrivateKey.from_private_bytes(b"\x01" * 32)
    cp = make_checkpoint(key)
    for name in cp:
        assert not verify_checkpoint({k: v for k, v in cp.items() if k != name}, raw_public(key)), name


# --- Evidence bundles ---

APPLIANCE_KEY = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"appliance").digest())
OTHER_KEY = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"someone else").digest())
ORIGIN = "airlock.test/audit"
LOG_SIZE = 60  # records in the log
CHECKPOINT_SIZE = 57  # the smallest signed checkpoint that covers the export
APP = 2  # the exported application: every third record...
EXPORTED_SPAN = range(5, 41)  # ...written in the exported time range


def fingerprint(key: Ed25519PrivateKey) -> str:
    return hashlib.sha256(raw_public(key)).hexdigest()


def ciphertext_of(seq: int) -> bytes | None:
    return hashlib.sha256(f"ciphertext {seq}".encode()).digest() * 3 if seq % 2 == 0 else None


def body_of(seq: int) -> str:
    """A record body as the appliance writes it: canonical JSON, produced once, kept verbatim."""
    blob = ciphertext_of(seq)
    body: dict[str, Any] = {
        "v": 1,
        "uid": f"{seq:032x}",
        "ts": f"2026-03-01T10:{seq:02d}:00.000000+00:00",
        "event": "inference.request",
        "actor": {"id": None, "name": "gateway"},
        "application_id": seq % 3,
        "meta": {"model": "stub", "note": "café"},
        "content": None,
    }
    if blob is not None and seq % 4 == 0:
        body["content"] = {"key_id": f"dk-{seq % 3}", "sha256": hashlib.sha256(blob).hexdigest()}
    elif blob is not None:
        body["content_sha256"] = hashlib.sha256(blob).hexdigest()
    return canonical_json(body)


@dataclass
class Bundle:
    """The members of a bundle, in zip order, and what was exported."""

    members: dict[str, bytes]
    exported: list[int]  # seqs of the exported records, in order

    @property
    def first_seq(self) -> int:
        return self.exported[0]

    @property
    def last_seq(self) -> int:
        return self.exported[-1]

    def record_lines(self) -> list[bytes]:
        return self.members["records.jsonl"].splitlines(keepends=True)

    def with_member(self, name: str, data: bytes) -> dict[str, bytes]:
        return {**self.members, name: data}

    def with_record_lines(self, lines: list[bytes]) -> dict[str, bytes]:
        return {**self.members, "records.jsonl": b"".join(lines)}


def sign_manifest(manifest: dict[str, Any], key: Ed25519PrivateKey) -> tuple[bytes, bytes]:
    data = (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode()  # as audit.export writes it
    return data, (key.sign(data).hex() + "\n").encode()


def runs_of(seqs: list[int]) -> list[list[int]]:
    """Sequence numbers as inclusive runs [first, last], as the manifest lists them."""
    runs: list[list[int]] = []
    for seq in seqs:
        if runs and runs[-1][1] == seq - 1:
            runs[-1][1] = seq
        else:
            runs.append([seq, seq])
    return runs


def build_bundle(key: Ed25519PrivateKey = APPLIANCE_KEY) -> Bundle:
    """A bundle of one application's records, laid out as ``audit.export`` lays it out."""
    bodies = [body_of(seq) for seq in range(LOG_SIZE)]
    leaves = [leaf_hash(leaf_bytes(seq, body)) for seq, body in enumerate(bodies)]
    exported = [seq for seq in EXPORTED_SPAN if seq % 3 == APP]
    first, last = exported[0], exported[-1]
    lines = []
    for seq in exported:
        body = json.loads(bodies[seq])
        line: dict[str, Any] = {"seq": seq, "body": bodies[seq], "uid": body["uid"], "time": body["ts"]}
        line.update(event=body["event"], application_id=body["application_id"], meta=body["meta"])
        blob = ciphertext_of(seq)
        if blob is not None:
            line["ciphertext_b64"] = base64.b64encode(blob).decode()
        lines.append(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
    files = {
        "README.md": b"# Evidence bundle\n\nRun `python3 verify.py bundle.zip`.\n",
        "verify.py": VERIFIER_SOURCE.read_bytes(),
        "records.jsonl": "".join(lines).encode(),
        "records.csv": b"seq,event\n" + b"".join(f"{s},inference.request\n".encode() for s in exported),
        "leaf_hashes.txt": "".join(leaf.hex() + "\n" for leaf in leaves[first : last + 1]).encode(),
    }
    root = tree_root(leaves[:CHECKPOINT_SIZE])
    timestamp = "2026-03-01T11:00:00+00:00"
    public = raw_public(key)
    manifest = {
        "format": "airlock-audit-export/1",
        "first_seq": first,
        "last_seq": last,
        "record_count": len(exported),
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
        "checkpoint": {
            "origin": ORIGIN,
            "size": CHECKPOINT_SIZE,
            "root": root.hex(),
            "timestamp": timestamp,
            "signature": key.sign(checkpoint_statement(ORIGIN, CHECKPOINT_SIZE, root, timestamp)).hex(),
        },
        "range_proof": [h.hex() for h in range_proof(leaves, first, last + 1, CHECKPOINT_SIZE)],
        "public_key": public.hex(),
        "public_key_fingerprint": hashlib.sha256(public).hexdigest(),
        "query": {
            "application_id": APP,
            "from": "2026-03-01T00:00:00+00:00",
            "before": "2026-03-02T00:00:00+00:00",
        },
        "created_by": "carla-compliance",
        "selection": {"by": "sealed body", "seqs": runs_of(exported)},
    }
    manifest_json, manifest_sig = sign_manifest(manifest, key)
    return Bundle({"manifest.json": manifest_json, "manifest.sig": manifest_sig, **files}, exported)


def reseal(
    members: dict[str, bytes],
    key: Ed25519PrivateKey = APPLIANCE_KEY,
    edit: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, bytes]:
    """The members with the manifest's file hashes brought up to date and signed again.

    What a forger holding the appliance's signing key could do (or a buggy exporter): it
    proves each deeper check catches an alteration on its own, not only the file hashes.
    """
    manifest = json.loads(members["manifest.json"])
    if edit is not None:
        edit(manifest)
    for name in manifest["files"]:
        if name in members:
            manifest["files"][name] = hashlib.sha256(members[name]).hexdigest()
    manifest_json, manifest_sig = sign_manifest(manifest, key)
    return {**members, "manifest.json": manifest_json, "manifest.sig": manifest_sig}


def write_zip(path: Path, members: dict[str, bytes] | list[tuple[str, bytes]]) -> Path:
    items = members.items() if isinstance(members, dict) else members
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as bundle:
        for name, data in items:
            bundle.writestr(name, data)
    return path


def check(tmp_path: Path, members: dict[str, bytes], expect_key: str | None = None) -> verifier.Report:
    return verify_bundle(write_zip(tmp_path / "bundle.zip", members), expect_key=expect_key)


@pytest.fixture(scope="module")
def bundle() -> Bundle:
    return build_bundle()


def test_an_untouched_bundle_verifies(bundle: Bundle, tmp_path: Path) -> None:
    report = check(tmp_path, bundle.members, expect_key=fingerprint(APPLIANCE_KEY))
    assert report.ok, report.problems
    assert report.message == (
        f"OK: {len(bundle.exported)} records, seq {bundle.first_seq}..{bundle.last_seq}, "
        f"covered by checkpoint of size {CHECKPOINT_SIZE} signed by key {fingerprint(APPLIANCE_KEY)}"
    )
    assert [c.status for c in report.checks] == ["passed"] * len(report.checks)
    names = [c.name for c in report.checks]
    for step in ("manifest signature", "signing key", "files", "checkpoint signature", "leaf hashes"):
        assert step in names
    for step in ("records", "record count", "ciphertexts", "range proof"):
        assert step in names
    # The export is filtered: leaves of other applications sit between exported records,
    # and the checkpoint covers leaves on both sides of the range, so the proof has work to do.
    assert bundle.last_seq - bundle.first_seq + 1 > len(bundle.exported)
    assert bundle.first_seq > 0 and bundle.last_seq + 1 < CHECKPOINT_SIZE
    assert len(json.loads(bundle.members["manifest.json"])["range_proof"]) >= 3


def flip_in_body(line: bytes) -> bytes:
    """The record line with one bit flipped in its body (in the uid, so the JSON stays valid)."""
    record = json.loads(line)
    body = record["body"]
    at = body.index('"uid":"') + len('"uid":"') + 31  # the last hex digit of the uid
    record["body"] = body[:at] + chr(ord(body[at]) ^ 1) + body[at + 1 :]
    return (json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n").encode()


def flip_in_ciphertext(line: bytes) -> bytes:
    record = json.loads(line)
    blob = base64.b64decode(record["ciphertext_b64"])
    record["ciphertext_b64"] = base64.b64encode(flip(blob, 77)).decode()
    return (json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n").encode()


def seq_committing(bundle: Bundle, how: str) -> int:
    """The first exported record whose body commits to its ciphertext the given way."""
    return next(seq for seq in bundle.exported if json.loads(body_of(seq)).get(how))


def flip_ciphertext_of(bundle: Bundle, seq: int) -> list[bytes]:
    position = bundle.exported.index(seq)
    return [
        flip_in_ciphertext(line) if i == position else line for i, line in enumerate(bundle.record_lines())
    ]


def flip_leaf_hash(bundle: Bundle, seq: int) -> bytes:
    lines = bundle.members["leaf_hashes.txt"].decode().splitlines()
    position = seq - bundle.first_seq
    lines[position] = flip(bytes.fromhex(lines[position]), 9).hex()
    return "".join(line + "\n" for line in lines).encode()


def flip_digit_in_manifest(data: bytes) -> bytes:
    """manifest.json with one bit flipped in a digit of the checkpoint root (still valid JSON)."""
    text = data.decode()
    start = text.index('"root": "') + len('"root": "')
    at = next(i for i in range(start, start + 64) if text[i] in "0123456789abcdef"[:8])
    return (text[:at] + chr(ord(text[at]) ^ 1) + text[at + 1 :]).encode()


def swap_lines(lines: list[bytes], i: int) -> list[bytes]:
    out = list(lines)
    out[i], out[i + 1] = out[i + 1], out[i]
    return out


def drop_range_proof_hash(manifest: dict[str, Any]) -> None:
    del manifest["range_proof"][1]


def flip_range_proof_hash(manifest: dict[str, Any]) -> None:
    manifest["range_proof"][-1] = flip(bytes.fromhex(manifest["range_proof"][-1])).hex()


def checkpoint_by_other_key(manifest: dict[str, Any]) -> None:
    cp = manifest["checkpoint"]
    statement = checkpoint_statement(cp["origin"], cp["size"], bytes.fromhex(cp["root"]), cp["timestamp"])
    cp["signature"] = OTHER_KEY.sign(statement).hex()


def smaller_checkpoint(manifest: dict[str, Any]) -> None:
    """A genuine checkpoint of the log, signed by the appliance, that ends before last_seq."""
    size = manifest["last_seq"]
    root = tree_root([leaf_hash(leaf_bytes(seq, body_of(seq))) for seq in range(size)])
    cp = manifest["checkpoint"]
    signature = APPLIANCE_KEY.sign(checkpoint_statement(cp["origin"], size, root, cp["timestamp"]))
    cp.update(size=size, root=root.hex(), signature=signature.hex())


def with_edit(edit: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, bytes]], dict[str, bytes]]:
    """Apply ``edit`` to the manifest without signing it again (the forger has no key)."""

    def apply(members: dict[str, bytes]) -> dict[str, bytes]:
        manifest = json.loads(members["manifest.json"])
        edit(manifest)
        data = (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode()
        return {**members, "manifest.json": data}

    return apply


@dataclass
class Alteration:
    """One way to alter a bundle, what a verifier must say about it, and about its resealed twin.

    ``alter`` returns the altered members. ``first`` must appear in the first problem; if
    ``deeper`` is given, the same alteration with the manifest resealed by the appliance's
    key must fail with ``deeper`` in its first problem (and the plain one must list it too).
    """

    alter: Callable[[Bundle], dict[str, bytes]]
    first: Callable[[Bundle], str]
    deeper: Callable[[Bundle], str] | None = None
    edit: Callable[[dict[str, Any]], None] | None = None  # a manifest edit the reseal repeats


RECORDS_ALTERED = "records.jsonl does not match its SHA-256 in the manifest"
BAD_MANIFEST_SIGNATURE = "manifest.sig is not a valid signature of manifest.json"

ALTERATIONS = {
    "a flipped bit in a record body": Alteration(
        lambda b: b.with_record_lines(
            [*b.record_lines()[:3], flip_in_body(b.record_lines()[3]), *b.record_lines()[4:]]
        ),
        lambda b: RECORDS_ALTERED,
        lambda b: (
            f"seq {b.exported[3]} (records.jsonl line 4): its body does not hash to the leaf hash listed"
        ),
    ),
    "a flipped bit in a ciphertext (body commits to content.sha256)": Alteration(
        lambda b: b.with_record_lines(flip_ciphertext_of(b, seq_committing(b, "content"))),
        lambda b: RECORDS_ALTERED,
        lambda b: f"seq {seq_committing(b, 'content')}: its ciphertext does not match the SHA-256",
    ),
    "a flipped bit in a ciphertext (body commits to content_sha256)": Alteration(
        lambda b: b.with_record_lines(flip_ciphertext_of(b, seq_committing(b, "content_sha256"))),
        lambda b: RECORDS_ALTERED,
        lambda b: f"seq {seq_committing(b, 'content_sha256')}: its ciphertext does not match the SHA-256",
    ),
    "a flipped bit in the leaf hash of an exported record": Alteration(
        lambda b: b.with_member("leaf_hashes.txt", flip_leaf_hash(b, b.exported[5])),
        lambda b: "leaf_hashes.txt does not match its SHA-256 in the manifest",
        lambda b: (
            f"seq {b.exported[5]} (records.jsonl line 6): its body does not hash to the leaf hash listed"
        ),
    ),
    "a flipped bit in the leaf hash of a record of another application": Alteration(
        lambda b: b.with_member("leaf_hashes.txt", flip_leaf_hash(b, b.exported[5] + 1)),
        lambda b: "leaf_hashes.txt does not match its SHA-256 in the manifest",
        lambda b: "and the range proof give root",
    ),
    "a flipped bit in the manifest": Alteration(
        lambda b: b.with_member("manifest.json", flip_digit_in_manifest(b.members["manifest.json"])),
        lambda b: BAD_MANIFEST_SIGNATURE,
    ),
    "a flipped bit in the manifest signature": Alteration(
        lambda b: b.with_member(
            "manifest.sig",
            (flip(bytes.fromhex(b.members["manifest.sig"].decode()), 100).hex() + "\n").encode(),
        ),
        lambda b: BAD_MANIFEST_SIGNATURE,
    ),
    "a deleted record line": Alteration(
        lambda b: b.with_record_lines(b.record_lines()[:4] + b.record_lines()[5:]),
        lambda b: RECORDS_ALTERED,
        lambda b: (
            f"records.jsonl holds {len(b.exported) - 1} records but the manifest says {len(b.exported)}"
        ),
    ),
    "a deleted first record line": Alteration(
        lambda b: b.with_record_lines(b.record_lines()[1:]),
        lambda b: RECORDS_ALTERED,
        lambda b: f"the first record is seq {b.exported[1]} but the manifest says the export starts at seq",
    ),
    "two record lines swapped": Alteration(
        lambda b: b.with_record_lines(swap_lines(b.record_lines(), 6)),
        lambda b: RECORDS_ALTERED,
        lambda b: (
            f"records.jsonl line 8: seq {b.exported[6]} comes after seq {b.exported[7]} "
            "(records out of order)"
        ),
    ),
    "a duplicated (replayed) record line": Alteration(
        lambda b: b.with_record_lines([*b.record_lines()[:9], b.record_lines()[2], *b.record_lines()[9:]]),
        lambda b: RECORDS_ALTERED,
        lambda b: f"records.jsonl line 10: seq {b.exported[2]} appears more than once (a replayed record)",
    ),
    "a truncated records.jsonl tail": Alteration(
        lambda b: b.with_record_lines(b.record_lines()[:-2]),
        lambda b: RECORDS_ALTERED,
        lambda b: f"records.jsonl ends at seq {b.exported[-3]} but the manifest says the export ends at seq",
    ),
    "records.jsonl cut in the middle of its last line": Alteration(
        lambda b: b.with_member("records.jsonl", b.members["records.jsonl"][:-40]),
        lambda b: RECORDS_ALTERED,
        lambda b: f"records.jsonl line {len(b.exported)} is incomplete (no line end): the file was truncated",
    ),
    "an extra file": Alteration(
        lambda b: b.with_member("notes.txt", b"nothing to see here\n"),
        lambda b: "the bundle holds notes.txt, which the manifest does not list (added after export)",
    ),
    "a listed file removed": Alteration(
        lambda b: {k: v for k, v in b.members.items() if k != "README.md"},
        lambda b: "README.md is listed in the manifest but missing from the bundle",
    ),
    "a checkpoint signed by another key": Alteration(
        lambda b: with_edit(checkpoint_by_other_key)(b.members),
        lambda b: BAD_MANIFEST_SIGNATURE,
        lambda b: f"the checkpoint of size {CHECKPOINT_SIZE} is not validly signed by the key that signed",
        edit=checkpoint_by_other_key,
    ),
    "a range proof with a hash dropped": Alteration(
        lambda b: with_edit(drop_range_proof_hash)(b.members),
        lambda b: BAD_MANIFEST_SIGNATURE,
        lambda b: "the range proof has too few hashes",
        edit=drop_range_proof_hash,
    ),
    "a range proof with a flipped bit": Alteration(
        lambda b: with_edit(flip_range_proof_hash)(b.members),
        lambda b: BAD_MANIFEST_SIGNATURE,
        lambda b: "and the range proof give root",
        edit=flip_range_proof_hash,
    ),
    "a record count that does not match": Alteration(
        lambda b: with_edit(lambda m: m.update(record_count=m["record_count"] + 1))(b.members),
        lambda b: BAD_MANIFEST_SIGNATURE,
        lambda b: (
            f"records.jsonl holds {len(b.exported)} records but the manifest says {len(b.exported) + 1}"
        ),
        edit=lambda m: m.update(record_count=m["record_count"] + 1),
    ),
    "a validly signed checkpoint too small to cover the export": Alteration(
        lambda b: with_edit(smaller_checkpoint)(b.members),
        lambda b: BAD_MANIFEST_SIGNATURE,
        lambda b: (
            f"the checkpoint covers seq 0..{b.last_seq - 1}, which does not include the last exported seq"
        ),
        edit=smaller_checkpoint,
    ),
}


@pytest.mark.parametrize("what", list(ALTERATIONS))
def test_every_alteration_of_a_bundle_is_caught_and_named(what: str, bundle: Bundle, tmp_path: Path) -> None:
    case = ALTERATIONS[what]
    altered = case.alter(bundle)
    report = check(tmp_path, altered)
    assert not report.ok
    assert report.message.startswith("FAILED: ")
    assert case.first(bundle) in report.problems[0], report.problems
    if case.deeper is None:
        return
    deeper = case.deeper(bundle)
    assert any(deeper in problem for problem in report.problems), report.problems
    # The same alteration behind a freshly signed manifest: the deeper check alone catches it.
    resealed = reseal(bundle.members, edit=case.edit) if case.edit else reseal(altered)
    report = check(tmp_path, resealed)
    assert not report.ok
    assert deeper in report.problems[0], report.problems


def test_an_expected_key_that_is_not_the_signers_fails(bundle: Bundle, tmp_path: Path) -> None:
    report = check(tmp_path, bundle.members, expect_key=fingerprint(OTHER_KEY))
    assert not report.ok
    assert report.problems[0] == (
        f"the bundle is signed by key {fingerprint(APPLIANCE_KEY)}, not by the expected key "
        f"{fingerprint(OTHER_KEY)} (it was not produced by the appliance you pinned)"
    )
    assert "not a SHA-256 fingerprint" in check(tmp_path, bundle.members, expect_key="abc").problems[0]


def test_an_expected_key_may_be_written_with_colons_and_capitals(bundle: Bundle, tmp_path: Path) -> None:
    fp = fingerprint(APPLIANCE_KEY).upper()
    written = "SHA256:" + ":".join(fp[i : i + 2] for i in range(0, 64, 2))
    assert check(tmp_path, bundle.members, expect_key=written).ok


def test_a_bundle_forged_under_another_key_is_caught_only_by_pinning_the_key(tmp_path: Path) -> None:
    forged = build_bundle(OTHER_KEY)
    unpinned = check(tmp_path, forged.members)
    assert unpinned.ok and unpinned.key_fingerprint == fingerprint(OTHER_KEY)
    assert any("was not pinned" in note for note in unpinned.notes)
    pinned = check(tmp_path, forged.members, expect_key=fingerprint(APPLIANCE_KEY))
    assert not pinned.ok and "not by the expected key" in pinned.problems[0]


def test_a_manifest_that_names_another_fingerprint_than_its_key_fails(bundle: Bundle, tmp_path: Path) -> None:
    members = reseal(bundle.members, edit=lambda m: m.update(public_key_fingerprint=fingerprint(OTHER_KEY)))
    report = check(tmp_path, members)
    assert not report.ok and "states key fingerprint" in report.problems[0]


def test_a_zip_that_holds_a_file_twice_fails(bundle: Bundle, tmp_path: Path) -> None:
    items = [*bundle.members.items(), ("records.jsonl", b"")]
    with pytest.warns(UserWarning, match="Duplicate name"):
        path = write_zip(tmp_path / "twice.zip", items)
    report = verify_bundle(path)
    assert not report.ok and report.problems[0].startswith("the bundle holds records.jsonl more than once")


def test_a_file_damaged_inside_the_zip_fails(bundle: Bundle, tmp_path: Path) -> None:
    path = write_zip(tmp_path / "bundle.zip", bundle.members)
    raw = bytearray(path.read_bytes())
    at = raw.index(b'{"application_id": ')  # stored, not compressed: records.jsonl is here
    raw[at + 20] ^= 0x01
    path.write_bytes(bytes(raw))
    report = verify_bundle(path)
    assert not report.ok and "records.jsonl is damaged inside the zip" in report.problems[0]


def test_something_that_is_not_a_bundle_fails(tmp_path: Path) -> None:
    (tmp_path / "not.zip").write_bytes(b"PK but not really")
    assert "cannot be read as a zip file" in verify_bundle(tmp_path / "not.zip").problems[0]
    assert "cannot be read as a zip file" in verify_bundle(tmp_path / "missing.zip").problems[0]
    empty = write_zip(tmp_path / "empty.zip", {})
    assert verify_bundle(empty).problems[0] == "the bundle has no manifest.json"


def test_a_manifest_of_another_format_fails(bundle: Bundle, tmp_path: Path) -> None:
    report = check(tmp_path, reseal(bundle.members, edit=lambda m: m.update(format="airlock-audit-export/2")))
    assert not report.ok and "this verifier reads airlock-audit-export/1" in report.problems[0]


def test_a_replay_is_caught_even_when_the_leaf_hashes_are_unusable(bundle: Bundle, tmp_path: Path) -> None:
    lines = bundle.record_lines()
    members = bundle.with_record_lines([*lines[:9], lines[2], *lines[9:]])
    members["leaf_hashes.txt"] = members["leaf_hashes.txt"][:-65]
    report = check(tmp_path, reseal(members))
    assert "leaf_hashes.txt lists" in report.problems[0]
    assert any(f"seq {bundle.exported[2]} appears more than once" in p for p in report.problems), (
        report.problems
    )


def ciphertext_line(line: bytes, value: object) -> bytes:
    record = json.loads(line)
    record["ciphertext_b64"] = value
    return (json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n").encode()


def test_ciphertext_that_a_body_does_not_commit_to_or_that_is_not_base64_fails(
    bundle: Bundle, tmp_path: Path
) -> None:
    uncommitted = next(i for i, seq in enumerate(bundle.exported) if ciphertext_of(seq) is None)
    committed = next(i for i, seq in enumerate(bundle.exported) if ciphertext_of(seq) is not None)
    lines = bundle.record_lines()
    for i, value, expected in [
        (
            uncommitted,
            base64.b64encode(b"smuggled").decode(),
            "it carries ciphertext that its body does not commit to",
        ),
        (committed, "not base64!", "its ciphertext_b64 is not valid base64"),
        (committed, 12345, "its ciphertext_b64 is not valid base64"),
    ]:
        altered = [ciphertext_line(line, value) if n == i else line for n, line in enumerate(lines)]
        report = check(tmp_path, reseal(bundle.with_record_lines(altered)))
        assert report.problems[0] == f"seq {bundle.exported[i]}: {expected}"


@pytest.mark.parametrize("change", ["drop the last", "add one", "drop the first"])
def test_leaf_hashes_that_are_not_one_per_position_fail(change: str, bundle: Bundle, tmp_path: Path) -> None:
    lines = bundle.members["leaf_hashes.txt"].splitlines(keepends=True)
    altered = {
        "drop the last": lines[:-1],
        "add one": [*lines, sha256(b"one more").hex().encode() + b"\n"],
        "drop the first": lines[1:],
    }[change]
    report = check(tmp_path, reseal(bundle.with_member("leaf_hashes.txt", b"".join(altered))))
    span = bundle.last_seq - bundle.first_seq + 1
    assert not report.ok
    assert report.problems[0] == (
        f"leaf_hashes.txt lists {len(altered)} leaf hashes but seq {bundle.first_seq}..{bundle.last_seq} "
        f"needs {span}, one per position"
    )
    assert {c.name: c.status for c in report.checks}["range proof"] == "skipped"


def test_a_malformed_record_line_fails(bundle: Bundle, tmp_path: Path) -> None:
    lines = bundle.record_lines()
    for bad, expected in [
        (b"not json\n", "records.jsonl line 2 is not a valid JSON record"),
        (b'{"seq": "1", "body": "{}"}\n', 'records.jsonl line 2 is not a record with an integer "seq"'),
        (b'{"seq": 1, "body": "{}", "seq": 2}\n', "duplicate key 'seq'"),
    ]:
        report = check(tmp_path, reseal(bundle.with_record_lines([lines[0], bad, *lines[1:]])))
        assert not report.ok and expected in report.problems[0], report.problems


# --- The command line, and the file as an auditor runs it ---


def test_the_command_line_prints_ok_and_exits_0(
    bundle: Bundle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_zip(tmp_path / "bundle.zip", bundle.members)
    assert verifier.main([str(path), "--expect-key", fingerprint(APPLIANCE_KEY)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"OK: {len(bundle.exported)} records, seq {bundle.first_seq}..{bundle.last_seq}")
    assert "Note:" not in out

    assert verifier.main([str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and report["records"] == len(bundle.exported)
    assert report["key_fingerprint"] == fingerprint(APPLIANCE_KEY)
    assert {c["name"] for c in report["checks"]} >= {"manifest signature", "range proof"}


def test_the_command_line_prints_failed_and_exits_1(
    bundle: Bundle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    altered = ALTERATIONS["two record lines swapped"].alter(bundle)
    path = write_zip(tmp_path / "bundle.zip", altered)
    assert verifier.main([str(path), "--verbose"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"FAILED: {RECORDS_ALTERED}")
    assert "also: records.jsonl line 8" in out and "[failed] records:" in out
    assert verifier.main([str(path), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["ok"] is False


def test_the_verifier_runs_with_nothing_but_the_standard_library(bundle: Bundle, tmp_path: Path) -> None:
    auditor = tmp_path / "auditor"
    auditor.mkdir()
    shutil.copy(VERIFIER_SOURCE, auditor / "verify.py")
    write_zip(auditor / "bundle.zip", bundle.members)
    write_zip(auditor / "swapped.zip", ALTERATIONS["two record lines swapped"].alter(bundle))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        # -I: isolated (no PYTHON* variables, no user site, not the cwd on the path);
        # -S: not even site-packages. Only the standard library can be imported.
        command = [sys.executable, "-I", "-S", "verify.py", *args]
        return subprocess.run(command, cwd=auditor, capture_output=True, text=True, timeout=120, env={})

    assert run("-c").returncode == 2  # an unknown option is a usage error
    no_packages = subprocess.run(
        [sys.executable, "-I", "-S", "-c", "import cryptography"], capture_output=True, timeout=60, env={}
    )
    assert no_packages.returncode != 0, "the isolated interpreter must not see site-packages"

    ok = run("bundle.zip", "--expect-key", fingerprint(APPLIANCE_KEY))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.startswith(f"OK: {len(bundle.exported)} records")
    failed = run("swapped.zip")
    assert failed.returncode == 1 and failed.stdout.startswith("FAILED: ")
    pinned_wrong = run("bundle.zip", "--expect-key", fingerprint(OTHER_KEY))
    assert pinned_wrong.returncode == 1 and "not by the expected key" in pinned_wrong.stdout


def test_the_verifier_imports_only_the_standard_library_and_parses_as_python_3_8() -> None:
    source = VERIFIER_SOURCE.read_text()
    tree = ast.parse(source, feature_version=(3, 8))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imported.add(node.module.split(".")[0])
    assert imported - {"__future__"} <= set(sys.stdlib_module_names), imported - set(sys.stdlib_module_names)


# Completeness: the manifest lists which sequence numbers the export's query selects (read
# from the sealed bodies), and the records must be exactly those, each inside the query.


def test_a_record_left_out_of_a_signed_bundle_is_caught(bundle: Bundle, tmp_path: Path) -> None:
    lines = bundle.record_lines()
    missing = bundle.exported[2]
    del lines[2]

    def fewer(manifest: dict[str, Any]) -> None:
        manifest["record_count"] -= 1

    # What an exporter fooled by a moved time column would have written: consistent, signed.
    report = check(tmp_path, reseal(bundle.with_record_lines(lines), edit=fewer))

    assert not report.ok
    assert f"seq {missing} matches the export's query" in report.problems[0], report.problems
    assert "missing from records.jsonl" in report.problems[0]


def test_a_record_the_selection_does_not_list_is_caught(bundle: Bundle, tmp_path: Path) -> None:
    def drop_last(manifest: dict[str, Any]) -> None:
        manifest["selection"]["seqs"] = manifest["selection"]["seqs"][:-1]
        manifest["selection"]["seqs"].append([bundle.last_seq, bundle.last_seq])
        manifest["selection"]["seqs"].pop(1)

    report = check(tmp_path, reseal(bundle.members, edit=drop_last))
    assert not report.ok
    assert f"seq {bundle.exported[1]} is in records.jsonl but the manifest does not list it" in " ".join(
        report.problems
    )


def test_a_record_outside_the_export_query_is_caught(bundle: Bundle, tmp_path: Path) -> None:
    first_ts = json.loads(body_of(bundle.first_seq))["ts"]

    def later_start(manifest: dict[str, Any]) -> None:
        manifest["query"]["from"] = first_ts.replace(":00.000000", ":30.000000")

    report = check(tmp_path, reseal(bundle.members, edit=later_start))
    assert not report.ok
    assert f"seq {bundle.first_seq}: its sealed body is outside the export's query" in report.problems[0]


def test_a_record_of_another_application_is_caught(bundle: Bundle, tmp_path: Path) -> None:
    def other_app(manifest: dict[str, Any]) -> None:
        manifest["query"]["application_id"] = APP + 1

    report = check(tmp_path, reseal(bundle.members, edit=other_app))
    assert not report.ok and "outside the export's query" in report.problems[0]


def test_a_bundle_from_before_selections_still_verifies_and_says_what_was_not_checked(
    bundle: Bundle, tmp_path: Path
) -> None:
    def older(manifest: dict[str, Any]) -> None:
        del manifest["selection"]

    report = check(tmp_path, reseal(bundle.members, edit=older))
    assert report.ok, report.problems
    assert any("does not list which sequence numbers" in note for note in report.notes)
