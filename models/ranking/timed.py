"""Playlists of a given length in time ("a 45-minute wind-down set").

The same placement as ``playlist.sequence`` (relevance, arc, tempo/key flow, artist
gap and cap, beam over a small pool), with time in place of the track count:

* the arc's point for a track is where the playlist is in time when it starts, so
  the arc moves from one mood to the other over the minutes: the first track is at
  the start mood, a track starting one typical track before the end at the end mood
  (the end: what 100 typical tracks reach, when the minutes are more);
* a playlist stops when the time left is at most half its shortest track still
  allowed (stopping is then closer than any track could come), so it is never under
  by more than that, and over by less than its last track (it was under before it);
* a track that would end the playlist costs ``FIT_WEIGHT`` per minute it misses the
  target by, and carries the arc's end-label preference (the last place of a count);
  one that would not, the same per minute the gap it leaves is under ``SHORT``'s
  duration (few tracks would fill it: the next would overshoot);
* a track without a duration counts as the catalog's median duration.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .arc_labels import LABEL_WEIGHT, end_labels, unlabelled_end
from .arc_warnings import ArcPoint, far_ends
from .placement import GROW, Costs, Draft, Pool, cheapest, start
from .playlist import Placement
from .table import TrackTable

MINUTE = 60_000.0
#: cost per minute a closing track misses the target by (or a track leaves a gap
#: shorter than ``SHORT`` of the tracks): more than the end label's 0.8, so the last
#: track lands near the target; at 0.3 playlists missed 45 minutes by 0.2-0.66 minutes
#: on average (up to 1.8), at 1.0 by 0.09-0.17 (up to 0.39), the quality columns alike
FIT_WEIGHT = 1.0  # measured: bench/playlist_quality.py --minutes 45
SHORT = 0.1  # quantile of the candidates' durations a gap left open should not be under
MAX_TRACKS = 100  # as ``length``'s cap
FALLBACK_MS = 210_000.0  # a track's duration when the catalog gives none at all


def catalog_median(table: TrackTable) -> float:
    """The median duration of the catalog's tracks that have one (cached per table)."""
    if "_median_ms" not in table.__dict__:
        ms = table.column("duration_ms")
        known = ms[np.isfinite(ms) & (ms > 0)]
        table.__dict__["_median_ms"] = float(np.median(known)) if len(known) else FALLBACK_MS
    return table.__dict__["_median_ms"]


