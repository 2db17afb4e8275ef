"""Everyday requests a curator types: how many are answered, and as what?

    feelalike demo                      # in another terminal (or any built data home)
    python bench/everyday_texts.py [--base http://127.0.0.1:8000] [--verbose]

Forty requests naming an activity, an occasion or a scene rather than a mood ("music
for doing homework", "bus ride", "dinner with friends"), written after the tag table's
activity and occasion words were chosen and never tuned on: each is sent as the `text`
of ``POST /v1/recommendations`` (limit 10). Printed: how many are answered (a 400 says
no mood word and no tag of the catalog was found in it), and with ``--verbose`` the
moods each was read as, so a reader can judge whether they fit.
"""
from __future__ import annotations

import argparse

import requests

PHRASES = [
    "music for doing homework", "lazy sunday afternoon", "songs for a night out",
    "house party", "cleaning day", "dinner with friends", "dancing in the kitchen",
    "sunset at the beach", "walking in the rain", "late night study session",
    "road trip with friends", "winter evening by the fire", "first date",
    "getting over an ex", "missing home", "gym motivation", "morning run",
    "meditation before sleep", "summer barbecue", "christmas morning", "halloween party",
    "epic movie trailer", "video game boss battle", "sad piano", "happy acoustic",
    "quiet evening", "driving at night", "waking up early", "writing a novel",
    "working late", "heartbroken and alone", "celebrating a win", "graduation day",
    "wedding dance", "funeral", "camping trip", "long flight", "bus ride", "painting",
    "yoga class"]
#: thirty more, written before the table's words came to be read in their other forms
#: ("waking" as "wake", "run" as "running"), and never tuned on either
MORE_PHRASES = [
    "songs for jogging in the park", "cycling to work", "sunbathing", "doing the dishes",
    "folding laundry", "baking cookies", "gardening on a saturday", "falling asleep",
    "swimming laps", "skateboarding", "surfing", "fishing at the lake",
    "knitting by the window", "drawing", "getting ready for a party", "partying all night",
    "roller skating", "crying in the car", "studying for finals", "shopping",
    "hanging out with friends", "playing video games", "walking the dog",
    "sitting by the ocean", "watching the sunset", "cooking for two",
    "driving through the desert", "flying home", "dancing alone", "stretching after a run"]


def read(base: str, text: str) -> dict | None:
    """What the service read ``text`` as, or None when it refused it."""
    answer = requests.post(f"{base}/v1/recommendations", json={"text": text, "limit": 10},
                           timeout=60)
    return answer.json()["text_read"] if answer.status_code == 200 else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    for name, phrases in (("first forty", PHRASES), ("thirty more", MORE_PHRASES)):
        refused = [text for text in phrases if not answered(args.base.rstrip("/"), text,
                                                            args.verbose)]
        print(f"{name}: answered {len(phrases) - len(refused)} of {len(phrases)}; refused: "
              f"{', '.join(refused) or 'none'}")


def answered(base: str, text: str, verbose: bool) -> bool:
    got = read(base, text)
    if verbose:
        moods = "refused" if got is None else ", ".join(
            f"{m} {w:g}" for m, w in sorted(got["moods"].items(), key=lambda x: -x[1]))
        tags = f"  tags: {', '.join(got['tags'])}" if got and got["tags"] else ""
        print(f"{text:32s} {moods}{tags}")
    return got is not None


if __name__ == "__main__":
    main()
