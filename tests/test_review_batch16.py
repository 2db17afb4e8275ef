"""What a sixteenth batch of our own reviews (2026-11-29: a long magazine paragraph, a
film-diary score review, a press release with the artists' words, a chat log between two
friends, a live symphony, a second-language blog, bullet points with emoji and a review
that twins each track with one of the band's last album, written held out) showed the
reader missing: a chat log in lower case with a few shouted words ("WHY", "LOVED") was
read as a text with capitals, so no title was found and every line was one sentence;
"the last song" and "the finale" named no track; "made me cry" and "I cried" were no
sadness; what a review said of the band's earlier tracks ("where 'Ironworks' was furious",
"replaces the paranoid, twitchy 'Signal Fire'") went to this album's; "weirdly sad for a
dance track" was read as dance; "\u2022 Confetti \U0001F389 - pure fun" (an emoji before the dash)
labelled no line, nor did a list item named like the album; "The Intermezzo" named no
"II. Intermezzo: Allegretto"; "the heart of the symphony ... the orchestra is at its
finest" made a lament epic; "the saddest song on the album and I still can't sing it" read
"still" as a contrast and weakened the sadness before it; "Curtain Call brings the waltz
back but slower" linked nothing to the track whose waltz it was. Four more written after
those rules showed "Track 3 is ..." naming no track.
Every text here is our own."""
from __future__ import annotations

import pytest

from models.language import MOOD_INDEX, hits_vector, tag_text

from .fixtures import moods_read as moods
from .fixtures import pairs_read, strongest

TITLES = ("Lantern", "Harbour Lights", "Salt Roads", "Ember")

CHAT = ("[21:02] maya: ok i finally listened to the whole thing\n"
        "[21:02] maya: WHY did nobody warn me about harbour lights\n"
        "[21:03] jules: lol it got you\n"
        "[21:03] maya: i was on the bus. sobbing. so sad\n"
        "[21:05] jules: did you like salt roads tho\n"
        "[21:05] maya: LOVED it. so much energy, the beat is insane\n")


@pytest.mark.parametrize("text", [
    CHAT,
    CHAT.replace("[21:0", "21:0").replace("] ", " "),
    CHAT.replace("maya: ", "<maya> ").replace("jules: ", "<jules> "),
])
def test_a_chat_log_in_lower_case_with_shouted_words_finds_its_titles_line_by_line(text):
    found = moods(text, *TITLES)
    assert strongest(found, "Harbour Lights") == "sad"
    assert strongest(found, "Salt Roads") == "energetic"
    assert found["Salt Roads"].get("sad", 0) < found["Harbour Lights"]["sad"] / 2


def test_a_review_without_capitals_but_a_shouted_word_finds_a_one_word_title():
    found = moods("the track ember is SO sad and lonely. lantern is fun and bouncy.", *TITLES)
    assert strongest(found, "Ember") in ("sad", "lonely")
    assert found["Lantern"].get("sad", 0) < found["Ember"]["sad"] / 2


def test_a_review_written_with_capitals_still_needs_a_one_word_title_marked():
    found = moods("The mood is SO sad and lonely. I keep the ember of it. It is fun.", *TITLES)
    assert found.get("Ember") == found.get("Lantern")  # the album's share, no track named


@pytest.mark.parametrize("sentence, mood", [
    ("The last song is a ballad that had me crying.", "sad"),
    ("The last track I don't like so much, it is sad and too long.", "sad"),
    ("The finale bursts in and builds to a triumphant, epic peroration.", "epic"),
])
def test_the_last_song_and_the_finale_are_the_last_track(sentence, mood):
    found = moods(f'"Harbour Lights" is a duet with strings. {sentence}', *TITLES)
    assert strongest(found, "Ember") == mood
    assert found.get("Salt Roads", {}).get(mood, 0) < found["Ember"][mood] / 2


@pytest.mark.parametrize("sentence", [
    "The finale of the film is a ballad that had me crying.",
    "The last song of their previous album is a ballad that had me crying.",
    "The last track on side A is a ballad that had me crying.",
])
def test_the_finale_of_the_film_or_the_last_song_of_another_work_is_no_track(sentence):
    found = moods(f'"Harbour Lights" is a duet with strings. {sentence}', *TITLES)
    assert found.get("Ember") == found.get("Salt Roads")


@pytest.mark.parametrize("sentence", [
    "It made me cry in a cinema full of teenagers.",
    "I almost cried on the bus.",
    "I cried my eyes out.",
])
def test_crying_is_sad(sentence):
    assert hits_vector(tag_text(sentence))[MOOD_INDEX["sad"]] > 0


