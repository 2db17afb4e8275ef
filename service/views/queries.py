"""From a typed request body to the engine's :class:`~models.ranking.Query`: seed
names resolved to rows, names normalised, free text read for moods."""
from __future__ import annotations

from typing import Any

import numpy as np

from models.errors import BadRequest
from models.language import normalise
from models.ranking import (
    Query,
    TextTarget,
    apply_text_target,
    read_text_target,
    refuse_unplaced_seeds,
    spreads,
    unplaced_seed_warnings,
)

from ..requests import QueryFields
from ..resources import VersionResources
from ..seed_hints import public


def build_query(res: VersionResources, body: QueryFields, limit: int,
                warnings: list[str], notes: dict[str, Any] | None = None) -> Query:
    """The engine query a body asks for; ``warnings`` collects what was ignored and
    ``notes`` the fields the answer reports about the request (``include_ids_unknown``,
    the ``negative_seeds`` as resolved)."""
    mins, maxs, targets = body.ranges()
    q = Query(seeds=_rows(res, body.seed_list(), body.seed_paths(), warnings),
              negative_seeds=_rows(res, body.negative_seed_list(), body.negative_seed_paths(),
                                   warnings),
              moods=body.mood_weights(), targets=targets, minimums=mins, maximums=maxs,
              target_valence=body.target_valence, target_arousal=body.target_arousal,
              include_tags={normalise(t) for t in body.include_tags},
              exclude_tags={normalise(t) for t in body.exclude_tags},
              exclude_artists={normalise(a) for a in body.exclude_artists},
              max_per_artist=body.max_per_artist, dedupe=body.dedupe,
              diversity=body.diversity or 0.0, temperature=body.temperature,
              random_seed=body.random_seed, limit=limit)
    _refuse_both_ways(q, body.negative_seed_paths())
    _check_placed(res, q, body, warnings)
    if q.negative_seeds and notes is not None:  # what each name was read as, to check
        notes["negative_seeds"] = [public(d) for d in
                                   res.documents([row for row, _ in q.negative_seeds])]
    q.exclude_rows = {r for r in _known(res, body.exclude_ids, "exclude_ids") if r is not None}
    if body.include_ids:
        rows = _known(res, body.include_ids, "include_ids")
        q.include_rows = {r for r in rows if r is not None}
        unknown = rows.count(None)
        if notes is not None:
            notes["include_ids_unknown"] = unknown
        if not q.include_rows:
            warnings.append(f"include_ids: none of the {unknown} ids names a track of "
                            "this model; nothing can be returned")
        warnings += _unplaced_includes(res, rows)
    if body.text:
        _read_text(res, body.text, q, warnings, notes)
    q.spread = body.diversity is None and spreads(q, text=bool(body.text))
    if body.random_seed is not None and not q.temperature:
        warnings.append("random_seed: ignored without a temperature (the list is not "
                        "drawn, so there is nothing to reproduce)")
    if q.temperature > 0 and q.random_seed is None:
        q.random_seed = int(np.random.default_rng().integers(2**32 - 1))
    return q


def require_something(q: Query, message: str, text: str | None = None) -> None:
    """After the text is read: a request must still ask for something to rank by
    (``text``: the request's text, which may have named no mood)."""
    if q.asks_for_something():
        return
    if text:
        target = read_text_target(text)  # only on this error path: read again, cheaply
        raise BadRequest(f"text: {_unread(target)} in it, and nothing else to rank by (give "
                         "moods, seeds or a target as well, or words such as 'lonely', "
                         f"'hopeful', 'tense'){_advice(target)}", field="text")
    raise BadRequest(message, field="seeds")


def _read_text(res: VersionResources, text: str, q: Query, warnings: list[str],
               notes: dict[str, Any] | None) -> None:
    """The text's moods and the catalog tags it names, applied to ``q``; what was read
    goes in ``notes`` (``text_read``)."""
    target = read_text_target(text, res.table, alone=not q.asks_for_something())
    if notes is not None:
        notes["text_read"] = {"moods": target.moods, "tags": list(target.tags)}
    if target.found or target.tags:
        apply_text_target(q, target)  # without moods, only the tags
    if not target.found:
        used = f"only the tags it names were used ({', '.join(list(target.tags)[:3])})" \
            if target.tags else "it was ignored"
        warnings.append(f"text: {_unread(target)}; {used}{_advice(target)}")


