"""What a fifteenth batch of our own reviews (2026-11-29: K-pop, a Bollywood soundtrack,
an ambient tape, a cast recording, a drum-and-bass EP, country, a string quartet premiere
and a lo-fi beat tape, written held out) showed the reader missing: a track named only
by its place ("the opener", "the closer", "the first movement") went to the whole album;
mood words used as verbs or in idioms ("threatens to", "promises a lot", "everyone will
fall in love with this record") were read as moods; "the title track" found no track
called "Monsoon Letters (Theme)", and "Title track is the big one." without its article
none at all; "X even though Y" weighed Y over X; "reuses the loop from the opener" made the
opener the subject of what followed and linked nothing; "Crevasse is the scherzo, and it
is savage" opening its paragraph named no movement; "barely there: a calm hum" denied
the calm past the colon.
Every text here is our own."""
from __future__ import annotations

import pytest

from models.language import MOOD_INDEX, hits_vector, tag_text

from .fixtures import moods_read as moods
from .fixtures import pairs_read, strongest

TITLES = ("Lantern", "Tidewater", "Harbour Lights", "Ember")


@pytest.mark.parametrize("sentence, title, mood", [
    ("The opener is a bright, bouncy singalong.", "Lantern", "joyful"),
    ("the opener with the kettle sample is so cozy and calm.", "Lantern", "peaceful"),
    ("The album's opening track is pure joy.", "Lantern", "joyful"),
    ("The first movement is eerie and unsettling.", "Lantern", "eerie"),
    ("And the closer is a ballad that had me crying.", "Ember", "sad"),
    ("The closing track is sparse and lonesome.", "Ember", "lonely"),
    ("Its closer is a furious, pounding roller.", "Ember", "aggressive"),
])
def test_a_track_named_by_its_place_is_the_first_or_last_of_the_album(sentence, title, mood):
    found = moods(f'"Tidewater" is a duet with strings. {sentence}', *TITLES)
    assert strongest(found, title) == mood
    others = [t for t in TITLES if t != title]
    assert all(found.get(t, {}).get(mood, 0) < found[title][mood] / 2 for t in others)


@pytest.mark.parametrize("sentence", [
    'The closer, "Harbour Lights", is a ballad that had me crying.',
    "Harbour Lights is the closer and a ballad that had me crying.",
    "The closer (3. 'Harbour Lights') is a ballad that had me crying.",
])
def test_the_place_beside_a_title_is_that_titles(sentence):
    found = moods(f'"Tidewater" is a duet with strings. {sentence}', *TITLES)
    assert strongest(found, "Harbour Lights") == "sad"
    assert found.get("Ember", {}).get("sad", 0) < found["Harbour Lights"]["sad"] / 2


@pytest.mark.parametrize("sentence", [
    "It is not as sad as the closer of their last record.",
    "The opener of side B is a ballad that had me crying.",
    '"Harbour Lights" is a suite. Its first movement is a ballad that had me crying.',
])
def test_a_place_on_another_work_or_side_names_no_end_of_this_album(sentence):
    found = moods(f'"Tidewater" is a duet with strings. {sentence}', *TITLES)
    assert found.get("Lantern") == found.get("Ember")  # the album's share, named by neither


def test_a_place_may_be_what_a_track_is_compared_with():
    text = ("The opener is menacing and aggressive. Tidewater is calm. The closer brings back "
            "the melody of the opener, slower and sadder.")
    assert pairs_read(text, *TITLES) == {frozenset(("Lantern", "Ember"))}


@pytest.mark.parametrize("sentence, mood", [
    ("It threatens to boil over in the last minute but never does.", "tense"),
    ("It kept threatening to tip into melodrama.", "tense"),
    ("A soundtrack that promises a lot and mostly delivers.", "hopeful"),
    ("Firefly is the one everyone will fall in love with.", "romantic"),
    ("You'll fall in love with this record anyway.", "romantic"),
    ("I fell in love with it on the first listen.", "romantic"),
])
def test_a_mood_word_used_as_a_verb_or_in_an_idiom_is_no_mood(sentence, mood):
    assert hits_vector(tag_text(sentence))[MOOD_INDEX[mood]] <= 0


@pytest.mark.parametrize("sentence, mood", [
    ("A threatening drone underneath everything.", "tense"),
    ("The menace threatens from the first bar.", "tense"),
    ("Full of promises of a better tomorrow.", "hopeful"),
    ("A song about falling in love.", "romantic"),
    ("A duet in which she fell in love with him all over again.", "romantic"),
])
def test_the_same_words_as_moods_keep_them(sentence, mood):
    assert hits_vector(tag_text(sentence))[MOOD_INDEX[mood]] > 0


def test_the_listener_falling_for_a_track_leaves_it_its_own_moods():
    found = moods("Firefly is bright and bouncy, the one everyone will fall in love with.",
                  "Intro", "Firefly", "Paper Crown")
    assert found["Firefly"].get("romantic", 0) == 0 and strongest(found, "Firefly") == "joyful"


