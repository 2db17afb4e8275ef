"""Phrasings found in a fourth batch of real reviews (2026-11-27, eighteenth session):
the album named like its title track, and the mood a track takes away ("calm your tense
nerves"). Every text here is our own."""
from __future__ import annotations

import pytest

from models.language import MOOD_INDEX, hits_vector, tag_text

from .fixtures import moods_read as moods
from .fixtures import strongest


@pytest.mark.parametrize("opening", [
    '"Salt Roads" is a collection of twelve breathtaking, grand piano solos.',
    '"Salt Roads" is her third album, a grand and breathtaking one.',
    "Salt Roads is a collection of twelve breathtaking, grand piano solos.",
])
def test_the_album_named_like_its_title_track_is_the_album(opening):
    found = moods(f"{opening} The title track is a bittersweet, mournful waltz.",
                  "Salt Roads", "Lantern")
    assert strongest(found, "Salt Roads") in {"sad", "nostalgic"}
    # the album's words reach every track alike: the title track takes no more of them
    assert found["Salt Roads"]["epic"] <= found["Lantern"]["epic"]


def test_the_album_that_opens_with_a_track_gives_the_title_track_nothing():
    found = moods('"Salt Roads" opens with "Lantern", a gentle, tender lullaby.', "Salt Roads",
                  "Lantern")
    assert strongest(found, "Lantern") == "tender"
    assert "Salt Roads" not in found or found["Salt Roads"].get("tender", 0) < \
        found["Lantern"]["tender"] / 2


@pytest.mark.parametrize("sentence", [
    '"Salt Roads" is the title track, a grand and breathtaking piece.',
    '"Salt Roads" is the closing track of the album, grand and breathtaking.',
    '"Salt Roads" opens with a grand and breathtaking piano figure.',
    # a second reader's probe of the first version of the rule
    '"Salt Roads" is a standout cut on the record, grand and breathtaking.',
    '"Salt Roads" is the album version of the theme, grand and breathtaking.',
    '"Salt Roads" is the score at its most grand and breathtaking.',
    '"Salt Roads" was the soundtrack to my summer, grand and breathtaking.',
    '"Salt Roads" is the debut single, grand and breathtaking.',
])
def test_the_title_track_described_as_a_track_is_still_the_track(sentence):
    found = moods(f"{sentence} Lantern is calm.", "Salt Roads", "Lantern")
    assert strongest(found, "Salt Roads") == "epic"
    assert found["Lantern"].get("epic", 0) == 0


@pytest.mark.parametrize("sentence", [
    "Soft piano and oboe solos calm your tense nerves.",
    "Its slow strings ease the tension of the chase.",
    "The lullaby soothes anxious minds.",
])
def test_what_the_music_takes_away_is_not_its_mood(sentence):
    assert hits_vector(tag_text(sentence))[MOOD_INDEX["tense"]] <= 0


@pytest.mark.parametrize("sentence", [
    "A soothing, tense cue.",
    "It calms the mix, then turns tense and anxious.",
    "Settle in for a tense ride.",
    "Then, out of the calm, the tense and brutal strings arrive.",
    "As the storm eases, the tense drums return.",
])
def test_a_soothing_word_leaves_other_moods_of_its_sentence(sentence):
    assert hits_vector(tag_text(sentence))[MOOD_INDEX["tense"]] > 0


@pytest.mark.parametrize("lead", [
    "However, there are some sadder, more poignant songs, mostly instrumental.",
    "There are a few mournful, forlorn pieces too.",
])
def test_a_sentence_announcing_a_kind_of_track_leads_into_its_example(lead):
    found = moods(f'Most of the album is bright. {lead} "Lantern" is a flute and sleigh bell '
                  'melody. "Tidewater" is a slow piano piece.', "Lantern", "Tidewater")
    assert strongest(found, "Lantern") == "sad"
    assert found["Lantern"]["sad"] > 2 * found["Tidewater"].get("sad", 0)


def test_a_kind_of_track_said_in_passing_leads_into_nothing():
    found = moods('There are several upbeat, energetic tracks here, and the album is set up '
                  'to flow as one long listen. "Lantern" is a calm, laid-back number. '
                  '"Tidewater" is a slow piano piece.', "Lantern", "Tidewater")
    assert strongest(found, "Lantern") == "peaceful"
    assert found["Lantern"].get("energetic", 0) <= found["Tidewater"].get("energetic", 0)


@pytest.mark.parametrize("name", ["The album's title-track", "Its title track",
                                  "The record\u2019s title song"])
