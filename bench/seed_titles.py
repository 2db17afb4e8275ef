"""How often a typed seed title names the track a curator meant: ~40 misspelt titles of
the catalog's tracks (which should resolve to that track) and ~40 real song titles the
catalog lacks (which should resolve to none, or at least not silently to another).

    python bench/seed_titles.py [--show] [--root OTHER_CHECKOUT]

A third list: the words before " with " of each catalog title "X With Y" whose X is no
title of the catalog ("Man" of "Man With The Bag"): none of them should be taken
silently (a few are a version's base: "Rockin'" is "Rockin - Original Mix").
Two more lists, of each catalog title with a part tail ("Jerusalem - Pt. 2", "Got To
Give It Up (Pt. 1)"): its base alone, "Jerusalem" (another piece than the part: none
should be taken silently when no track is titled so), and the part named, "Jerusalem
Pt 2" (each should be the part, exactly).  Two of each title listing several parts ("Rain
Again - Part I, II, & III"): each part named alone, "Rain Again Pt 2" (each should be
that title, with a warning), and the part after the last, "Rain Again Pt 4" (none); and
each part named with a version tail, "Rain Again Pt 2 (Live)" (the title listing it, the
live one where there is one, with a warning).
A list of each title that shares its normal form with a title written otherwise ("@ ME"
and "ME"), typed exactly (case, spacing, quote styles aside): each should be that title.
``--artists``: instead, the 300 most popular songs typed "Artist Title" and "Title
Artist" (no separator; the artist without a leading "the" too) and 40 real songs the
catalog lacks typed so by their real artists, often the catalog's.

Over the TidyTuesday catalog plus the "Her" titles (the demo's catalog), each seed goes
through ``TitleIndex.resolve_how``.  A seed that resolves other than exactly ("spelling",
"opening") is one the service warns about.  Printed per list: how many resolved to the
track meant, to another track with a warning, to another track silently, to none.
``--root``: import ``models`` from another checkout (the code before a change:
``git archive <rev> models | tar -x -C /tmp/before``), to print its table.
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

if "--root" in sys.argv:  # before ``models`` is imported
    sys.path.insert(0, sys.argv[sys.argv.index("--root") + 1])

from models.language import (TitleIndex, base_title, normalise, part_form,  # noqa: E402
                             spelled_ranges, variants)

from search_bench import load  # noqa: E402  (after models: it puts ROOT first)

#: misspelt seed -> the title as the catalog's most popular version spells it
MISSPELT = {
    "Blindng Lights": "Blinding Lights", "Bohemian Rapsody": "Bohemian Rhapsody",
    "Hotel Californa": "Hotel California", "Stairway to Heven": "Stairway to Heaven",
    "Smells Like Teen Sprit": "Smells Like Teen Spirit",
    "Loosing My Religion": "Losing My Religion", "Seven Nation Armey": "Seven Nation Army",
    "Umbrela": "Umbrella", "Chandeleir": "Chandelier", "Somone Like You": "Someone Like You",
    "Rolling in the Deap": "Rolling in the Deep",
    "Bitter Sweet Symphany": "Bitter Sweet Symphony", "Mr Brightsde": "Mr. Brightside",
    "Karma Polise": "Karma Police", "Paranoid Andriod": "Paranoid Android",
    "Wonderwal": "Wonderwall", "Halleluja": "Hallelujah", "Jolenne": "Jolene",
    "Landslde": "Landslide", "Thriler": "Thriller", "Firwork": "Firework",
    "Viva la Vidda": "Viva la Vida", "The Scientst": "The Scientist",
    "Space Odity": "Space Oddity", "Moonage Daydrem": "Moonage Daydream",
    "Time to Pretnd": "Time to Pretend", "Electric Feal": "Electric Feel",
    "Midnigt City": "Midnight City", "Reptillia": "Reptilia",
    "Heads Will Rol": "Heads Will Roll", "Such Great Hieghts": "Such Great Heights",
    "Nightcal": "Nightcall", "Tendernes": "Tenderness",
    "Adagio for Stirngs": "Adagio for Strings", "Interstelar": "Interstellar",
    "Ocean Eys": "Ocean Eyes", "Lazerus": "Lazarus", "Shape of Yuo": "Shape of You",
    "Lonliness #3": "Loneliness #3 (Night Talking)", "Sleepwalkr": "Sleepwalker",
    "Photgraph": "Photograph", "Black Hole Son": "Black Hole Sun",
}
#: real song titles that no track of the catalog has
ABSENT = [
    "Rosanna", "Yellow Submarine", "Purple Rain", "Skyfall", "Sprawl", "Sprain",
    "Ashes to Ashes", "Fame", "Blackstar", "Intervention", "No Cars Go", "Ready to Start",
    "Reflektor", "Everything Now", "Rebellion (Lies)", "Neighborhood #1 (Tunnels)",
    "Crown of Love", "Solitude", "Glacier", "Lantern", "Riverside", "Meadowlark",
    "Daybreak", "Afterglow", "Moonlight Sonata", "Clair de Lune", "Gymnopedie No. 1",
    "The Four Seasons", "Requiem", "Cornfield Chase", "Mombasa", "Dream Is Collapsing",
    "Street Spirit", "Idioteque", "Weird Fishes", "Pyramid Song", "Spray Paint",
    "Hotel Carolina", "Black Hole Moon", "Blinding Light Years",
]


#: (artist, title): real songs whose artist's titles in the catalog do not include them
ABSENT_BY = [
    ("Toto", "Rosanna"), ("The Beatles", "Yellow Submarine"), ("Prince", "Purple Rain"),
    ("Adele", "Skyfall"), ("Arcade Fire", "Sprawl"), ("David Bowie", "Ashes to Ashes"),
    ("David Bowie", "Fame"), ("David Bowie", "Blackstar"), ("Arcade Fire", "No Cars Go"),
    ("Arcade Fire", "Ready to Start"), ("Arcade Fire", "Reflektor"),
    ("Arcade Fire", "Everything Now"), ("Radiohead", "Street Spirit"),
    ("Radiohead", "Idioteque"), ("Radiohead", "Weird Fishes"), ("Radiohead", "Pyramid Song"),
    ("Hans Zimmer", "Cornfield Chase"), ("Hans Zimmer", "Mombasa"),
    ("Hans Zimmer", "Dream Is Collapsing"), ("Dua Lipa", "Levitating"),
    ("Dua Lipa", "Physical"), ("The Weeknd", "Save Your Tears"), ("Taylor Swift", "Cardigan"),
    ("Taylor Swift", "Willow"), ("Olivia Rodrigo", "Drivers License"),
    ("Harry Styles", "Golden"), ("Billie Eilish", "Therefore I Am"),
    ("Ed Sheeran", "Bad Habits"), ("Coldplay", "Higher Power"), ("Adele", "Easy On Me"),
    ("Queen", "Innuendo"), ("Oasis", "Whatever"), ("Blur", "Tender"), ("Pink Floyd", "Echoes"),
    ("Nirvana", "All Apologies"), ("Metallica", "Fade to Black"),
    ("Michael Jackson", "Human Nature"), ("Madonna", "Frozen"), ("Bon Iver", "Skinny Love"),
    ("Lorde", "Solar Power"),
]


def artist_seeds(titles: list[str], artists: list[str], pop: list[float]
                 ) -> tuple[list[tuple[str, str]], list[tuple[str, None]]]:
    """(seed, meant title) for the 300 most popular songs typed with their artist
    unseparated, both ways; (seed, None) for ``ABSENT_BY`` typed so."""
    songs: dict[tuple[str, str], str] = {}
    for row in sorted(range(len(titles)), key=lambda r: (-pop[r], r)):
        title = base_title(titles[row])
        songs.setdefault((normalise(artists[row]), normalise(title)), f"{artists[row]}\t{title}")
        if len(songs) == 300:
            break
    present = [tuple(v.split("\t")) for v in songs.values()]  # meant: "title\tartist"
    typed = [(f"{a} {t}", f"{t}\t{a}") for a, t in present] \
        + [(f"{t} {a}", f"{t}\t{a}") for a, t in present] \
        + [(f"{a[4:]} {t}", f"{t}\t{a}") for a, t in present if a.lower().startswith("the ")]
    absent = [(f"{a} {t}", None) for a, t in ABSENT_BY] + [(f"{t} {a}", None)
                                                           for a, t in ABSENT_BY]
    return typed, absent


def before_with(titles: list[str]) -> list[str]:
    """"X" of every title "X With Y" (brackets and dash tails aside) whose X is no title."""
    full = {normalise(t) for t in titles}
    seeds: dict[str, None] = {}
    for title in titles:
        bare = re.sub(r"\s+[-\u2013\u2014]\s+.*$", "", re.sub(r"\s*[\(\[][^\)\]]*[\)\]]", "",
                                                            title))
        if (cut := re.search(r"\s+with\s+", bare, re.IGNORECASE)) \
                and normalise(bare[:cut.start()]) not in full:
            seeds[bare[:cut.start()]] = None
    return list(seeds)


#: a dash or bracket tail that names a part and its number ("- Pt. 2", "(Part III)")
_PART = re.compile(r"(?<!\s)(?:\s+[-\u2013\u2014]\s+|\s*[\(\[])\s*(?:parts?|pts?)\.?\s*"
                   r"(\d+|[ivxlc]+|one|two|three|four|five|six|seven|eight|nine|ten)\b",
                   re.IGNORECASE)


def part_seeds(titles: list[str]) -> tuple[list[tuple[str, None]], list[tuple[str, str]]]:
    """(base, None) of each title with a part tail whose base is no title of its own (a
    version's base aside), and ("base Pt N", the title) for each such title."""
    bases = {normalise(base_title(t)) for t in titles}
    alone: dict[str, None] = {}
    named: dict[str, str] = {}
    for title in titles:
        if (tail := _PART.search(title)) is None:
            continue
        base = title[:tail.start()]
        if normalise(base) not in bases:
            alone[base] = None
        seed = f"{base} Pt {tail.group(1)}"  # meant: the plainest title of that part
        named[seed] = min(named.get(seed, title), title, key=len)
    return list(alone.items()), list(named.items())


def listed_part_seeds(titles: list[str]
                      ) -> tuple[list[tuple[str, str]], list[tuple[str, None]]]:
    """("base Pt N", the title) for each part N of each title listing several ("Rain
    Again - Part I, II, & III", "Happy Holidays, Parts 1 & 2"), and ("base Pt N+1", None)
    past the last part listed (no title of that part itself)."""
    held: dict[str, str] = {}
    past: dict[str, None] = {}
    for title in titles:
        words = part_form(normalise(spelled_ranges(title))).split()
        if "pts" not in words:
            continue
        at = words.index("pts")
        base, parts = " ".join(words[:at]), [int(w) for w in words[at + 1:] if w.isdigit()]
        for n in parts:
            held.setdefault(f"{base} Pt {n}", title)
        past[f"{base} Pt {max(parts) + 1}"] = None
    return list(held.items()), [(seed, None) for seed in past if seed not in held]


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _written(title: str) -> str:
    """``title`` as typed exactly: case, spaces, quote styles and accents aside."""
    form = "".join(unicodedata.normalize("NFD", title).casefold().translate(_QUOTES).split())
    return "".join(c for c in form if not unicodedata.combining(c))


def written_alike(titles: list[str]) -> list[tuple[str, str]]:
    """(title, "=" + title) for each title whose normal form another title, written
    otherwise, shares ("@ ME" and "ME"; "Dreams - 2004 Remaster" is "Dreams" written so)."""
    forms: dict[str, dict[str, str]] = {}
    for title in titles:
        if normalise(title):
            forms.setdefault(normalise(title), {}).setdefault(_written(title), title)
    return [(t, "=" + t) for alike in forms.values() if len(alike) > 1 for t in alike.values()]


def outcome(index: TitleIndex, seed: str, meant: str | None) -> str:
    row, how = index.resolve_how(seed)
    if row is None:
        return "none"
    if meant and meant.startswith("="):  # that very title, as written (or its base)
        title = index.titles[row]
        ok = _written(meant[1:]) in {_written(title), _written(base_title(title))}
        return ("meant" if how == "exact" else "meant, warned") if ok else \
            "other, silent" if how == "exact" else "other, warned"
    meant, _, artist = (meant or "").partition("\t")  # an artist: the track must be theirs
    if meant and _same(index.titles[row], meant) and \
            (not artist or normalise(artist) == normalise(index.artists[row])):
        return "meant" if how == "exact" else "meant, warned"
    return "other, silent" if how == "exact" else "other, warned"


def _same(title: str, meant: str) -> bool:
    return normalise(meant) in variants(title)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", help="a checkout whose models/ to measure")
    parser.add_argument("--show", action="store_true", help="print every seed's outcome")
    parser.add_argument("--artists", action="store_true", help="seeds typed with an artist")
    args = parser.parse_args()
    titles, artists, pop = load()
    index = TitleIndex(titles, artists, pop)
    kinds = ("meant", "meant, warned", "other, warned", "other, silent", "none")
    print(f"models from {Path(sys.modules['models'].__file__).parents[1]}")
    print(f"{'seeds':<22}" + "".join(f"{k:>15}" for k in kinds))
    listed, past = listed_part_seeds(titles)
    lists = (("misspelt, present", MISSPELT.items()),
             ("absent", ((s, None) for s in ABSENT)),
             ("before ' with '", ((s, None) for s in before_with(titles))),
             *zip(("part's base", "part named"), part_seeds(titles)),
             ("one part listed", listed), ("part past a list", past),
             ("listed, \"(Live)\"", [(f"{seed} (Live)", meant) for seed, meant in listed]),
             ("written alike", written_alike(titles)))
    if args.artists:
        lists = tuple(zip(("artist+title", "absent+artist"), artist_seeds(titles, artists, pop)))
    for name, seeds in lists:
        found = [(seed, outcome(index, seed, meant)) for seed, meant in seeds]
        print(f"{name + f' ({len(found)})':<22}"
              + "".join(f"{sum(o == k for _, o in found):>15}" for k in kinds))
        for seed, o in found if args.show else ():
            row = index.resolve(seed)
            print(f"    {seed!r:32} {o:15} {index.titles[row] if row is not None else ''}")


if __name__ == "__main__":
    main()
