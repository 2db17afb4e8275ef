"""Which words of an everyday request name tags of the catalog: kinds of music, or stray
words that happen to stand in some playlist's name?

    python bench/text_words.py [--catalog ../shared/data/catalog/tidytuesday_spotify_songs.csv]

Forty requests a curator would type (moods, activities, occasions, places, times of day,
weather, kinds of music), read by ``models.ranking.text_tags`` over the catalog's tags
(genres, subgenres, playlist names), as ``text_read.tags`` reports them.  Each request
lists the phrases a reader would take as naming a kind of music ("city pop", "jazz");
every other phrase picked is **stray** ("late" of "New Jack Swing - late 80's", "drive"
of "Hip-Hop Drive").  Prints each request's picks and the counts: meaningful picks made,
meaningful picks missed, stray picks.  No server needed: the table is built from the CSV.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from models.ingest import load_catalog
from models.language import normalise
from models.ranking import TrackTable, text_tags

CATALOG = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "catalog" / \
    "tidytuesday_spotify_songs.csv"

#: request -> the phrases of it a reader takes as naming a kind of music
TEXTS: dict[str, set[str]] = {
    "late-night city drive": set(), "rainy day": set(), "music for studying": set(),
    "sunday morning coffee": set(), "rainy sunday morning": set(), "focus jazz": {"jazz"},
    "angry metal": {"metal"}, "sad rock": {"rock"}, "chill lofi": {"lofi"},
    "workout hip hop": {"hip hop"}, "summer beach party": set(), "late night drive": set(),
    "happy pop": {"pop"}, "romantic dinner jazz": {"jazz"}, "calm piano for studying": set(),
    "energetic dance workout": set(), "melancholy indie": {"indie"},
    "peaceful morning": set(), "nostalgic 80s": set(), "cozy winter evening": set(),
    "party latin": {"latin"}, "dreamy night city": set(), "epic soundtrack": set(),
    "hopeful sunrise": set(), "road trip rock": {"rock"}, "relaxing house": {"house"},
    "gym rap": {"rap"}, "city pop for a rainy afternoon": {"city pop"},
    "neo soul for a dinner party": {"neo soul"}, "soul": {"soul"}, "funk": {"funk"},
    "techno for the gym": {"techno"}, "hard rock": {"hard rock"},
    "driving to the beach": set(), "walking home in the rain": set(),
    "sunny afternoon in the park": set(), "a girl on fire": {"girl on fire"},
    "songs for a hot summer day": set(), "back to school": set(),
    "early morning run": set(), "big room festival": {"big room"},
    "music for my room": set(), "a white christmas": set(), "new jack swing": {
        "new jack swing"}, "reggaeton party": {"reggaeton"}, "car ride with friends": set(),
}


def catalog_table(path: Path) -> TrackTable:
    """A track table with the catalog's tags and nothing else to rank by."""
    tracks = load_catalog(path).tracks
    n = len(tracks)
    ids = [t.id for t in tracks]
    return TrackTable(ids=ids, titles=ids, artists=ids, albums=[""] * n, artist_keys=ids,
                      song_keys=ids, tags=[frozenset(normalise(g) for g in t.tags)
                                           for t in tracks],
                      numbers=np.zeros((n, 0), np.float32),
                      vectors=np.zeros((n, 1), np.float32))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", default=str(CATALOG))
    table = catalog_table(Path(parser.parse_args().catalog))
    made = missed = stray = 0
    print(f"{'text':34s} {'picked (tag words)':34s} stray")
    for text, meant in TEXTS.items():
        picked = list(text_tags(text, table))
        wrong = [p for p in picked if p not in meant]
        made += len(meant & set(picked))
        missed += len(meant - set(picked))
        stray += len(wrong)
        print(f"{text[:34]:34s} {', '.join(picked)[:34]:34s} {', '.join(wrong)}")
    wanted = sum(len(m) for m in TEXTS.values())
    print(f"\n{len(TEXTS)} texts: meaningful picks {made}/{wanted} (missed {missed}), "
          f"stray picks {stray}")


if __name__ == "__main__":
    main()
