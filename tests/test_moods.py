"""Mood tagging v1: lexicon, negation, contrast, attribution, profiles."""
from __future__ import annotations

import numpy as np
import pytest

from models.build import mood_profiles
from models.errors import CatalogError
from models.ingest import Catalog, Track, load_review_jsonl
from models.language import (
    MOOD_INDEX,
    MOODS,
    MoodAccumulator,
    Review,
    ReviewLinker,
    finish,
    hits_vector,
    is_about_music,
    load_lexicon,
    sentences,
    tag_text,
)

from .fixtures import HER_REVIEW, needs_shared


def mood_of(text: str) -> np.ndarray:
    return hits_vector(tag_text(text))


def test_vocabulary_has_sixteen_moods_with_prototypes():
    lexicon = load_lexicon()
    assert len(MOODS) == 16 and lexicon.prototypes.shape == (16, 2)
    assert np.all(np.abs(lexicon.prototypes) <= 1)
    assert lexicon.lookup(("lonely",)) is not None
    assert lexicon.lookup(("loneliness",)) is not None


def test_negation_flips_a_mood():
    assert mood_of("a hopeful melody")[MOOD_INDEX["hopeful"]] > 0
    assert mood_of("it is not hopeful")[MOOD_INDEX["hopeful"]] < 0
    assert mood_of("never feels lonely")[MOOD_INDEX["lonely"]] < 0


def test_intensifier_and_hedge_scale_a_mood():
    plain = mood_of("a lonely song")[MOOD_INDEX["lonely"]]
    assert mood_of("a deeply lonely song")[MOOD_INDEX["lonely"]] > plain
    assert 0 < mood_of("an almost lonely song")[MOOD_INDEX["lonely"]] < plain


@pytest.mark.parametrize("text, kept, set_aside", [
    ("peaceful rather than sad", "peaceful", "sad"),
    ("desolate more than frightening", "lonely", "tense"),
    ("more wistful than sad", "nostalgic", "sad"),
    ("tender instead of triumphant", "tender", "epic"),
    ("it is less than joyful", None, "joyful"),
])
def test_the_mood_set_aside_by_than_or_instead_of_counts_against(text, kept, set_aside):
    """"peaceful rather than sad" read as sad too."""
    moods = mood_of(text)
    assert moods[MOOD_INDEX[set_aside]] < 0
    assert kept is None or moods[MOOD_INDEX[kept]] > 0


@pytest.mark.parametrize("text, mood", [
    ("lighter in texture but no less mournful", "sad"),
    ("not only sad but also tender", "sad"),
    ("nothing less than triumphant", "epic"),
    ("it is more than sad", "sad"),
])
def test_emphasis_that_starts_with_no_or_not_is_no_negation(text, mood):
    assert mood_of(text)[MOOD_INDEX[mood]] > 0


@pytest.mark.parametrize("text, mood", [
    ("rarely menacing", "tense"), ("seldom sad", "sad"), ("scarcely joyful", "joyful"),
    ("it avoids being sad", "sad"), ("it refuses to be gloomy", "sad"),
    ("it stops short of being menacing", "tense"),
])
def test_weak_negation_and_avoidance_count_against(text, mood):
    assert mood_of(text)[MOOD_INDEX[mood]] < 0


def test_avoidance_reaches_only_the_words_near_it():
    assert mood_of("the score avoids melodrama and feels tender")[MOOD_INDEX["tender"]] > 0


@pytest.mark.parametrize("text, mood", [
    ("it is warmer than before and hopeful", "hopeful"),
    ("it is even sadder than the gloomy opener", "sad"),
    ("nothing short of joyous", "joyful"), ("little short of euphoric", "joyful"),
    ("it rarely lets up, tense and driving", "tense"),
    ("it avoids sentimentality, staying tender throughout", "tender"),
    ("it eschews bombast for tender intimacy", "tender"),
    ("the strings swell with scarcely contained joy", "joyful"),
    ("at least it ends hopeful", "hopeful"),
])
def test_negators_and_than_keep_to_their_own_words(text, mood):
    """Found by a review of the rules above: "than" reached past "and", the new
    negators past commas and "for", "at least" hedged."""
    assert mood_of(text)[MOOD_INDEX[mood]] > 0
    assert mood_of("at least it ends hopeful")[MOOD_INDEX["hopeful"]] == \
        mood_of("it ends hopeful")[MOOD_INDEX["hopeful"]]


