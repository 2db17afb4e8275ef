"""Phrasings found by a third batch of reviews written blind (2026-11-27): running
times after track headings, a track described as a rework of another, stated tempos,
idioms of drive and of hope, likeness of degree. Every text here is our own."""
from __future__ import annotations

import pytest

from models.build import SOUND, analyse_moods, reading_audit, sound_votes
from models.language import Review, load_lexicon, tempo_words

from .fixtures import moods_read as moods
from .fixtures import salt_roads as catalog
from .fixtures import strongest


@pytest.mark.parametrize("time", ["(4:12)", "[4:12]", "(1:04:12)", "\u2013 4:12", "(4'12\")"])
def test_a_heading_with_a_running_time_heads_its_section(time):
    found = moods(f"Notes on each cue.\n\n1. Lantern {time}\n\nA mournful, forlorn crawl.\n\n"
                  f"2. Tidewater {time}\n\nMenacing and tense, it never settles.\n\n"
                  f"3. Copper Bells {time}\n\nGiddy, cheerful and bouncy.")
    assert strongest(found, "Lantern") == "sad"
    assert strongest(found, "Tidewater") == "tense"
    assert strongest(found, "Copper Bells") == "joyful"


@pytest.mark.parametrize("relation", ["is basically", "is essentially", "is just",
                                      "is a reworking of", "takes the melody of",
                                      "sounds like"])
def test_words_after_the_track_a_track_reworks_describe_the_subject(relation):
    found = moods(f'"Lantern" is mournful and forlorn. "Copper Bells" {relation} "Lantern" '
                  "with drums and the tempo up, giddy, cheerful and bouncy.")
    assert strongest(found, "Copper Bells") == "joyful"
    assert strongest(found, "Lantern") == "sad"


@pytest.mark.parametrize("sentence", [
    '"Lantern" is followed by "Tidewater", menacing and tense.',
    '"Lantern" takes a while to get going before "Tidewater" turns menacing and tense.',
    '"Lantern" fades out just as "Tidewater" kicks in, menacing and tense.',
    '"Lantern" is pleasant, but I just adore "Tidewater" and its menacing, tense pulse.',
    '"Lantern" is pretty; fans who like "Tidewater" will find it menacing and tense.',
    '"Lantern" is pretty, though the album takes off with "Tidewater", menacing and tense.',
    '"Lantern" reworks "Tidewater", the album\'s most menacing and tense cue.',
])
def test_words_after_a_track_that_follows_still_describe_that_track(sentence):
    found = moods(sentence)
    assert strongest(found, "Tidewater") == "tense"
    assert "Lantern" not in found or found["Lantern"].get("tense", 0) == 0


@pytest.mark.parametrize("words, pace", [(["160bpm"], "fast"), (["160", "bpm"], "fast"),
                                         (["70", "bpm"], "slow"), (["100", "bpm"], ""),
                                         (["160", "minutes"], "160"),
                                         (["000", "bpm"], "000"),  # "1,000 bpm"
                                         (["1000", "bpm"], "1000")])
def test_a_stated_tempo_reads_as_a_pace_word(words, pace):
    assert tempo_words(words)[0] == pace


def test_a_heart_rate_is_no_tempo():
    words = ["my", "heart", "rate", "hit", "160", "bpm"]
    assert tempo_words(words) == words


def test_a_stated_tempo_drives_the_mood_and_the_sound():
    found = moods('"Tidewater" is arpeggiators going at like 160bpm.')
    assert strongest(found, "Tidewater") == "energetic"
    votes, counts = sound_votes("arpeggios going at 160 bpm", score=False)
    assert votes[SOUND.index("tempo")] > 0 and counts[SOUND.index("tempo")] == 1
    slow, _ = sound_votes("a dirge at 60 bpm", score=False)
    assert slow[SOUND.index("tempo")] < 0


@pytest.mark.parametrize("said", ["has a kick drum that just doesn't let up",
                                  "never lets up", "does not let up for six minutes"])
def test_a_track_that_does_not_let_up_is_energetic(said):
    found = moods(f'"Tidewater" {said}.')
    assert strongest(found, "Tidewater") == "energetic"