def durations(table: TrackTable, rows: np.ndarray | list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Per row: its duration in ms (the catalog's median when it has none), and whether
    it had none."""
    ms = table.column("duration_ms")[np.asarray(rows, dtype=np.int64)].astype(np.float64)
    missing = ~(np.isfinite(ms) & (ms > 0))
    return np.where(missing, catalog_median(table), ms), missing


def tracks_for(table: TrackTable, target_ms: float) -> int:
    """About how many tracks fill ``target_ms`` (the pool is sized by it), 1-100."""
    return int(min(MAX_TRACKS, max(1, math.ceil(target_ms / catalog_median(table)))))


@dataclass
class Timed(Placement):
    """A placement filling a time: its total (unknown durations at the median) and
    whether it reached the target by the stopping rule."""

    duration_ms: float = 0.0
    full: bool = True


@dataclass
class _Run:
    """A playlist being placed in time: the draft, its time so far, each track's point,
    and whether it has stopped."""

    draft: Draft
    elapsed: float = 0.0
    points: list[ArcPoint] = field(default_factory=list)
    stopped: bool = False
    fit: float = 0.0  # cost of where it stopped against the target (under)
    ran_out: bool = False  # stopped short: no candidate was allowed next


@dataclass
class _Clock:
    """The target, the candidates' durations, and where along the arc a time falls."""

    target: float
    ms: np.ndarray
    start: tuple[float, float]
    end: tuple[float, float]

    def __post_init__(self) -> None:
        known = len(self.ms) > 0
        typical = float(np.median(self.ms)) if known else 0.0
        # 600 minutes of 3.6-minute tracks are 100 tracks, 360 minutes: the arc is
        # spread over what the cap lets the playlist reach
        self.span = min(self.target, MAX_TRACKS * typical) - typical
        # a track leaving less time than this leaves a gap few tracks fit
        self.short = float(np.quantile(self.ms, SHORT)) if known else 0.0
        self.longest = float(self.ms.max()) if known else 0.0

    def point(self, elapsed: float) -> ArcPoint:
        f = min(1.0, elapsed / self.span) if self.span > 0 else 0.0
        return ArcPoint(self.start[0] + (self.end[0] - self.start[0]) * f,
                        self.start[1] + (self.end[1] - self.start[1]) * f)


def fill(table: TrackTable, candidates: np.ndarray, relevance: np.ndarray,
         ends: tuple[tuple[float, float], tuple[float, float]], target_ms: float, *,
         min_artist_gap: int = 3, tempo_tolerance: float = 0.08,
         max_per_artist: int | None = None, used_songs: set[str] = frozenset(),
         follow_arc: bool = True, end_mood: str | None = None) -> Timed:
    """Place candidate rows to fill ``target_ms``, along the arc from ``ends[0]`` to
    ``ends[1]`` over the time (when ``follow_arc``); see the module's rules."""
    rows, width, costs, pool, blocked = start(
        table, candidates, relevance, follow_arc=follow_arc, tempo_tolerance=tempo_tolerance,
        min_artist_gap=min_artist_gap, max_per_artist=max_per_artist, used_songs=used_songs)
    clock = _Clock(float(target_ms), durations(table, rows)[0], *ends)
    labels = end_labels(table, rows, end_mood, relevance) if follow_arc else None
    runs, done = [_Run(Draft(0.0, [], blocked, {}))], []
    while runs:
        runs = _step(runs, clock, costs, pool, labels, width)
        done += [r for r in runs if r.stopped]
        runs = [r for r in runs if not r.stopped]
    best = min(done, key=_mean_cost)
    return _placement(table, rows, relevance, best, clock, costs, labels, follow_arc)


def _mean_cost(run: _Run) -> float:
    """Playlists stopped at different lengths compare by cost per track."""
    return (run.draft.cost + run.fit) / max(1, len(run.draft.placed))


def _step(runs: list[_Run], clock: _Clock, costs: Costs, pool: Pool, labels,
          width: int) -> list[_Run]:
    """Each run one track longer (the ``width`` cheapest), or stopped.  The runs have
    placed as many tracks each, and their costs are one matrix (a row a run), so that
    the time's costs are a few operations a step, not a few a run."""
    count = len(runs[0].draft.placed)
    points = [clock.point(run.elapsed) for run in runs]
    cost = np.stack([run.draft.open_to(pool, costs.at(point) + (
        costs.after(run.draft.placed[-1]) if count else 0.0))
        for run, point in zip(runs, points)])
    left = clock.target - np.array([run.elapsed for run in runs])
    open_ = np.isfinite(cost)
    half = np.where(open_, clock.ms, np.inf).min(axis=1, initial=np.inf) / 2  # shortest
    stop = (count >= MAX_TRACKS) | ~open_.any(axis=1) | (left <= half)
    cost = _with_time(cost, clock, left[:, None], half[:, None], labels, count)
    options, out = [], []
    for d, run in enumerate(runs):
        if stop[d]:
            out.append(_Run(run.draft, run.elapsed, run.points, True,
                            FIT_WEIGHT * max(float(left[d]), 0.0) / MINUTE,
                            ran_out=not open_[d].any() and count < MAX_TRACKS))
            continue
        for i in cheapest(cost[d], GROW if count else 1):
            options.append((run.draft.cost + cost[d, i], d, run, i, float(cost[d, i]),
                            points[d]))
    options.sort(key=lambda o: (o[0], o[1], o[3]))
    for _, _, run, i, c, point in options[:width]:
        out.append(_Run(run.draft.extended(pool, i, c), run.elapsed + float(clock.ms[i]),
                        [*run.points, point]))
    return out


def _with_time(cost: np.ndarray, clock: _Clock, left: np.ndarray, half: np.ndarray, labels,
               count: int) -> np.ndarray:
    """``cost`` (a row a run) with what each candidate costs against the time ``left``
    (a column): the fit of a closing track, or the gap a track leaves; and the end
    label's preference for a closing track (or the cap's last)."""
    far = clock.longest < (left - half).min() and clock.longest <= (left - clock.short).min()
    if far and count < MAX_TRACKS - 1:
        return cost  # far from the end: no track closes or leaves a short gap (adds 0)
    closing = clock.ms >= left - half
    cost = cost + FIT_WEIGHT / MINUTE * np.where(
        closing, np.abs(clock.ms - left), np.maximum(clock.short - (left - clock.ms), 0))
    if labels is not None:
        last = closing | (count == MAX_TRACKS - 1)
        cost = cost + np.where(last, LABEL_WEIGHT * ~labels.preferred, 0.0)
    return cost


def _placement(table: TrackTable, rows: np.ndarray, relevance: np.ndarray, run: _Run,
               clock: _Clock, costs: Costs, labels, follow_arc: bool) -> Timed:
    placed = run.draft.placed
    chosen = [int(rows[i]) for i in placed]
    ms, missing = durations(table, chosen)
    total = float(ms.sum())
    full = bool(placed) and not run.ran_out
    warnings = _time_warnings(table, clock.target, total, len(placed), int(missing.sum()),
                              full)
    if follow_arc and placed:
        ends = [ArcPoint(*clock.start), ArcPoint(*clock.end)]
        warnings += far_ends(costs.va, placed, ends) + unlabelled_end(labels, placed)
    return Timed(chosen, run.points, warnings, [float(relevance[i]) for i in placed],
                 duration_ms=total, full=full)


def minutes(ms: float) -> str:
    """``ms`` as minutes and seconds, "44:52"."""
    seconds = int(round(ms / 1000))
    return f"{seconds // 60}:{seconds % 60:02d}"


def _time_warnings(table: TrackTable, target: float, total: float, count: int,
                   unknown: int, full: bool) -> list[str]:
    out = []
    if count >= MAX_TRACKS and total < target:
        out.append(f"a playlist holds at most {MAX_TRACKS} tracks: they make "
                   f"{minutes(total)} of the {minutes(target)} asked")
    elif not full:
        out.append(f"only {minutes(total)} of the {minutes(target)} asked could be filled "
                   f"({count} tracks) with the filters and artist gap given")
    if unknown:
        out.append(f"{unknown} of the tracks have no duration and count as the catalog's "
                   f"median, {minutes(catalog_median(table))}")
    return out
