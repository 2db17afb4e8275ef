"""Which tags of the catalog a free-text request names (``text_read.tags``): kinds of
music the user asks for, not everyday words that stand in a playlist's name."""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from models.language import load_lexicon, normalise, tag_text
from models.ranking import MUSIC_KINDS, TrackTable, read_text_target, text_tags

from .fixtures import hand_table


def tagged_table(*tags: str) -> TrackTable:
    """A table in which each of ``tags`` is carried by three tracks (enough to steer)."""
    rows = [frozenset({normalise(tag)}) for tag in tags for _ in range(3)]
    ids = [f"t{i}" for i in range(len(rows))]
    return replace(hand_table(ids, {}, np.eye(len(rows))), tags=rows)


def test_a_kind_of_music_that_is_a_mood_word_names_its_style_and_keeps_its_mood():
    lexicon = load_lexicon()
    both = sorted(kind for kind in MUSIC_KINDS if tag_text(kind, lexicon))
    assert {"lofi", "funk"} <= set(both)  # "lofi beats to study to", "some funk"
    for kind in both:
        table = tagged_table(f"{kind} hip hop", kind, "sad trap")
        text = f"some {kind} for cooking"
        assert text_tags(text, table) == {kind: [f"{kind} hip hop", kind]}, kind
        target = read_text_target(text, table)
        assert target.tags == {kind: [f"{kind} hip hop", kind]}, kind
        assert target.moods and target.moods == read_text_target(text).moods, kind
    # a mood word that is no kind of music is still read as a mood only
    assert text_tags("sad songs", tagged_table("sad trap", "sad")) == {}


def test_a_kind_of_music_names_the_tags_it_stands_in_as_the_style():
    for kind in sorted(MUSIC_KINDS):
        table = tagged_table(f"{kind} of the rising sun", f"deep {kind}", f"{kind} music",
                             f"{kind} the boat")
        style = [f"deep {kind}", f"{kind} music"]
        # "relaxing house" named "House of the Rising Sun" beside "Deep House"
        assert text_tags(f"some {kind} for tonight", table) == {kind: style}, kind
        assert text_tags(f"my {kind} playlist", table) == {kind: style}, kind
        # a kind of music the text uses as a thing or a verb names nothing
        for text in (f"time to clean the {kind}", f"music to {kind} the party",
                     f"with all my {kind}"):
            assert kind not in text_tags(text, table), (kind, text)
    # unless the phrase is a whole tag
    boat = tagged_table("rock the boat", "rock")
    assert text_tags("rock the boat", boat) == {"rock the boat": ["rock the boat"]}
    assert text_tags("music to rock the party", boat) == {}


def test_a_kind_of_music_names_tags_spelling_it_in_one_word_or_two():
    table = tagged_table("lo fi beats", "lofi hip hop", "smooth hiphop", "along")
    # "lofi beats to study to" missed the catalog's "Lo-Fi Beats" playlist
    assert text_tags("lofi beats to study to", table) == {
        "lofi": ["lofi hip hop", "lo fi beats"]}
    assert text_tags("lo-fi", table) == {"lo fi": ["lo fi beats", "lofi hip hop"]}
    assert text_tags("smooth hip-hop", table)["hip hop"] == ["lofi hip hop", "smooth hiphop"]
    # never of a plain word: "a long walk" is no "along"
    assert text_tags("a long walk", table) == {}


def test_one_everyday_word_among_plain_ones_names_only_a_tag_of_those_words():
    table = tagged_table("the sound of post teen pop", "a taste of the mainstream",
                         "warm up music", "the sound of")
    # "the sound of summer" named "The Sound of Post Teen Pop"
    assert text_tags("the sound of summer", table) == {"the sound of": ["the sound of"]}
    assert text_tags("a taste of the sun", table) == {}
    assert text_tags("warm up", table) == {"warm up": ["warm up music"]}  # a phrase
    assert text_tags("post teen pop", table) == {
        "post teen pop": ["the sound of post teen pop"]}


def test_a_tag_listing_many_kinds_is_named_only_when_nothing_else_is():
    mix = "house electro progressive disco lofi synthwave"
    # "chill lofi" put the mix's disco tracks first, before "Lofi Hip Hop"'s
    assert text_tags("chill lofi", tagged_table(mix, "lofi hip hop")) == {
        "lofi": ["lofi hip hop"]}
    assert text_tags("chill lofi", tagged_table(mix, "sad trap")) == {"lofi": [mix]}
    # a fusion of two or three kinds is no mix
    fusion = "neo soul modern jazz smooth hiphop"
    assert text_tags("focus jazz", tagged_table(fusion, "jazz vibes")) == {
        "jazz": [fusion, "jazz vibes"]}


def test_a_kind_of_music_inside_a_set_phrase_names_no_style():
    """"songs for a night of soul searching" asked for soul music (the tag "soul"
    steered the list); the idiom is about the listener."""
    table = tagged_table("soul", "neo soul", "rock", "jazz", "soul searching")
    for text in ("songs for a night of soul searching", "songs for soul-searching",
                 "hitting rock bottom", "a rock solid groove", "with all my heart and soul",
                 "jazz hands", "and all that jazz"):
        named = text_tags(text, table)
        assert not {"soul", "rock", "jazz"} & set(named), (text, named)
    assert text_tags("late night neo soul", table) == {"neo soul": ["neo soul"]}
    assert text_tags("rock and soul", table) == {"rock": ["rock"], "soul": ["soul", "neo soul"]}
    # a set phrase that is a whole tag is still that tag
    assert text_tags("soul searching", table) == {"soul searching": ["soul searching"]}
