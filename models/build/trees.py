"""Boosted regression trees kept as plain arrays.

scikit-learn's ``GradientBoostingRegressor`` fits them; a fitted estimator can only be
stored with pickle, which feelalike never reads.  ``TreeEnsemble`` copies what
prediction needs (split feature, threshold, children, leaf value of every node) into
numpy arrays that go into an npz file and come back with ``allow_pickle=False``, and
predicts from them exactly as scikit-learn does (inputs compared as float32, as its
trees do).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from sklearn.ensemble import GradientBoostingRegressor

_FIELDS = ("feature", "threshold", "left", "right", "value", "roots", "base", "rate")
MAX_DEPTH = 32  # far beyond what is fitted (2); bounds the walk of a damaged file
_CHUNK = 1 << 15  # rows per pass: a column of them stays in the CPU cache


@dataclass(frozen=True)
class TreeEnsemble:
    """One boosted ensemble per output column.  Node arrays are global: ``roots[o, t]``
    is the root node of tree ``t`` of output ``o``; a leaf points to itself."""

    feature: np.ndarray  # (nodes,) int32, 0 at leaves
    threshold: np.ndarray  # (nodes,) float64, +inf at leaves
    left: np.ndarray  # (nodes,) int32
    right: np.ndarray  # (nodes,) int32
    value: np.ndarray  # (nodes,) float64, the leaf's contribution before ``rate``
    roots: np.ndarray  # (outputs, trees) int32
    base: np.ndarray  # (outputs,) the mean each ensemble starts from
    rate: np.ndarray  # () the learning rate

    @classmethod
    def fit(cls, x: np.ndarray, y: np.ndarray, *, trees: int = 100, depth: int = 2,
            rate: float = 0.05, subsample: float = 0.8, random_state: int = 0,
            ) -> "TreeEnsemble":
        """Fit one ``GradientBoostingRegressor`` per column of ``y`` (n, outputs)."""
        from sklearn.ensemble import GradientBoostingRegressor  # here: commands start
        # without sklearn

        y = np.asarray(y, dtype=np.float64).reshape(len(y), -1)
        fitted = [GradientBoostingRegressor(n_estimators=trees, max_depth=depth,
                                            learning_rate=rate, subsample=subsample,
                                            random_state=random_state).fit(x, y[:, o])
                  for o in range(y.shape[1])]
        return cls.from_estimators(fitted)

    @classmethod
    def from_estimators(cls, fitted: list[GradientBoostingRegressor]) -> "TreeEnsemble":
        parts: dict[str, list[np.ndarray]] = {k: [] for k in _FIELDS[:5]}
        roots, offset = [], 0
        for estimator in fitted:
            row = []
            for tree in estimator.estimators_[:, 0]:
                t = tree.tree_
                leaf = t.children_left < 0
                own = np.arange(t.node_count) + offset
                parts["feature"].append(np.where(leaf, 0, t.feature))
                parts["threshold"].append(np.where(leaf, np.inf, t.threshold))
                parts["left"].append(np.where(leaf, own, t.children_left + offset))
                parts["right"].append(np.where(leaf, own, t.children_right + offset))
                parts["value"].append(t.value[:, 0, 0])
                row.append(offset)
                offset += t.node_count
            roots.append(row)
        arrays = {k: np.concatenate(v) for k, v in parts.items()}
        return cls(feature=arrays["feature"].astype(np.int32), threshold=arrays["threshold"],
                   left=arrays["left"].astype(np.int32), right=arrays["right"].astype(np.int32),
                   value=arrays["value"].astype(np.float64),
                   roots=np.asarray(roots, dtype=np.int32),
                   base=np.array([float(e.init_.constant_.ravel()[0]) for e in fitted]),
                   rate=np.array(fitted[0].learning_rate, dtype=np.float64))

    @property
    def inputs(self) -> int:
        return int(self.feature.max(initial=0)) + 1

    def predict(self, x: np.ndarray) -> np.ndarray:
        """(n, outputs) predictions for the rows of ``x`` (finite values: the model's
        inputs are standardised with unknowns at the mean, never NaN)."""
        x = np.asarray(x, dtype=np.float32)
        if x.ndim != 2 or x.shape[1] < self.inputs:
            raise ValueError(f"trees need at least {self.inputs} input columns; "
                             f"got shape {x.shape}")
        out = np.empty((len(x), len(self.base)))
        for start in range(0, len(x), _CHUNK):
            columns = np.ascontiguousarray(x[start:start + _CHUNK].T)
            sums = [sum(self._walk(int(root), columns) for root in roots)
                    for roots in self.roots]
            out[start:start + _CHUNK] = self.base + self.rate * np.column_stack(
                [np.broadcast_to(s, len(columns[0])) for s in sums])
        return out

    def _walk(self, node: int, columns: np.ndarray) -> np.ndarray | float:
        """The tree below ``node`` for every row: one comparison per split over whole
        columns, no per-row indexing (the trees are shallow; depth is checked on load)."""
        if self.left[node] == node:
            return float(self.value[node])
        below = columns[self.feature[node]] <= self.threshold[node]
        return np.where(below, self._walk(int(self.left[node]), columns),
                        self._walk(int(self.right[node]), columns))

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The ensemble as named arrays for ``np.savez``."""
        return {f"{prefix}_{k}": np.asarray(getattr(self, k)) for k in _FIELDS}

    @classmethod
    def from_arrays(cls, data: Mapping[str, np.ndarray], prefix: str,
                    ) -> "TreeEnsemble | None":
        """The ensemble saved under ``prefix``, None when the file has none; arrays that
        do not describe trees raise ``ValueError``."""
        if f"{prefix}_roots" not in data:
            return None
        found = {k: np.asarray(data[f"{prefix}_{k}"]) for k in _FIELDS}
        ensemble = cls(**found)
        ensemble._check()
        return ensemble

    def _check(self) -> None:
        nodes = len(self.feature)
        if any(np.ndim(getattr(self, k)) != 1 or len(getattr(self, k)) != nodes
               for k in ("threshold", "left", "right", "value")):
            raise ValueError("tree arrays are inconsistent: node arrays differ in length")
        links = np.concatenate([self.left, self.right, self.roots.ravel()])
        if (self.roots.ndim != 2 or self.base.shape != (len(self.roots),)
                or self.rate.shape != () or not np.issubdtype(links.dtype, np.integer)
                or links.min(initial=0) < 0 or links.max(initial=0) >= max(nodes, 1)
                or self.feature.min(initial=0) < 0):
            raise ValueError("tree arrays are inconsistent: bad roots, links or features")
        own = np.arange(nodes)
        split = (self.left != own) | (self.right != own)
        if (self.left[split] <= own[split]).any() or (self.right[split] <= own[split]).any():
            raise ValueError("tree arrays are inconsistent: a child before its parent")
        depth = np.zeros(nodes, dtype=np.int64)
        for parent in np.flatnonzero(split):  # parents come first, so depths are final
            depth[[self.left[parent], self.right[parent]]] = depth[parent] + 1
        if depth.max(initial=0) > MAX_DEPTH:
            raise ValueError(f"tree arrays are inconsistent: deeper than {MAX_DEPTH}")
