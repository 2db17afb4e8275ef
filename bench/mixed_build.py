"""Do analysed files and catalog tracks meet in one build?  A mixed build, measured.

    python bench/mixed_build.py [--catalog CSV] [--clips DIR]

Builds the TidyTuesday catalog plus the Emotify dev clips as ``--audio-dir`` (what a
self-hoster does who adds their own files to a catalog), with the served default: the
feel model from the data home (``feelalike demo`` trains it) and an audio feel model
fitted on half of the clips (genre-stratified) plus the generated clips.  Only the
other half are seeds and, where files are ranked, candidates: no label they carry was
seen.  Rows, each with a bootstrap 95% interval over seeds:

- files' own share: of an analysed seed's served top 10, the share that are analysed
  files; "source-blind" is that share if ranking ignored where a track came from (the
  files' share of all tracks);
- files per catalog top 10: analysed files in a catalog seed's served top 10;
- file -> catalog: for an analysed seed, its 10 nearest catalog tracks (the exact scan
  with an allowlist of catalog ids); r between the clip's rated valence (arousal) and
  the mean Spotify valence (energy) of those tracks.  Spotify's numbers come from
  another system than ours, so this checks that the two sources share one scale;
- catalog -> files: for 2,000 catalog seeds, the 10 nearest unseen files (an allowlist
  of the user's files); r between the seed's Spotify valence (energy) and the files'
  rated valence (arousal).

The build without the audio feel model (analysed files placed by their energy only) is
the baseline in the same run.  Figures are recorded in docs/audio.md, "Mixed catalogs".
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from _emotify import CLIPS, EXTRA, fitted, fold_of  # noqa: E402
from models import settings  # noqa: E402
from models.audio import AudioCache, emotion_set, label_va  # noqa: E402
from models.build import (  # noqa: E402
    BuildOptions,
    Sources,
    build_from_sources,
    load_default_model,
)
from models.evaluation import bootstrap  # noqa: E402
from models.ingest import sha256_of  # noqa: E402

CATALOG = ROOT.parent / "shared" / "data" / "catalog" / "tidytuesday_spotify_songs.csv"
CATALOG_SEEDS = 2000
K = 10


def spotify_columns(path: Path, ids: list[str]) -> np.ndarray:
    """(n, 2) Spotify valence and energy by track id (NaN for tracks without them)."""
    known: dict[str, tuple[float, float]] = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            known[row["track_id"]] = (float(row["valence"]), float(row["energy"]))
    return np.array([known.get(i, (np.nan, np.nan)) for i in ids])


def nearest(vectors: np.ndarray, seeds: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    """Each seed's K nearest ``candidates`` by cosine (the exact scan's order)."""
    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    scores = unit[seeds] @ unit[candidates].T
    scores[candidates[None, :] == seeds[:, None]] = -np.inf
    return candidates[np.argsort(-scores, axis=1, kind="stable")[:, :K]]


def correlation(a: np.ndarray, b: np.ndarray, rounds: int = 2000) -> str:
    """r with a bootstrap 95% interval over seeds."""
    rng = np.random.default_rng(0)
    draws = rng.integers(0, len(a), (rounds, len(a)))
    rs = [np.corrcoef(a[d], b[d])[0, 1] for d in draws]
    low, high = np.percentile(rs, [2.5, 97.5])
    return f"{np.corrcoef(a, b)[0, 1]:+.2f} [{low:+.2f}, {high:+.2f}]"


def measure(built, clip_rows: np.ndarray, seeds: np.ndarray, labels: np.ndarray,
            spotify: np.ndarray) -> dict[str, str]:
    """The table's figures for one build; ``seeds`` index ``clip_rows``."""
    n = len(built.tracks)
    is_file = np.zeros(n, dtype=bool)
    is_file[clip_rows] = True
    seed_rows = clip_rows[seeds]
    own = is_file[built.neighbours[seed_rows, :K]].mean(axis=1)
    rng = np.random.default_rng(0)
    catalog = np.flatnonzero(~is_file & ~np.isnan(spotify[:, 0]))
    catalog_seeds = rng.choice(catalog, min(CATALOG_SEEDS, len(catalog)), replace=False)
    visiting = is_file[built.neighbours[catalog_seeds, :K]].sum(axis=1)
    forward = spotify[nearest(built.vectors, seed_rows, catalog)].mean(axis=1)
    label_of = np.full((n, 2), np.nan)
    label_of[seed_rows] = labels[seeds]
    backward = label_of[nearest(built.vectors, catalog_seeds, seed_rows)].mean(axis=1)
    return {
        "files' own share of a file's top 10": str(bootstrap(own)),
        "  source-blind share": f"{len(clip_rows) / n:.3f}",
        "files per catalog top 10": str(bootstrap(visiting.astype(float))),
        "file -> catalog, r valence": correlation(labels[seeds, 0], forward[:, 0]),
        "file -> catalog, r arousal~energy": correlation(labels[seeds, 1], forward[:, 1]),
        "catalog -> files, r valence": correlation(spotify[catalog_seeds, 0], backward[:, 0]),
        "catalog -> files, r energy~arousal": correlation(spotify[catalog_seeds, 1],
                                                          backward[:, 1]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--catalog", default=str(CATALOG))
    parser.add_argument("--clips", default=str(CLIPS))
    args = parser.parse_args()
    feel = load_default_model()
    if feel is None:
        sys.exit("no feel model in the data home: run `feelalike demo --no-serve` first")
    cache = AudioCache(settings.audio_cache_dir())
    data = emotion_set(args.clips, [EXTRA], cache=cache)
    files = data.files[:data.labelled]
    genres = np.array([Path(f).name.split("_")[0] for f in files])
    folds = fold_of(genres, 2)
    seeds = np.flatnonzero(folds == 1)
    labels = label_va(data.fractions[:data.labelled])
    rows: dict[str, dict[str, str]] = {}
    heard = fitted(data, np.flatnonzero(folds == 0))
    for name, audio_feel in (("energy only (no audio feel model)", None),
                             ("served (audio feel model)", heard)):
        built = build_from_sources(Sources(catalogs=[args.catalog], audio_dirs=[args.clips]),
                                   BuildOptions(feel_model=feel, audio_feel=audio_feel,
                                                audio_cache=cache.folder))
        row_of = {t.id: i for i, t in enumerate(built.tracks)}
        clip_rows = np.array([row_of[f"audio-{sha256_of(f)[:16]}"] for f in files])
        spotify = spotify_columns(Path(args.catalog), [t.id for t in built.tracks])
        rows[name] = measure(built, clip_rows, seeds, labels, spotify)
    print(f"{len(files)} clips ({len(seeds)} unseen seeds) in a build of "
          f"{len(built.tracks)} tracks")
    names = list(rows)
    print(f"{'':38}" + "".join(f"{n:>36}" for n in names))
    for metric in rows[names[0]]:
        print(f"{metric:38}" + "".join(f"{rows[n][metric]:>36}" for n in names))


if __name__ == "__main__":
    main()