def _unread(target: TextTarget) -> str:
    """Why a text asks for nothing: no mood word, or only negated ones ("not happy")."""
    if target.negated:
        return f"only negated mood words ({', '.join(target.negated[:3])})"
    return "no mood words recognised"


def _advice(target: TextTarget) -> str:
    return " (say the mood you want: 'sad' rather than 'not happy')" if target.negated else ""


def _rows(res: VersionResources, seeds: list[tuple[str, float]], paths: list[str],
          warnings: list[str]) -> list[tuple[int, float]]:
    return [(res.resolve(seed, path, warnings), weight)
            for (seed, weight), path in zip(seeds, paths)]


def _refuse_both_ways(q: Query, paths: list[str]) -> None:
    """A track asked for both as more and as less like it says nothing: a mistake."""
    wanted = {row for row, _ in q.seeds}
    for (row, _), path in zip(q.negative_seeds, paths):
        if row in wanted:
            raise BadRequest(f"{path}: this track is also one of the seeds; a track cannot "
                             "be both more and less like the answer", field=path)


def _check_placed(res: VersionResources, q: Query, body: QueryFields,
                  warnings: list[str]) -> None:
    """Seeds with nothing to place them by: refused when every seed is one, else left
    out with a warning (negative seeds too)."""
    placed = res.table.placed
    seeds, paths = [r for r, _ in q.seeds], body.seed_paths()
    refuse_unplaced_seeds(res.table, seeds, fields=paths)
    warnings += unplaced_seed_warnings(res.table, seeds, paths)
    warnings += unplaced_seed_warnings(res.table, [r for r, _ in q.negative_seeds],
                                       body.negative_seed_paths(), "negative seeds")
    # out of the weights too: a zero vector counted in the mean would still move it
    q.seeds = [(row, weight) for row, weight in q.seeds if placed[row]]
    q.negative_seeds = [(row, weight) for row, weight in q.negative_seeds if placed[row]]


def _known(res: VersionResources, ids: list[str], field: str) -> list[int | None]:
    """Rows of a list of ids of any kind (None: no such track), in one round trip."""
    return res.lookup(ids, [f"{field}[{i}]" for i in range(len(ids))]) if ids else []


def _unplaced_includes(res: VersionResources, rows: list[int | None]) -> list[str]:
    """What to tell of ``include_ids`` that name tracks the build had nothing to place
    by: they are never recommended, and when no included track is placed nothing can be
    (said here, not as filters that left nothing)."""
    placed = res.table.placed
    unplaced = [(i, r) for i, r in enumerate(rows) if r is not None and not placed[r]]
    if not unplaced:
        return []
    named = ", ".join(f'include_ids[{i}] "{res.table.titles[r][:40]}"' for i, r in unplaced[:3])
    named += f" and {len(unplaced) - 3} more" if len(unplaced) > 3 else ""
    if any(placed[r] for r in rows if r is not None):
        verb, they = ("feels", "it is") if len(unplaced) == 1 else ("feel", "they are")
        return [f"include_ids: nothing is known of how {named} {verb} (no audio features, "
                f"tags, notes or review), so {they} never recommended"]
    return [f"include_ids: nothing is known of how the tracks it names feel ({named}: no "
            "audio features, tags, notes or review), and such tracks are never "
            "recommended; nothing can be returned"]


def nothing_left(res: VersionResources, q: Query, wanted: str) -> list[str]:
    """The warning for an empty answer: the filters left no track, or (a library of one
    track, say) the catalog has none besides the seeds; none when ``include_ids`` named
    no placed track (``build_query`` said why)."""
    if q.include_rows is not None and not res.table.placed[list(q.include_rows)].any():
        return []
    if len(res.table) <= len(q.seeds):
        return ["the catalog has no track besides the seeds; add tracks to get " + wanted]
    return [f"no track passes the filters; loosen them to get {wanted}"]
