"""Review reading that generalises (issue 11): one test per failure class, in our own
sentences; plus the audit output and the development-set targets."""
from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from models.build import analyse_moods, reading_audit
from models.ingest import Catalog, Track
from models.language import (
    MOOD_INDEX,
    Review,
    ReviewLinker,
    find_mentions,
    hits_vector,
    load_lexicon,
    tag_text,
)

from .fixtures import HER_REVIEW, ROOT, SHARED, needs_shared

DEV = SHARED / "reviews" / "dev"


def album(*titles: str, name: str = "Glass Harbour") -> Catalog:
    return Catalog([Track(id=f"t{i}", title=t, artist="A", album=name)
                    for i, t in enumerate(titles)])


def read(catalog: Catalog, text: str):
    album_name = catalog.tracks[0].album
    return analyse_moods(catalog, [Review(text=text, album=album_name)], load_lexicon())


def score(analysis, row: int, mood: str) -> float:
    return float(analysis.profiles[row].scores[MOOD_INDEX[mood]])


def mood_of(text: str, **kw) -> np.ndarray:
    return hits_vector(tag_text(text, **kw))


# -- missing mood words: curated headwords and regular derivations -------------------

@pytest.mark.parametrize("phrase, mood", [
    ("an unnerving pulse", "tense"), ("a portentous brass chord", "tense"),
    ("a queasy synth", "eerie"), ("a subdued coda", "peaceful"),
    ("a broody cello", "sad"), ("a huge finale", "epic"), ("an opulent waltz", "epic"),
    ("a sense of relief", "hopeful"), ("a mechanical loop", "energetic"),
])
def test_words_reviewers_use_are_mood_words(phrase, mood):
    assert mood_of(phrase)[MOOD_INDEX[mood]] > 0


@pytest.mark.parametrize("derived, base", [
    ("the cello sings melancholically", "melancholic"), ("a quirkier middle", "quirky"),
    ("it ends moodily", "moody"), ("the harshest of them", "harsh"),
    ("sadder than before", "sad"), ("pure tranquility", "tranquil"),
])
def test_regular_derivations_read_like_their_base(derived, base):
    got = mood_of(derived)
    assert got.any() and np.argmax(got) == np.argmax(mood_of(base))


def test_verb_endings_are_not_derived():
    # "reflected" is not "reflective", "starting" is not a mood
    assert not mood_of("the light reflected on the water").any()


# -- names are not moods ------------------------------------------------------------

def test_capitalised_names_mid_sentence_are_not_moods():
    text = "Before this he scored Ghosts, Journey and Angels for the same studio."
    assert not mood_of(text, skip_names=True).any()
    assert mood_of("ghosts drift through the piece", skip_names=True)[MOOD_INDEX["eerie"]] > 0


def test_the_readers_feelings_are_not_the_musics():
    assert mood_of("you will love this record")[MOOD_INDEX["romantic"]] == 0
    assert mood_of("I hate to say it, but")[MOOD_INDEX["aggressive"]] == 0
    assert mood_of("a love theme for strings")[MOOD_INDEX["romantic"]] > 0


def test_the_albums_own_name_is_not_a_mood():
    catalog = album("Lantern", "Ghost Light", name="Lonely Planets")
    analysis = read(catalog, "Lonely Planets is the composer's fourth record. "
                             "\u201cLantern\u201d is warm and tender.")
    assert score(analysis, 0, "lonely") == 0 and score(analysis, 0, "tender") > 0


def test_headings_and_metadata_lines_say_nothing():
    catalog = album("Lantern", "Ghost Light")
    text = "Dark Angels Rising\n\nRunning Time: 41 min.\n\n\u201cLantern\u201d is gentle."
    analysis = read(catalog, text)
    assert score(analysis, 0, "eerie") == 0 and score(analysis, 0, "tender") > 0


# -- which words belong to which title ----------------------------------------------