def test_a_contrast_word_set_off_by_commas_does_not_stop_a_negation():
    """"It is not, however, sad" read as sad (x1.3)."""
    assert mood_of("it is not, however, sad")[MOOD_INDEX["sad"]] < 0
    assert mood_of("it is, however, sad")[MOOD_INDEX["sad"]] > 0


def test_rather_than_sets_aside_a_mood_with_its_noun_and_technical_words_are_no_moods():
    weights = {h.phrase: h.weight for h in tag_text("a haunting piece rather than a spooky one")}
    assert weights["haunting"] > 0 > weights["spooky"]
    assert not mood_of("the harmony shifts, slowed to half speed").any()


def test_capital_initials_do_not_end_a_sentence():
    text = '"The 3 A.M. Call" is tense. It was 3 a.m. The end came.'
    assert [text[a:b] for a, b in sentences(text)] == [
        '"The 3 A.M. Call" is tense.', "It was 3 a.m.", "The end came."]


def test_less_and_least_weaken_a_mood():
    plain = mood_of("a menacing piece")[MOOD_INDEX["tense"]]
    less = mood_of("a less menacing piece")[MOOD_INDEX["tense"]]
    assert 0 < mood_of("the least menacing piece")[MOOD_INDEX["tense"]] < less < plain


def test_surprise_intensifies_the_next_mood_word_and_is_not_curiosity():
    surprised = mood_of("it is surprisingly hopeful")
    assert surprised[MOOD_INDEX["curious"]] == 0
    assert surprised[MOOD_INDEX["hopeful"]] > mood_of("it is hopeful")[MOOD_INDEX["hopeful"]]
    assert mood_of("strangely calm")[MOOD_INDEX["curious"]] == 0
    assert mood_of("curiously, it drifts")[MOOD_INDEX["curious"]] > 0  # on its own


def test_clause_after_contrast_weighs_more():
    hits = tag_text("it was sad, yet hopeful")
    weights = {h.phrase: h.weight for h in hits}
    assert weights["hopeful"] > weights["sad"] > 0


def test_sentences_survive_titles_and_quotes():
    text = 'We loved \u201cLoneliness #3 (Night Talking).\u201d It is lonely. Mr. Jonze agrees!'
    parts = [text[s:e] for s, e in sentences(text)]
    assert len(parts) == 3 and parts[2] == "Mr. Jonze agrees!"


def test_film_sentences_do_not_count_as_music():
    assert not is_about_music("The actors carry the plot of the movie.")
    assert is_about_music("The film's soundtrack is lonely.")
    assert is_about_music("A lonely piano line.")


def album(*titles: str) -> Catalog:
    return Catalog([Track(id=f"t{i}", title=t, artist="A", album="Score")
                    for i, t in enumerate(titles)])


def test_review_sentences_go_to_the_track_they_name():
    catalog = album("Night Swim", "Morning Light")
    text = ("\u201cNight Swim\u201d is lonely and cold. It lingers like an eerie dream.\n\n"
            "The whole record is hopeful. The actors are great in the movie.")
    passages = ReviewLinker(catalog.tracks).passages(Review(text=text, album="Score"))
    about = [(text[p.start:p.end], p.rows, p.weight) for p in passages]
    assert about[0][1] == (0,) and about[0][2] == 1.0
    assert about[1][1] == (0,)                       # "It ..." carries the subject
    assert about[2][1] == (0, 1) and about[2][2] < 1  # album-level, lower weight
    assert len(about) == 3                           # the film sentence colours nothing


def test_profiles_have_no_nan_and_prefer_review_evidence():
    catalog = album("Night Swim", "Morning Light", "Unknown")
    catalog.tracks[1].features = {"valence": 0.9, "energy": 0.9}
    catalog.tracks[1].tags = ["party"]
    reviews = [Review(text="Night Swim is deeply lonely and eerie.", track="Night Swim")]
    profiles = mood_profiles(catalog, reviews, load_lexicon())
    for p in profiles:
        assert np.isfinite(p.scores).all() and np.all((p.scores >= 0) & (p.scores <= 1))
        assert -1 <= p.valence <= 1 and -1 <= p.arousal <= 1
    assert profiles[0].source == "reviews" and profiles[0].top(1) == ["lonely"]
    assert profiles[0].evidence["lonely"][0].phrase == "lonely"
    assert profiles[1].valence > 0.3 and profiles[1].source == "tags"
    assert profiles[2].source == "none" and profiles[2].confidence == 0.0


