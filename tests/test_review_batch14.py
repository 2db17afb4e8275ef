"""What a fourteenth batch of our own reviews (2026-11-29: pop, rock, jazz, classical,
electronic, hip-hop, a film score and folk, written held out in several outlets' voices)
showed the reader missing: "reminds me of" a title, "After 'A' it's a relief" about the
track before, a movement named without its work and number ("Ondine" for "Gaspard
de la nuit: I. Ondine"), "sidewinder is the wild one," opening its paragraph, the work's
name after "the last track,", "brings the title theme back", "they play it straight" (not
playful), "nowhere near as crushing", "Unlike 'A', there's no release here" (about the track
before), a translation in brackets after a title ("Nebel (Fog)") read as mood words, "every song
on this is a banger but here are my faves:" led into the first, "tender, though not
sentimental" read as nothing, "not in a big, triumphant way", "couldn't stop smiling",
"doesnt" typed without its apostrophe. Every text here is our own."""
from __future__ import annotations

import pytest

from models.build import analyse_moods
from models.language import Review, load_lexicon

from .fixtures import moods_read as moods
from .fixtures import pairs_read, salt_roads, strongest

PAIR = frozenset(("Glasswing", "Meridian"))


@pytest.mark.parametrize("sentence", [
    'It reminds me of "Meridian" slowed down and taken apart.',
    '"Glasswing" reminded me of "Meridian" played backwards.',
    'It calls to mind "Meridian" at half speed.',
])
def test_reminds_me_of_a_title_links_the_two(sentence):
    text = f'"Meridian" is bright and bouncy. "Glasswing" is odd and intriguing. {sentence}'
    assert pairs_read(text, "Meridian", "Glasswing") == {PAIR}


def test_reminds_me_of_something_else_links_nothing():
    text = ('"Meridian" is bright and bouncy. "Glasswing" is odd and intriguing. It reminds '
            'me of Sunday afternoons at my grandmother\'s.')
    assert pairs_read(text, "Meridian", "Glasswing") == set()
    assert strongest(moods(text, "Meridian", "Glasswing"), "Glasswing") == "curious"


@pytest.mark.parametrize("sentence", [
    'After "Lantern" it\'s a blessed relief: joyful, chaotic and a bit silly.',
    'Coming after "Lantern", it feels joyful and silly.',
    'Following "Lantern" it is a joyful, silly relief.',
])
def test_a_sentence_opening_after_a_title_is_about_the_track_it_refers_back_to(sentence):
    found = moods(f'"Lantern" is mournful and heartbreaking. The album ends with "Tidewater", '
                  f'a rowdy drinking song. {sentence}', "Lantern", "Tidewater")
    assert strongest(found, "Lantern") == "sad"
    assert found["Lantern"].get("joyful", 0) == 0
    assert found["Tidewater"].get("joyful", 0) > 0


def test_after_a_title_that_names_what_comes_next_is_about_the_next_title():
    found = moods('"Lantern" is mournful. "Tidewater" is calm. After "Lantern" comes the '
                  'joyful, silly "Harbour Lights".', "Lantern", "Tidewater", "Harbour Lights")
    assert strongest(found, "Harbour Lights") == "joyful"
    assert found["Tidewater"].get("joyful", 0) == found["Lantern"].get("joyful", 0)


MOVEMENTS = ("Gaspard de la nuit, M. 55: I. Ondine", "Gaspard de la nuit, M. 55: II. Le Gibet",
             "Symphony No. 9 in E Minor, Op. 95 \"From the New World\": II. Largo")


@pytest.mark.parametrize("sentence, title, mood", [
    ("The disc's surprise is Ondine. She makes the sprite seductive and sinister.",
     MOVEMENTS[0], "eerie"),
    ("Le Gibet is bleak and mournful, a bell tolling over an empty plain.", MOVEMENTS[1], "sad"),
    ("The famous Largo is tender and wistful, a song of home.", MOVEMENTS[2], "tender"),
])
def test_a_movement_is_named_by_its_name_without_the_work_and_number(sentence, title, mood):
    found = moods(sentence, *MOVEMENTS)
    assert strongest(found, title) == mood
    assert all(found.get(other, {}).get(mood, 0) < found[title][mood]
               for other in MOVEMENTS if other != title)


