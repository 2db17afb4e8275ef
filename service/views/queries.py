"""From a checked request body to the engine's :class:`~models.ranking.Query`:
seed names resolved to rows, names normalised, free text read for moods."""
from __future__ import annotations

import numpy as np

from models.language import normalise
from models.ranking import Query, apply_text_target, read_text_target

from ..resources import VersionResources
from . import validation as v


def build_query(res: VersionResources, body: dict, limit: int, warnings: list[str]) -> Query:
    """The engine query a POST body asks for; ``warnings`` collects what was ignored."""
    mins, maxs, targets = v.ranges(body)
    q = Query(seeds=_rows(res, v.seeds(body, "seeds")),
              negative_seeds=_rows(res, v.seeds(body, "negative_seeds")),
              moods=v.moods(body), targets=targets, minimums=mins, maximums=maxs,
              target_valence=v.number(body, "target_valence", -1, 1),
              target_arousal=v.number(body, "target_arousal", -1, 1),
              include_tags={normalise(t) for t in v.strings(body, "include_tags")},
              exclude_tags={normalise(t) for t in v.strings(body, "exclude_tags")},
              exclude_artists={normalise(a) for a in v.strings(body, "exclude_artists")},
              max_per_artist=v.integer(body, "max_per_artist", 1, 100),
              dedupe=v.boolean(body, "dedupe", True),
              diversity=v.number(body, "diversity", 0, 1, 0.0),
              temperature=v.number(body, "temperature", 0, 5, 0.0),
              random_seed=v.integer(body, "random_seed", 0, 2**32 - 1), limit=limit)
    q.exclude_rows = {r for r in map(res.row_of, v.strings(body, "exclude_ids"))
                      if r is not None}
    text = v.text(body, "text")
    if text:
        target = read_text_target(text)
        if target.found:
            apply_text_target(q, target)
        else:
            warnings.append("text: no mood words recognised; it was ignored")
    if q.temperature > 0 and q.random_seed is None:
        q.random_seed = int(np.random.default_rng().integers(2**32 - 1))
    return q


def _rows(res: VersionResources, seeds: list[tuple[str, float]]) -> list[tuple[int, float]]:
    return [(res.resolve(seed), weight) for seed, weight in seeds]