def test_the_title_track_named_as_such(name):
    found = moods(f"{name} lurches from solemn to furious and angry. Lantern is calm.",
                  "Salt Roads", "Lantern")
    assert strongest(found, "Salt Roads") == "aggressive"
    assert found["Lantern"].get("aggressive", 0) < found["Salt Roads"]["aggressive"] / 2


@pytest.mark.parametrize("such", ["are such cues", "are two such pieces", "are a case in point"])
def test_tracks_given_as_such_take_on_the_sentence_before(such):
    found = moods("Tidewater is loud. The cues are not memorable, but they are comforting and "
                  f'soothing to listen to. "Lantern" and "Copper Bells" {such}, made for late '
                  "nights.", "Lantern", "Copper Bells", "Tidewater")
    assert strongest(found, "Lantern") == strongest(found, "Copper Bells") == "peaceful"
    assert found["Lantern"]["peaceful"] > 2 * found["Tidewater"].get("peaceful", 0)


def test_such_as_an_intensifier_refers_to_nothing():
    found = moods('Tidewater is loud. The cues are comforting and soothing. "Lantern" is such '
                  "a furious, pounding track.", "Lantern", "Tidewater")
    assert strongest(found, "Lantern") == "aggressive"
    tracks_that = moods('The cues are comforting and soothing. "Lantern" and "Copper Bells" are '
                        "such tracks that you need a rest after them. Tidewater is slow.",
                        "Lantern", "Copper Bells", "Tidewater")
    assert tracks_that["Lantern"]["peaceful"] < 0.6  # the album's share, not 0.8 of it


@pytest.mark.parametrize("text, mood", [
    ('There are some slower, sadder songs on side two. "Lantern", the opener, is pure joy.',
     "joyful"),
    ('There are many upbeat, energetic songs. "Lantern", however, is a slow, sad lament.',
     "sad"),
    ('There are a few sad songs, I suppose. "Lantern" is not one of them: it is joyful and '
     "bouncy.", "joyful"),
    ('There are some joyful tracks, and some sad ones. "Lantern" is a tender lullaby.',
     "tender"),
])
def test_a_counterexample_after_an_announcement_keeps_its_own_mood(text, mood):
    found = moods(text + ' "Tidewater" is a slow piano piece.', "Lantern", "Tidewater")
    assert strongest(found, "Lantern") == mood


def test_a_track_described_as_a_record_of_something_is_still_the_track():
    """Only the work's own name can be the work: "Lantern is a mournful record of
    grief" is the track Lantern (its words went to Tidewater)."""
    found = moods("Tidewater is calm and gentle. Lantern is a mournful record of grief, slow "
                  "and sad.", "Lantern", "Tidewater")
    assert strongest(found, "Lantern") == "sad" and strongest(found, "Tidewater") == "peaceful"


def test_the_album_said_to_open_with_a_track_takes_its_words_from_the_title_track():
    found = moods('Furious and stormy from start to end, "Salt Roads" opens with "Lantern". '
                  "Ferryman is calm.", "Salt Roads", "Lantern", "Ferryman")
    assert found.get("Salt Roads", {}).get("aggressive", 0) <= found["Lantern"]["aggressive"]


def test_a_near_spelling_of_the_album_said_to_be_a_work_is_the_album():
    found = moods('"Salt Road" is a collection of twelve breathtaking, grand piano solos. The '
                  "title track is a bittersweet, mournful waltz.", "Salt Roads", "Lantern")
    assert strongest(found, "Salt Roads") in {"sad", "nostalgic"}


@pytest.mark.parametrize("title", ["Never Again", "No Light", "Don't Go", "Instead"])
def test_a_title_with_a_word_of_denial_can_still_be_the_example(title):
    found = moods(f'There are a few mournful, forlorn pieces too. "{title}" is a flute melody, '
                  'never hurried. "Tidewater" is a slow piano piece.', title, "Tidewater")
    assert found[title]["sad"] > 1.5 * found["Tidewater"].get("sad", 0)


def test_a_calm_adjective_is_no_soothing_verb():
    assert hits_vector(tag_text("The piano stays calm this tense night."))[
        MOOD_INDEX["tense"]] > 0


def test_the_score_at_its_most_is_the_track_with_a_comma_too():
    found = moods('"Salt Roads" is the score, at its most grand and breathtaking. Lantern is '
                  "calm.", "Salt Roads", "Lantern")
    assert strongest(found, "Salt Roads") == "epic" and found["Lantern"].get("epic", 0) == 0
