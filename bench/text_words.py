"""Which words of an everyday request name tags of the catalog: kinds of music, or stray
words that happen to stand in some playlist's name?

    python bench/text_words.py [--catalog ../shared/data/catalog/tidytuesday_spotify_songs.csv]

Eighty requests a curator would type (moods, activities, occasions, places, times of day,
weather, kinds of music), read by ``models.ranking.text_tags`` over the catalog's tags
(genres, subgenres, playlist names), as ``text_read.tags`` reports them.  Each request
lists the phrases a reader would take as naming a kind of music ("city pop", "jazz");
every other phrase picked is **stray** ("late" of "New Jack Swing - late 80's", "drive"
of "Hip-Hop Drive").  Prints each request's picks and the counts: meaningful picks made
(a pick holding a meant phrase or held by one counts: "soul music" for "soul", "metal"
for "heavy metal"), meaningful picks missed (of those some tag of the catalog holds: it
has no "country"), stray picks, for the texts earlier rules were made on and the held
out.  No server needed: the table is built from the CSV.
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
    # held out: written, with what a user expects, before the rules they were measured on
    "lofi beats to study to": {"lofi"}, "some funk for cooking": {"funk"},
    "deep house for a late night": {"deep house"},
    "tropical house by the pool": {"tropical house"}, "soul music for a sunday": {"soul"},
    "heavy metal for lifting weights": {"heavy metal"},
    "smooth jazz for a dinner date": {"smooth jazz"},
    "punk rock to clean the house": {"punk rock"},
    "chill electronic for working": {"electronic"}, "blues for a rainy night": {"blues"},
    "country songs for a road trip": {"country"}, "classic rock for a long drive": {
        "classic rock"}, "upbeat pop punk": {"pop punk"}, "dark techno at 3am": {"techno"},
    "indie folk for a quiet morning": {"indie folk"}, "80s synthwave night drive": {
        "synthwave"}, "gospel for sunday morning": {"gospel"},
    "old school hip hop": {"hip hop"}, "trap music to hype me up": {"trap"},
    "acoustic songs for a campfire": {"acoustic"}, "music to rock the party": set(),
    "a walk around the house": set(), "soul searching on a long walk": set(),
    "rainy afternoon jazz cafe": {"jazz"}, "latin pop for a summer party": {"latin pop"},
    "calm classical for reading": {"classical"}, "reggae on the beach": {"reggae"},
    "emo songs from high school": {"emo"}, "disco night": {"disco"},
    "dreamy shoegaze": {"shoegaze"}, "ambient music for sleeping": {"ambient"},
    "gangster rap in the car": {"gangster rap"}, "dancing in my kitchen": set(),
    "breakup songs to cry to": set(),
}
#: the first texts, on which earlier rules were made; the rest are held out
TUNED = 46


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
    counts = {"tuned": [0, 0, 0, 0], "held out": [0, 0, 0, 0]}
    print(f"{'text':34s} {'picked (tag words)':34s} stray")
    for k, (text, meant) in enumerate(TEXTS.items()):
        picked = list(text_tags(text, table))
        wrong = [p for p in picked if not any(_near(p, m) for m in meant)]
        meant = {m for m in meant if table.tags_naming(m)}  # what the catalog can give
        hit = {m for m in meant if any(_near(p, m) for p in picked)}
        part = counts["tuned" if k < TUNED else "held out"]
        for i, n in enumerate((1, len(hit), len(meant - hit), len(wrong))):
            part[i] += n
        print(f"{text[:34]:34s} {', '.join(picked)[:34]:34s} {', '.join(wrong)}")
    print()
    for name, (texts, made, missed, stray) in counts.items():
        print(f"{name}: {texts} texts: meaningful picks {made}/{made + missed} "
              f"(missed {missed}), stray picks {stray}")


def _near(picked: str, meant: str) -> bool:
    """A pick is meant when it is a meant phrase, holds one ("soul music" for "soul") or
    is held by one ("metal" for "heavy metal", which no tag of the catalog holds)."""
    return f" {meant} " in f" {picked} " or f" {picked} " in f" {meant} "

if __name__ == "__main__":
    main()
