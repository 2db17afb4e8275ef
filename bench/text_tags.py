"""Free-text requests that name a word of the catalog's tags: do the moods still count?

    feelalike demo                      # in another terminal (or any built data home)
    python bench/text_tags.py [--base http://127.0.0.1:8000]   # pip install '.[bench]'

Thirty everyday requests, some naming a kind of music ("sad rock", "gym rap"), some a
word a playlist's name happens to hold ("rainy sunday morning": "Tropical Morning").
For each, ``POST /v1/recommendations`` with the text and limit 10, and two shares of the
top 10: **mood**, the tracks whose listed moods hold the strongest mood the text was read
as; **tagged**, among texts read as naming tags, the tracks carrying one of them.  A
word that names a playlist should not hand the list to that playlist's moods.
"""
from __future__ import annotations

import argparse
from urllib.parse import quote

import numpy as np
import requests

PHRASES = [
    "rainy sunday morning", "driving alone at night through the city", "focus jazz",
    "angry metal", "sad rock", "chill lofi", "workout hip hop", "summer beach party",
    "late night drive", "sunday morning coffee", "sad songs for a breakup", "happy pop",
    "romantic dinner jazz", "calm piano for studying", "energetic dance workout",
    "melancholy indie", "peaceful morning", "dark and tense", "nostalgic 80s",
    "tropical vibes", "cozy winter evening", "party latin", "dreamy night city",
    "epic soundtrack", "lonely night", "hopeful sunrise", "road trip rock",
    "country summer", "relaxing house", "gym rap"]


def shares(base: str, text: str, tags_of: dict[str, list[str]]) -> tuple[float, float | None]:
    body = requests.post(f"{base}/v1/recommendations", json={"text": text, "limit": 10},
                         timeout=60).json()
    read, results = body["text_read"], body["results"]
    strongest = max(read["moods"], key=read["moods"].get)
    mood = float(np.mean([strongest in r["moods"] for r in results]))
    if not read["tags"]:
        return mood, None
    for r in results:
        if r["id"] not in tags_of:
            doc = requests.get(f"{base}/v1/tracks/{quote(r['id'], safe='')}", timeout=60)
            tags_of[r["id"]] = [t.lower() for t in doc.json().get("tags", [])]
    named = [w.lower() for w in read["tags"]]
    tagged = [any(w in t for t in tags_of[r["id"]] for w in named) for r in results]
    return mood, float(np.mean(tagged))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    base = parser.parse_args().base.rstrip("/")
    tags_of: dict[str, list[str]] = {}
    moods, tagged = [], []
    print(f"{'text':42s} {'mood':>5s} {'tagged':>6s}")
    for text in PHRASES:
        mood, share = shares(base, text, tags_of)
        moods.append(mood)
        tagged += [] if share is None else [share]
        print(f"{text[:42]:42s} {mood:5.1f} {'-' if share is None else f'{share:.1f}':>6s}")
    print(f"{'mean (' + str(len(moods)) + ' texts; tagged: ' + str(len(tagged)) + ')':42s} "
          f"{np.mean(moods):5.3f} {np.mean(tagged):6.3f}")


if __name__ == "__main__":
    main()
