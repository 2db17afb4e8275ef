"""Misses of blind batches 35 and 36 that general rules now read (2026-11-30).

A clause opening on "just / only / more / rather" corrects the denial before it ("not
angry, just hurt"); a "they" after people (patrons, buyers ...) is those people, not
several tracks; "It's 'B' after the argument" is the track under discussion as B later
on, so what follows is its own.  Every text here is our own."""
from __future__ import annotations

import pytest

from models.language import find_mentions, load_lexicon, tag_text

from .fixtures import moods_read as moods
from .fixtures import pairs_read as pairs

TRACKS = ("Lowland", "Copper Sky", "Sleepwalker", "Iron Gate")


def top3(found: dict[str, float]) -> list[str]:
    """The three moods a track's reading scores highest."""
    return sorted(found, key=found.get, reverse=True)[:3]


def signed(text: str) -> dict[str, float]:
    """Each mood word of ``text`` and the sign it is read with."""
    return {h.phrase.lower(): h.weight for h in tag_text(text, load_lexicon())}


@pytest.mark.parametrize("text", ["not angry, just hurt", "Not angry, only hurt.",
                                  "never angry, merely hurt", "not angry, more hurt"])
def test_a_correcting_clause_after_a_denial_is_affirmed(text):
    read = signed(text)
    assert read["angry"] < 0 < read["hurt"]


@pytest.mark.parametrize("text", ["not angry or hurt", "not angry and hurt",
                                  "not just angry", "not angry, hurt or sad"])
def test_a_denial_still_reaches_what_no_correction_opens(text):
    read = signed(text)
    assert read["angry"] < 0 if "just" not in text else read["angry"] > 0
    if "hurt" in read:
        assert read["hurt"] < 0


@pytest.mark.parametrize("sentence", ["Two patrons clapping (they said so).",
                                      "Buyers have said they love it."])
def test_they_after_people_is_those_people(sentence):
    found = moods(f"Lowland is slow.\n\nCopper Sky is lonely. {sentence} Cheerful and bright.",
                  *TRACKS)
    assert "joyful" in top3(found["Copper Sky"])
    assert "Sleepwalker" not in found  # nothing went to the whole album


@pytest.mark.parametrize("sentence", ["They are both cheerful and bright.",
                                      "These tracks are cheerful and bright."])
def test_they_without_people_is_several_tracks(sentence):
    found = moods(f"Lowland is slow.\n\nCopper Sky is lonely. {sentence}", *TRACKS)
    assert "joyful" in top3(found["Sleepwalker"])


def test_hand_holding_is_romantic():
    assert "romantic" in top3(moods("Lowland: hand-holding in the rain.", *TRACKS)["Lowland"])


def test_what_follows_b_after_an_event_is_the_subjects_own():
    text = ("Copper Sky is romantic, slow kisses and holding hands.\n\nLowland - not angry, "
            "just hurt. It's Copper Sky after the argument: nobody is holding hands now.")
    found = moods(text, *TRACKS)
    assert top3(found["Copper Sky"])[0] == "romantic"
    assert top3(found["Lowland"])[0] == "sad"
    assert frozenset(("Lowland", "Copper Sky")) in pairs(text, *TRACKS)


def test_b_after_a_time_is_not_remade():
    text = "Lowland is sad. Copper Sky comes after the bridge, bright and cheerful."
    found = moods(text, *TRACKS)
    assert "joyful" in top3(found["Copper Sky"])
    assert "joyful" not in top3(found["Lowland"])


@pytest.mark.parametrize("text", ["Not suitable for people who want excitement.",
                                  "Not recommended for anyone who needs excitement.",
                                  "It's not for listeners who want some excitement."])
def test_not_suitable_for_those_who_want_a_mood_rules_it_out(text):
    assert signed(text)["excitement"] < 0


@pytest.mark.parametrize("text", ["Great for people who want excitement.",
                                  "Perfect for anyone who needs excitement.",
                                  "Not long, but for people who want excitement, ideal."])
def test_suitable_for_those_who_want_a_mood_affirms_it(text):
    assert signed(text)["excitement"] > 0


