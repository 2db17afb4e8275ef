"""Reviews as people write them, found by a review of the reading: track-by-track
lines, numbered lists, Markdown headings, possessives, negated comparisons, named works
the catalog lacks, film talk between track sentences, reviews of one track that name
another. Every text here is our own."""
from __future__ import annotations

import json

import pytest

from models.build import analyse_moods, reading_audit
from models.ingest import Track
from models.language import MOOD_INDEX, Review, hits_vector, load_lexicon, tag_text

from .fixtures import moods_read as moods
from .fixtures import salt_roads as catalog
from .fixtures import strongest


def test_track_by_track_lines_go_to_their_tracks():
    found = moods("Notes on each piece.\n\nLantern: a mournful, forlorn crawl.\n"
                  "Copper Bells: giddy, cheerful and bouncy.\nTidewater: menacing and tense.")
    assert strongest(found, "Lantern") == "sad"
    assert strongest(found, "Copper Bells") == "joyful"
    assert strongest(found, "Tidewater") == "tense"
    assert "The Cold Field" not in found  # no line about it, and no album-wide words


def test_numbered_lists_and_markdown_headings_name_their_tracks():
    listed = moods("## The tracks\n\n1. Lantern \u2013 mournful and forlorn.\n"
                   "2. Tidewater \u2013 menacing, tense.\n")
    assert strongest(listed, "Lantern") == "sad" and strongest(listed, "Tidewater") == "tense"
    headed = moods("## Lantern\n\nA mournful, forlorn crawl.\n\n**Copper Bells**\n\n"
                   "Giddy, cheerful and bouncy.\n\nTidewater\n\nMenacing and tense.")
    assert strongest(headed, "Lantern") == "sad"
    assert strongest(headed, "Copper Bells") == "joyful"
    assert strongest(headed, "Tidewater") == "tense"


def test_numbered_headings_with_a_guest_credit_name_their_tracks():
    found = moods('1) "Lantern" (ft/ John Legend and Voices of Fire):\nA track full of grief '
                  'and sorrow.\n2) "Copper Bells" (feat. Kendrick Lamar)\nGiddy, cheerful and '
                  'bouncy.\n3) "Tidewater" [with Someone]\nMenacing and tense.',
                  "Lantern", "Copper Bells", "Tidewater")
    assert strongest(found, "Lantern") == "sad"
    assert strongest(found, "Copper Bells") == "joyful"
    assert strongest(found, "Tidewater") == "tense"


def test_letters_no_keyboard_has_are_read_as_people_type_them():
    # "ð", "ø", "æ" and the like are written "d", "o", "ae" in reviews and searches
    found = moods("Allt vard hljott is an arcing sadness of strings. Saeglopur is joyful.",
                  "Allt varð hljótt", "Sæglópur", "Lantern")
    assert strongest(found, "Allt varð hljótt") == "sad"
    assert strongest(found, "Sæglópur") == "joyful"


@pytest.mark.parametrize("mark", ["Track 1: ", "Track 01 - ", "No. 1. ", "#1 "])
def test_headings_numbered_as_tracks_name_their_tracks(mark):
    two = mark.replace("1", "2")
    found = moods(f"Notable tracks:\n\n{mark}Lantern\n\nA mournful, forlorn crawl.\n\n"
                  f"{two}Copper Bells\n\nGiddy, cheerful and bouncy.")
    assert strongest(found, "Lantern") == "sad"
    assert strongest(found, "Copper Bells") == "joyful"
    assert found["Lantern"].get("joyful", 0) < found["Copper Bells"]["joyful"] / 2


def test_a_one_word_title_opening_its_paragraph_with_a_verb_is_named():
    found = moods("This is an uneven record.\n\nLantern is mournful and forlorn.\n\n"
                  "Tidewater feels menacing and tense.")
    assert set(found) == {"Lantern", "Tidewater"}
    assert strongest(found, "Lantern") == "sad" and strongest(found, "Tidewater") == "tense"