def test_the_fog_lifting_is_hopeful():
    found = moods('"Morning Ferry" is the closer, and there is a sense that the fog is lifting.')
    assert strongest(found, "Morning Ferry") == "hopeful"


def _comparisons(text: str) -> list:
    cat = catalog()
    analysis = analyse_moods(cat, [Review(text=text, album="Salt Roads")], load_lexicon())
    return reading_audit(analysis, cat.tracks)["comparisons"]


@pytest.mark.parametrize("likeness, alike", [("is every bit as tender as", True),
                                             ("is just as tender as", True),
                                             ("is not as tender as", False),
                                             ("is twice as loud as", False),
                                             ("is nowhere near as bleak as", False),
                                             ("is as good as", False),
                                             ("is as calm as", True),
                                             ("is just as good as", False),
                                             ("is on the album as well as", False)])
def test_a_likeness_of_degree_is_a_comparison(likeness, alike):
    found = _comparisons(f'"Lantern" is tender and fragile. "Tidewater" {likeness} "Lantern".')
    assert bool(found) is alike


@pytest.mark.parametrize("said, lonely", [
    ("sounds like being the only person awake in a building", True),
    ("is the only one left off the original vinyl pressing", False),
])
def test_the_only_one_awake_is_lonely_and_a_track_left_off_is_not(said, lonely):
    found = moods(f'"Tidewater" {said}.')
    assert (found.get("Tidewater", {}).get("lonely", 0) > 0) is lonely


def test_a_transcripts_turns_go_on_about_the_track_asked_about():
    """A podcast transcript: every answer is a new paragraph opening with its speaker,
    and a short answer ("GUEST: Oh, it's thrilling.") was read as a heading."""
    found = moods("HOST: Welcome back. Today, the Salt Roads score.\n\n"
                  "GUEST: It is a colder record than the last one.\n\n"
                  "HOST: Then 'Tidewater'.\n\n"
                  "GUEST: Oh, it's menacing.\n\n"
                  "HOST: Really?\n\n"
                  "GUEST: Tense all the way through, with a pulse that never settles.\n\n"
                  "HOST: And 'Lantern'?\n\n"
                  "GUEST: Mournful and forlorn. I cried.")
    assert strongest(found, "Tidewater") == "tense"
    assert strongest(found, "Lantern") == "sad"
    assert found["Tidewater"].get("sad", 0) < found["Tidewater"]["tense"]


def test_a_label_that_opens_one_line_is_no_speaker():
    """'Verdict: ...' once, after the tracks, is the album's, not the last track's."""
    found = moods('"Tidewater" is menacing and tense.\n\nVerdict: a mournful, forlorn record.')
    assert strongest(found, "Tidewater") == "tense"


def test_what_the_writer_resisted_is_not_the_tracks_mood():
    found = moods('"Morning Ferry": I resisted writing a happy ending, but the melody climbs; '
                  "hopeful.")
    assert strongest(found, "Morning Ferry") == "hopeful"
    assert found["Morning Ferry"].get("joyful", 0) <= 0


@pytest.mark.parametrize("said", ['the press release calls it "haunting"',
                                  "the label billed it as 'haunting'"])
def test_a_mood_someone_else_is_quoted_using_is_not_the_reviewers(said):
    found = moods(f'"Tidewater" is what {said}. Bland, four chords on a loop.')
    own = moods('"Tidewater" is "haunting". Bland, four chords on a loop.')
    assert found["Tidewater"].get("eerie", 0) < 0.2 * own["Tidewater"]["eerie"]


def test_the_album_share_does_not_bring_back_a_mood_a_track_is_said_not_to_have():
    found = moods("The album is giddy, cheerful, sunny, joyous and bouncy throughout, a "
                  'celebration.\n\n"Lantern": I resisted a cheerful ending. Hopeful.')
    assert strongest(found, "Copper Bells") == "joyful"  # the album's words reach the rest
    assert found["Lantern"].get("joyful", 0) <= 0 and strongest(found, "Lantern") == "hopeful"
