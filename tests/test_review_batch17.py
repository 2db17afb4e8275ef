"""What a seventeenth batch of our own reviews (2026-11-29: a city-pop reissue, a football
game's soundtrack, a parent on a children's album, a metal review, a wedding DJ's notes, a
radio host's script, a two-star review, a film-score review told through its scenes,
written held out) showed the reader missing: a notes line "First dance: Hold Me Closer
Tonight." was read as a heading of facts, so neither it nor the lines after it named the
track;
"Ashfall, an acoustic instrumental outro, is eerie" named no "Ashfall (Instrumental)" (a
one-word title opening a sentence was looked for only without a bracket); "my son loves
pretending to be scared" made a children's song romantic and tense; "wants to be an
anthem and is merely loud" was read as an anthem; "'End Credits' just repeats the main
theme" linked nothing to a film score's "Main Title"; "way too depressing for a wedding"
made a sad song romantic. Of the sixteenth batch's open cases, "that outro is beautiful"
named no "Amen Corner (Outro)", and "Do NOT use Morning Mist for tense scenes" read
"tense" as the track's (the negation is five words back); "like everything's gonna be
alright" said nothing, and "the skit before it" named no track.
Every text here is our own."""
from __future__ import annotations

import pytest

from .fixtures import moods_read as moods
from .fixtures import pairs_read, strongest

TITLES = ("Lantern", "Harbour Lights", "Salt Roads", "Ember")


@pytest.mark.parametrize("label", ["Opening slot", "Last song", "First dance", "Encore"])
def test_a_notes_line_whose_value_is_a_title_names_the_track_for_the_lines_after(label):
    text = (f"Warm-up: Salt Roads. Loud, fast, everyone jumps.\n"
            f"{label}: Harbour Lights.\nSlow, sad and lonely, have tissues ready.\n")
    found = moods(text, *TITLES)
    assert strongest(found, "Harbour Lights") in ("sad", "lonely")
    assert found["Salt Roads"].get("sad", 0) < found["Harbour Lights"]["sad"] / 2


def test_a_notes_line_of_facts_is_still_no_track():
    text = ("Running Time: 48 min.\nSlow, sad and lonely throughout.\n"
            "Salt Roads is fast and loud.")
    found = moods(text, *TITLES)
    assert found["Lantern"].get("sad", 0) == found["Harbour Lights"].get("sad", 0)


def test_a_one_word_title_with_a_bracket_opens_a_sentence_without_it():
    text = "Salt Roads is fast and loud. Ember, a quiet piano coda, is sad and lonely."
    found = moods(text, "Lantern", "Salt Roads", "Ember (Instrumental)")
    assert strongest(found, "Ember (Instrumental)") in ("sad", "lonely")
    assert found["Salt Roads"].get("sad", 0) < found["Ember (Instrumental)"]["sad"] / 2


def test_the_bare_title_keeps_its_own_name_beside_its_bracketed_version():
    text = "Salt Roads is fast and loud. Ember, a quiet piano coda, is sad and lonely."
    found = moods(text, "Ember", "Salt Roads", "Ember (Reprise)")
    assert strongest(found, "Ember") in ("sad", "lonely")
    assert found.get("Ember (Reprise)", {}).get("sad", 0) < found["Ember"]["sad"] / 2


@pytest.mark.parametrize("who", ["My son", "My daughter", "Our kids", "My wife"])
def test_a_listener_in_the_reviewers_household_loving_a_track_is_no_romance(who):
    found = moods(f"Salt Roads is calm and gentle. {who} loves it.", *TITLES)
    assert found["Salt Roads"].get("romantic", 0) < found["Salt Roads"]["peaceful"] / 3


def test_a_character_who_loves_is_still_romance():
    found = moods("Salt Roads is a song about a sailor who loves a girl in every port.",
                  *TITLES)
    assert strongest(found, "Salt Roads") == "romantic"


PAIR = ("Harbour Lights", "Iron Bells", "Lantern")


@pytest.mark.parametrize("sentence", [
    "Harbour Lights wants to be an anthem and is merely loud.",
    "Harbour Lights tries for grandeur and ends up merely loud.",
    "Harbour Lights tries to sound epic but is merely loud.",
])
def test_what_a_track_aims_at_and_misses_is_not_its_mood(sentence):
    found = moods(sentence + " Iron Bells is a grand, epic anthem.", *PAIR)
    assert found["Harbour Lights"].get("epic", 0) < found["Iron Bells"]["epic"] / 4


def test_what_a_track_aims_at_counts_less_than_what_it_is():
    aimed = moods("Harbour Lights is calm and wants to be romantic.", *PAIR)["Harbour Lights"]
    said = moods("Harbour Lights is calm and romantic.", *PAIR)["Harbour Lights"]
    assert 0 < aimed["romantic"] / aimed["peaceful"] < said["romantic"] / said["peaceful"]


def test_what_someone_pretends_is_not_the_tracks_mood():
    found = moods("Harbour Lights is a little bit spooky, and my kids love pretending to be "
                  "scared, but it's never actually frightening.", *PAIR)
    assert strongest(found, "Harbour Lights") == "eerie"
    assert found["Harbour Lights"].get("tense", 0) < found["Harbour Lights"]["eerie"] / 4


