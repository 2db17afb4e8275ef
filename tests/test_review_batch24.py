"""What the twenty-fourth batch of our own reviews showed the reader missing (2026-11-29).

Voices not yet in the set: a gallery's wall text for a sound installation naming its
movements in running prose ("The first, I. Slack Water, is almost still"), a Steam user
review, a memorial service's playlist notes, a film-festival Q&A with the composer.
Every text here is our own."""
from __future__ import annotations

import pytest

from models.language import sentences

from .fixtures import moods_read as moods
from .fixtures import pairs_read, strongest

MOVEMENTS = ("I. Still Pond", "II. Weight", "III. What the Crows Knew", "IV. Sunken Organ")


def test_a_movements_roman_number_in_running_prose_ends_no_sentence():
    text = ("The first, I. Still Pond, is almost still. II. Weight follows. In III. What the "
            "Crows Knew, voices. Visitors describe IV. Sunken Organ as haunting.\n"
            "He fought in World War II. It was long. Then came Henry V. He ruled. It was me "
            "and I. Then we left.\nAct II.\nThe curtain rises.")
    assert [text[a:b] for a, b in sentences(text)] == [
        "The first, I. Still Pond, is almost still.", "II. Weight follows.",
        "In III. What the Crows Knew, voices.",
        "Visitors describe IV. Sunken Organ as haunting.", "He fought in World War II.",
        "It was long.", "Then came Henry V.", "He ruled.", "It was me and I.", "Then we left.",
        "Act II.", "The curtain rises."]


def test_a_wall_text_gives_each_movement_named_in_prose_its_own_words():
    text = ("The first, I. Still Pond, is almost still: long tones, a hush, calm. II. Weight "
            "follows, and is deliberately oppressive and menacing. In III. What the Crows "
            "Knew, fragments are cut together into something curious and searching. Visitors "
            "most often describe IV. Sunken Organ as haunting and eerie.")
    found = moods(text, *MOVEMENTS)
    assert strongest(found, "I. Still Pond") == "peaceful"
    assert strongest(found, "II. Weight") == "tense"
    assert strongest(found, "III. What the Crows Knew") == "curious"
    assert strongest(found, "IV. Sunken Organ") == "eerie"


CUES = ("Walkout", "Smelter", "Late Shift")


@pytest.mark.parametrize("sentence", [
    'I didn\'t want "Walkout" to be angry.',
    "I never wanted it to sound angry.",
])
def test_what_a_maker_did_not_want_a_track_to_be_it_is_not(sentence):
    text = ('Everyone asked about the strike scene in "Walkout". '
            f'{sentence} It\'s defiant, joyful even, with a marching drum.')
    found = moods(text, *CUES)
    assert strongest(found, "Walkout") == "joyful"
    assert found["Walkout"].get("aggressive", 0) == 0


def test_what_a_maker_wanted_a_track_to_be_it_still_is():
    text = 'Here is "Smelter". I wanted "Smelter" to be angry. The brass snarls. Loud.'
    assert strongest(moods(text, *CUES), "Smelter") == "aggressive"


@pytest.mark.parametrize("heard", ["heard from outside the walls, muffled", "muffled",
                                   "heard through a wall"])
def test_a_track_that_is_another_heard_from_afar_is_likened_to_it(heard):
    text = ('"Smelter" is menacing, like the building is angry with the workers. '
            f'Near the end comes "Late Shift". It\'s "Smelter" {heard}, at 3 a.m. '
            "Not menacing any more; sort of eerie and empty.")
    found = moods(text, *CUES)
    assert pairs_read(text, *CUES) == {frozenset(("Late Shift", "Smelter"))}
    assert strongest(found, "Late Shift") in ("eerie", "lonely")
    assert strongest(found, "Smelter") in ("tense", "aggressive")


def test_a_track_heard_by_someone_likens_nothing():
    text = '"Smelter" is angry. "Late Shift" is calm. I heard "Smelter" through a wall once.'
    assert pairs_read(text, *CUES) == set()


GAME = ("Title Screen", "Moss Level", "Depth 99", "Goodbye Cave")


def test_the_ending_track_is_the_last_track():
    text = ("Moss Level is the first area, cheerful and bouncy. Depth 99 is creepy. "
            "The ending track is slow and mournful, a sad little piano.")
    assert strongest(moods(text, *GAME), "Goodbye Cave") == "sad"


def test_what_this_track_is_names_no_other_by_its_place():
    text = ("Depth 99 comes after the flood. This is the ending track, and it is slow and "
            "mournful, a sad little piano. Moss Level is cheerful and bouncy.")
    found = moods(text, *GAME)
    assert strongest(found, "Depth 99") == "sad"
    assert "Goodbye Cave" not in found or found["Goodbye Cave"].get("sad", 0) < 0.3