def test_a_title_in_the_possessive_takes_its_sentence():
    found = moods("The opener Lantern's cellos are mournful and forlorn. Later, "
                  "The Cold Field's choir turns menacing and tense.")
    assert strongest(found, "Lantern") == "sad" and strongest(found, "The Cold Field") == "tense"


def test_the_full_title_wins_over_a_shorter_form_of_another():
    """Whatever the catalog's order: the reprise listed first took plain "Lantern"."""
    found = moods('"Lantern" is giddy and cheerful. "Tidewater" is mournful.',
                  "Lantern (Reprise)", "Lantern", "Tidewater")
    assert strongest(found, "Lantern") == "joyful"
    assert "Lantern (Reprise)" not in found


def test_a_negated_likeness_is_no_comparison():
    cat = catalog()
    text = ('"Lantern" is giddy and cheerful. "Tidewater" does not sound like "Lantern" '
            'at all. "Morning Ferry" is in no way similar to "Lantern". '
            '"The Cold Field" isn\u2019t really similar to "Lantern".')
    analysis = analyse_moods(cat, [Review(text=text, album="Salt Roads")], load_lexicon())
    assert reading_audit(analysis, cat.tracks)["comparisons"] == []
    found = moods(text)
    assert set(found) == {"Lantern"}


def test_text_about_a_work_the_catalog_lacks_colours_no_track():
    found = moods('"Copper Bells" is giddy and cheerful. "Night Swim", a bonus cut, is '
                  'mournful and forlorn. The closer, "Deep Harbour Blues", is menacing and '
                  "tense. Track 9 is bleak and desolate.")
    assert set(found) == {"Copper Bells"}
    assert strongest(found, "Copper Bells") == "joyful"
    assert found["Copper Bells"].get("sad", 0) == 0 and found["Copper Bells"].get("tense", 0) == 0


def test_film_talk_between_track_sentences_colours_nothing():
    found = moods('The opener "Lantern" is mournful and forlorn. The film itself is a '
                  "cheerful romantic comedy, and its lead actor is full of joy.")
    assert found["Lantern"].get("joyful", 0) == 0 and strongest(found, "Lantern") == "sad"


def test_a_review_of_one_track_stays_about_it_when_it_names_another():
    found = moods("Unlike Lantern, this one is tender, warm and loving.", track="Tidewater")
    assert set(found) == {"Tidewater"} and strongest(found, "Tidewater") == "tender"


def test_a_verdict_line_speaks_for_the_whole_album():
    found = moods("Lantern: giddy, cheerful and bouncy.\nVerdict: a bleak, desolate record.\n"
                  "Running time: 48 minutes.")
    assert strongest(found, "Lantern") == "joyful"
    assert {"Tidewater", "The Cold Field"} <= set(found)  # the verdict reached every track
    assert found["Lantern"].get("joyful", 0) > found["Lantern"].get("sad", 0)


@pytest.mark.parametrize("phrase, mood", [
    ("anything but cheerful", "joyful"), ("far from joyful", "joyful"),
    ("neither sad nor lonely", "sad"), ("neither sad nor lonely", "lonely"),
    ("it lacks any real sense of joy", "joyful"), ("devoid of tenderness", "tender"),
    ("free of sentimental gloom", "sad"),
])
def test_idioms_of_absence_do_not_assert_the_mood(phrase, mood):
    assert hits_vector(tag_text(phrase))[MOOD_INDEX[mood]] <= 0


def test_kind_of_is_a_hedge_not_kindness():
    hedged = hits_vector(tag_text("kind of bleak"))
    assert hedged[MOOD_INDEX["tender"]] == 0 and hedged[MOOD_INDEX["sad"]] > 0
    assert hits_vector(tag_text("a kind, gentle melody"))[MOOD_INDEX["tender"]] > 0
    assert 0 < hedged[MOOD_INDEX["sad"]] < hits_vector(tag_text("bleak"))[MOOD_INDEX["sad"]]