SCORE = "The storm cue is loud. \"Lantern Song\" just repeats the main theme."


@pytest.mark.parametrize("main", ["Main Title", "Main Titles", "Prologue (Main Title)"])
def test_a_film_scores_main_title_is_the_main_theme_another_cue_repeats(main):
    assert pairs_read(SCORE, main, "Iron Bells", "Lantern Song") == {
        frozenset((main, "Lantern Song"))}


def test_a_title_track_named_like_the_work_stays_the_main_theme_beside_a_main_title():
    assert pairs_read(SCORE, "Main Title", "Salt Roads", "Lantern Song") == {
        frozenset(("Salt Roads", "Lantern Song"))}


@pytest.mark.parametrize("text, occasion_mood", [
    ("Harbour Lights is way too depressing for a wedding.", "romantic"),
    ("Harbour Lights is far too sad for a party.", "energetic"),
    ("Harbour Lights: too mournful for your lullaby playlist.", "peaceful"),
])
def test_an_occasion_a_track_is_too_much_for_is_not_its_mood(text, occasion_mood):
    found = moods(text + " Iron Bells is calm.", *PAIR)["Harbour Lights"]
    assert strongest({"t": found}, "t") == "sad"
    assert found.get(occasion_mood, 0) < found["sad"] / 4


def test_an_occasion_a_track_suits_keeps_its_mood():
    found = moods("Harbour Lights is perfect for a party. Iron Bells is sad.", *PAIR)
    assert strongest(found, "Harbour Lights") in ("energetic", "joyful", "playful")


KINDS = ("Overpass (Intro)", "Harbour Lights", "Skit: Bus Fare", "Iron Bells",
         "Skit: Corner Store", "Amen Corner (Outro)")


def test_a_track_named_by_its_kind_when_one_title_has_that_kind():
    found = moods("Harbour Lights is loud and fast. That outro is so sad and lonely.", *KINDS)
    assert strongest(found, "Amen Corner (Outro)") in ("sad", "lonely")
    assert found["Harbour Lights"].get("sad", 0) < found["Amen Corner (Outro)"]["sad"] / 2


def test_a_kind_two_titles_share_names_neither():
    found = moods("Harbour Lights is loud and fast. The skit is creepy and eerie.", *KINDS)
    assert found.get("Skit: Bus Fare") == found.get("Skit: Corner Store") == \
        found.get("Iron Bells")  # the album's share alone


def test_the_outro_of_a_named_track_is_that_tracks():
    found = moods("Iron Bells is loud and fast, and the outro is sad and lonely.", *KINDS)
    assert found.get("Amen Corner (Outro)", {}).get("sad", 0) < found["Iron Bells"]["sad"] / 2


@pytest.mark.parametrize("text, denied", [
    ("Do NOT use Harbour Lights for tense scenes, it is calm and pretty.", "tense"),
    ("Don't ever play Harbour Lights for a party, it is calm and pretty.", "energetic"),
    ("I would never pick Harbour Lights for the scary bits; it is calm and pretty.", "tense"),
])
def test_a_use_denied_for_a_mood_is_not_the_tracks_mood(text, denied):
    found = moods(text + " Iron Bells is sad.", *PAIR)["Harbour Lights"]
    assert found.get(denied, 0) < found["peaceful"] / 4


def test_a_use_recommended_for_a_mood_keeps_it():
    found = moods("Use Harbour Lights for tense scenes. Iron Bells is sad.", *PAIR)
    assert strongest(found, "Harbour Lights") == "tense"


@pytest.mark.parametrize("phrase", ["everything's gonna be alright", "everything'll be okay",
                                    "everything is going to be fine"])
def test_a_track_that_says_everything_will_be_alright_is_hopeful(phrase):
    found = moods(f"Iron Bells is sad. Harbour Lights feels like {phrase}.", *PAIR)
    assert strongest(found, "Harbour Lights") == "hopeful"


def test_not_everything_being_alright_is_not_hopeful():
    found = moods("Harbour Lights is sad: not everything is going to be alright.", *PAIR)
    assert found["Harbour Lights"].get("hopeful", 0) < found["Harbour Lights"]["sad"] / 4


@pytest.mark.parametrize("phrase, title", [
    ("The skit before it", "Skit: Bus Fare"),
    ("The skit right after it", "Skit: Corner Store"),
    ("The song after that one", "Skit: Corner Store"),
])
def test_a_track_named_by_its_place_beside_the_one_discussed(phrase, title):
    found = moods(f"Iron Bells is loud and fast. {phrase} is so sad and lonely.", *KINDS)
    assert strongest(found, title) in ("sad", "lonely")
    assert found["Iron Bells"].get("sad", 0) < found[title]["sad"] / 2


def test_a_neighbour_of_another_kind_or_of_no_track_is_not_named():
    wrong_kind = moods("Iron Bells is loud and fast. The outro before it is so sad.", *KINDS)
    assert "Skit: Bus Fare" not in wrong_kind
    no_subject = moods("The album is long. The skit before it is so sad.", *KINDS)
    assert no_subject.get("Skit: Bus Fare") == no_subject.get("Iron Bells")