def test_words_before_a_title_belong_to_it():
    catalog = album("Is It Me?", "Meteor")
    analysis = read(catalog, "The soulful piano of 'Is It Me?' gives way to the driving "
                             "'Meteor'.")
    assert score(analysis, 0, "energetic") < score(analysis, 1, "energetic")
    assert score(analysis, 1, "romantic") < score(analysis, 0, "romantic")


def test_a_shared_description_goes_to_every_title():
    catalog = album("Ash", "Birch", "Cedar")
    analysis = read(catalog, "\u201cAsh\u201d and \u201cBirch\u201d rest on a "
                             "heart-wrenching melody.")
    assert score(analysis, 0, "sad") > 0.3 and score(analysis, 1, "sad") > 0.3


def test_album_sentences_go_to_the_album_not_the_last_title():
    catalog = album("Ash", "Birch")
    text = "\u201cAsh\u201d is bright and cheerful. The album as a whole is bleak."
    passages = ReviewLinker(catalog.tracks).passages(Review(text=text, album="Glass Harbour"))
    last = passages[-1]
    assert last.rows == (0, 1) and last.weight < 0.5


def test_album_sentences_weigh_less_on_a_track_the_review_describes():
    catalog = album("Ash", "Birch")
    for track in catalog.tracks:
        track.features = {"valence": 0.5, "energy": 0.5}
    analysis = read(catalog, "\u201cAsh\u201d is bright and cheerful. The album as a whole "
                             "is bleak. The record is bleak and gloomy throughout.")
    assert analysis.profiles[0].top(1) == ["joyful"]
    assert 0 < score(analysis, 0, "sad") < score(analysis, 1, "sad")


def test_a_lead_in_goes_forward_to_the_next_title():
    catalog = album("Ash", "Birch")
    analysis = read(catalog, "\u201cAsh\u201d is cheerful. Next comes something far "
                             "gloomier. \u201cBirch\u201d opens on a low drone.")
    assert score(analysis, 0, "sad") == 0 and score(analysis, 1, "sad") > 0


def test_a_heading_puts_its_section_under_the_track():
    catalog = album("Ash", "Birch")
    text = "Ash:\n\nThis one is bleak and slow.\n\nBirch:\n\nNow everything is playful."
    analysis = read(catalog, text)
    assert score(analysis, 0, "sad") > 0 and score(analysis, 1, "sad") == 0
    assert score(analysis, 1, "playful") > score(analysis, 0, "playful")


def test_a_track_list_is_not_a_section():
    catalog = album("Ash Tree", "Birch Wood")
    text = "Ash Tree\nBirch Wood\n\nThe whole thing is bleak and slow."
    passages = ReviewLinker(catalog.tracks).passages(Review(text=text, album="Glass Harbour"))
    assert [p.rows for p in passages] == [(0, 1)] and passages[0].weight < 0.5


def test_literal_words_in_another_tracks_clause_stay_there():
    catalog = album("Ash", "Birch")
    analysis = read(catalog, "\u201cAsh\u201d is tender, while \u201cBirch\u201d is "
                             "mostly silence.")
    assert score(analysis, 0, "lonely") == 0 and score(analysis, 1, "lonely") > 0


def test_verb_uses_of_mood_words_are_not_moods():
    assert mood_of("the engineer tries to calm the mix")[MOOD_INDEX["peaceful"]] == 0
    assert mood_of("a calm and quiet piece")[MOOD_INDEX["peaceful"]] > 0


# -- titles made only of stopwords, misspelt titles ----------------------------------

def test_stopword_titles_are_found_when_quoted():
    titles = ["On We March", "Is It Me?"]
    found = find_mentions("Then \u201cOn We March\u201d and 'Is It Me?' close it.", titles)
    assert [m.track for m in found] == [0, 1]
    assert find_mentions("so is it me, or the mix?", titles) == []


def test_possessive_is_not_a_closing_quote():
    """The "\u2019" of "lantern\u2019s" does not quote a lower-case word into a title."""
    assert find_mentions("the heart of lantern\u2019s theme", ["Lantern"]) == []