def test_a_mood_denied_by_name_is_no_side_mood_of_the_sentences_other_words():
    text = ("Lowland. Not sad exactly, more wistful: a piano slower and slower as the "
            "rooms empty.")
    found = moods(text, *TRACKS)
    assert "sad" not in top3(found["Lowland"])
    assert "nostalgic" in top3(found["Lowland"])


def test_a_word_that_mainly_says_the_denied_mood_keeps_it():
    # "tearful" mainly says sad: the writer contradicts the denial, and both stand
    found = moods("Lowland: not sad, no, but tearful and mournful.", *TRACKS)
    assert "sad" in top3(found["Lowland"])


def test_without_a_denial_side_moods_stand():
    found = moods("Lowland: wistful, a piano slower and slower as the rooms empty.", *TRACKS)
    assert "sad" in top3(found["Lowland"])


@pytest.mark.parametrize("text", ["Take when you miss somewhere.", "For when you miss home.",
                                  "It is the sound of missing home."])
def test_missing_a_place_is_nostalgic(text):
    assert "nostalgic" in top3(moods(f"Lowland. {text}", *TRACKS)["Lowland"])


@pytest.mark.parametrize("text", ["I miss you.", "You will miss the bus."])
def test_missing_a_person_or_a_bus_is_no_place_missed(text):
    assert "missing home" not in {h.entry.headword for h in tag_text(text, load_lexicon())}


PARTS = ("Lowland", "Hinge (Part 1)", "Hinge (Part 2)", "Iron Gate")


@pytest.mark.parametrize("second", ["Part 2 triumphant", "Pt. 2 triumphant",
                                    "Part II triumphant"])
def test_a_single_pieces_part_is_named_by_its_number(second):
    text = f"Hinge (Part 1) and Hinge (Part 2). Part 1 is fidgety and uneasy, {second}."
    found = moods(text, *PARTS)
    assert top3(found["Hinge (Part 1)"])[0] == "tense"
    assert top3(found["Hinge (Part 2)"])[0] == "epic"


def test_parts_of_two_pieces_are_not_named_by_number_alone():
    titles = ("Hinge (Part 1)", "Hinge (Part 2)", "Door (Part 1)", "Door (Part 2)")
    found = moods("Part 1 is fidgety and uneasy, Part 2 triumphant.", *titles)
    assert found["Hinge (Part 1)"] == found["Door (Part 1)"]


@pytest.mark.parametrize("titles", [TRACKS, ("Lowland", "Hinge (Part 1)", "Iron Gate")])
def test_part_of_the_film_names_no_track_without_a_pieces_parts(titles):
    assert not find_mentions("Part 1 of the film is tense and uneasy.", titles)


WORK = ("Lowland", "Salt Roads (Reprise)", "Salt Roads", "Iron Gate")


def test_the_works_name_itself_after_its_reprise_is_the_title_track():
    text = ("Salt Roads (Reprise) is slow and hopeful.\n\nSalt Roads itself goes to the "
            "choir, who called it grand and stirring.")
    found = moods(text, *WORK)
    assert top3(found["Salt Roads"])[0] == "epic"
    assert "epic" not in top3(found.get("Lowland", {}))


@pytest.mark.parametrize("text", [
    # no track under discussion: the work itself
    "Salt Roads itself is grand and stirring.",
    # the name without "itself" stays the work
    "Salt Roads (Reprise) is slow and hopeful.\n\nSalt Roads is grand and stirring.",
])
def test_the_works_name_otherwise_stays_the_work(text):
    found = moods(text, *WORK)
    assert found.get("Salt Roads") == found.get("Lowland")


@pytest.mark.parametrize("text", ["It ticks like something is standing behind you.",
                                  "It feels like someone watching you from the hall."])
def test_a_presence_behind_you_is_eerie_and_tense(text):
    assert set(top3(moods(f"Lowland. {text}", *TRACKS)["Lowland"])[:2]) == {"eerie", "tense"}


def test_standing_behind_a_friend_is_no_presence():
    assert not tag_text("I am standing behind my friend.", load_lexicon())