def test_a_review_of_one_track_without_an_album_reads_a_theme_named_by_a_word(tmp_path):
    """A JSON Lines review naming its track and no album crashed the build as soon as a
    sentence named a theme by a word ("the lantern theme"): the album's name was None."""
    path = tmp_path / "reviews.jsonl"
    path.write_text('{"text": "A sad cue. The lantern theme returns here, warmer.", '
                    '"track": "Ember"}\n', encoding="utf-8")
    reviews, problems = load_review_jsonl(path)
    assert not problems and reviews[0].album is None
    catalog = album("Lantern", "Ember", "Harbour Lights")
    profiles = mood_profiles(catalog, reviews, load_lexicon())
    assert profiles[1].source == "reviews" and profiles[1].top(1) == ["sad"]


def test_more_evidence_raises_confidence():
    a, b = MoodAccumulator(), MoodAccumulator()
    a.add_hits(tag_text("lonely"), weight=1.0, source="r", kind="reviews")
    for _ in range(5):
        b.add_hits(tag_text("lonely"), weight=1.0, source="r", kind="reviews")
    assert finish(b).confidence > finish(a).confidence > 0


def test_review_jsonl_reports_bad_lines(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"text": "lonely", "track": "X"}\n{"track": "no text"}\nnope\n'
                    '{"text": "  "}\n', encoding="utf-8")
    reviews, problems = load_review_jsonl(path)
    assert [r.track for r in reviews] == ["X"]
    assert [p.line for p in problems] == [2, 3, 4]


@needs_shared
def test_the_real_review_colours_the_her_tracks():
    titles = ["Sleepwalker", "Some Other Places", "Photograph", "We're All Leaving",
              "Dimensions", "Loneliness #3 (Night Talking)"]
    catalog = album(*titles)
    review = Review(text=HER_REVIEW.read_text(encoding="utf-8"), album="Score")
    profiles = dict(zip(titles, mood_profiles(catalog, [review], load_lexicon())))
    leaving = profiles["We're All Leaving"]
    assert {"lonely", "eerie"} <= set(leaving.top(4))
    assert profiles["Sleepwalker"].scores[MOOD_INDEX["curious"]] > 0
    assert profiles["Photograph"].scores[MOOD_INDEX["tense"]] > 0
    assert all(p.source == "reviews" for p in profiles.values())


def test_several_titles_in_one_sentence_split_the_moods():
    catalog = album("Night Swim", "Morning Light")
    text = "\u201cNight Swim\u201d starts lonely and \u201cMorning Light\u201d feels hopeful."
    profiles = mood_profiles(catalog, [Review(text=text, album="Score")], load_lexicon())
    swim, light = profiles
    assert swim.scores[MOOD_INDEX["lonely"]] > 0 and swim.scores[MOOD_INDEX["hopeful"]] < 0.2
    assert light.scores[MOOD_INDEX["hopeful"]] > 0 and light.scores[MOOD_INDEX["lonely"]] < 0.2
    assert swim.evidence["lonely"][0].sentence == text


@pytest.mark.parametrize("sentence", [
    "\u201cNight Swim\u201d shares the same concept with \u201cMorning Light.\u201d",
    "Night Swim picks up where Morning Light left off.",
    "Night Swim is like Morning Light but lonelier.",
    '"Morning Light" is warm and nostalgic. So is "Night Swim".',
    '"Morning Light" is warm and nostalgic. "Night Swim" is similar.',
])
def test_comparisons_between_tracks_are_found(sentence):
    from models.build import analyse_moods

    catalog = album("Night Swim", "Morning Light", "Third Cue")
    analysis = analyse_moods(catalog, [Review(text=sentence, album="Score")], load_lexicon())
    assert [(c.subject, c.other) for c in analysis.comparisons] == [(0, 1)]


