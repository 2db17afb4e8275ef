"""Warnings about a playlist's ends: an arc asks to start or end at a mood, and the
answer says when the playlist does not get there (the caller cannot see it otherwise:
a list of tracks looks the same whether or not its last one is peaceful)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: an arc end that no candidate comes this close to is out of the catalog's reach; a
#: playlist whose own end track is this far from it ends short of it
OUT_OF_REACH = 0.5


@dataclass
class ArcPoint:
    valence: float
    arousal: float


def far_ends(va: np.ndarray, placed: list[int], arc: list[ArcPoint]) -> list[str]:
    """``va``: the candidates' valence/arousal; ``placed``: the indexes of the tracks
    placed, in order, along ``arc`` (fewer than its points when the rules ran out:
    then the playlist still ends where it ends, and that is measured against the
    arc's end)."""
    asked = {"start": arc[0], "end": arc[-1]}
    unreachable = {name: p for name, p in asked.items()
                   if np.linalg.norm(va - (p.valence, p.arousal), axis=1).min() > OUT_OF_REACH}
    missed = []
    for name, point, at in (("start", arc[0], placed[0]), ("end", arc[-1], placed[-1])):
        gap = float(np.linalg.norm(va[at] - (point.valence, point.arousal)))
        if name not in unreachable and gap > OUT_OF_REACH:
            missed.append(f"{name} is {gap:.2f} from the arc's {name} (valence "
                          f"{point.valence:.2f}, arousal {point.arousal:.2f})")
    out = [_unreachable(va, unreachable)] if unreachable else []
    if missed:
        out.append(f"the playlist's {' and its '.join(missed)}: the tracks nearer it were "
                   "placed elsewhere in it, or are kept out by the filters or the artist gap")
    return out


def _unreachable(va: np.ndarray, ends: dict[str, ArcPoint]) -> str:
    points = " and ".join(f"{name} (valence {p.valence:.2f}, arousal {p.arousal:.2f})"
                          for name, p in ends.items())
    return (f"no track that passes the filters comes near the arc's {points}; theirs span "
            f"valence {va[:, 0].min():.2f} to {va[:, 0].max():.2f}, arousal "
            f"{va[:, 1].min():.2f} to {va[:, 1].max():.2f}, so the playlist only leans "
            "that way")
