"""What a nineteenth batch of our own reviews (2026-11-29: a streaming service's editorial
blurb, a club DJ's set notes, a concert programme note, a school assignment, a game's
patch notes, a translated Japanese soundtrack review, a podcast listener's voicemail, a
choir director's rehearsal notes; written held out) showed the reader missing: lines
opening with a bullet ("- Title now loops ...") were read as one sentence with the line
before, so each bullet's first words went to the title before them; "as dreamy as 'A'"
compared nothing; "'A' now plays after the boss instead of 'B'. It is the most peaceful
..." gave B the sentences after it; "If it isn't calm, it isn't working" denied the calm;
"the music for Hoshizora Courier" (of "Hoshizora Courier Original Soundtrack") named the
track "Hoshizora Courier", not the show; "A slow march carries the Candlemas chorale back,
now warm" gave that sentence and the next to "Candlemas", not to the movement that
carries it; "Players told us ..., and they were right: the track is all pounding drums"
was taken to turn to several tracks.
Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from models.build import analyse_moods
from models.ingest import Catalog, Track
from models.language import MOOD_INDEX, Review, load_lexicon

from .fixtures import pairs_read, strongest

TITLES = ("Lantern", "Harbour Lights", "Salt Roads", "Ember")


@pytest.mark.parametrize("bullet", ["- ", "* ", "\u2022 "])
def test_a_bulleted_line_starts_a_sentence_of_its_own(bullet):
    text = (f"AUDIO\n{bullet}Ember now loops properly again. Players said it is all pounding "
            f"drums and frantic brass.\n{bullet}Lantern no longer plays in the town. It is "
            "slow, sad and lonely.\n")
    found = moods(text, *TITLES)
    assert strongest(found, "Lantern") in ("sad", "lonely")
    assert found["Lantern"].get("energetic", 0) < found["Ember"]["energetic"] / 2
    assert found["Ember"].get("sad", 0) < found["Lantern"]["sad"] / 2


def test_a_dash_inside_a_line_still_runs_on():
    text = "Lantern is slow - sad and lonely -\nand quiet. Ember is fast and loud."
    found = moods(text, *TITLES)
    assert strongest(found, "Lantern") in ("sad", "lonely")


@pytest.mark.parametrize("phrase", ["is as dreamy as", "is almost as dreamy as",
                                    "is quite as dreamy as"])
def test_as_a_mood_as_another_track_compares_them(phrase):
    pairs = pairs_read(f"Lantern is hazy and dreamy. Harbour Lights {phrase} Lantern, with "
                       "a floating vocal on top.", *TITLES)
    assert frozenset({"Lantern", "Harbour Lights"}) in pairs


@pytest.mark.parametrize("phrase", ["is twice as fast as", "is not as dreamy as",
                                    "is nowhere near as dreamy as", "starts as quietly as",
                                    "ends as soon as", "is half as long as"])
def test_other_measures_against_a_track_compare_nothing(phrase):
    pairs = pairs_read(f"Lantern is hazy and dreamy. Harbour Lights {phrase} Lantern, then "
                       "it takes off.", *TITLES)
    assert frozenset({"Lantern", "Harbour Lights"}) not in pairs


@pytest.mark.parametrize("swap", ["instead of", "in place of"])
def test_a_title_only_replaced_does_not_take_the_sentences_after_it(swap):
    text = (f"Harbour Lights now plays after the last fight {swap} Iron Tide. It is the "
            "most peaceful piece in the game, gentle piano and soft waves. Iron Tide is "
            "loud, fast and heroic.")
    found = moods(text, "Harbour Lights", "Iron Tide", "Lantern")
    assert strongest(found, "Harbour Lights") == "peaceful"
    assert found["Iron Tide"].get("peaceful", 0) < found["Harbour Lights"]["peaceful"] / 2


@pytest.mark.parametrize("condition", ["If it isn't calm, it isn't working.",
                                       "If it's not calm and still, start again.",
                                       "If the singing is not calm, start again."])
def test_a_negation_in_a_condition_denies_nothing(condition):
    found = moods(f"Harbour Lights is for the altos. {condition} Iron Tide is loud and fast.",
                  "Harbour Lights", "Iron Tide", "Lantern")
    assert strongest(found, "Harbour Lights") == "peaceful"


def test_if_not_right_before_the_mood_still_denies_it():
    found = moods("Harbour Lights is pleasant enough, if not exactly calm. Iron Tide is calm "
                  "and quiet.", "Harbour Lights", "Iron Tide", "Lantern")
    assert found.get("Harbour Lights", {}).get("peaceful", 0) < \
        found["Iron Tide"]["peaceful"] / 4


def _read_album(text: str, album: str, *titles: str) -> dict[str, dict[str, float]]:
    cat = Catalog([Track(id=f"t{i}", title=t, artist="A", album=album)
                   for i, t in enumerate(titles)])
    profiles = analyse_moods(cat, [Review(text=text, album=album)], load_lexicon()).profiles
    return {t.title: {m: float(p.scores[i]) for m, i in MOOD_INDEX.items() if p.scores[i] > 0}
            for t, p in zip(cat.tracks, profiles) if p.scores.any()}


@pytest.mark.parametrize("album", ["Lantern Harbour Original Soundtrack",
                                   "Lantern Harbour Original Game Soundtrack",
                                   "Lantern Harbour OST"])
def test_the_name_of_a_soundtracks_work_names_the_work_not_its_title_track(album):
    text = ("The music for Lantern Harbour is finally out, and the fans are thrilled, "
            'wild and excited. The opening theme, "Lantern Harbour", is gentle, calm and '
            "hopeful. Iron Tide is loud and fast.")
    found = _read_album(text, album, "Lantern Harbour", "Iron Tide", "Ember Song")
    assert found["Lantern Harbour"].get("energetic", 0) < found["Iron Tide"]["energetic"] / 2
    assert strongest(found, "Lantern Harbour") in ("peaceful", "hopeful")


@pytest.mark.parametrize("carry", ["carries the Harbour Lights melody back",
                                   "carries back the melody of Harbour Lights"])
def test_a_track_carrying_another_tracks_melody_back_is_compared_with_it(carry):
    text = ("Harbour Lights is hushed, still and a little sad. Iron Tide is loud and fast. "
            f"The album ends with Lantern. A slow march {carry}, now warm and tender. It is "
            "a tender ending and a nostalgic one.")
    titles = ("Harbour Lights", "Iron Tide", "Lantern")
    found = moods(text, *titles)
    assert strongest(found, "Lantern") in ("tender", "nostalgic")
    assert frozenset({"Lantern", "Harbour Lights"}) in pairs_read(text, *titles)


@pytest.mark.parametrize("people", ["Players told us", "Fans said", "Our listeners wrote"])
def test_they_after_people_does_not_turn_to_several_tracks(people):
    text = (f"Harbour Lights loops properly now. {people} the fight felt flat without it, "
            "and they were right: the track is all pounding drums and frantic, driving "
            "brass. Iron Tide is calm and slow.")
    found = moods(text, "Harbour Lights", "Iron Tide", "Lantern")
    assert strongest(found, "Harbour Lights") in ("energetic", "tense", "aggressive")
    assert found["Iron Tide"].get("energetic", 0) < found["Harbour Lights"]["energetic"] / 2


def test_they_about_the_tracks_still_turns_to_several():
    found = moods("Harbour Lights loops properly now. They are all pounding drums and "
                  "frantic, driving brass. Iron Tide is calm and slow.",
                  "Harbour Lights", "Iron Tide", "Lantern")
    assert found["Harbour Lights"]["energetic"] == \
        pytest.approx(found["Lantern"]["energetic"])  # the album's share, no more


def test_as_calm_as_a_track_is_wild_sets_two_degrees_side_by_side():
    pairs = pairs_read("Lantern is hazy and dreamy. Harbour Lights is as calm as Lantern is "
                       "wild.", *TITLES)
    assert frozenset({"Lantern", "Harbour Lights"}) not in pairs