def test_but_still_turns_a_sentence():
    turned = hits_vector(tag_text("at first cheerful, but then bleak"))
    assert turned[MOOD_INDEX["sad"]] > turned[MOOD_INDEX["joyful"]] > 0


def test_a_title_inside_a_longer_quoted_name_is_not_named():
    found = moods('"Salt Road Home" is a bonus cut, mournful and forlorn. "Copper Bells" is '
                  'giddy and cheerful. The closer, "Tidewater Rising", is menacing and tense.',
                  "Home", "Copper Bells", "Tidewater")
    assert set(found) == {"Copper Bells"}


def test_common_phrases_in_prose_do_not_name_tracks():
    found = moods('"Copper Bells" is tender and warm. By the end of the album the mood has '
                  "turned bleak and desolate.\n\nTime and again the melody turns menacing. "
                  "Lost in its own haze, the score drifts, dreamy and slow.",
                  "The End", "Time", "Lost", "Copper Bells")
    album_wide = {found[t].get("sad", 0) for t in ("The End", "Time", "Lost")}
    assert len(album_wide) == 1  # the same album-level reading for each, none singled out
    assert found["Copper Bells"].get("sad", 0) <= found["Time"]["sad"]
    named = moods("The End is mournful and forlorn. Then The End returns, menacing.",
                  "The End", "Copper Bells")
    assert set(named) == {"The End"}


def test_an_album_is_found_by_its_bare_name_or_a_near_spelling():
    from models.language import ReviewLinker

    tracks = [Track(id=f"t{i}", title=t, album=a) for i, (t, a) in enumerate([
        ("Nightcall", "Drive (Original Motion Picture Soundtrack)"),
        ("Lantern", "Glass Harbour"), ("Tidewater", "Glass Harbour"),
        ("Intro", "Drive Home"), ("Outro", "Drive Home (Deluxe Edition)")])]
    linker = ReviewLinker(tracks)
    assert linker.album_rows("Drive") == [0]
    assert linker.album_rows("glass harbor") == [1, 2]
    assert linker.album_rows("Glass Harbour (Original Score)") == [1, 2]
    assert linker.album_rows("Drive Home") == [3]  # the exact name first
    assert linker.album_rows("Harbour") == []  # too far from any album