@pytest.mark.parametrize("sentence", [
    "It is a far cry from their debut.",
    "A battle cry of horns.",
    "War cries and drums.",
])
def test_a_far_cry_or_a_battle_cry_is_no_sadness(sentence):
    assert hits_vector(tag_text(sentence))[MOOD_INDEX["sad"]] <= 0


@pytest.mark.parametrize("text, title, mood, other", [
    ('"Salt Roads" replaces the paranoid, twitchy "Signal Fire" with something looser and '
     'more playful, all handclaps.', "Salt Roads", "playful", "tense"),
    ('"Lantern" opens the way "Ironworks" opened their debut, but where "Ironworks" was '
     'furious, "Lantern" is celebratory and bright.', "Lantern", "joyful", "aggressive"),
    ('"Ember" is the one track that goes darker. "Northbound" itself was wistful; this is '
     'genuinely unsettling.', "Ember", "eerie", "nostalgic"),
])
def test_what_is_said_of_another_works_quoted_track_is_not_this_albums(text, title, mood,
                                                                        other):
    found = moods(text, *TITLES)
    assert strongest(found, title) == mood
    assert found[title].get(other, 0) == 0


@pytest.mark.parametrize("text", [
    '"Lantern" has the furious drive of a "Mad Max" chase.',
    'Critics called it "Relentless", and "Lantern" is furious.',
    'Where "Harbour Lights" was calm, "Lantern" is furious.',
])
def test_the_tracks_own_words_beside_another_name_stay_its_own(text):
    found = moods(text, *TITLES)
    assert strongest(found, "Lantern") == "aggressive"


def test_the_kind_of_music_a_track_is_measured_against_is_not_its_mood():
    found = moods('"Ember" is weirdly sad for a dance track, lonely synth pads.', *TITLES)
    assert strongest(found, "Ember") in ("sad", "lonely")
    assert found["Ember"].get("energetic", 0) == 0


@pytest.mark.parametrize("sentence, mood", [
    ("It is bright and loud for a sad song.", "sad"),
    ("Oddly calm for a dance track.", "energetic"),
])
def test_in_a_review_for_a_kind_of_song_is_no_mood(sentence, mood):
    assert hits_vector(tag_text(sentence, skip_names=True))[MOOD_INDEX[mood]] <= 0


@pytest.mark.parametrize("text, mood", [
    ("looking for a sad song", "sad"),
    ("songs for a dance party", "energetic"),
])
def test_a_request_for_a_kind_of_song_keeps_its_mood(text, mood):
    assert hits_vector(tag_text(text))[MOOD_INDEX[mood]] > 0


def test_in_a_review_a_dance_party_is_no_kind_of_music_measured_against():
    sentence = "Perfect for a dance party."
    assert hits_vector(tag_text(sentence, skip_names=True))[MOOD_INDEX["energetic"]] > 0


BULLETS = ("\u2022 Salt Roads \U0001F525\U0001F525 - absolute banger, relentless and pounding\n"
           "\u2022 Ember \u2744\ufe0f - dark and menacing, that bass is evil\n"
           "\u2022 Lantern \U0001F389 - pure fun, silly and bouncy\n")


def test_a_bulleted_title_with_emoji_labels_its_line_even_named_like_the_album():
    found = moods(BULLETS, *TITLES)  # the album is called "Salt Roads" too
    assert strongest(found, "Salt Roads") == "energetic"
    assert strongest(found, "Lantern") in ("playful", "joyful")
    assert strongest(found, "Ember") in ("tense", "eerie")
    assert found["Lantern"].get("tense", 0) < found["Ember"]["tense"] / 2


def test_the_albums_name_opening_a_line_without_a_bullet_is_still_the_album():
    found = moods("Salt Roads - a review\n\nA bleak, lonely record.", *TITLES)
    assert found.get("Salt Roads") == found.get("Lantern")


SERENADE = tuple(f"Serenade, Op. 4: {n}" for n in
                 ("I. Prelude: Andante", "II. Scherzo: Presto", "III. Elegy: Lento",
                  "IV. Rondo: Allegro"))


@pytest.mark.parametrize("sentence", [
    "The Elegy that follows is desolate and mournful.",
    "Then the Elegy, desolate and mournful.",
])
def test_a_movement_is_named_by_its_name_without_the_tempo_after_it(sentence):
    found = moods(f"The Scherzo is playful and bouncy. {sentence}", *SERENADE)
    assert strongest(found, SERENADE[2]) == "sad"
    assert strongest(found, SERENADE[1]) == "playful"
    assert found[SERENADE[1]].get("sad", 0) < found[SERENADE[2]]["sad"] / 2