@pytest.mark.parametrize("line", [
    "sidewinder is the wild one, super fast, drums going nuts.",
    "Sidewinder is the wild one, super fast, drums going nuts.",
    "Sidewinder is the standout track: fast and furious.",
])
def test_a_one_word_title_said_to_be_a_kind_of_track_opens_its_paragraph(line):
    found = moods(f"blue hour is calm and slow.\n\n{line}", "Blue Hour", "Sidewinder")
    assert strongest(found, "Sidewinder") in ("energetic", "aggressive")
    assert found["Blue Hour"].get("energetic", 0) < found["Sidewinder"]["energetic"] / 2


def test_a_one_word_title_said_to_be_the_one_thing_is_a_word():
    found = moods("Lantern is calm.\n\nHome is the one place where I felt furious.",
                  "Lantern", "Home", "Tidewater")
    assert found["Home"] == found["Tidewater"]  # the album's share, named by neither


@pytest.mark.parametrize("text", [
    "lantern is slow. and then the last track, salt roads, is just dreamy and floaty.",
    "Lantern is slow. The title track Salt Roads is just dreamy and floaty.",
])
def test_the_works_name_after_the_last_track_is_the_title_track(text):
    assert strongest(moods(text, "Lantern", "Salt Roads"), "Salt Roads") == "dreamy"


def test_the_works_name_alone_is_still_the_work():
    found = moods("Lantern is slow and calm. salt roads is a dreamy, floaty album.",
                  "Lantern", "Salt Roads")
    assert found.get("Salt Roads", {}).get("dreamy", 0) <= found["Lantern"].get("dreamy", 0)


@pytest.mark.parametrize("text", [
    "'Salt Roads (Reprise)' brings the title theme back to close things out, bigger and "
    "fuller, and it's the most openly joyful thing on the album.",
    "'Salt Roads (Reprise)' brings 'Salt Roads' back, and it's the most openly joyful thing "
    "on the album.",
])
def test_brings_a_title_back_links_the_two_and_what_follows_is_the_subjects(text):
    titles = ("Salt Roads", "Lantern", "Salt Roads (Reprise)")
    found = moods(f"'Salt Roads' is slow and mournful. {text}", *titles)
    assert pairs_read(f"'Salt Roads' is slow and mournful. {text}", *titles) == \
        {frozenset(("Salt Roads", "Salt Roads (Reprise)"))}
    assert found["Salt Roads (Reprise)"].get("joyful", 0) > found["Salt Roads"].get("joyful", 0)


def test_brings_without_back_links_nothing():
    text = "'Lantern' is slow and mournful. 'Tidewater' brings a lighter touch, sunny and warm."
    assert pairs_read(text, "Lantern", "Tidewater") == set()


@pytest.mark.parametrize("text", [
    "Track two, 'Lantern', is a murder ballad, and they play it straight: cold and eerie.",
    "'Lantern' is a swooning love song, the kind of thing you play for someone you love.",
    "The band play 'Lantern' with a bleak, cold edge.",
])
def test_play_as_a_verb_is_not_playful(text):
    assert "playful" not in moods(text, "Lantern", "Tidewater")["Lantern"]


@pytest.mark.parametrize("phrase", ["a sense of play", "sheer play", "full of play"])
def test_play_as_a_noun_still_is(phrase):
    assert "playful" in moods(f"'Lantern' is {phrase}.", "Lantern", "Tidewater")["Lantern"]


@pytest.mark.parametrize("text", [
    "The record ends with 'Lantern', which is nowhere near as crushing as what precedes it; "
    "it's a slow, hopeful fade-out.",
    "'Lantern' is nowhere near as bleak as the opener: a slow, hopeful fade-out.",
])
def test_nowhere_near_as_denies_the_mood(text):
    found = moods(text, "Lantern", "Tidewater")["Lantern"]
    assert strongest({"Lantern": found}, "Lantern") == "hopeful"
    assert found.get("aggressive", 0) == 0


def test_a_sentence_opening_unlike_a_title_goes_on_about_the_track_before():
    text = ("'Tidewater' is even harder, ratcheting up the tension until the drop. Then side B "
            "pulls the rug out. 'Lantern' is beatless and desolate. Unlike 'Tidewater', "
            "there's no release here, only drift.")
    found = moods(text, "Lantern", "Tidewater")
    assert found["Lantern"].get("dreamy", 0) > 0
    assert found["Tidewater"].get("dreamy", 0) == 0


