"""How GET /v1/path walks between two tracks, on the live model, by how many of the
nearest rows in mood each step chooses from.

    python bench/path_quality.py [--pairs 100] [--steps 8] [--catalog FILE] [--before DIR]

Reads the published model (``REDIS_URL`` or the embedded Redis under
``FEELALIKE_DATA_HOME``; ``feelalike demo --no-serve`` makes one).  For random pairs
of tracks (and every pair of the demo's "Her" tracks) it walks with ``pool`` 1 (by
mood alone: the walk before the pool existed), 5, 10, 20 (served) and 50, and prints
the mean over pairs of:

* ``mood err``: distance in mood space (16 moods, valence, arousal) from each step's
  track to its point on the line between the endpoints;
* ``world``: cosine of each step's track to the nearer endpoint over the vector
  columns that do not carry mood (how it sounds and where it belongs);
* ``shared``: share of the steps' tracks in a Spotify playlist with either endpoint
  (``playlist_name`` of the TidyTuesday CSV given by ``--catalog``), a judge the model
  does not own;
* ``jumps``: share of the walk's transitions (ends included) whose tempo jumps beyond
  the playlists' default tolerance of 8% (half and double time count as the same pulse);
* ``artists``: share of the walks that hold an artist twice (ends included: the Her
  pairs' ends are one artist);
* ``max gap``: the largest gap between neighbouring tracks of the walk (ends included)
  along the line between the ends, as a share of it (an even walk of 8 steps: 0.11);
* ``max step``: the largest distance in mood space between neighbouring tracks, as a
  share of the distance between the ends (a leap, wherever it goes);
* ``step sd``: the spread (standard deviation) of those distances, same share: 0 for
  steps of one size;
* ``ms``: the median time of a walk.

``--before DIR``: also walk with the ``models/`` of another checkout (the code before a
change, e.g. from ``git archive``) and print its served row beside this one's.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from playlist_quality import DEFAULT, spotify_playlists  # noqa: E402
from models.ranking import PATH_POOL, mood_space, path, tempo_jump  # noqa: E402
from service.resources import Resources  # noqa: E402
from service.store import open_store  # noqa: E402

POOLS = (1, 5, 10, PATH_POOL, 50)
TOLERANCE = 0.08  # the playlists' default tempo tolerance


def walker_of(root: Path):
    """The path function of the ``models/`` under ``root``, imported beside this one's
    (as the package ``before_models``: its imports within are relative)."""
    spec = importlib.util.spec_from_file_location(
        "before_models", root / "models" / "__init__.py",
        submodule_search_locations=[str(root / "models")])
    sys.modules["before_models"] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sys.modules["before_models"])
    return importlib.import_module("before_models.ranking").path


def smoothness(space: np.ndarray, walk: list[int]) -> tuple[float, float, float]:
    """The largest gap along the line, the largest step and the steps' spread, each a
    share of the line between the walk's ends."""
    points = space[walk]
    direction = points[-1] - points[0]
    length = float(np.linalg.norm(direction)) or 1.0
    place = np.clip((points - points[0]) @ direction / length ** 2, 0.0, 1.0)
    steps = np.linalg.norm(np.diff(points, axis=0), axis=1) / length
    return float(np.abs(np.diff(place)).max()), float(steps.max()), float(steps.std())


def measure(table, space: np.ndarray, groups: dict, a: int, b: int, steps: int,
            pool: int, walker=path) -> tuple[float, ...]:
    began = time.perf_counter()
    walk = walker(table, a, b, steps, pool=pool)
    took = (time.perf_counter() - began) * 1000
    middle = walk[1:-1]
    direction = space[b] - space[a]
    length2 = float(direction @ direction) or 1.0
    share = [float((space[r] - space[a]) @ direction) / length2 for r in middle]
    err = np.mean([np.linalg.norm(space[r] - space[a] - direction * np.clip(s, 0, 1))
                   for r, s in zip(middle, share)])
    world = table.world_unit
    near = np.mean([max(world[r] @ world[a], world[r] @ world[b]) for r in middle])
    ends = groups.get(table.ids[a], frozenset()) | groups.get(table.ids[b], frozenset())
    shared = np.mean([bool(ends & groups.get(table.ids[r], frozenset())) for r in middle])
    tempo = table.column("tempo")
    jumps = np.mean([tempo_jump(float(tempo[x]), tempo[[y]], TOLERANCE)[0] > 0
                     for x, y in zip(walk, walk[1:])])
    artists = [table.artist_keys[r] for r in walk]
    return (float(err), float(near), float(shared), float(jumps),
            float(len(set(artists)) < len(artists)), *smoothness(space, walk), took)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=100)
    parser.add_argument("--steps", type=int, default=8)
    parser.add_argument("--catalog", type=Path, default=DEFAULT)
    parser.add_argument("--before", type=Path, help="a checkout whose walk to compare")
    args = parser.parse_args()
    walkers = {"": path} if args.before is None else \
        {" old": walker_of(args.before), " new": path}
    table = Resources(open_store()).current().table
    if table.world_unit is None:
        sys.exit("this model does not mark its mood columns: rebuild it")
    rng = np.random.default_rng(0)
    pairs = [tuple(int(x) for x in rng.choice(len(table), 2, replace=False))
             for _ in range(args.pairs)]
    her = [i for i, x in enumerate(table.ids) if x.startswith("her-")]
    her_pairs = [(a, b) for i, a in enumerate(her) for b in her[i + 1:]]
    space, groups = mood_space(table), spotify_playlists(args.catalog)
    print(f"{len(table)} tracks, {len(pairs)} random pairs + {len(her_pairs)} Her pairs, "
          f"{args.steps} steps")
    print(f"{'pairs':8}{'pool':>6}{'':4}{'mood err':>10}{'world':>8}{'shared':>8}"
          f"{'jumps':>8}{'artists':>9}{'max gap':>9}{'max step':>9}{'step sd':>9}{'ms':>7}")
    pools = POOLS if args.before is None else (PATH_POOL,)
    for name, chosen in (("random", pairs), ("her", her_pairs)):
        for pool in pools if chosen else ():
            for label, walker in walkers.items():
                rows = np.array([measure(table, space, groups, a, b, args.steps, pool, walker)
                                 for a, b in chosen])
                *means, _ = rows.mean(axis=0)
                err, world, shared, jumps, artists, gap, leap, spread = means
                print(f"{name:8}{pool:>6}{label:4}{err:>10.3f}{world:>8.3f}{shared:>8.3f}"
                      f"{jumps:>8.3f}{artists:>9.2f}{gap:>9.3f}{leap:>9.3f}{spread:>9.3f}"
                      f"{np.median(rows[:, -1]):>7.1f}")


if __name__ == "__main__":
    main()