def test_the_name_in_lower_case_mid_sentence_is_a_word():
    found = moods("The Scherzo is playful. It is a mournful elegy for the old town.",
                  *SERENADE)
    assert found.get(SERENADE[2]) == found.get(SERENADE[0])  # the album's share only


def test_the_orchestra_or_the_symphony_named_in_a_review_is_no_mood():
    found = moods('The heart of the symphony is "Harbour Lights", and here the orchestra is '
                  'at its finest. Its long solo is desolate and mournful.', *TITLES)
    assert strongest(found, "Harbour Lights") == "sad"
    assert found["Harbour Lights"].get("epic", 0) == 0


@pytest.mark.parametrize("sentence", [
    "A sweeping orchestral climax.",
    "Symphonic metal at its most bombastic.",
])
def test_orchestral_and_symphonic_keep_their_mood_in_a_review(sentence):
    assert hits_vector(tag_text(sentence, skip_names=True))[MOOD_INDEX["epic"]] > 0


def test_a_request_for_an_orchestra_keeps_its_mood():
    assert hits_vector(tag_text("orchestra music for studying"))[MOOD_INDEX["epic"]] > 0


@pytest.mark.parametrize("sentence", [
    "It is the saddest song on the album and I still can't sing it.",
    "It is the saddest song on the album; she still sings it every night.",
])
def test_still_inside_its_clause_goes_on_and_weakens_nothing(sentence):
    alone = hits_vector(tag_text("It is the saddest song on the album."))
    assert hits_vector(tag_text(sentence))[MOOD_INDEX["sad"]] >= alone[MOOD_INDEX["sad"]]


@pytest.mark.parametrize("sentence", [
    "It is bleak and gloomy, still it feels hopeful.",
    "It is bleak and gloomy and still hopeful.",
])
def test_still_opening_a_clause_is_a_contrast(sentence):
    read = hits_vector(tag_text(sentence))
    assert read[MOOD_INDEX["hopeful"]] > read[MOOD_INDEX["sad"]]


@pytest.mark.parametrize("later", [
    '"Ember" brings the waltz back, slower and bittersweet.',
    '"Ember" brings back that waltz, slower and bittersweet.',
    'Then "Ember" reprises the old waltz, slower and bittersweet.',
])
def test_a_track_bringing_back_another_tracks_material_is_compared_with_it(later):
    text = ('"Lantern" is a giddy, fun waltz.\n\n"Harbour Lights" is a duet with strings.'
            f"\n\n{later}")
    assert pairs_read(text, *TITLES) == {frozenset(("Lantern", "Ember"))}


@pytest.mark.parametrize("text", [
    '"Lantern" is a giddy waltz. "Salt Roads" is a sad waltz. "Ember" brings the waltz back.',
    '"Lantern" is giddy. "Ember" brings the waltz back, slower.',
])
def test_material_that_no_single_other_track_had_links_nothing(text):
    assert pairs_read(text, *TITLES) == set()


def test_material_two_tracks_share_links_them_and_not_the_track_bringing_it_back():
    """They share a waltz, so they are alike (batch 38); which one's waltz "Ember"
    brings back the text does not say."""
    text = '"Lantern" and "Salt Roads" share a waltz. "Ember" brings the waltz back, slower.'
    assert pairs_read(text, *TITLES) == {frozenset(("Lantern", "Salt Roads"))}


@pytest.mark.parametrize("sentence", [
    "Track 3 is a ballad that had me crying.",
    "Track 3 we both found sad, a ballad that had me crying.",
    "Track No. 3 is a ballad that had me crying.",
])
def test_a_track_named_by_its_number_is_the_albums_track_of_that_number(sentence):
    found = moods(f'Bought it for my wife. {sentence}', *TITLES)
    assert strongest(found, "Salt Roads") == "sad"
    assert found.get("Harbour Lights", {}).get("sad", 0) < found["Salt Roads"]["sad"] / 2


@pytest.mark.parametrize("sentence", [
    "Track 9 is a ballad that had me crying.",
    "Track 3 of their previous album is a ballad that had me crying.",
])
def test_a_number_the_album_lacks_or_another_works_names_no_track(sentence):
    found = moods(f'Bought it for my wife. {sentence}', *TITLES)
    assert found.get("Salt Roads") == found.get("Harbour Lights")


def test_a_title_beside_the_number_is_the_track():
    found = moods("Track 3, Ember, is a ballad that had me crying.", *TITLES)
    assert strongest(found, "Ember") == "sad"
    assert found.get("Salt Roads", {}).get("sad", 0) < found["Ember"]["sad"] / 2
