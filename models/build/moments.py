"""Per-column statistics that can be computed in pieces and merged.

Every statistic a build fits on its catalog (the audio scaler's mean and scale, the
mood columns' centre and spread, the feel space's weighted centre and spread) is a
weighted mean and variance per column.  :class:`Moments` holds the weight, mean and
sum of squared deviations of a block of rows; merging two (Chan et al.'s pairwise
update) gives exactly the moments of their union, so the distributed build can fit
the same state from its partitions' moments as the single-machine build from the
whole catalog.  Both builds compute their statistics through this class.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TINY = 1e-9  # a spread below this is a constant column: its spread becomes 1


@dataclass
class Moments:
    """Per column: total weight, weighted mean and weighted sum of squared deviations."""

    weight: np.ndarray
    mean: np.ndarray
    m2: np.ndarray

    @classmethod
    def of(cls, values: np.ndarray, weights: np.ndarray | None = None) -> Moments:
        """Moments of ``values`` (n, d); ``weights`` (n, d) (default 1); NaN values and
        their weights are left out."""
        values = np.asarray(values, dtype=np.float64)
        w = np.ones_like(values) if weights is None else np.asarray(weights, np.float64)
        w = np.where(np.isnan(values), 0.0, w)
        x = np.nan_to_num(values, nan=0.0)
        total = w.sum(axis=0)
        mean = np.where(total > 0, (w * x).sum(axis=0) / np.where(total > 0, total, 1.0), 0.0)
        m2 = (w * (x - mean) ** 2).sum(axis=0)
        return cls(total, mean, m2)

    def merge(self, other: Moments) -> Moments:
        total = self.weight + other.weight
        safe = np.where(total > 0, total, 1.0)
        delta = other.mean - self.mean
        mean = np.where(total > 0, self.mean + delta * other.weight / safe, 0.0)
        m2 = self.m2 + other.m2 + delta ** 2 * self.weight * other.weight / safe
        return Moments(total, mean, m2)

    def spread(self, ddof: int = 0) -> np.ndarray:
        """Standard deviation per column (1 where it is below TINY or undefined)."""
        denominator = self.weight - ddof
        with np.errstate(invalid="ignore", divide="ignore"):
            sd = np.sqrt(np.where(denominator > 0, self.m2 / np.maximum(denominator, 1e-300),
                                  1.0))
        return np.where(sd > TINY, sd, 1.0)

    def centre_spread(self) -> tuple[np.ndarray, np.ndarray]:
        """The feel space's statistics: weighted mean and spread; a column nobody has
        evidence for (zero weight) gets centre 0 and an infinite spread."""
        has = self.weight > 0
        return np.where(has, self.mean, 0.0), np.where(has, self.spread(), np.inf)


def merged(parts: list[Moments]) -> Moments:
    """The moments of all ``parts`` together."""
    out = parts[0]
    for part in parts[1:]:
        out = out.merge(part)
    return out
