"""How fast the review mood tagger reads a 10,000-review corpus.

    python bench/tagger_bench.py [--reviews 10000] [--repeat 3]

The corpus is generated (seeded) from the project lexicon, negators, hedges,
contrast words and real track titles, as JSON Lines reviews of single tracks and
whole albums, ~5 sentences each.  Rows, medians over repeats, one run:
  tokenise only           the floor: splitting the text into normalised tokens
  tag sentences           sentence split + lexicon tagging, no attribution
  full analysis           linking reviews to tracks, attribution, aggregation
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from models.build import analyse_moods  # noqa: E402
from models.ingest import Catalog, Track  # noqa: E402
from models.language import (  # noqa: E402
    Review,  # noqa: E402
    load_lexicon,  # noqa: E402
    sentences,
    tag_text,
    tokens,  # noqa: E402
)

FILLER = ["the strings", "this cue", "the record", "it", "the piano line", "the mix",
          "the closing minute", "the opening", "the melody", "the synth pad"]
VERBS = ["feels", "sounds", "turns", "grows", "stays", "seems"]
MODIFIERS = ["", "", "very ", "deeply ", "almost ", "perhaps ", "not ", "never quite "]


def catalog(n_albums: int = 400, per_album: int = 10) -> Catalog:
    rng = random.Random(1)
    words = ["night", "river", "glass", "summer", "echo", "paper", "light", "static",
             "harbor", "orbit", "velvet", "ember", "north", "signal", "winter", "garden"]
    tracks = []
    for a in range(n_albums):
        for t in range(per_album):
            title = " ".join(rng.sample(words, 2)).title() + f" {a}-{t}"
            tracks.append(Track(id=f"a{a}t{t}", title=title, artist=f"Artist {a}",
                                album=f"Album {a}"))
    return Catalog(tracks)


def corpus(cat: Catalog, n: int) -> list[Review]:
    rng = random.Random(2)
    lexicon = load_lexicon()
    words = [" ".join(k) for k in lexicon.entries]
    reviews = []
    for i in range(n):
        track = rng.choice(cat.tracks)
        parts = []
        for _ in range(5):
            a, b = rng.choice(words), rng.choice(words)
            subject = rng.choice(FILLER)
            if rng.random() < 0.3:
                parts.append(f"\u201c{track.title}\u201d {rng.choice(VERBS)} "
                             f"{rng.choice(MODIFIERS)}{a}, yet {b}.")
            else:
                parts.append(f"{subject.capitalize()} {rng.choice(VERBS)} "
                             f"{rng.choice(MODIFIERS)}{a} and {b}.")
        text = " ".join(parts)
        if i % 2:
            reviews.append(Review(text=text, track=track.title, artist=track.artist))
        else:
            reviews.append(Review(text=text, album=track.album))
    return reviews


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reviews", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    lexicon = load_lexicon()
    cat = catalog()
    reviews = corpus(cat, args.reviews)
    n_sentences = sum(len(sentences(r.text)) for r in reviews)

    def tokenise() -> None:
        for r in reviews:
            tokens(r.text)

    def tag() -> None:
        for r in reviews:
            for s, e in sentences(r.text):
                tag_text(r.text[s:e], lexicon, offset=s)

    def full() -> None:
        analyse_moods(cat, reviews, lexicon)

    rows = {"tokenise only (floor)": tokenise, "tag sentences": tag, "full analysis": full}
    times = {name: [timed(fn) for _ in range(args.repeat)] for name, fn in rows.items()}
    floor = statistics.median(times["tokenise only (floor)"])
    print(f"{len(reviews)} reviews, {n_sentences} sentences, {len(cat.tracks)} catalog tracks, "
          f"median of {args.repeat}")
    print(f"{'stage':<24}{'seconds':>9}{'reviews/s':>11}{'x floor':>9}")
    for name, values in times.items():
        med = statistics.median(values)
        print(f"{name:<24}{med:>9.2f}{len(reviews) / med:>11.0f}{med / floor:>9.1f}")


if __name__ == "__main__":
    main()
