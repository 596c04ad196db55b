"""In-process vector search over one partition's entries (numpy; no pgvector or Redis here).

Each worker keeps, per partition it has served, the entries' unit vectors as one float32
matrix and searches it with a matrix-vector product. A partition that grows past
``PROJECT_ABOVE`` entries also keeps a 64-dimension orthonormal projection of its vectors
(the principal directions of a sample). An orthonormal projection never lengthens a distance,
so every vector within the threshold's distance of the query is also within it in the
projection: the projected pass picks candidates with no false negatives, and only those are
compared in full. At 100,000 entries that reads 26 MB instead of 154 MB per lookup
(bench/cache_eval.py measures it).

The matrices are only a copy: the table is the truth. New rows are read incrementally
(``since``); a row deleted elsewhere (eviction, erasure, expiry) is noticed when its answer is
fetched, and dropped (``discard``).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np

from semcache.encoder import one_blas_thread

DIMENSIONS = 384
PROJECT_ABOVE = 4096
PROJECTED = 64
_SAMPLE = 4096


@dataclass
class Match:
    entry_id: int
    similarity: float


@dataclass
class Partition:
    """The entries of one partition that this worker knows, searchable by vector or hash."""

    ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, DIMENSIONS), dtype=np.float32))
    expires: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float64))
    hashes: dict[str, int] = field(default_factory=dict)
    guards: list[str] = field(default_factory=list)
    basis: np.ndarray | None = None  # DIMENSIONS x PROJECTED, orthonormal columns
    projected: np.ndarray | None = None
    projected_sq: np.ndarray | None = None
    projected_at: int = 0  # the size the basis was fitted at
    since: int = 0  # highest entry id read from the table
    refreshed: float = 0.0  # time.monotonic() of the last read
    used: float = 0.0  # time.monotonic() of the last lookup
    alive: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    def __len__(self) -> int:
        return int(self.alive.sum())

    def add(
        self,
        entry_ids: list[int],
        vectors: list[np.ndarray | None],
        hashes: list[str],
        expires: list[float],
        guards: list[str],
    ) -> None:
        """Append entries (vectors None: matched by exact hash only)."""
        if not entry_ids:
            return
        known = set(self.ids.tolist()) if len(entry_ids) < 64 else None
        rows, ids, exp = [], [], []
        for entry_id, vector, digest, expiry, guard in zip(
            entry_ids, vectors, hashes, expires, guards, strict=True
        ):
            if known is not None and entry_id in known:
                continue
            self.hashes[digest] = entry_id
            self.since = max(self.since, entry_id)
            ids.append(entry_id)
            exp.append(expiry)
            self.guards.append(guard)
            # A hash-only entry gets a zero vector: its similarity to any unit vector is 0.
            rows.append(vector if vector is not None else np.zeros(DIMENSIONS, dtype=np.float32))
        if not ids:
            return
        block = np.asarray(rows, dtype=np.float32).reshape(len(rows), DIMENSIONS)
        self.ids = np.concatenate([self.ids, np.asarray(ids, dtype=np.int64)])
        self.vectors = np.concatenate([self.vectors, block]) if len(self.vectors) else block
        self.expires = np.concatenate([self.expires, np.asarray(exp, dtype=np.float64)])
        self.alive = np.concatenate([self.alive, np.ones(len(ids), dtype=bool)])
        if self.basis is not None and self.projected is not None and self.projected_sq is not None:
            extra = block @ self.basis
            self.projected = np.concatenate([self.projected, extra])
            self.projected_sq = np.concatenate([self.projected_sq, (extra * extra).sum(axis=1)])
        if len(self.ids) > PROJECT_ABOVE and len(self.ids) >= 2 * max(self.projected_at, PROJECT_ABOVE // 2):
            self._fit_projection()

    def _fit_projection(self) -> None:
        live = self.vectors[self.alive]
        rng = np.random.default_rng(len(live))
        sample = live[rng.choice(len(live), size=min(_SAMPLE, len(live)), replace=False)]
        centred = sample - sample.mean(axis=0)
        # Right singular vectors: orthonormal by construction.
        _, _, vt = np.linalg.svd(centred, full_matrices=False)
        self.basis = np.ascontiguousarray(vt[:PROJECTED].T.astype(np.float32))
        self.projected = np.ascontiguousarray(self.vectors @ self.basis)
        self.projected_sq = (self.projected * self.projected).sum(axis=1)
        self.projected_at = len(self.ids)

    def discard(self, entry_id: int) -> None:
        positions = np.nonzero(self.ids == entry_id)[0]
        self.alive[positions] = False
        for digest, known in list(self.hashes.items()):
            if known == entry_id:
                del self.hashes[digest]

    def candidates(
        self, query: np.ndarray | None, digest: str, guard: str, threshold: float, limit: int = 3
    ) -> list[Match]:
        """Live, unexpired entries at or above ``threshold`` whose ``guard`` (a keyed hash of the
        question's set of content tokens: ``semcache.guard``) is the query's, best first (an
        exact repeat: 1.0)."""
        one_blas_thread()  # a product over 100,000 rows split across busy cores waits for them
        now = time.time()
        found: list[Match] = []
        exact = self.hashes.get(digest)
        if exact is not None:
            position = np.nonzero(self.ids == exact)[0]
            if len(position) and self.alive[position[0]] and self.expires[position[0]] > now:
                found.append(Match(exact, 1.0))
        if query is None or not len(self.ids):
            return found
        if self.basis is not None and self.projected is not None and self.projected_sq is not None:
            # ||Pa - Pb||^2 <= ||a - b||^2 = 2 - 2 cos(a, b) for unit a, b: a superset of the matches.
            pq = query @ self.basis
            distance_sq = self.projected_sq - 2.0 * (self.projected @ pq) + float(pq @ pq)
            radius_sq = 2.0 - 2.0 * threshold + 1e-4
            rows = np.nonzero(distance_sq <= radius_sq)[0]
            sims = self.vectors[rows] @ query if len(rows) else np.zeros(0, dtype=np.float32)
        else:
            rows = np.arange(len(self.ids))
            sims = self.vectors @ query
        keep = sims >= threshold
        if not keep.any():
            return found
        rows, sims = rows[keep], sims[keep]
        ok = self.alive[rows] & (self.expires[rows] > now)
        rows, sims = rows[ok], sims[ok]
        same = np.asarray([self.guards[int(r)] == guard for r in rows], dtype=bool)
        rows, sims = rows[same], sims[same]
        for i in np.argsort(-sims)[:limit]:
            entry_id = int(self.ids[rows[i]])
            if exact is None or entry_id != exact:
                found.append(Match(entry_id, float(min(1.0, sims[i]))))
        return found[:limit]


def wilson_upper(failures: int, trials: int, z: float = 1.959964) -> float:
    """The upper end of the 95 % Wilson score interval of a proportion (1.0 for no trials)."""
    if trials <= 0:
        return 1.0
    p = failures / trials
    denominator = 1 + z * z / trials
    centre = p + z * z / (2 * trials)
    spread = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    return min(1.0, (centre + spread) / denominator)