def test_moods_says_when_a_review_is_unused_or_reads_no_mood(runner, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("id,title,album\na,Lantern,Salt Roads\nb,Tidewater,Salt Roads\n")
    german = tmp_path / "de.txt"
    german.write_text("\u201eLantern\u201c ist traurig und einsam, ein langsames St\u00fcck.")
    code, out, err = runner("moods", "--catalog", str(path), "--review", str(german),
                            "--about-album", "Salt Roads")
    assert code == 0 and "no mood word was recognised in 1 of the reviews" in err
    assert 'de.txt (album "Salt Roads")' in err  # which one, among several
    english = tmp_path / "en.txt"
    english.write_text('"Lantern" is mournful and forlorn.')
    code, out, err = runner("moods", "--catalog", str(path), "--review", str(english),
                            "--about-album", "Other Roads")
    assert code == 0 and "1 of the reviews name no track or album" in err
    assert 'en.txt (album "Other Roads")' in err
    code, out, err = runner("moods", "--catalog", str(path), "--review", str(english),
                            "--about-album", "Salt Road")
    assert code == 0 and "warning" not in err and "Lantern: sad" in out


def test_a_review_saved_as_html_reads_like_its_text(tmp_path):
    from models.ingest import load_album_review, load_review_jsonl

    page = ("<html><head><style>p { color: red }</style></head><body>"
            "<p>The opener <em>Lantern</em> is mournful &amp; forlorn.</p>"
            "<p>The film is a cheerful comedy, and its heroine is full of joy.</p>"
            "<p>The score as a whole is hushed and calm.</p><script>var x = 1;</script>"
            "</body></html>")
    path = tmp_path / "review.html"
    path.write_text(page)
    review = load_album_review(path, "Salt Roads")
    assert "<" not in review.text and "color" not in review.text and "var x" not in review.text
    assert "mournful & forlorn." in review.text and "\n\n" in review.text
    profiles = analyse_moods(catalog(), [review], load_lexicon()).profiles
    lantern, other = (dict(zip(MOOD_INDEX, p.scores)) for p in profiles[:2])
    assert lantern["sad"] > 0 and lantern["joyful"] <= 0  # the film's joy is not its
    assert other["peaceful"] > 10 * max(other["sad"], 0)  # the album-wide calm reaches all
    jsonl = tmp_path / "r.jsonl"
    jsonl.write_text('{"text": "<p>Mournful&nbsp;and <b>forlorn</b>.</p>", "track": "Lantern"}\n')
    assert load_review_jsonl(jsonl)[0][0].text == "Mournful and forlorn."


def test_a_review_written_all_in_lower_case_still_splits_and_names():
    """Titles of two words or more; a lower-case single word ("home") is too common in
    running text (it counts labelling a line or after "the track")."""
    found = moods("honestly copper bells is mournful and forlorn. the cold field is giddy "
                  "and cheerful. the movie itself was tense and scary though.")
    assert strongest(found, "Copper Bells") == "sad"
    assert strongest(found, "The Cold Field") == "joyful"
    assert found["Copper Bells"].get("tense", 0) == 0


def test_a_title_only_compared_against_keeps_only_its_own_words():
    found = moods("Copper Bells, unlike the mournful Tidewater, is giddy and cheerful.")
    assert strongest(found, "Copper Bells") == "joyful" and strongest(found, "Tidewater") == "sad"
    assert found["Tidewater"].get("joyful", 0) <= 0
    nothing_like = moods('"Lantern" is nothing like "Tidewater": it is menacing and tense.')
    assert set(nothing_like) == {"Lantern"} and strongest(nothing_like, "Lantern") == "tense"


def test_a_title_after_a_preposition_and_a_comma_is_no_list():
    found = moods('After the mournful and forlorn "Tidewater", "Copper Bells" is a giddy, '
                  "cheerful relief.")
    assert strongest(found, "Tidewater") == "sad" and strongest(found, "Copper Bells") == "joyful"
    listed = moods('"Tidewater", "Copper Bells" and "Lantern" are all mournful.')
    assert {"Tidewater", "Copper Bells", "Lantern"} <= set(listed)


def test_the_former_and_the_latter_are_the_first_and_last_tracks_just_named():
    latter = moods('The record moves from "Lantern" to "Tidewater". The latter is gloomy and '
                   "mournful. It is lonely too.")
    assert set(latter) == {"Tidewater"} and latter["Tidewater"].get("lonely", 0) > 0
    former = moods('The record moves from "Lantern" to "Tidewater". The former is gloomy '
                   "and mournful.")
    assert set(former) == {"Lantern"}
    both = moods('"Lantern" and "Tidewater" close the record. The former is tender and warm, '
                 "the latter tense and menacing.")
    assert strongest(both, "Lantern") == "tender" and strongest(both, "Tidewater") == "tense"
    assert both["Lantern"].get("tense", 0) == 0 and both["Tidewater"].get("tender", 0) == 0


def test_the_former_or_latter_two_and_what_follows_a_reference():
    three = '"Lantern", "Tidewater" and "Copper Bells" end the record. '
    latter_two = moods(three + "The latter two are tense and menacing.")
    assert set(latter_two) == {"Tidewater", "Copper Bells"}
    fronted = moods('"Lantern" and "Tidewater" end the record. The latter I find menacing '
                    "and tense.")
    assert set(fronted) == {"Tidewater"}
    both_after = moods('"Lantern" and "Tidewater" end the record. The former is tender, the '
                       "latter tense. Both fade out calmly and peacefully.")
    assert both_after["Lantern"].get("peaceful", 0) > 0.5
    assert both_after["Tidewater"].get("peaceful", 0) > 0.5
    alike = moods('"Lantern" and "Tidewater" end the record. The former is as gloomy and '
                  "mournful as the latter.")
    assert strongest(alike, "Lantern") == strongest(alike, "Tidewater") == "sad"


def test_the_former_or_latter_as_an_object_says_nothing_of_its_own():
    found = moods('"Copper Bells" sounds like a cross between "Lantern" and "Tidewater". It '
                  "leans toward the latter, tense and menacing.")
    assert set(found) == {"Copper Bells"} and strongest(found, "Copper Bells") == "tense"


@pytest.mark.parametrize("sentence", [
    "In the latter half of the record, everything turns tense and menacing.",
    "The former Beatle plays on both, tense and menacing.",
    "The former guitarist returns here, and the playing is tense and menacing.",
    "The former frontman's guest vocal is tense and menacing.",
    "The latter tracks of the record are tense and menacing.",
    "The latter third of the record turns tense and menacing.",
])
def test_the_former_or_latter_as_an_adjective_refers_to_no_one_track(sentence):
    found = moods('"Lantern" and "Tidewater" close the record. ' + sentence)
    assert found["Lantern"] == found["Tidewater"]


THREE = ("Lantern", "Tidewater", "Copper Bells")


def test_a_track_list_without_full_stops_reads_every_line():
    listed = moods("Salt Roads, track by track\n\n1. Copper Bells - joyful and bright\n"
                   "2. Tidewater - gloomy and mournful\nLantern \u2013 calm, tender and warm",
                   *THREE)
    assert strongest(listed, "Copper Bells") == "joyful"
    assert strongest(listed, "Tidewater") == "sad"
    assert strongest(listed, "Lantern") in {"tender", "peaceful"}
    verdict = moods("Salt Roads\n\nRunning time - 48 minutes\nVerdict - a bleak, lonely record",
                    *THREE)
    assert set(verdict) == set(THREE)  # the album's line, for every track


def test_one_word_titles_in_a_review_without_capitals():
    listed = moods("salt roads, track by track\n\n1. copper bells - joyful and bright\n"
                   "tidewater: gloomy and mournful.\nlantern - calm, tender and warm", *THREE)
    assert strongest(listed, "Copper Bells") == "joyful"
    assert strongest(listed, "Tidewater") == "sad"
    assert strongest(listed, "Lantern") in {"tender", "peaceful"}
    running = moods("i loved this record. the track lantern is calm and tender, while the "
                    "song tidewater is gloomy and mournful.", *THREE)
    assert strongest(running, "Lantern") in {"tender", "peaceful"}
    assert strongest(running, "Tidewater") == "sad"
    plain = moods("i loved this record. the lantern light was joyful and bright.", *THREE)
    assert plain["Lantern"] == plain["Tidewater"]  # a word, not the track


def test_many_unused_reviews_are_named_a_few_at_a_time(runner, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("id,title,album\na,Lantern,Salt Roads\n")
    lines = [json.dumps({"text": f"Quiet and lonely, track {i}.", "track": f"Gone {i}"})
             for i in range(8)]
    reviews = tmp_path / "r.jsonl"
    reviews.write_text("\n".join(lines) + "\n")
    code, _, err = runner("moods", "--catalog", str(path), "--reviews", str(reviews))
    assert code == 0 and "8 of the reviews name no track or album" in err
    assert 'r.jsonl:1 (track "Gone 0")' in err and 'r.jsonl:5 (track "Gone 4")' in err
    assert "Gone 5" not in err and "and 3 more" in err