@pytest.mark.parametrize("text, titles, title", [
    ("Title track is the big one: furious, pounding, pure adrenaline.",
     ("Lantern", "Salt Roads", "Tidewater"), "Salt Roads"),
    ("The title track is furious, pounding, pure adrenaline.",
     ("Lantern", "Salt Roads (Theme)", "Tidewater"), "Salt Roads (Theme)"),
])
def test_the_title_track_is_found_without_an_article_or_with_an_addition(text, titles, title):
    found = moods(f'"Lantern" is a duet with strings. {text}', *titles)
    assert strongest(found, title) in ("aggressive", "energetic")
    assert found.get("Tidewater", {}).get("aggressive", 0) < found[title]["aggressive"] / 2


def test_another_version_of_the_title_track_is_not_the_title_track():
    found = moods('"Lantern" is a duet with strings. The title track is furious and pounding.',
                  "Lantern", "Salt Roads (Reprise)", "Tidewater")
    assert found.get("Salt Roads (Reprise)") == found.get("Tidewater")


QUARTET = tuple(f'String Quartet No. 3 "Ice Maps": {n}' for n in
                ("I. Meltwater", "II. Crevasse", "III. Aurora Waltz", "IV. Whiteout"))


@pytest.mark.parametrize("sentence", [
    "Whiteout thins to a single held note in the viola, desolate and lonely.",
    "Whiteout thins to a single held note in the viola, desolate and lonely, and takes up "
    "the cello's figure from the first movement.",
])
def test_a_movements_one_word_name_opens_a_sentence_beside_a_place(sentence):
    found = moods(f"The Aurora Waltz is playful. The finale is long. {sentence}", *QUARTET)
    assert strongest(found, QUARTET[3]) == "lonely"
    assert found.get(QUARTET[1], {}).get("lonely", 0) < found[QUARTET[3]]["lonely"] / 2


@pytest.mark.parametrize("sentence", [
    "It is joyful and bouncy, even though the lyrics are bleak.",
    "Even though the lyrics are bleak, it is joyful and bouncy.",
])
def test_what_comes_after_even_though_is_conceded(sentence):
    read = hits_vector(tag_text(sentence))
    assert read[MOOD_INDEX["sad"]] < read[MOOD_INDEX["joyful"]]


@pytest.mark.parametrize("sentence", [
    '"Tidewater" reuses the kettle loop from "Lantern", slowed down.',
    '"Tidewater" takes up the cello\'s figure from "Lantern", slowed down.',
    'The closer reuses the loop from the opener, slowed down.',
])
def test_reusing_a_tracks_material_links_the_two_and_the_reuser_stays_the_subject(sentence):
    titles = ("Lantern", "Harbour Lights", "Tidewater")
    text = f'"Lantern" is calm and cozy. {sentence} It makes me feel hopeful.'
    assert pairs_read(text, *titles) == {frozenset(("Lantern", "Tidewater"))}
    found = moods(text, *titles)
    assert strongest(found, "Tidewater") == "hopeful"
    assert found["Lantern"].get("hopeful", 0) < found["Tidewater"]["hopeful"] / 2


@pytest.mark.parametrize("sentence", [
    "The title track takes up most of side B.",
    '"Tidewater" reuses an old synth patch.',
])
def test_taking_up_or_reusing_something_else_links_nothing(sentence):
    assert pairs_read(f'"Lantern" is calm. {sentence} It is hopeful.',
                      "Lantern", "Salt Roads", "Tidewater") == set()


@pytest.mark.parametrize("line", [
    "Crevasse is the scherzo, and it is savage: jagged, violent, furious.",
    "Crevasse is the slow movement, and it is savage: jagged, violent, furious.",
])
def test_a_one_word_title_said_to_be_a_kind_of_movement_opens_its_paragraph(line):
    found = moods(f"The Aurora Waltz is playful and light.\n\n{line}", *QUARTET)
    assert strongest(found, QUARTET[1]) == "aggressive"
    assert found.get(QUARTET[0], {}).get("aggressive", 0) < found[QUARTET[1]]["aggressive"] / 2


@pytest.mark.parametrize("sentence, mood", [
    ("The opener is barely there: a calm hum, a click, the tape warming up.", "peaceful"),
    ("It is never loud; calm and gentle all the way.", "peaceful"),
    ("There is no joy here: only a bleak, mournful drone.", "sad"),
])
def test_a_negation_does_not_reach_past_a_colon_or_semicolon(sentence, mood):
    assert hits_vector(tag_text(sentence))[MOOD_INDEX[mood]] > 0


@pytest.mark.parametrize("sentence, mood", [
    ("It is not sad at all.", "sad"),
    ("Not calm, not gentle: a roar.", "peaceful"),
])
def test_a_negation_still_denies_within_its_statement(sentence, mood):
    assert hits_vector(tag_text(sentence))[MOOD_INDEX[mood]] < 0
