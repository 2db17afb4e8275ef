"""What a request asks for (:class:`Query`), how relevant each row is, and which rows
pass its filters.

* relevance is the mean of the parts the query asks for: similarity to the weighted
  seeds (minus half the negative seeds at equal weights, Rocchio-style; without seeds,
  the distance from the negative seeds is a part of its own), match with
  target moods, and closeness to target valence/arousal and audio attributes; beside
  seeds, the parts' standard scores on the seeds' scale (:mod:`.blend`), one seed's
  similarity hub-discounted as its neighbour list is (:mod:`.hubs`);
* filters remove rows (tags, artists, years, durations, attribute ranges, ids) and,
  with ``include_rows``, keep only the rows of an allowlist (a user's library).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from ..errors import BadRequest, SeedWithoutEvidence
from ..language import MOODS
from .blend import beside_seeds
from .hubs import discounted
from .speech_rows import speech_rows_hidden
from .table import TrackTable

NEGATIVE_WEIGHT = 0.5
MAX_NEGATIVE_RATIO = 100.0  # beyond it the target is the negative seeds' opposite anyway
ATTRIBUTE_WEIGHT = 0.5
#: how much a tag the request's text names counts, beside a mood match's 1
TAG_WEIGHT = 1.0
#: without seeds, a named tag's lift as a share of the fit (a tagged track scores its fit,
#: another 1 / (1 + this) of it): it reorders tracks that fit about as well, and does not
#: carry ones of another mood past them (bench/text_tags.py)
TAG_FIT_WEIGHT = 0.25


@dataclass
class Query:
    seeds: list[tuple[int, float]] = field(default_factory=list)
    negative_seeds: list[tuple[int, float]] = field(default_factory=list)
    moods: dict[str, float] = field(default_factory=dict)
    target_valence: float | None = None
    target_arousal: float | None = None
    targets: dict[str, float] = field(default_factory=dict)  # audio attribute -> value
    minimums: dict[str, float] = field(default_factory=dict)
    maximums: dict[str, float] = field(default_factory=dict)
    include_tags: set[str] = field(default_factory=set)  # normalised
    exclude_tags: set[str] = field(default_factory=set)
    prefer_tags: set[str] = field(default_factory=set)  # normalised; ranked up, not required
    exclude_artists: set[str] = field(default_factory=set)  # normalised
    exclude_rows: set[int] = field(default_factory=set)
    include_rows: set[int] | None = None  # None: every row may be returned
    max_per_artist: int | None = None
    dedupe: bool = True
    diversity: float = 0.0
    spread: bool = False  # without a diversity: spread over kinds of music (``shaping``)
    temperature: float = 0.0
    random_seed: int | None = None
    limit: int = 10

    def has_filters(self) -> bool:
        return bool(self.minimums or self.maximums or self.include_tags or self.exclude_tags
                    or self.exclude_artists or self.exclude_rows
                    or self.include_rows is not None)

    def asks_for_something(self) -> bool:
        """Seeds, moods or a target: something to rank by."""
        return bool(self.seeds or self.moods or self.targets
                    or self.target_valence is not None or self.target_arousal is not None)


def refuse_unplaced_seeds(table: TrackTable, rows: Sequence[int], *,
                          every: bool = False, fields: Sequence[str] = ()) -> None:
    """Refuse seeds the build had nothing to place by: when none of ``rows`` is placed
    (a placed seed beside them leads alone: a zero vector adds nothing), or with
    ``every`` when any one is not (the two ends of a path).  ``fields``: where each
    row was named in the request, for the error to point at."""
    missing = [i for i, row in enumerate(rows) if not table.placed[row]]
    if missing and (every or len(missing) == len(rows)):
        where = {"field": fields[missing[0]]} if len(fields) == len(rows) else {}
        raise SeedWithoutEvidence(
            f'nothing is known of how "{table.titles[rows[missing[0]]][:80]}" feels (no '
            'audio features, tags, notes or review): it cannot be a seed until the track '
            'has some evidence, such as its audio file or tags, and is built again', **where)


def unplaced_seed_warnings(table: TrackTable, rows: Sequence[int],
                           fields: Sequence[str], kind: str = "seeds") -> list[str]:
    """What to tell of seeds beside placed ones that the build had nothing to place by:
    they are left out (a zero vector adds nothing to the seeds' direction).  ``kind``:
    which seeds they were named among (``"negative seeds"``)."""
    return [f'{field}: nothing is known of how "{table.titles[row][:80]}" feels, so it '
            f'was left out of the {kind}' for row, field in zip(rows, fields)
            if not table.placed[row]]


def to_unit(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    return x / np.where(norms > 1e-12, norms, 1.0)


def seed_target(table: TrackTable, query: Query, unit: np.ndarray | None = None,
                ) -> np.ndarray | None:
    """The unit vector the seeds point at (Rocchio: minus the negative seeds, half as
    strongly at equal weights), among ``unit`` (default: the table's unit vectors)."""
    if not query.seeds:
        return None
    unit = table.unit_vectors if unit is None else unit
    target = _weighted_mean(unit, query.seeds)
    if query.negative_seeds:
        away = _weighted_mean(unit, query.negative_seeds)
        target = target - _negative_strength(query) * away
    return to_unit(target)


def _negative_strength(query: Query) -> float:
    """How hard the negative seeds push: :data:`NEGATIVE_WEIGHT` at equal weights, in
    proportion to the largest negative weight over the largest positive one (a weight
    of 0.1 pushes a tenth as hard), so a lone negative seed's weight still counts."""
    ratio = max(w for _, w in query.negative_seeds) / max(w for _, w in query.seeds)
    return NEGATIVE_WEIGHT * min(ratio, MAX_NEGATIVE_RATIO)


def _weighted_mean(unit: np.ndarray, seeds: list[tuple[int, float]]) -> np.ndarray:
    """The seeds' weighted mean vector; weights count relative to the largest, so tiny
    ones (1e-50) cannot underflow to a zero sum."""
    weights = np.array([w for _, w in seeds], dtype=np.float64)
    weights /= weights.max()
    return sum(w * unit[r] for (r, _), w in zip(seeds, weights)) / weights.sum()


def seed_similarity(table: TrackTable, query: Query) -> np.ndarray | None:
    target = seed_target(table, query)
    return None if target is None else (1.0 + table.unit_vectors @ target) / 2.0


def world_similarity(table: TrackTable, query: Query) -> np.ndarray | None:
    """(1 + cos) / 2 of every row to the seeds over the columns that say how tracks
    sound and where they belong, not how they feel (None without seeds, or for a table
    that does not mark its mood columns): what a mood arc keeps of its seeds."""
    unit = table.world_unit
    if unit is None or not query.seeds:
        return None
    return (1.0 + unit @ seed_target(table, query, unit)) / 2.0 - _world_hubness(table)


def _world_hubness(table: TrackTable) -> np.ndarray:
    """How much more a track is like every other by sound and world than the typical
    track is, in (1 + cos) / 2 units (0 for most): a track with little evidence of its
    own sits near the centre and would be close to every seed (cached)."""
    hubness = table.__dict__.get("_world_hubness")
    if hubness is None:
        unit = table.world_unit
        centrality = unit @ unit.mean(axis=0)
        hubness = np.clip(centrality - np.median(centrality), 0.0, None) / 2.0
        table.__dict__["_world_hubness"] = hubness.astype(np.float32)
    return hubness


def mood_weights(moods: dict[str, float]) -> np.ndarray:
    """The asked moods' weights in :data:`MOODS` order, summing to 1. Normalised in
    float64 first: weights too small for float32 (1e-320) still count as asked."""
    weights = np.array([moods.get(m, 0.0) for m in MOODS], dtype=np.float64)
    total = weights.sum()
    if not total > 0:
        raise BadRequest("at least one mood weight must be above 0", field="moods")
    return weights / total


def mood_match(table: TrackTable, moods: dict[str, float]) -> np.ndarray | None:
    if not moods:
        return None
    return table.moods @ mood_weights(moods).astype(np.float32)


def _closeness(values: np.ndarray, target: float, spread: float) -> np.ndarray:
    """1 at the target, 0 a ``spread`` away; a track without the value counts as a
    typical track does (the mean over those with it), so a target far from every known
    value cannot favour the tracks nobody measured (a fixed 0.5 did)."""
    unknown = np.isnan(values)
    close = np.clip(1.0 - np.abs(values - target) / max(spread, 1e-9), 0.0, 1.0)
    typical = float(close[~unknown].mean()) if (~unknown).any() else 0.5
    return np.where(unknown, typical, close)


def _spread(values: np.ndarray) -> float:
    known = values[~np.isnan(values)]
    if known.size < 2:
        return 1.0
    lo, hi = np.percentile(known, [2, 98])
    return float(hi - lo) or 1.0


def relevance(table: TrackTable, query: Query, *, world: bool = False,
              passing: np.ndarray | None = None,
              ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Relevance of every row in [0, 1] and its named parts; with ``world``, the seeds
    count by how tracks sound and where they belong, not how they feel (where the table
    marks its mood columns). ``passing``: ``allowed(table, query)``, when the caller
    has it already."""
    parts: dict[str, np.ndarray] = {}
    weights: dict[str, float] = {}
    seeds = world_similarity(table, query) if world else None
    seeds = seed_similarity(table, query) if seeds is None else seeds
    if seeds is not None:
        parts["seeds"], weights["seeds"] = seeds, 1.0
    moods = mood_match(table, query.moods)
    if moods is not None:  # beside seeds {"sad": 0.3} leans a third as hard as {"sad": 1}
        parts["moods"], weights["moods"] = moods, \
            1.0 if seeds is None else min(1.0, max(query.moods.values()))
    for name, target in (("valence_mood", query.target_valence),
                         ("arousal_mood", query.target_arousal)):
        if target is not None:
            parts[name], weights[name] = _closeness(table.column(name), target, 2.0), 1.0
    for name, target in query.targets.items():
        column = table.column(name)
        parts[name], weights[name] = _closeness(column, target, _spread(column)), \
            ATTRIBUTE_WEIGHT
    if not parts:
        pop = table.column("popularity")
        return np.nan_to_num(pop / 100.0, nan=0.0), parts
    tagged = table.rows_with_tags(query.prefer_tags).astype(np.float32) \
        if query.prefer_tags else None
    if "seeds" not in parts:
        _push_away(table, query, world, parts, weights)
        total = sum(weights[k] * parts[k] for k in parts) / sum(weights.values())
        if tagged is not None:
            # a lift by how well the track fits the rest of the ask: one playlist whose
            # name holds a word ("Tropical Morning" for "a rainy morning") must not take
            # the list with tracks of another mood
            parts["tags"] = tagged * total
            total = total * (1.0 + TAG_FIT_WEIGHT * tagged) / (1.0 + TAG_FIT_WEIGHT)
        return np.nan_to_num(total, nan=0.0).astype(np.float32), parts
    if tagged is not None:
        parts["tags"], weights["tags"] = tagged, TAG_WEIGHT
    total = parts["seeds"]
    if len(parts) > 1:  # the neighbourhood among the rows it may offer
        if not world and len({row for row, _ in query.seeds}) == 1 \
                and not query.negative_seeds:  # one seed: as its neighbour list scores it
            parts["seeds"] = discounted(table, parts["seeds"], query.seeds[0][0])
        passing = allowed(table, query) if passing is None else passing
        total = beside_seeds(parts, weights, table.placed & passing)
    return np.nan_to_num(total, nan=0.0).astype(np.float32), parts


def _push_away(table: TrackTable, query: Query, world: bool, parts: dict[str, np.ndarray],
               weights: dict[str, float]) -> None:
    """Without seeds to subtract them from, negative seeds are a part of their own: how
    far a track lies from them ((1 - cos) / 2), at weight 1 half as strong as the
    strongest part asked for, in proportion to their largest weight."""
    if not query.negative_seeds:
        return
    unit = table.world_unit if world and table.world_unit is not None else table.unit_vectors
    away = to_unit(_weighted_mean(unit, query.negative_seeds))
    ratio = min(max(w for _, w in query.negative_seeds), MAX_NEGATIVE_RATIO)
    parts["negative_seeds"] = (1.0 - unit @ away) / 2.0
    weights["negative_seeds"] = NEGATIVE_WEIGHT * ratio * max(weights.values())


def allowed(table: TrackTable, query: Query, rows: np.ndarray | None = None) -> np.ndarray:
    """Boolean mask over ``rows`` (default: every row) of those that pass every filter;
    the query's own seeds never pass."""
    rows = np.arange(len(table)) if rows is None else np.asarray(rows, dtype=np.int64)
    mask = np.ones(len(rows), dtype=bool)
    for name, low in query.minimums.items():
        column = table.column(name)[rows]
        mask &= ~np.isnan(column) & (column >= low)
    for name, high in query.maximums.items():
        column = table.column(name)[rows]
        mask &= ~np.isnan(column) & (column <= high)
    if query.include_tags:
        mask &= table.rows_with_tags(query.include_tags, rows)
    if query.exclude_tags:
        mask &= ~table.rows_with_tags(query.exclude_tags, rows)
    if query.exclude_artists:
        mask &= ~table.rows_by_artists(query.exclude_artists, rows)
    mask &= ~speech_rows_hidden(table, [row for row, _ in query.seeds], query.include_tags,
                                rows)
    if query.include_rows is not None:
        mask &= np.isin(rows, np.fromiter(query.include_rows, np.int64,
                                          len(query.include_rows)))
    if not table.placed.all():
        mask &= table.placed[rows]
    excluded = query.exclude_rows | {r for r, _ in query.seeds} \
        | {r for r, _ in query.negative_seeds}
    if excluded:
        mask &= ~np.isin(rows, list(excluded))
    return mask