@pytest.mark.parametrize("text, title, gloss_mood", [
    ("Nebel (Fog) is beatless and slow.", "Nebel", "eerie"),
    ("'Lantern' (Lonely Heart) is sunny and bright.", "Lantern", "lonely"),
])
def test_a_bracketed_translation_after_a_title_names_it_and_says_nothing(text, title,
                                                                        gloss_mood):
    found = moods(text, "Nebel", "Lantern", "Tidewater")
    assert found[title].get(gloss_mood, 0) == 0


def test_a_bracketed_description_after_a_title_still_describes_it():
    found = moods("'Lantern' (a tender lullaby) is slow.", "Lantern", "Tidewater")
    assert strongest(found, "Lantern") == "tender"


def test_a_sentence_about_every_song_before_a_list_speaks_for_the_album():
    text = ("every song on this is a banger but here are my faves:\n\n"
            "- lantern: so dreamy and slow\n- tidewater: sad sad sad")
    analysis = analyse_moods(salt_roads("Lantern", "Tidewater"),
                             [Review(text=text, album="Salt Roads")], load_lexicon())
    lead = [p for p in analysis.passages if p.start == 0]
    assert lead and all(p.weight <= 0.35 and set(p.rows) == {0, 1} for p in lead)


@pytest.mark.parametrize("text, denied", [
    ("'Lantern' is genuinely uplifting, not in a big, triumphant way but in the quiet relief "
     "of someone putting down something heavy.", "epic"),
    ("'Lantern' is sad, though not in a bleak, desolate way.", "lonely"),
])
def test_not_in_a_way_denies_every_adjective_of_the_phrase(text, denied):
    found = moods(text, "Lantern", "Tidewater")["Lantern"]
    assert found.get(denied, 0) == 0


def test_far_from_one_mood_keeps_the_moods_listed_after_its_comma():
    found = moods("'Lantern' is far from bleak, bright and warm.", "Lantern", "Tidewater")
    assert found["Lantern"]["joyful"] > 0.3


@pytest.mark.parametrize("text, kept", [
    ("'Lantern' is tender, though not sentimental.", "tender"),
    ("'Lantern' is tender, but never sappy or sentimental.", "tender"),
    ("'Lantern' isn't melodramatic; it's just quietly devastating.", "sad"),
])
def test_a_denied_word_leaves_the_mood_an_affirmed_word_beside_it_says(text, kept):
    found = moods(text, "Lantern", "Tidewater")
    assert strongest(found, "Lantern") == kept


def test_a_mood_set_aside_still_counts_against_a_word_it_is_not_the_main_mood_of():
    found = moods("'Lantern' is more wistful than sad.", "Lantern", "Tidewater")["Lantern"]
    assert found.get("sad", 0) == 0 and found["nostalgic"] > 0


@pytest.mark.parametrize("text, mood", [
    ("I could not stop smiling during 'Lantern'.", "joyful"),
    ("'Lantern' never stops being tense.", "tense"),
    ("'Lantern' can't stop being sad.", "sad"),
])
def test_not_stop_affirms_what_goes_on(text, mood):
    assert strongest(moods(text, "Lantern", "Tidewater"), "Lantern") == mood


@pytest.mark.parametrize("phrase", ["a real foot-stomper", "a stomper of a reel"])
def test_a_stomper_is_energetic(phrase):
    assert strongest(moods(f"'Lantern' is {phrase}.", "Lantern", "Tidewater"),
                     "Lantern") == "energetic"


def test_a_contraction_typed_without_its_apostrophe_still_negates():
    found = moods("'Lantern' doesnt feel sad at all, its bright and bouncy. 'Tidewater' isnt "
                  "cheerful, it's bleak.", "Lantern", "Tidewater")
    assert found["Lantern"].get("sad", 0) == 0
    assert found["Tidewater"].get("joyful", 0) == 0


def test_a_title_with_a_contraction_is_named_without_its_apostrophe():
    found = moods("Dont Look Back is warm and hopeful.", "Lantern", "Don\u2019t Look Back")
    assert strongest(found, "Don\u2019t Look Back") == "hopeful" and "Lantern" not in found
