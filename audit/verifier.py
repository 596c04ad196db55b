#!/usr/bin/env python3
"""Verify an Airlock audit evidence bundle, and the log's Merkle and signature primitives.

This one file is the whole verifier. It uses only the Python standard library (3.8 or
later), so it can be copied into an evidence bundle as ``verify.py`` and run by an auditor
on any machine, with no Airlock, database or third-party package::

    python3 verify.py bundle.zip
    python3 verify.py --expect-key <sha256 fingerprint of the appliance key> bundle.zip
    python3 verify.py --json bundle.zip

It prints ``OK: ...`` and exits 0, or ``FAILED: <first problem>`` and exits 1 (2 for a
usage error). The appliance imports the same file (``audit.verifier``) to build the log, so
what the appliance writes and what an auditor checks cannot drift apart.

What it implements:

* RFC 6962 / RFC 9162 Merkle trees: leaf and node hashes, tree heads, a compact
  append-only ``Frontier``, inclusion, consistency and range proofs;
* the canonical leaf encoding shared with the appliance (``leaf_bytes``);
* Ed25519 signature verification per RFC 8032 §5.1.7, in pure Python;
* signed checkpoints (the log's size and root, signed by the appliance);
* the ``airlock-audit-export/1`` bundle check (``verify_bundle``) and its command line.

The signing key is trusted only as far as its fingerprint is: a bundle proves that the
holder of the key with the printed fingerprint signed it. Compare that fingerprint with
the one the appliance's operator gave you out of band, or pass ``--expect-key``.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import datetime
import hashlib
import json
import sys
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # annotations only: this file must also run on Python 3.8
    import os
    from typing import TypeGuard

    _Point = tuple[int, int, int, int]

__all__ = [
    "EMPTY_ROOT",
    "FORMAT",
    "Check",
    "Frontier",
    "Report",
    "canonical_json",
    "checkpoint_statement",
    "consistency_proof",
    "ed25519_verify",
    "inclusion_proof",
    "leaf_bytes",
    "leaf_hash",
    "main",
    "node_hash",
    "range_proof",
    "root_from_range",
    "tree_root",
    "verify_bundle",
    "verify_checkpoint",
    "verify_consistency",
    "verify_inclusion",
]

FORMAT = "airlock-audit-export/1"
HASH_SIZE = 32

_sha256 = hashlib.sha256

# --- Merkle trees: RFC 6962 §2.1, RFC 9162 §2.1 ---

# MTH({}) = SHA-256() — RFC 9162 §2.1.1: the hash of an empty list is the hash of an empty string.
EMPTY_ROOT = _sha256(b"").digest()


def leaf_hash(data: bytes) -> bytes:
    """MTH({d}) = SHA-256(0x00 || d) (RFC 9162 §2.1.1).

    The 0x00/0x01 prefixes keep a leaf from ever being mistaken for an interior node
    (second-preimage resistance).
    """
    return _sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """An interior node: SHA-256(0x01 || left || right) (RFC 9162 §2.1.1)."""
    return _sha256(b"\x01" + left + right).digest()


def _split(n: int) -> int:
    """k, the largest power of two smaller than n (n >= 2): where RFC 9162 §2.1.1 splits D[n]."""
    return 1 << ((n - 1).bit_length() - 1)


def tree_root(leaf_hashes: Sequence[bytes]) -> bytes:
    """The Merkle Tree Hash (MTH, RFC 9162 §2.1.1) of the given leaf hashes.

    RFC 9162 defines MTH recursively, splitting D[n] at k, the largest power of two smaller
    than n. Hashing level by level — pair neighbours, carry an odd last node up unchanged —
    gives the same root: at every level, node i covers leaves [i·2^j, min((i+1)·2^j, n)),
    and a node that pairs a full block of 2^j leaves with a non-empty rest is exactly the
    RFC's split, because 2^j is then the largest power of two below that node's size. The
    tests check this against the recursive definition. Iterating keeps it O(n) hashes with
    no recursion and no slicing.
    """
    level = list(leaf_hashes)
    if not level:
        return EMPTY_ROOT
    sha = _sha256
    while len(level) > 1:
        paired = [sha(b"\x01" + level[i] + level[i + 1]).digest() for i in range(0, len(level) - 1, 2)]
        if len(level) % 2:
            paired.append(level[-1])
        level = paired
    return level[0]


class Frontier:
    """A compact append-only Merkle tree: the roots of its perfect subtrees, largest first.

    A tree of n leaves decomposes (RFC 9162 §2.1.1, splitting at the largest power of two)
    into one perfect subtree per set bit of n, in decreasing size; their roots are all that
    is needed to append a leaf or compute the root. Appending is a binary increment: the
    new leaf merges with every trailing subtree of equal size (amortised O(1), at most
    O(log n) hashes). The root folds the subtrees from the right, which is MTH.
    """

    __slots__ = ("_nodes", "_size")

    def __init__(self) -> None:
        self._nodes: list[bytes] = []
        self._size = 0

    @property
    def size(self) -> int:
        """How many leaves have been appended."""
        return self._size

    def append(self, leaf: bytes) -> None:
        """Append one leaf hash (``leaf_hash`` of the leaf's bytes, 32 bytes)."""
        if len(leaf) != HASH_SIZE:
            raise ValueError(f"a leaf hash is {HASH_SIZE} bytes, not {len(leaf)}")
        node, carry = leaf, self._size
        # Each trailing 1 bit of the old size is a perfect subtree the same size as `node`.
        while carry & 1:
            node = node_hash(self._nodes.pop(), node)
            carry >>= 1
        self._nodes.append(node)
        self._size += 1

    def root(self) -> bytes:
        """MTH of everything appended so far (``EMPTY_ROOT`` when empty)."""
        if not self._nodes:
            return EMPTY_ROOT
        root = self._nodes[-1]
        for node in reversed(self._nodes[:-1]):
            root = node_hash(node, root)
        return root

    def to_json(self) -> dict[str, Any]:
        """``{"size": n, "nodes": [hex, ...]}``, largest subtree first."""
        return {"size": self._size, "nodes": [node.hex() for node in self._nodes]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Frontier:
        """The inverse of ``to_json``; raises ValueError if it is not a consistent frontier."""
        if not isinstance(data, Mapping):
            raise ValueError(f"a frontier is a JSON object, not {type(data).__name__}")
        size, nodes = data.get("size"), data.get("nodes")
        if not _is_int(size) or size < 0 or not isinstance(nodes, list):
            raise ValueError("a frontier is {'size': int >= 0, 'nodes': [hex, ...]}")
        if len(nodes) != bin(size).count("1"):
            raise ValueError(f"a frontier of size {size} has {bin(size).count('1')} nodes, not {len(nodes)}")
        frontier = cls()
        frontier._size = size
        for node in nodes:
            digest = _hex_bytes(node, HASH_SIZE)
            if digest is None:
                raise ValueError(f"frontier node {node!r} is not a {HASH_SIZE}-byte hex hash")
            frontier._nodes.append(digest)
        return frontier

    def __repr__(self) -> str:
        return f"Frontier(size={self._size}, root={self.root().hex()})"


# --- Inclusion proofs: RFC 9162 §2.1.3 ---


def inclusion_proof(leaf_hashes: Sequence[bytes], index: int, size: int) -> list[bytes]:
    """PATH(index, D[size]) (RFC 9162 §2.1.3.1): sibling hashes from the leaf up to the root.

    ``leaf_hashes`` holds at least ``size`` leaves; the tree is its first ``size``.
    """
    if not 0 <= index < size <= len(leaf_hashes):
        raise ValueError(f"no leaf {index} in a tree of size {size} (of {len(leaf_hashes)} leaves)")
    path: list[bytes] = []
    lo, hi = 0, size
    while hi - lo > 1:
        k = _split(hi - lo)
        if index < lo + k:  # the leaf is on the left: PATH(m, D[0:k]) : MTH(D[k:n])
            path.append(tree_root(leaf_hashes[lo + k : hi]))
            hi = lo + k
        else:  # on the right: PATH(m - k, D[k:n]) : MTH(D[0:k])
            path.append(tree_root(leaf_hashes[lo : lo + k]))
            lo += k
    # The recursion puts the deepest sibling first; we walked down from the root.
    return path[::-1]


def verify_inclusion(leaf: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes) -> bool:
    """Whether ``proof`` shows leaf hash ``leaf`` at ``index`` in the tree ``root`` of ``size``.

    The algorithm of RFC 9162 §2.1.3.2, step by step.
    """
    if not (_is_int(index) and _is_int(size)) or not 0 <= index < size:
        return False  # step 1: leaf_index must be < tree_size
    if not _all_hashes([leaf, root, *proof]):
        return False
    fn, sn, r = index, size - 1, leaf  # steps 2-3
    for p in proof:  # step 4
        if sn == 0:
            return False
        if (fn & 1) or fn == sn:
            r = node_hash(p, r)
            while not (fn & 1) and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root  # step 5


# --- Consistency proofs: RFC 9162 §2.1.4 ---


def consistency_proof(leaf_hashes: Sequence[bytes], old_size: int, new_size: int) -> list[bytes]:
    """PROOF(m, D[n]) (RFC 9162 §2.1.4.1); empty when m == n or m == 0."""
    if not 0 <= old_size <= new_size <= len(leaf_hashes):
        raise ValueError(f"no consistency proof from size {old_size} to {new_size}")
    if old_size in (0, new_size):
        return []
    path: list[bytes] = []
    lo, hi, m, complete = 0, new_size, old_size, True
    # SUBPROOF(m, D[lo:hi], b), unrolled; each step appends what the recursion appends last.
    while m != hi - lo:
        k = _split(hi - lo)
        if m <= k:  # SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
            path.append(tree_root(leaf_hashes[lo + k : hi]))
            hi = lo + k
        else:  # SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
            path.append(tree_root(leaf_hashes[lo : lo + k]))
            lo, m, complete = lo + k, m - k, False
    if not complete:  # SUBPROOF(m, D[m], false) = {MTH(D[m])}
        path.append(tree_root(leaf_hashes[lo:hi]))
    return path[::-1]


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> bool:
    """Whether ``proof`` shows the tree (new_size, new_root) extends (old_size, old_root).

    The algorithm of RFC 9162 §2.1.4.2. Two trees of the same size are consistent only if
    their roots are equal (with an empty proof); every tree extends the empty tree.
    """
    if not (_is_int(old_size) and _is_int(new_size)) or not 0 <= old_size <= new_size:
        return False
    if not _all_hashes([old_root, new_root, *proof]):
        return False
    if old_size == new_size:
        return not proof and old_root == new_root
    if old_size == 0:
        return not proof and old_root == EMPTY_ROOT
    if not proof:  # step 1
        return False
    path = list(proof)
    if old_size & (old_size - 1) == 0:  # step 2: first is an exact power of 2
        path.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1  # step 3
    while fn & 1:  # step 4
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]  # step 5
    for c in path[1:]:  # step 6
        if sn == 0:
            return False
        if (fn & 1) or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while not (fn & 1) and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == old_root and sr == new_root and sn == 0  # step 7


# --- Range proofs ---
#
# A range proof shows that the contiguous leaves [start, end) sit at those positions in a
# tree of `size` leaves. It is the hashes of the maximal subtrees of the RFC 9162 §2.1.1
# decomposition that lie entirely outside the range, left to right: at most two per level,
# so O(log size). The verifier rebuilds the root from the range's own leaves and those
# hashes. (The same construction as a "multi-leaf" or subtree inclusion proof.)


def _check_range(start: int, end: int, size: int) -> None:
    if not (_is_int(start) and _is_int(end) and _is_int(size)) or not 0 <= start < end <= size:
        raise ValueError(f"[{start}, {end}) is not a non-empty range of a tree of size {size}")


def range_proof(leaf_hashes: Sequence[bytes], start: int, end: int, size: int) -> list[bytes]:
    """The range proof of leaves [start, end) in the tree of the first ``size`` leaf hashes."""
    _check_range(start, end, size)
    if size > len(leaf_hashes):
        raise ValueError(f"a tree of size {size} needs {size} leaf hashes, not {len(leaf_hashes)}")
    proof: list[bytes] = []

    def walk(lo: int, hi: int) -> None:
        if hi <= start or end <= lo:  # wholly outside: one hash stands for the subtree
            proof.append(tree_root(leaf_hashes[lo:hi]))
        elif not (start <= lo and hi <= end):  # straddles an edge of the range: split
            k = _split(hi - lo)
            walk(lo, lo + k)
            walk(lo + k, hi)
        # wholly inside: the verifier has these leaves itself

    walk(0, size)
    return proof


def root_from_range(
    start: int, end: int, size: int, range_leaf_hashes: Sequence[bytes], proof: Sequence[bytes]
) -> bytes:
    """The root of the tree of ``size`` implied by leaves [start, end) and their range proof.

    Compare it with a trusted (signed) root. Raises ValueError if the range is impossible,
    the leaves are not end - start hashes, or the proof has too few or too many hashes.
    """
    _check_range(start, end, size)
    if len(range_leaf_hashes) != end - start:
        raise ValueError(f"the range [{start}, {end}) has {end - start} leaves, not {len(range_leaf_hashes)}")
    if not _all_hashes(range_leaf_hashes) or not _all_hashes(proof):
        raise ValueError(f"every leaf hash and proof hash must be {HASH_SIZE} bytes")
    used = 0

    def walk(lo: int, hi: int) -> bytes:
        nonlocal used
        if hi <= start or end <= lo:
            if used == len(proof):
                raise ValueError(f"the range proof has too few hashes (it has {len(proof)})")
            used += 1
            return proof[used - 1]
        if start <= lo and hi <= end:
            return tree_root(range_leaf_hashes[lo - start : hi - start])
        k = _split(hi - lo)
        left = walk(lo, lo + k)
        return node_hash(left, walk(lo + k, hi))

    root = walk(0, size)
    if used != len(proof):
        raise ValueError(f"the range proof has too many hashes (it has {len(proof)}, {used} are needed)")
    return root


# --- Encodings shared with the appliance ---


def canonical_json(obj: Any) -> str:
    """The one JSON serialisation the appliance signs or hashes: sorted keys, no spaces, UTF-8.

    Used to produce record bodies, manifests and checkpoint statements. A body is produced
    once and stored verbatim; it is never re-serialised.
    """
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def leaf_bytes(seq: int, body: str) -> bytes:
    """The bytes of log entry ``seq``: ``{"seq":<seq>,"record":<body>}``, body verbatim.

    Binding the sequence number into the leaf means a record cannot be moved to another
    position without changing its leaf hash.
    """
    if not _is_int(seq) or seq < 0:
        raise ValueError(f"a sequence number is an int >= 0, not {seq!r}")
    return b'{"seq":' + str(seq).encode() + b',"record":' + body.encode("utf-8") + b"}"


# --- Ed25519 verification: RFC 8032 §5.1 ---
#
# Pure Python with Python ints, after the RFC's reference code (§6). Verification handles
# only public data, so timing side channels are of no concern here.

_P = 2**255 - 19  # the field GF(p), §5.1
_L = 2**252 + 27742317777372353535851937790883648493  # the order of the base point, §5.1
_D = -121665 * pow(121666, _P - 2, _P) % _P  # the curve constant d = -121665/121666, §5.1
_SQRT_M1 = pow(2, (_P - 1) // 4, _P)  # a square root of -1, used in decoding, §5.1.3 step 3
_IDENTITY = (0, 1, 1, 0)  # the neutral element in extended coordinates


def _point_add(p: _Point, q: _Point) -> _Point:
    """Addition in extended coordinates (X:Y:Z:T), x = X/Z, y = Y/Z, xy = T/Z (§5.1.4).

    The formula is complete: it also doubles and handles the neutral element.
    """
    a = (p[1] - p[0]) * (q[1] - q[0]) % _P
    b = (p[1] + p[0]) * (q[1] + q[0]) % _P
    c = 2 * p[3] * q[3] * _D % _P
    d = 2 * p[2] * q[2] % _P
    e, f, g, h = b - a, d - c, d + c, b + a
    return (e * f % _P, g * h % _P, f * g % _P, e * h % _P)


def _point_double(p: _Point) -> _Point:
    """Doubling (§5.1.4, the dedicated formula; cheaper than adding a point to itself)."""
    a = p[0] * p[0] % _P
    b = p[1] * p[1] % _P
    c = 2 * p[2] * p[2] % _P
    h = a + b
    e = h - (p[0] + p[1]) * (p[0] + p[1])
    g = a - b
    f = c + g
    return (e * f % _P, g * h % _P, f * g % _P, e * h % _P)


def _scalar_mult(s: int, p: _Point) -> _Point:
    """[s]P by double-and-add from the least significant bit (§6, point_mul)."""
    q = _IDENTITY
    while s > 0:
        if s & 1:
            q = _point_add(q, p)
        p = _point_double(p)
        s >>= 1
    return q


def _point_equal(p: _Point, q: _Point) -> bool:
    """Projective equality: x1/z1 == x2/z2 and y1/z1 == y2/z2 (§6, point_equal)."""
    return (p[0] * q[2] - q[0] * p[2]) % _P == 0 and (p[1] * q[2] - q[1] * p[2]) % _P == 0


def _recover_x(y: int, sign: int) -> int | None:
    """The x with x^2 = (y^2 - 1) / (d y^2 + 1) and parity ``sign``, or None (§5.1.3 steps 2-4)."""
    if y >= _P:  # step 1: a y that is not reduced mod p is a non-canonical encoding
        return None
    u = (y * y - 1) % _P
    v = (_D * y * y + 1) % _P
    # Step 3: the candidate root x = (u/v)^((p+3)/8) = u v^3 (u v^7)^((p-5)/8).
    x = u * pow(v, 3, _P) * pow(u * pow(v, 7, _P), (_P - 5) // 8, _P) % _P
    vxx = v * x * x % _P
    if vxx != u:
        if vxx != (-u) % _P:
            return None  # u/v is not a square: no point has this y
        x = x * _SQRT_M1 % _P
    if x == 0 and sign:  # step 4: x = 0 has no negative; the encoding is invalid
        return None
    if (x & 1) != sign:
        x = _P - x
    return x


def _decode_point(data: bytes) -> _Point | None:
    """Decode a 32-byte point (§5.1.3): little-endian y, the top bit is the sign of x."""
    if len(data) != 32:
        return None
    n = int.from_bytes(data, "little")
    y, sign = n & ((1 << 255) - 1), n >> 255
    x = _recover_x(y, sign)
    if x is None:
        return None
    return (x, y, 1, x * y % _P)


def _is_small_order(p: _Point) -> bool:
    """Whether [8]P is the neutral element (P lies in the torsion subgroup)."""
    q = _point_double(_point_double(_point_double(p)))
    return q[0] % _P == 0 and (q[1] - q[2]) % _P == 0


_B_Y = 4 * pow(5, _P - 2, _P) % _P  # the base point B: y = 4/5, x positive (even), §5.1
_B_X = _recover_x(_B_Y, 0)
if _B_X is None:  # pragma: no cover - impossible; keeps the type checker honest without assert
    raise RuntimeError("the Ed25519 base point does not decode")
_B: _Point = (_B_X, _B_Y, 1, _B_X * _B_Y % _P)


def ed25519_verify(public_key: bytes, message: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is a valid Ed25519 signature of ``message`` under ``public_key``.

    RFC 8032 §5.1.7, with the strict choices an auditor wants: wrong lengths, points that
    do not decode canonically (§5.1.3) and a non-canonical S (S >= L) are rejected; so is a
    public key of small order, under which forged signatures verify for any message. The
    group equation is checked cofactorless, [S]B = R + [k]A, which the RFC allows and its
    reference code (§6) does; it is at least as strict as the cofactored one.
    """
    if not (isinstance(public_key, bytes) and isinstance(message, bytes) and isinstance(signature, bytes)):
        return False
    if len(public_key) != 32 or len(signature) != 64:
        return False
    # Step 1: decode A and R; S must be an integer below L (the malleability check).
    a = _decode_point(public_key)
    if a is None or _is_small_order(a):
        return False
    r_bytes = signature[:32]
    r = _decode_point(r_bytes)
    if r is None:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= _L:
        return False
    # Step 2: k = SHA-512(dom2(F, C) || R || A || PH(M)); for Ed25519 dom2 is empty and PH
    # the identity. R and A are hashed as received, not re-encoded.
    k = int.from_bytes(hashlib.sha512(r_bytes + public_key + message).digest(), "little") % _L
    # Step 3: the group equation.
    return _point_equal(_scalar_mult(s, _B), _point_add(r, _scalar_mult(k, a)))


# --- Checkpoints ---


def checkpoint_statement(origin: str, size: int, root: bytes, timestamp: str) -> bytes:
    """The exact bytes the appliance signs for a checkpoint (a signed tree head)."""
    return canonical_json(
        {"origin": origin, "root": root.hex(), "size": size, "timestamp": timestamp}
    ).encode()


def checkpoint_signed_message(cp: Mapping[str, Any]) -> tuple[bytes, bytes] | None:
    """(statement, signature) of a well-formed checkpoint, or None for malformed input."""
    try:
        origin, size, timestamp = cp["origin"], cp["size"], cp["timestamp"]
        root, signature = _hex_bytes(cp["root"], HASH_SIZE), _hex_bytes(cp["signature"], 64)
    except (KeyError, TypeError):
        return None
    if not (isinstance(origin, str) and isinstance(timestamp, str) and _is_int(size) and size >= 0):
        return None
    if root is None or signature is None:
        return None
    return checkpoint_statement(origin, size, root, timestamp), signature


def verify_checkpoint(cp: Mapping[str, Any], public_key: bytes) -> bool:
    """Whether ``cp`` = {"origin", "size", "root" (hex), "timestamp", "signature" (hex), ...}
    is validly signed by ``public_key``. Other keys are ignored; malformed input is False.
    """
    signed = checkpoint_signed_message(cp)
    return signed is not None and ed25519_verify(public_key, signed[0], signed[1])


# --- Small helpers ---


def _is_int(value: object) -> TypeGuard[int]:
    # JSON true/false are Python bools, which are ints; a sequence number is never one.
    return isinstance(value, int) and not isinstance(value, bool)


def _all_hashes(values: Sequence[object]) -> bool:
    return all(isinstance(v, bytes) and len(v) == HASH_SIZE for v in values)


_HEX = frozenset("0123456789abcdefABCDEF")


def _hex_bytes(value: object, length: int) -> bytes | None:
    """``value`` as bytes if it is exactly ``length`` bytes of hex (no spaces, no prefix)."""
    if not isinstance(value, str) or len(value) != 2 * length or not _HEX.issuperset(value):
        return None
    return bytes.fromhex(value)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads keeps the last of duplicate keys; a second "seq" or "body" must not hide.
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _strict_json(text: str) -> Any:
    return json.loads(text, object_pairs_hook=_unique_keys)


# --- Bundle verification ---

PASSED, FAILED, SKIPPED = "passed", "failed", "skipped"
_MAX_PROBLEMS_PER_CHECK = 20
_META_FILES = ("manifest.json", "manifest.sig")
_REQUIRED_FILES = ("records.jsonl", "leaf_hashes.txt")


@dataclass
class Check:
    """One verification step: ``status`` is passed, failed or skipped; ``detail`` says what."""

    name: str
    status: str
    detail: str


@dataclass
class Report:
    """The outcome of ``verify_bundle``: ``problems`` in the order found, the first one first."""

    path: str
    checks: list[Check] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    records: int = 0
    first_seq: int | None = None
    last_seq: int | None = None
    checkpoint_size: int | None = None
    checkpoint_root: str | None = None
    key_fingerprint: str | None = None

    @property
    def ok(self) -> bool:
        return bool(self.checks) and not self.problems

    @property
    def message(self) -> str:
        if not self.ok:
            return "FAILED: " + (self.problems[0] if self.problems else "nothing was verified")
        return (
            f"OK: {self.records} records, seq {self.first_seq}..{self.last_seq}, covered by checkpoint "
            f"of size {self.checkpoint_size} signed by key {self.key_fingerprint}"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "message": self.message,
            "problems": list(self.problems),
            "checks": [{"name": c.name, "status": c.status, "detail": c.detail} for c in self.checks],
            "notes": list(self.notes),
            "bundle": self.path,
            "records": self.records,
            "first_seq": self.first_seq,
            "last_seq": self.last_seq,
            "checkpoint_size": self.checkpoint_size,
            "checkpoint_root": self.checkpoint_root,
            "key_fingerprint": self.key_fingerprint,
        }


class _Stop(Exception):
    """Nothing further can be checked (no manifest, an unreadable zip...)."""


class _Damaged(Exception):
    """A member of the zip cannot be read (CRC error, truncated archive)."""


class _Step:
    """Collects the problems of one check, keeping the first few of a flood."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[str] = []
        self.more = 0

    def fail(self, text: str) -> None:
        if len(self.problems) < _MAX_PROBLEMS_PER_CHECK:
            self.problems.append(text)
        else:
            self.more += 1


class _BundleVerifier:
    """The checks of ``verify_bundle``, in order, sharing what earlier checks established."""

    def __init__(self, bundle: zipfile.ZipFile, report: Report, expect_key: str | None) -> None:
        self.zip = bundle
        self.report = report
        self.expect_key = expect_key
        self.members: dict[str, zipfile.ZipInfo] = {}
        self.manifest_bytes = b""
        self.manifest: dict[str, Any] = {}
        self.public_key: bytes | None = None
        self.first_seq = self.last_seq = 0
        self.leaves: list[bytes] | None = None
        self.record_lines = 0
        # Checked during the records pass (a content export can be large), reported after it.
        self.ciphertexts = _Step("ciphertexts")
        self.ciphertext_count = 0
        # Every record's sealed body must fall in the export's query (its own time and
        # application, not a column); checked during the records pass, reported after it.
        self.in_query = _Step("query")
        self.query: tuple[datetime.datetime, datetime.datetime, object] | None = None
        self.seen_seqs: set[int] = set()

    # Recording

    def finish(self, step: _Step, detail: str) -> bool:
        if step.more:
            step.problems.append(f"... and {step.more} more problem(s) of this kind")
        self.report.problems.extend(step.problems)
        status = FAILED if step.problems else PASSED
        self.report.checks.append(Check(step.name, status, step.problems[0] if step.problems else detail))
        return not step.problems

    def skip(self, name: str, why: str) -> None:
        self.report.checks.append(Check(name, SKIPPED, why))

    def stop(self, step: _Step, problem: str) -> _Stop:
        step.fail(problem)
        self.finish(step, "")
        return _Stop(problem)

    def read(self, name: str) -> bytes:
        try:
            return self.zip.read(self.members[name])
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise _Damaged(f"{name} is damaged inside the zip ({exc})") from exc

    def sha256_of(self, name: str) -> str:
        """The SHA-256 of a member, streamed: records.jsonl may be larger than memory."""
        digest = _sha256()
        try:
            with self.zip.open(self.members[name]) as handle:
                block = handle.read(1 << 20)
                while block:
                    digest.update(block)
                    block = handle.read(1 << 20)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise _Damaged(f"{name} is damaged inside the zip ({exc})") from exc
        return digest.hexdigest()

    # The checks

    def run(self) -> None:
        self.check_container()
        self.check_manifest_and_signature()
        self.check_key()
        self.check_files()
        self.check_checkpoint_signature()
        self.check_leaf_hashes()
        self.read_query()
        self.check_records()
        self.check_query()
        self.check_record_count()
        self.check_selection()
        self.check_ciphertexts()
        self.check_range_proof()

    def check_container(self) -> None:
        step = _Step("bundle")
        names = [info.filename for info in self.zip.infolist()]
        seen: set[str] = set()
        for name in names:
            if name in seen:
                raise self.stop(
                    step, f"the bundle holds {name} more than once, so which copy is meant is ambiguous"
                )
            seen.add(name)
        self.members = {info.filename: info for info in self.zip.infolist()}
        for name in _META_FILES:
            if name not in self.members:
                raise self.stop(step, f"the bundle has no {name}")
        self.finish(step, f"a zip of {len(names)} files, with manifest.json and manifest.sig")

    def check_manifest_and_signature(self) -> None:
        step = _Step("manifest")
        try:
            self.manifest_bytes = self.read("manifest.json")
            signature_text = self.read("manifest.sig")
        except _Damaged as exc:
            raise self.stop(step, str(exc)) from None
        try:
            manifest = _strict_json(self.manifest_bytes.decode("utf-8"))
        except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            raise self.stop(step, f"manifest.json is not valid JSON ({exc})") from None
        if not isinstance(manifest, dict):
            raise self.stop(step, "manifest.json is not a JSON object")
        self.manifest = manifest
        if manifest.get("format") != FORMAT:
            raise self.stop(
                step, f"manifest.json is in format {manifest.get('format')!r}; this verifier reads {FORMAT}"
            )
        self.public_key = _hex_bytes(manifest.get("public_key"), 32)
        if self.public_key is None:
            raise self.stop(step, "manifest.json has no public_key of 32 bytes in hex")
        self.report.key_fingerprint = _sha256(self.public_key).hexdigest()

        self.finish(step, f"format {FORMAT}, naming key {self.report.key_fingerprint}")

        # The signature before the fields: every later check trusts the manifest only
        # because it is signed, and an altered manifest is best reported as exactly that.
        sig = _Step("manifest signature")
        signature = _hex_bytes(signature_text.decode("ascii", "replace").strip(), 64)
        if signature is None:
            sig.fail("manifest.sig is not a 64-byte Ed25519 signature in hex")
        elif not ed25519_verify(self.public_key, self.manifest_bytes, signature):
            sig.fail(
                "manifest.sig is not a valid signature of manifest.json by the key it names "
                f"(fingerprint {self.report.key_fingerprint}): manifest.json or manifest.sig was altered"
            )
        self.finish(sig, "valid Ed25519 signature of manifest.json")

        fields = _Step("manifest fields")
        self.validate_fields(fields)
        if not self.finish(
            fields, f"seq {self.first_seq}..{self.last_seq}, {self.manifest['record_count']} records"
        ):
            raise _Stop(fields.problems[0])

    def validate_fields(self, step: _Step) -> None:
        m = self.manifest
        for key in ("first_seq", "last_seq", "record_count"):
            if not _is_int(m.get(key)) or m[key] < 0:
                step.fail(f"manifest.json: {key} is not an integer >= 0")
        if step.problems:
            return
        self.first_seq, self.last_seq = m["first_seq"], m["last_seq"]
        self.report.first_seq, self.report.last_seq = self.first_seq, self.last_seq
        if self.last_seq < self.first_seq:
            step.fail(f"manifest.json: last_seq {self.last_seq} is before first_seq {self.first_seq}")
        files = m.get("files")
        if not isinstance(files, dict) or not all(_hex_bytes(v, HASH_SIZE) for v in files.values()):
            step.fail("manifest.json: files is not a map of file names to SHA-256 hex digests")
        cp = m.get("checkpoint")
        if not isinstance(cp, dict):
            step.fail("manifest.json: checkpoint is missing")
        else:
            if not _is_int(cp.get("size")) or cp["size"] < 1:
                step.fail("manifest.json: checkpoint.size is not an integer >= 1")
            if _hex_bytes(cp.get("root"), HASH_SIZE) is None:
                step.fail("manifest.json: checkpoint.root is not a SHA-256 hex digest")
            for key in ("origin", "timestamp", "signature"):
                if not isinstance(cp.get(key), str):
                    step.fail(f"manifest.json: checkpoint.{key} is missing")
        proof = m.get("range_proof")
        if not isinstance(proof, list) or not all(_hex_bytes(h, HASH_SIZE) for h in proof):
            step.fail("manifest.json: range_proof is not a list of SHA-256 hex digests")
        if not step.problems:
            self.report.checkpoint_size = cp["size"] if isinstance(cp, dict) else None
            self.report.checkpoint_root = cp["root"].lower() if isinstance(cp, dict) else None

    def check_key(self) -> None:
        step = _Step("signing key")
        fingerprint = self.report.key_fingerprint or ""
        stated = self.manifest.get("public_key_fingerprint")
        if not isinstance(stated, str) or stated.lower() != fingerprint:
            step.fail(
                f"manifest.json states key fingerprint {stated} "
                f"but its public_key has fingerprint {fingerprint}"
            )
        if self.expect_key is None:
            detail = f"fingerprint {fingerprint} (not pinned: compare it with the one you were given)"
            self.report.notes.append(
                f"The signing key was not pinned. Compare its fingerprint {fingerprint} with the one the "
                "appliance's operator gave you, or run again with --expect-key."
            )
        else:
            detail = f"fingerprint {fingerprint} is the expected key"
            expected = _normalise_fingerprint(self.expect_key)
            if expected is None:
                step.fail(f"--expect-key {self.expect_key!r} is not a SHA-256 fingerprint (64 hex digits)")
            elif expected != fingerprint:
                step.fail(
                    f"the bundle is signed by key {fingerprint}, not by the expected key {expected} "
                    "(it was not produced by the appliance you pinned)"
                )
        self.finish(step, detail)

    def check_files(self) -> None:
        step = _Step("files")
        listed: dict[str, str] = self.manifest["files"]
        for name in _REQUIRED_FILES:
            if name not in listed:
                step.fail(
                    f"the manifest does not list {name}, so its content is not covered by the signature"
                )
        for name in sorted(listed):
            if name in _META_FILES:
                step.fail(f"the manifest lists {name}, which cannot be hashed into itself")
                continue
            if name not in self.members:
                step.fail(f"{name} is listed in the manifest but missing from the bundle")
                continue
            try:
                found = self.sha256_of(name)
            except _Damaged as exc:
                step.fail(str(exc))
                continue
            if found != listed[name].lower():
                step.fail(
                    f"{name} does not match its SHA-256 in the manifest (altered after export): "
                    f"expected {listed[name].lower()}, found {found}"
                )
        for name in sorted(self.members):
            if name not in listed and name not in _META_FILES:
                step.fail(f"the bundle holds {name}, which the manifest does not list (added after export)")
        self.finish(
            step, f"{len(listed)} files match their SHA-256 in the manifest, and nothing else is present"
        )

    def check_checkpoint_signature(self) -> None:
        step = _Step("checkpoint signature")
        cp = self.manifest["checkpoint"]
        if self.public_key is None or not verify_checkpoint(cp, self.public_key):
            step.fail(
                f"the checkpoint of size {cp['size']} is not validly signed by the key that signed "
                f"the manifest ({self.report.key_fingerprint})"
            )
        self.finish(
            step, f"size {cp['size']}, root {cp['root'].lower()}, at {cp['timestamp']}, origin {cp['origin']}"
        )

    def check_leaf_hashes(self) -> None:
        step = _Step("leaf hashes")
        expected = self.last_seq - self.first_seq + 1
        if "leaf_hashes.txt" not in self.members:
            step.fail("the bundle has no leaf_hashes.txt")
            self.finish(step, "")
            return
        try:
            text = self.read("leaf_hashes.txt").decode("ascii")
        except (_Damaged, UnicodeDecodeError) as exc:
            step.fail(f"leaf_hashes.txt cannot be read ({exc})")
            self.finish(step, "")
            return
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()  # the final newline
        leaves: list[bytes] = []
        for number, line in enumerate(lines, 1):
            digest = _hex_bytes(line.strip(), HASH_SIZE)
            if digest is None:
                step.fail(f"leaf_hashes.txt line {number} is not a SHA-256 hex digest")
            else:
                leaves.append(digest)
        if len(lines) != expected:
            step.fail(
                f"leaf_hashes.txt lists {len(lines)} leaf hashes but seq {self.first_seq}..{self.last_seq} "
                f"needs {expected}, one per position"
            )
        if self.finish(step, f"{expected} leaf hashes, one for every seq {self.first_seq}..{self.last_seq}"):
            self.leaves = leaves

    def check_records(self) -> None:
        step = _Step("records")
        if "records.jsonl" not in self.members:
            step.fail("the bundle has no records.jsonl")
            self.finish(step, "")
            return
        # Which positions were seen, to catch a replay however far back: one byte per position
        # when leaf_hashes.txt vouches for the range's size, else a set (a forged manifest may
        # claim an absurd range).
        seen: bytearray | set[int]
        seen = bytearray(self.last_seq - self.first_seq + 1) if self.leaves is not None else set()
        previous: int | None = None
        try:
            with self.zip.open(self.members["records.jsonl"]) as handle:
                for number, raw in enumerate(handle, 1):
                    self.record_lines = number
                    seq = self.check_record_line(step, number, raw, previous, seen)
                    if seq is not None:
                        previous = seq
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            step.fail(f"records.jsonl is damaged inside the zip ({exc})")
        if previous is None:
            step.fail("records.jsonl holds no records")
        elif previous != self.last_seq:
            step.fail(
                f"records.jsonl ends at seq {previous} but the manifest says the export ends at seq "
                f"{self.last_seq}: records are missing from its end (truncated)"
            )
        self.report.records = self.record_lines
        matched = (
            "matching its leaf hash" if self.leaves is not None else "(leaf hashes unusable, not compared)"
        )
        self.finish(step, f"{self.record_lines} records in order, each unique, in range and {matched}")

    def check_record_line(
        self, step: _Step, number: int, raw: bytes, previous: int | None, seen: bytearray | set[int]
    ) -> int | None:
        """Check one line of records.jsonl; returns its seq if it has a usable one."""
        where = f"records.jsonl line {number}"
        if not raw.endswith(b"\n"):
            step.fail(f"{where} is incomplete (no line end): the file was truncated")
        try:
            line = _strict_json(raw.decode("utf-8"))
        except ValueError as exc:
            step.fail(f"{where} is not a valid JSON record ({exc})")
            return None
        if (
            not isinstance(line, dict)
            or not _is_int(line.get("seq"))
            or not isinstance(line.get("body"), str)
        ):
            step.fail(f'{where} is not a record with an integer "seq" and a string "body"')
            return None
        seq: int = line["seq"]
        body: str = line["body"]
        if not self.first_seq <= seq <= self.last_seq:
            step.fail(f"{where}: seq {seq} is outside the exported range {self.first_seq}..{self.last_seq}")
            return None
        if number == 1 and seq != self.first_seq:
            step.fail(
                f"{where}: the first record is seq {seq} but the manifest says the export starts at "
                f"seq {self.first_seq}: records are missing from its start"
            )
        position = seq - self.first_seq
        if seen[position] if isinstance(seen, bytearray) else position in seen:
            step.fail(f"{where}: seq {seq} appears more than once (a replayed record)")
        elif previous is not None and seq < previous:
            step.fail(f"{where}: seq {seq} comes after seq {previous} (records out of order)")
        if isinstance(seen, bytearray):
            seen[position] = 1
        else:
            seen.add(position)
        try:
            digest = leaf_hash(leaf_bytes(seq, body))
        except UnicodeEncodeError:
            step.fail(f"{where}: seq {seq} has a body that is not valid Unicode")
            return seq
        if self.leaves is not None and digest != self.leaves[position]:
            step.fail(
                f"seq {seq} ({where}): its body does not hash to the leaf hash listed for it "
                "in leaf_hashes.txt (the record or the leaf hash was altered)"
            )
        try:
            parsed = _strict_json(body)
        except ValueError:
            parsed = None
        if not isinstance(parsed, dict):
            step.fail(f"seq {seq} ({where}): its body is not a JSON object")
            return seq
        if "ciphertext_b64" in line:
            self.check_ciphertext(seq, _committed_sha256(parsed), line["ciphertext_b64"])
        self.seen_seqs.add(seq)
        if self.query is not None and not _in_query(parsed, *self.query):
            self.in_query.fail(
                f"seq {seq}: its sealed body is outside the export's query (time {parsed.get('ts')!r}, "
                f"application {parsed.get('application_id')!r})"
            )
        return seq

    def read_query(self) -> None:
        query = self.manifest.get("query")
        start = _parse_time(query.get("from")) if isinstance(query, dict) else None
        before = _parse_time(query.get("before")) if isinstance(query, dict) else None
        if isinstance(query, dict) and start is not None and before is not None:
            self.query = (start, before, query.get("application_id"))

    def check_query(self) -> None:
        if self.query is None:
            self.skip("query", "the manifest states no query with a time range")
            return
        start, before, app = self.query
        scope = "all applications" if app is None else f"application {app}"
        self.finish(
            self.in_query,
            f"every record's sealed body is from {start.isoformat()} "
            f"until before {before.isoformat()}, {scope}",
        )

    def check_selection(self) -> None:
        """The records must be exactly those the manifest lists as selected by the query."""
        selection = self.manifest.get("selection")
        if selection is None:
            why = (
                "the manifest does not list which sequence numbers its query selects (an export made "
                "before this check existed): a record left out inside the range would go unnoticed"
            )
            self.skip("selection", why)
            self.report.notes.append(f"This bundle {why}.")
            return
        step = _Step("selection")
        listed = _listed_seqs(selection)
        if listed is None:
            step.fail("manifest.json: selection.seqs is not a sorted list of [first, last] runs")
            self.finish(step, "")
            return
        for seq in listed:
            if seq not in self.seen_seqs:
                step.fail(
                    f"seq {seq} matches the export's query (the manifest lists it) but is missing from "
                    "records.jsonl: a record was left out"
                )
        for seq in sorted(self.seen_seqs - set(listed)):
            step.fail(f"seq {seq} is in records.jsonl but the manifest does not list it as selected")
        self.finish(step, f"records.jsonl holds exactly the {len(listed)} records the query selects")

    def check_record_count(self) -> None:
        step = _Step("record count")
        stated = self.manifest["record_count"]
        if self.record_lines != stated:
            step.fail(
                f"records.jsonl holds {self.record_lines} records but the manifest says {stated} "
                "(records were removed or added)"
            )
        self.finish(step, f"{stated} records, as the manifest says")

    def check_ciphertext(self, seq: int, committed: bytes | None, text: object) -> None:
        """A record line's ciphertext must hash to what its (sealed) body commits to."""
        self.ciphertext_count += 1
        step = self.ciphertexts
        if committed is None:
            step.fail(f"seq {seq}: it carries ciphertext that its body does not commit to")
            return
        try:
            blob = base64.b64decode(text if isinstance(text, str) else "\0", validate=True)
        except (binascii.Error, ValueError):
            step.fail(f"seq {seq}: its ciphertext_b64 is not valid base64")
            return
        if _sha256(blob).digest() != committed:
            step.fail(f"seq {seq}: its ciphertext does not match the SHA-256 its body commits to (altered)")

    def check_ciphertexts(self) -> None:
        if not self.ciphertext_count:
            self.skip("ciphertexts", "no record in this bundle carries ciphertext")
            return
        self.finish(
            self.ciphertexts, f"{self.ciphertext_count} ciphertexts match the SHA-256 their bodies commit to"
        )

    def check_range_proof(self) -> None:
        cp = self.manifest["checkpoint"]
        size: int = cp["size"]
        if self.leaves is None:
            self.skip("range proof", "leaf_hashes.txt is unusable")
            return
        step = _Step("range proof")
        if size <= self.last_seq:
            step.fail(
                f"the checkpoint covers seq 0..{size - 1}, "
                f"which does not include the last exported seq {self.last_seq}"
            )
            self.finish(step, "")
            return
        proof = [bytes.fromhex(h) for h in self.manifest["range_proof"]]
        try:
            root = root_from_range(self.first_seq, self.last_seq + 1, size, self.leaves, proof)
        except ValueError as exc:
            step.fail(
                f"the range proof does not fit seq {self.first_seq}..{self.last_seq} "
                f"in a tree of size {size}: {exc}"
            )
            self.finish(step, "")
            return
        if root.hex() != cp["root"].lower():
            step.fail(
                f"the leaf hashes of seq {self.first_seq}..{self.last_seq} and the range proof give "
                f"root {root.hex()}, not the checkpoint's root {cp['root'].lower()}: "
                "a leaf hash or the range proof was altered"
            )
        self.finish(
            step, f"seq {self.first_seq}..{self.last_seq} lead to the signed root of the tree of size {size}"
        )


def _committed_sha256(body: Mapping[str, Any]) -> bytes | None:
    """The ciphertext hash a body commits to: ``content_sha256``, or ``content.sha256``."""
    value = body.get("content_sha256")
    content = body.get("content")
    if value is None and isinstance(content, dict):
        value = content.get("sha256")
    return _hex_bytes(value, HASH_SIZE)


def _parse_time(value: object) -> datetime.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=datetime.UTC)


def _in_query(
    body: Mapping[str, Any], start: datetime.datetime, before: datetime.datetime, app: object
) -> bool:
    moment = _parse_time(body.get("ts"))
    if moment is None or not start <= moment < before:
        return False
    return app is None or body.get("application_id") == app


_MAX_LISTED = 50_000_000  # a forged selection must not make the verifier build an absurd list


def _listed_seqs(selection: object) -> list[int] | None:
    """The sequence numbers of ``selection.seqs`` (inclusive runs), or None if malformed."""
    runs = selection.get("seqs") if isinstance(selection, dict) else None
    if not isinstance(runs, list):
        return None
    seqs: list[int] = []
    previous = -1
    for run in runs:
        if not (isinstance(run, list) and len(run) == 2 and _is_int(run[0]) and _is_int(run[1])):
            return None
        first, last = run
        if first <= previous or last < first or len(seqs) + last - first + 1 > _MAX_LISTED:
            return None
        seqs.extend(range(first, last + 1))
        previous = last
    return seqs


def _normalise_fingerprint(text: str) -> str | None:
    value = text.strip().lower()
    if value.startswith("sha256:"):
        value = value[len("sha256:") :]
    value = value.replace(":", "").replace(" ", "")
    return value if _hex_bytes(value, HASH_SIZE) is not None else None


def verify_bundle(path: str | os.PathLike[str], expect_key: str | None = None) -> Report:
    """Check an ``airlock-audit-export/1`` bundle; every step is in ``Report.checks``.

    ``expect_key`` pins the appliance's key: the SHA-256 fingerprint of its raw Ed25519
    public key, obtained out of band (hex; colons, spaces and a ``sha256:`` prefix are
    ignored). Without it, a bundle proves only that *some* key signed it.
    """
    report = Report(path=str(path))
    try:
        with zipfile.ZipFile(path) as bundle:
            _BundleVerifier(bundle, report, expect_key).run()
    except _Stop:
        pass
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
        report.problems.append(f"{path} cannot be read as a zip file ({exc})")
        report.checks.append(Check("bundle", FAILED, report.problems[-1]))
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """``verify.py [--expect-key FINGERPRINT] [--json] [--verbose] BUNDLE``; 0 if OK, 1 if not."""
    parser = argparse.ArgumentParser(
        prog="verify.py",
        description="Verify an Airlock audit evidence bundle with nothing but the Python standard library.",
    )
    parser.add_argument("bundle", help="the evidence bundle (.zip)")
    parser.add_argument(
        "--expect-key",
        metavar="FINGERPRINT",
        help="the SHA-256 fingerprint of the appliance's signing key, obtained out of band",
    )
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every check")
    args = parser.parse_args(argv)
    report = verify_bundle(args.bundle, expect_key=args.expect_key)
    if args.json:
        print(json.dumps(report.to_json(), indent=2))  # ASCII: safe on any console encoding
        return 0 if report.ok else 1
    print(report.message)
    for problem in report.problems[1:]:
        print(f"  also: {problem}")
    if args.verbose:
        for check in report.checks:
            print(f"  [{check.status}] {check.name}: {check.detail}")
    for note in report.notes:
        print(f"Note: {note}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
