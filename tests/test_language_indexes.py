"""The indexes and memos that make review reading fast read exactly as the plain scans did:
a title anywhere in a sentence (not only where a scan would start), a memoised token list
a caller may change, and a lexicon copied with more phrases (as text_target does)."""
from __future__ import annotations

from dataclasses import replace

from models.language import find_mentions, load_lexicon, tag_text, tokens


def test_every_place_a_title_stands_is_a_mention_in_order():
    text = ('After "Glass Orchard" fades, Sleepwalker\'s strings ache, and Sleepwalker '
            'returns in "Glass Orchard (Reprise)".')
    titles = ["Sleepwalker", "Glass Orchard", "Glass Orchard (Reprise)"]
    found = find_mentions(text, titles)
    assert [m.track for m in found] == [1, 0, 0, 2]
    assert [m.start for m in found] == [text.index("Glass"), text.index("Sleepwalker'"),
                                        text.index("Sleepwalker returns"),
                                        text.rindex("Glass")]


def test_a_title_that_is_not_in_the_sentence_is_no_mention():
    assert find_mentions("Sleepwalking through the second half.", ["Sleepwalker"]) == []
    assert find_mentions("", ["Sleepwalker", ""]) == []


def test_a_token_list_changed_by_its_caller_leaves_the_next_reading_alone():
    first = tokens("A lonely, aching piece.")
    first[0] = first[0]._replace(text="")
    first.append(first[0])
    again = tokens("A lonely, aching piece.")
    assert [t.text for t in again] == ["a", "lonely", "aching", "piece"]
    assert tokens("") == []


def test_letters_joined_by_full_stops_are_one_word_only_when_single_letters():
    words = [t.text for t in tokens("P.Y.T. and R.E.M, not J. Cole or Mr. Jones.")]
    assert words == ["pyt", "and", "rem", "not", "j", "cole", "or", "mister", "jones"]


def test_longest_phrase_from_a_word_is_what_the_lexicon_lists():
    lexicon = load_lexicon()
    phrase = max(lexicon.entries, key=len)
    assert len(phrase) > 1
    assert lexicon.longest_from(phrase[0]) >= len(phrase)
    assert all(lexicon.longest_from(key[0]) >= len(key) for key in lexicon.entries)
    assert lexicon.longest_from("zzqx") == 0
    assert lexicon.longest_from("") == 0


def test_a_lexicon_copied_with_a_longer_phrase_reads_it_after_the_original_was_used():
    lexicon = load_lexicon()
    assert tag_text("a sad song", lexicon)  # the original's index is built
    sad = lexicon.lookup(("sad",))
    words = ("velvet", "zzqx", "haze")
    wider = replace(lexicon, entries={words: sad, **lexicon.entries}, _derived={},
                    longest=max(lexicon.longest, len(words)))
    text = "a velvet zzqx haze"
    assert [h.phrase for h in tag_text(text, wider)] == ["velvet zzqx haze"]
    assert "velvet zzqx haze" not in [h.phrase for h in tag_text(text, lexicon)]
