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
    base = args.base.rstrip("/")
    refused = []
    for text in PHRASES:
        got = read(base, text)
        if got is None:
            refused.append(text)
        if args.verbose:
            moods = "refused" if got is None else ", ".join(
                f"{m} {w:g}" for m, w in sorted(got["moods"].items(), key=lambda x: -x[1]))
            tags = f"  tags: {', '.join(got['tags'])}" if got and got["tags"] else ""
            print(f"{text:32s} {moods}{tags}")
    print(f"answered {len(PHRASES) - len(refused)} of {len(PHRASES)}; refused: "
          f"{', '.join(refused) or 'none'}")


if __name__ == "__main__":
    main()