def test_a_title_in_the_possessive_is_a_mention_without_its_s():
    text = "The opener Sleepwalker's strings ache; Harbour Lights\u2019 piano does not."
    found = find_mentions(text, ["Sleepwalker", "Harbour Lights"])
    assert [(m.track, text[m.start:m.end]) for m in found] == \
        [(0, "Sleepwalker"), (1, "Harbour Lights")]


def test_quoted_misspelt_title_is_found():
    found = find_mentions("the hazy \u201cHarbour Light\u201d drifts", ["Harbor Lights"])
    assert [m.track for m in found] == [0]


# -- comparisons, precision first ------------------------------------------------------

def pairs(analysis) -> set[frozenset[int]]:
    return {frozenset((c.subject, c.other)) for c in analysis.comparisons}


def test_like_as_such_as_is_not_a_comparison():
    catalog = album("Ash", "Birch", "Cedar")
    analysis = read(catalog, "Tracks like \u201cAsh\u201d and \u201cBirch\u201d chug along "
                             "happily, but the rest drifts.")
    assert pairs(analysis) == set()


def test_comparison_with_something_outside_the_catalog_links_nothing():
    catalog = album("Ash", "Birch")
    analysis = read(catalog, "\u201cBirch\u201d is gentle. \u201cAsh\u201d sounds like a "
                             "lost Portishead single, only darker.")
    assert pairs(analysis) == set()


def test_anaphoric_comparison_with_the_track_just_discussed():
    catalog = album("Ash", "Birch", "Cedar")
    analysis = read(catalog, "\u201cAsh\u201d is bleak and lonely. \u201cBirch\u201d "
                             "continues in a similar vein, with more piano.")
    assert pairs(analysis) == {frozenset((0, 1))}
    analysis = read(catalog, "\u201cAsh\u201d is tense. The drums in \u201cCedar\u201d are "
                             "equally unsettling.")
    assert pairs(analysis) == {frozenset((0, 2))}


@pytest.mark.parametrize("sentence", [
    "\u201cDrift\u201d is the second most kinetic track after \u201cPulse\u201d.",
    "\u201cDrift\u201d brings back the melody of \u201cPulse\u201d, slower.",
    "\u201cDrift\u201d returns to the figure that opened \u201cPulse\u201d.",
])
def test_comparisons_that_name_the_other_track(sentence):
    catalog = album("Drift", "Pulse", "Cedar")
    assert pairs(read(catalog, sentence)) == {frozenset((0, 1))}


def test_same_goes_for_every_title_that_follows():
    catalog = album("Ash", "Birch", "Cedar")
    analysis = read(catalog, "\u201cAsh\u201d is hazy and calm. The same goes for the "
                             "next two, the soft \u201cBirch\u201d and the sleepy "
                             "\u201cCedar\u201d.")
    assert pairs(analysis) == {frozenset((0, 1)), frozenset((0, 2))}


def test_main_theme_references_link_to_the_main_theme():
    catalog = album("Ash", "Birch", "Cedar")
    text = ("The record opens with \u201cAsh\u201d, the main theme, all lonely piano. "
            "Later the frantic \u201cCedar\u201d brings back the main theme on brass.")
    assert pairs(read(catalog, text)) == {frozenset((0, 2))}


def test_two_titles_that_both_share_a_description_are_alike():
    catalog = album("Ash", "Birch", "Cedar")
    analysis = read(catalog, "\u201cAsh\u201d and \u201cBirch\u201d both have a hazy, "
                             "weightless feel.")
    assert pairs(analysis) == {frozenset((0, 1))}


def test_the_title_track_is_the_track_named_like_the_album():
    catalog = album("Ash", "Glass Harbour", name="Glass Harbour")
    analysis = read(catalog, "Ominous drones (\u201cAsh,\u201d the title track) open it.")
    assert score(analysis, 1, "tense") > 0