@pytest.mark.parametrize("text", [
    '"Morning Light (Reprise)" and "Night Swim" could not be more different.',
    '"Morning Light" is slow and gloomy. I like "Night Swim" more, but it is brief.',
    '"Morning Light" is gloomy; fans who like "Night Swim" only want the hits.',
    '"Morning Light" is warm. As is often the case, "Night Swim" is sad.',
    'Both "Morning Light" and "Night Swim" are highlights, but one is sad, one joyful.',
    '"Morning Light" is gloomy. So is "Night Swim" a misstep? Not at all.',
])
def test_a_marker_in_a_title_or_the_verb_like_compares_nothing(text):
    """"Reprise" in a title and "I like" were read as comparisons, which blend moods and
    pin the two tracks together."""
    from models.build import analyse_moods

    catalog = album("Night Swim", "Morning Light (Reprise)", "Morning Light")
    analysis = analyse_moods(catalog, [Review(text=text, album="Score")], load_lexicon())
    assert analysis.comparisons == []


def test_like_x_but_darker_offsets_the_subject_only():
    from models.build import analyse_moods

    catalog = album("Night Swim", "Morning Light")
    text = ("\u201cMorning Light\u201d is hopeful and playful. "
            "\u201cNight Swim\u201d is like \u201cMorning Light\u201d but lonely.")
    analysis = analyse_moods(catalog, [Review(text=text, album="Score")], load_lexicon())
    swim, light = analysis.profiles
    assert swim.scores[MOOD_INDEX["lonely"]] > 0.3
    assert swim.scores[MOOD_INDEX["hopeful"]] > 0            # taken in from Morning Light
    assert light.scores[MOOD_INDEX["lonely"]] < 0.1          # the offset is not Morning Light's


def test_asserted_similarity_tops_the_neighbour_list():
    from models.build import build

    from .fixtures import make_track

    tracks = [make_track(i) for i in range(30)]
    tracks[3].album = tracks[17].album = "Score"
    tracks[3].title, tracks[17].title = "Night Swim", "Morning Light"
    for t in tracks:
        if t.album != "Score":
            t.album = "Other"
    text = "\u201cNight Swim\u201d shares the same mood with \u201cMorning Light.\u201d"
    built = build(Catalog(tracks), [Review(text=text, album="Score")], k=5)
    assert built.neighbours[3][0] == 17 and built.neighbours[17][0] == 3
    assert np.all(np.diff(built.scores[3]) <= 1e-6)
    assert built.related[3][0]["id"] == tracks[17].id
    assert "shares the same mood" in built.related[3][0]["sentence"]


def test_external_valence_arousal_words_refine_valence(tmp_path):
    words = tmp_path / "va.txt"
    words.write_text("Word\tValence\tArousal\tDominance\nzorbulous\t0.95\t0.70\t0.6\n"
                     "table\t0.50\t0.45\t0.5\nbroken line\n", encoding="utf-8")
    lexicon = load_lexicon(va_path=words)
    assert lexicon.lookup(("table",)) is None          # near-neutral words are ignored
    assert load_lexicon().lookup(("zorbulous",)) is None
    hits = [h for h in tag_text("a zorbulous sweep", lexicon) if h.phrase == "zorbulous"]
    assert hits and hits[0].entry.valence > 0.8 and 0 < hits[0].weight < 1
    assert not hits[0].entry.moods.any()
    with pytest.raises(CatalogError, match="no usable"):
        load_lexicon(va_path=write_empty(tmp_path))


