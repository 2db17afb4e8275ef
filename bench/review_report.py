"""How the mood tagger reads one album review, track by track, as Markdown.

    python bench/review_report.py [REVIEW.txt] [--album TITLE]

Uses only the review: the demo catalog's titles without their notes or tags, so
every mood shown comes from the review text.  Prints, per track, the top moods with
the evidence phrases and the sentences they come from, valence/arousal, and the
comparisons between tracks the review asserts.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from data import DEMO_ALBUM, DEMO_CATALOG  # noqa: E402
from models.build import analyse_moods  # noqa: E402
from models.ingest import (  # noqa: E402
    Catalog,
    Track,
    load_album_review,  # noqa: E402
    load_catalog,
)
from models.language import load_lexicon  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "data" / "reviews" / "her_soundtrack_review.txt"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("review", nargs="?", default=str(DEFAULT))
    parser.add_argument("--album", default=DEMO_ALBUM)
    args = parser.parse_args()
    titles_only = Catalog([Track(id=t.id, title=t.title, artist=t.artist, album=t.album)
                           for t in load_catalog([DEMO_CATALOG]).tracks])
    review = load_album_review(args.review, args.album)
    analysis = analyse_moods(titles_only, [review], load_lexicon())
    for track, profile in zip(titles_only.tracks, analysis.profiles):
        print(f"### {track.title}\n")
        print(f"valence {profile.valence:+.2f}, arousal {profile.arousal:+.2f}, "
              f"confidence {profile.confidence:.2f}\n")
        print("| mood | score | evidence (phrase, weight) | sentence |")
        print("|---|---|---|---|")
        for item in profile.mood_list()[:4]:
            evidence = item["evidence"]
            phrases = "; ".join(f"\"{e['phrase']}\" {e['weight']:.2f}" for e in evidence)
            sentence = evidence[0]["sentence"].replace("\n", " ") if evidence else ""
            sentence = sentence if len(sentence) < 140 else sentence[:137] + "..."
            print(f"| {item['mood']} | {item['score']:.2f} | {phrases} | {sentence} |")
        print()
    if analysis.comparisons:
        print("### Comparisons the review asserts\n")
        for c in analysis.comparisons:
            a, b = titles_only.tracks[c.subject].title, titles_only.tracks[c.other].title
            print(f"- {a} ~ {b}: \"{c.sentence}\"")


if __name__ == "__main__":
    main()