# -- audit -------------------------------------------------------------------------------

def test_reading_audit_lists_passages_and_comparisons():
    catalog = album("Ash", "Birch")
    text = "\u201cAsh\u201d is lonely. \u201cBirch\u201d continues in a similar vein."
    audit = reading_audit(read(catalog, text), catalog.tracks)
    first = audit["passages"][0]
    assert set(first) == {"start", "end", "tracks", "weight", "source"}
    assert text[first["start"]:first["end"]].startswith("\u201cAsh") and first["tracks"] == ["t0"]
    assert audit["comparisons"][0]["track"] == "t1" and audit["comparisons"][0]["other"] == "t0"
    assert "similar vein" in audit["comparisons"][0]["sentence"]


# -- kept behaviour and the development set ---------------------------------------------

def test_title_words_like_beach_are_not_evidence():
    catalog = album("Song on the Beach", "Ash")
    analysis = read(catalog, "\u201cSong on the Beach\u201d closes the record on a "
                             "hushed piano.")
    phrases = {e.phrase.lower() for ev in analysis.profiles[0].evidence.values() for e in ev}
    assert "beach" not in phrases and score(analysis, 0, "joyful") < 0.2


@needs_shared
def test_the_her_review_still_reads_every_track():
    titles = ["Sleepwalker", "Some Other Places", "Photograph", "We're All Leaving",
              "Dimensions", "Loneliness #3 (Night Talking)", "Song on the Beach"]
    catalog = album(*titles, name="Score")
    analysis = read(catalog, HER_REVIEW.read_text(encoding="utf-8"))
    tops = {t: p.top(3) for t, p in zip(titles, analysis.profiles)}
    assert "curious" in tops["Sleepwalker"] and "romantic" in tops["Some Other Places"]
    assert "tense" in tops["Photograph"] and "lonely" in tops["We're All Leaving"]
    beach = analysis.profiles[titles.index("Song on the Beach")]
    assert not any(e.phrase.lower() == "beach" for ev in beach.evidence.values() for e in ev)


@pytest.mark.skipif(not (DEV / "gold.json").is_file(),
                    reason="needs the development reviews in ../shared/data/reviews/dev "
                           "(present in CI, absent in a plain clone)")
def test_development_set_meets_the_targets():
    results = _review_eval().evaluate(DEV)
    total = {k: sum(r[k] for r in results) for k in ("tracks", "moody", "hit", "found",
                                                       "gold_cmp", "cmp_found", "asserted")}
    false = sum(len(r["false"]) for r in results)
    assert total["hit"] >= 0.9 * total["moody"]
    assert total["found"] >= 0.95 * total["tracks"]
    assert total["cmp_found"] >= 0.6 * total["gold_cmp"]
    assert false <= 0.1 * max(total["asserted"], 1)


def _review_eval():
    spec = importlib.util.spec_from_file_location("review_eval",
                                                  ROOT / "bench" / "review_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_our_own_review_set_meets_the_targets():
    """The reviews the project wrote to probe the reader (272: negation, contrast,
    common-word titles, headings, lower case, then blind batches in many voices; see
    tests/data/reviews_own/README.md): the same targets, and a mood the text
    rules out ("not sad at all") in the top 3 of at most a tenth of the tracks that
    have one."""
    results = _review_eval().evaluate(ROOT / "tests" / "data" / "reviews_own")
    total = {k: sum(r[k] for r in results) for k in ("tracks", "moody", "hit", "found",
                                                       "asserted", "ruled", "ruled_in")}
    assert total["tracks"] == 1631 and total["moody"] == 1541
    assert total["hit"] >= 0.9 * total["moody"]
    assert total["found"] >= 0.95 * total["tracks"]
    assert sum(len(r["false"]) for r in results) <= 0.1 * max(total["asserted"], 1)
    assert total["ruled_in"] <= 0.1 * total["ruled"]