def write_empty(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("nothing here\n", encoding="utf-8")
    return path


def test_title_words_are_not_mood_evidence():
    catalog = album("Loneliness #3", "Joyful Noise")
    text = "\u201cLoneliness #3\u201d is hopeful. Joyful Noise is calm."
    profiles = mood_profiles(catalog, [Review(text=text, album="Score")], load_lexicon())
    assert profiles[0].scores[MOOD_INDEX["lonely"]] == 0.0
    assert profiles[0].scores[MOOD_INDEX["hopeful"]] > 0
    assert profiles[1].scores[MOOD_INDEX["joyful"]] == 0.0


@pytest.mark.parametrize("title", ["No. 9", "Not Alone", "Without You", "Never Again"])
def test_a_negating_word_in_a_title_negates_nothing_after_it(title):
    """"No. 9" is tender: "no" in the title took "tender" away."""
    catalog = album(title, "Other Cue")
    profiles = mood_profiles(catalog, [Review(text=f'"{title}" is tender.', album="Score")],
                             load_lexicon())
    assert profiles[0].scores[MOOD_INDEX["tender"]] > 0


def test_they_after_a_music_sentence_is_the_music():
    assert is_about_music("The bittersweet feelings they invoke suit the film.", True)
    assert not is_about_music("The bittersweet feelings they invoke suit the film.", False)
    assert not is_about_music("The actors are great in the movie; they shine.", False)


def test_every_tag_mapping_is_documented():
    import json
    import re

    from models.language import LEXICON_PATH

    from .fixtures import ROOT

    documented = set(re.findall(r"^\| `([^`]+)` \|", (ROOT / "docs" / "tags.md").read_text(
        encoding="utf-8"), flags=re.MULTILINE))
    assert documented == set(json.loads(LEXICON_PATH.read_text(encoding="utf-8"))["tags"])


def test_lexicon_is_large_and_well_formed():
    import json

    from models.language import LEXICON_PATH

    raw = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    assert len(raw["entries"]) >= 600 and list(raw["moods"]) == list(MOODS)
    assert all(raw["moods"][m]["rationale"] for m in MOODS)
    for word, spec in raw["entries"].items():
        assert set(spec["moods"]) <= set(MOODS), word
        assert all(0 < w <= 1 for w in spec["moods"].values()), word
        assert -1 <= spec["valence"] <= 1 and -1 <= spec["arousal"] <= 1, word


def test_profiles_do_not_depend_on_how_many_tracks_are_read_at_a_time():
    """The build finishes unreviewed tracks as it reads them, a chunk at a time; reviewed
    and compared tracks, anywhere in the catalog, must come out exactly the same."""
    from models.build import analyse_moods

    catalog = album("Night Swim", "Morning Light", "Third Cue", "Fourth Cue", "Fifth Cue")
    for i, track in enumerate(catalog.tracks):
        track.features = {"valence": 0.2 * i, "energy": 1.0 - 0.2 * i}
        track.tags = ["sad songs"] if i % 2 else ["party"]
    text = ("\u201cFifth Cue\u201d is hopeful and playful. "
            "\u201cNight Swim\u201d is like \u201cFifth Cue\u201d but lonely. "
            "The record is tender.")
    review, lexicon = Review(text=text, album="Score"), load_lexicon()
    whole = analyse_moods(catalog, [review], lexicon)
    pieces = analyse_moods(catalog, [review], lexicon, chunk=2)
    assert [(c.subject, c.other) for c in pieces.comparisons] == [(0, 4)]
    for a, b in zip(whole.profiles, pieces.profiles):
        assert np.array_equal(a.scores, b.scores) and a.evidence == b.evidence
        assert (a.valence, a.arousal, a.confidence, a.source) == \
            (b.valence, b.arousal, b.confidence, b.source)
    assert whole.profiles[0].scores[MOOD_INDEX["lonely"]] > 0.3


@pytest.mark.parametrize("word, mood", [
    ("glacial", "eerie"), ("glacially", "eerie"), ("luminous", "hopeful"),
    ("alienating", "lonely"), ("uncomfortable", "tense"), ("agonizing", "sad"),
    ("lugubrious", "sad"), ("heart-rending", "sad"), ("toe-tapping", "playful"),
    ("hair-raising", "tense"),
])
def test_words_critics_use_for_scores_are_read(word, mood):
    scores = hits_vector(tag_text(f"The cue is {word}."))
    assert int(np.argmax(scores)) == MOOD_INDEX[mood]


def test_a_mood_far_behind_the_strongest_is_no_label():
    """Found by a curator: Agnes Obel's "Mary" (sad 0.54, lonely 0.51) was labelled
    "joyful" (0.25, from its pop playlists)."""
    from models.language import MOODS, MoodProfile
    from service.store.codec import track_document

    scores = np.zeros(len(MOODS), dtype=np.float32)
    for mood, score in (("sad", 0.54), ("lonely", 0.51), ("joyful", 0.25)):
        scores[MOODS.index(mood)] = score
    profile = MoodProfile(scores, -0.2, -0.3, 0.5, "tags", {})
    assert profile.top(3) == ["sad", "lonely", "joyful"]  # the full list keeps it
    assert profile.leading(3) == ["sad", "lonely"]
    doc = track_document(Track(id="m", title="Mary", artist="Agnes Obel"), profile)
    assert doc["top_moods"] == ["sad", "lonely"] and len(doc["moods"]) == 3
