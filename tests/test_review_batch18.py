"""What an eighteenth batch of our own reviews (2026-11-29: an opera recording, a game
soundtrack's fan wiki entry, a trip-hop retrospective, a gospel album, a caption list in a
social-media voice, an audiophile's post on a vinyl pressing, a singer's jazz standards, a
letter to a composer; written held out) showed the reader missing: a list of lines
without any full stop ("when ur crying in the car: Parking Lot Tears") was read as one
sentence running into the next line, so each line's words went to the title before them;
a "Label: Title" line with an emoji after the title was read as a heading of facts; "a
love song with no heat in it" was still romantic; "with little of the desperate tension it
needs" made a track tense; "The Sextet" named no "Chi mi frena in tal momento (Sextet)";
"the harp has never sounded eerier" denied the eeriness; "builds slowly from an organ drone
to a full-throated climax" read as calm; "I felt like a child again" said nothing. Of the
open cases, "the last two" named no track.
Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import strongest

TITLES = ("Lantern", "Harbour Lights", "Salt Roads", "Ember")


def test_each_line_of_a_caption_list_without_full_stops_is_its_own_sentence():
    text = ("songs from this album for every mood\n"
            "when you finally text them back: Lantern (so sweet and tender)\n"
            "when ur crying in the car: Harbour Lights (the saddest one)\n"
            "gym energy: Ember (loud and fast)\n")
    found = moods(text, *TITLES)
    assert strongest(found, "Lantern") == "tender"
    assert found["Lantern"].get("sad", 0) < found["Harbour Lights"]["sad"] / 2
    assert found["Harbour Lights"].get("energetic", 0) < found["Ember"]["energetic"] / 2


def test_hard_wrapped_prose_with_full_stops_still_runs_across_lines():
    text = ("The second side opens with Harbour Lights, which is slow\n"
            "and sad and lonely from its first bar to its last. Salt Roads is fast.\n"
            "Ember is calm.\n")
    assert strongest(moods(text, *TITLES), "Harbour Lights") in ("sad", "lonely")


def test_a_label_line_with_an_emoji_after_its_title_names_the_track_for_the_next_lines():
    text = ("Warm-up: Salt Roads. Loud, fast, everyone jumps.\n"
            "Last song: Harbour Lights \U0001F62D\nSlow, sad and lonely, have tissues ready.\n")
    found = moods(text, *TITLES)
    assert strongest(found, "Harbour Lights") in ("sad", "lonely")
    assert found["Salt Roads"].get("sad", 0) < found["Harbour Lights"]["sad"] / 2


@pytest.mark.parametrize("lack", ["with no heat in it", "without any passion",
                                  "with no real warmth"])
def test_a_love_song_without_its_feeling_is_no_romance(lack):
    found = moods(f"She sings Lantern as a love song {lack}, resigned and lonely. "
                  "Ember is a love song with a string quartet.", *TITLES)
    assert found["Lantern"].get("romantic", 0) < found["Ember"]["romantic"] / 4
    assert strongest(found, "Lantern") in ("lonely", "sad")
    assert strongest(found, "Ember") in ("romantic", "tender")


def test_with_little_of_a_mood_denies_it_a_little_of_it_does_not():
    found = moods("Lantern feels rushed and slack, with little of the desperate tension it "
                  "needs. Harbour Lights is calm, with a little tension underneath. "
                  "Ember is tense from start to end.", *TITLES)
    assert found.get("Lantern", {}).get("tense", 0) < found["Ember"]["tense"] / 4
    assert found["Harbour Lights"]["tense"] > found["Ember"]["tense"] / 4


def test_a_title_case_subtitle_in_brackets_names_its_track():
    titles = ("Chi mi frena in tal momento (Sextet)", "Il dolce suono (Mad Scene)",
              "Lantern (Theme)", "Ember")
    found = moods("The Sextet is thrilling and tense. The Mad Scene is the saddest ten "
                  "minutes on the set. Ember is calm.", *titles)
    assert strongest(found, "Chi mi frena in tal momento (Sextet)") == "tense"
    assert strongest(found, "Il dolce suono (Mad Scene)") == "sad"
    assert found["Chi mi frena in tal momento (Sextet)"].get("sad", 0) < \
        found["Il dolce suono (Mad Scene)"]["sad"] / 2


@pytest.mark.parametrize("phrase", ["has never sounded eerier", "has never sounded more eerie",
                                    "has never been so eerie"])
def test_never_sounded_eerier_affirms_the_mood(phrase):
    found = moods(f"The harp on Lantern {phrase}. Ember never sounds eerie.", *TITLES)
    assert strongest(found, "Lantern") == "eerie"
    assert found.get("Ember", {}).get("eerie", 0) < found["Lantern"]["eerie"] / 4


FIVE = ("Lantern", "Harbour Lights", "Salt Roads", "Ember", "Coda")


@pytest.mark.parametrize("phrase", ["The last two are", "The last two songs drift off,"])
def test_the_last_two_name_the_albums_last_two_tracks(phrase):
    found = moods(f"Lantern is fast and loud. {phrase} slow, sad and lonely.", *FIVE)
    assert strongest(found, "Ember") in ("sad", "lonely")
    assert strongest(found, "Coda") in ("sad", "lonely")
    assert found.get("Salt Roads", {}).get("sad", 0) < found["Coda"]["sad"] / 2


def test_the_last_two_albums_or_the_first_two_minutes_name_no_tracks():
    found = moods("Lantern is fast and loud. Their last two albums were sad and lonely. "
                  "Harbour Lights is calm.", *FIVE)
    assert "Ember" not in found and "Coda" not in found


@pytest.mark.parametrize("build", ["builds slowly from an organ drone to a full-throated "
                                   "climax", "slowly swells into a huge, soaring climax"])
def test_a_slow_build_is_no_calm(build):
    found = moods(f'"Lantern" {build}. "Ember" moves slowly, calm and quiet.', *TITLES)
    assert found["Lantern"].get("peaceful", 0) < found["Lantern"]["epic"]
    assert strongest(found, "Ember") == "peaceful"


@pytest.mark.parametrize("phrase", ["made me feel like a kid again",
                                    "and I felt like a child again, running between the trees"])
def test_feeling_like_a_child_again_is_nostalgia(phrase):
    found = moods(f'"Lantern" {phrase}. "Ember" is fast and loud.', *TITLES)
    assert strongest(found, "Lantern") == "nostalgic"
    assert found.get("Ember", {}).get("nostalgic", 0) < found["Lantern"]["nostalgic"] / 4
