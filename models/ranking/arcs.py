"""Where a playlist's arc starts and ends: the two moods' valence/arousal positions,
held where enough of the catalog's tracks are, or a flat line at the seeds' position."""
from __future__ import annotations

import numpy as np

from ..language import MOODS, load_lexicon
from .arc_warnings import OUT_OF_REACH
from .query import Query, mood_weights
from .table import TrackTable


#: an arc's mood is held where enough of the catalog's tracks feel like it: the point
#: nearest the mood, on the way to the tracks' centre, with this share of them (at least
#: ``FEW``) within ``BAND`` ("peaceful", at arousal -0.75, lies beyond all but a few
#: tracks of a pop catalog, and every playlist ended on the same ones)
DENSE_SHARE, FEW, BAND, STEPS = 0.01, 3, 0.1, 40
SAMPLED = 300  # tracks whose neighbours say how sparse a catalog is
#: past this many tracks a catalog is dense enough for ``BAND`` (on the [-1, 1] square
#: some 80 tracks lie within 0.1 of a point, even spread evenly)
DENSE_ENOUGH = 10_000


def _va(table: TrackTable) -> np.ndarray:
    """The tracks' known valence/arousal (cached on the table)."""
    va = table.__dict__.get("_known_va")
    if va is None:
        both = np.column_stack([table.column("valence_mood"), table.column("arousal_mood")])
        va = table.__dict__["_known_va"] = both[~np.isnan(both).any(axis=1)]
    return va


def held(table: TrackTable, point: np.ndarray) -> tuple[float, float]:
    """``point``, or the nearest point towards the tracks' centre with enough of them
    around it."""
    va = _va(table)
    if not len(va):
        return float(point[0]), float(point[1])
    enough = min(len(va), max(FEW, int(DENSE_SHARE * len(va))))
    centre, band = np.median(va, axis=0), _band(table, enough)
    for t in np.linspace(0.0, 1.0, STEPS + 1):
        at = point + t * (centre - point)
        if np.count_nonzero(np.linalg.norm(va - at, axis=1) <= band) >= enough:
            return float(at[0]), float(at[1])
    return float(centre[0]), float(centre[1])


def _band(table: TrackTable, enough: int) -> float:
    """How near ``enough`` tracks must be: ``BAND``, or in a sparse catalog (a library
    of sixty tracks has few within 0.1 of any point, and every arc collapsed to its
    centre) how near a typical track's ``enough`` nearest are (cached per table)."""
    band = table.__dict__.get("_arc_band")
    if band is None:
        va = _va(table).astype(np.float32)
        band = BAND
        if len(va) <= DENSE_ENOUGH:
            rng = np.random.default_rng(0)
            sample = va[rng.choice(len(va), size=min(len(va), SAMPLED), replace=False)]
            distances = np.linalg.norm(sample[:, None, :] - va[None, :, :], axis=2)
            nearest = np.sort(distances, axis=1)[:, min(enough, len(va) - 1)]  # self first
            band = max(BAND, float(np.median(nearest)))
        table.__dict__["_arc_band"] = band
    return band


def held_ends(table: TrackTable, arc: tuple[str, str] | None) -> list[str]:
    """A warning for each arc mood no track of the catalog comes near (within
    ``OUT_OF_REACH``): the arc is held where the tracks are, and the answer says so
    (nothing when no track has a valence/arousal to hold it by)."""
    if not arc or not len(_va(table)):
        return []
    protos, out = load_lexicon().prototypes, []
    for name, mood, (v, a) in zip(("start", "end"), arc, arc_ends(table, Query(), arc)):
        if _unreached(table, mood):
            mv, ma = (float(x) for x in protos[MOODS.index(mood)])
            out.append(f"no track comes near {mood} (valence {mv:.2f}, arousal {ma:.2f}): "
                       f"the arc's {name} is held at valence {v:.2f}, arousal {a:.2f}, as "
                       "far that way as the catalog's tracks go")
    return out


def _unreached(table: TrackTable, mood: str) -> bool:
    """No track within ``OUT_OF_REACH`` of the mood's own position (cached per table)."""
    cache = table.__dict__.setdefault("_unreached_moods", {})
    if mood not in cache:
        point = load_lexicon().prototypes[MOODS.index(mood)]
        cache[mood] = bool(np.linalg.norm(_va(table) - point, axis=1).min() > OUT_OF_REACH)
    return cache[mood]


def _held_at(table: TrackTable, mood: str) -> tuple[float, float]:
    """Where an arc's ``mood`` is held (cached per table)."""
    cache = table.__dict__.setdefault("_held_moods", {})
    if mood not in cache:
        cache[mood] = held(table, np.asarray(load_lexicon().prototypes[MOODS.index(mood)],
                                             dtype=float))
    return cache[mood]


def arc_ends(table: TrackTable, query: Query, arc: tuple[str, str] | None,
             ) -> tuple[tuple[float, float], tuple[float, float]]:
    """Valence/arousal where the playlist starts and ends: the arc's two moods (held
    within the catalog's reach), else a flat line at the seeds' (or the asked moods')
    position, moved to explicit targets."""
    protos = load_lexicon().prototypes
    if arc:
        return tuple(_held_at(table, mood) for mood in arc)
    if query.seeds:
        rows = [r for r, _ in query.seeds]
        point = (float(np.nanmean(table.column("valence_mood")[rows])),
                 float(np.nanmean(table.column("arousal_mood")[rows])))
    elif query.moods:
        point = tuple(float(x) for x in mood_weights(query.moods) @ protos)
    else:
        point = (0.0, 0.0)
    point = (query.target_valence if query.target_valence is not None else point[0],
             query.target_arousal if query.target_arousal is not None else point[1])
    return point, point