@pytest.mark.parametrize("phrase", ["bring tissues", "grab the tissues", "keep a box of tissues "
                                    "nearby"])
def test_a_track_you_need_tissues_for_is_sad(phrase):
    text = f"Moss Level is cheerful and bouncy. Goodbye Cave: I won't spoil it, but {phrase}."
    assert strongest(moods(text, *GAME), "Goodbye Cave") == "sad"


SCORE = ("Paper Boats", "Low Tide", "Far Shore")
SUBTITLES = """1
00:00:03,200 --> 00:00:08,900
[\u266a "Paper Boats" playing: a lonely piano, slow and sad \u266a]

2
00:00:09,400 --> 00:00:12,100
MARA: Stay for the summer. We'll dance at the wedding!

3
00:04:41,000 --> 00:04:47,500
[\u266a "Low Tide" swells: low strings, ominous \u266a]
JONAH: I'm so happy you came, it's a party.
"""


def test_a_subtitle_files_dialogue_says_nothing_of_the_music():
    found = moods(SUBTITLES, *SCORE)
    assert strongest(found, "Paper Boats") == "sad"
    assert strongest(found, "Low Tide") in ("tense", "eerie")
    for title in SCORE:
        assert found.get(title, {}).get("joyful", 0) < 0.2
    assert "Far Shore" not in found  # the unnamed track gets no summer, wedding or party


def test_a_transcript_without_cue_times_keeps_its_lines():
    text = SUBTITLES.replace("00:04:41,000 --> 00:04:47,500\n", "")
    text = text.replace("00:00:09,400 --> 00:00:12,100\n", "").replace(
        "MARA: Stay for the summer. We'll dance at the wedding!",
        'MARA: "Far Shore" is a party, joyful and bright.')
    assert strongest(moods(text, *SCORE), "Far Shore") == "joyful"


@pytest.mark.parametrize("sentence", [
    'The "Paper Boats" theme comes back in "Far Shore", warmer now, hopeful.',
    'The melody from "Paper Boats" returns in "Far Shore", warmer now, hopeful.',
])
def test_a_theme_named_by_its_track_heard_again_likens_the_tracks(sentence):
    text = f'"Paper Boats" is a lonely piano, slow and sad. {sentence}'
    assert pairs_read(text, *SCORE) == {frozenset(("Paper Boats", "Far Shore"))}
    assert strongest(moods(text, *SCORE), "Far Shore") == "hopeful"


@pytest.mark.parametrize("sentence", [
    'The "Paper Boats" theme returns before "Far Shore" ends things, hopeful.',
    'The "Paper Boats" theme never comes back in "Far Shore", which is hopeful.',
])
def test_a_theme_not_heard_in_the_next_title_likens_nothing(sentence):
    text = f'"Paper Boats" is a lonely piano, slow and sad. {sentence}'
    assert pairs_read(text, *SCORE) == set()


@pytest.mark.parametrize("sentence", [
    "nice groove, but nobody's going to feel their pulse go up.",
    "nice groove, but no one will feel their heart racing.",
])
def test_what_nobody_will_feel_is_denied(sentence):
    text = f'"Far Shore" is too laid-back for the raid; {sentence} Calm and mellow.'
    found = moods(text, *SCORE)
    assert strongest(found, "Far Shore") == "peaceful"
    assert found["Far Shore"].get("energetic", 0) < 0.1  # a groove, not a racing pulse


def test_what_everybody_will_feel_stays():
    text = '"Far Shore" is a riot. Everybody is going to feel their pulse go up. Fast.'
    assert strongest(moods(text, *SCORE), "Far Shore") == "energetic"


LP = ("Salt Roads", "Chase", "Salt Roads (Reprise)")  # the album is "Salt Roads"


def test_the_title_theme_coming_back_in_a_track_likens_it_to_the_title_track():
    text = ("Side A\n1. Salt Roads (2:41) - the title cut, lush strings, dreamy and warm.\n"
            "2. Chase (2:05) - a chase cue, tense and very fast.\n"
            "3. Salt Roads (Reprise) (1:30) - the title theme comes back, slower, to close "
            "the side, even more wistful this time.")
    found = moods(text, *LP)
    assert pairs_read(text, *LP) == {frozenset(("Salt Roads (Reprise)", "Salt Roads"))}
    assert strongest(found, "Salt Roads (Reprise)") in ("nostalgic", "sad")  # wistful
    assert strongest(found, "Salt Roads") in ("dreamy", "tender")
    assert found["Salt Roads"].get("nostalgic", 0) < found["Salt Roads (Reprise)"]["nostalgic"]


def test_the_title_theme_alone_still_names_the_title_track():
    text = ("Chase is tense and fast. The title theme comes back, slower and wistful, at "
            "the very end of the film.")
    assert pairs_read(text, *LP) == set()
