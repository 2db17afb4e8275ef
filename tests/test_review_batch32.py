"""What the thirty-second batch of our own reviews showed the reader missing (2026-11-29).

Voices not yet in the set: an arbitration transcript, a music therapist's session notes,
a fan-fiction author's chapter playlist, an obituary, a food blog, a band's rehearsal
email, a composer's professional post, a label's FAQ page.  A likeness someone else
claims ("The claimant says that 'A' was recycled in 'B'") or that is asked about
("People keep asking whether it reuses the 'B' pulse. It doesn't!") is not the review's;
"resembles" likens; a deposition's "Q." and "A." label turns as "Q:" and "A:" do.
Every text here is our own."""
from __future__ import annotations

import pytest

from models.language import with_turn_labels

from .fixtures import moods_read as moods
from .fixtures import pairs_read as pairs
from .fixtures import strongest

TRACKS = ("Lowland", "Copper Sky", "Sleepwalker", "Iron Gate")
PAIR = frozenset(("Lowland", "Copper Sky"))


@pytest.mark.parametrize("text", [
    "The claimant says that Copper Sky was recycled from Lowland.",
    "Tom insists Copper Sky echoes Lowland, though nobody else hears it.",
    "Their lawyer alleged that Copper Sky reuses the melody of Lowland.",
    "People keep asking whether Copper Sky reuses the Lowland riff. It doesn't!",
    "I sometimes wonder if Copper Sky borrows from Lowland.",
    "Copper Sky is slow. Listeners ask whether it recalls Lowland.",
])
def test_a_likeness_someone_else_claims_or_asks_about_links_nothing(text):
    assert not pairs(text, *TRACKS)


@pytest.mark.parametrize("text", [
    "Copper Sky echoes Lowland, slowed right down.",
    "As the composer says, Copper Sky reprises Lowland.",
    "Copper Sky is Ana's favourite. She says it reminds her of Lowland, only slower.",
    "The liner notes are dull, but Copper Sky recalls Lowland in its melody.",
    "I think Copper Sky echoes Lowland.",
])
def test_a_likeness_the_review_asserts_or_passes_on_still_links(text):
    assert pairs(text, *TRACKS) == {PAIR}


@pytest.mark.parametrize("text", [
    "Copper Sky closely resembles Lowland, slow and melancholy.",
    "Copper Sky is the one that genuinely resembles Lowland: slow and melancholy.",
    "Copper Sky, which resembles Lowland, is slow and melancholy.",
])
def test_resembles_likens_and_colours_the_track(text):
    assert pairs(text, *TRACKS) == {PAIR}
    assert "sad" in moods(text, *TRACKS)["Copper Sky"]


@pytest.mark.parametrize("text", [
    "Copper Sky resembles a lullaby; Lowland is a dirge.",
    "Copper Sky hardly resembles Lowland at all.",
    "Copper Sky never resembled Lowland, whatever the sleeve says.",
])
def test_a_resemblance_to_no_track_or_denied_links_nothing(text):
    assert not pairs(text, *TRACKS)


@pytest.mark.parametrize("answer", [
    "Iron Gate closes the film. It is hopeful and bright.",
    "It is hopeful and bright.",
    "Iron Gate is hopeful and bright, and the strings climb.",
])
def test_a_deposition_s_answer_is_about_the_track_asked_about(answer):
    text = ("Q. You have heard the whole score?\n\nA. Many times.\n\nQ. What about Lowland?"
            f"\n\nA. It is mournful and grim.\n\nQ. And Iron Gate?\n\nA. {answer}")
    found = moods(text, *TRACKS)
    assert strongest(found, "Iron Gate") == "hopeful"
    assert strongest(found, "Lowland") == "sad"
    assert "hopeful" not in found.get("Sleepwalker", {})


def test_only_a_transcript_s_labels_are_rewritten():
    transcript = "Q. And Iron Gate?\nA. Iron Gate is bright."
    assert with_turn_labels(transcript) == "Q: And Iron Gate?\nA: Iron Gate is bright."
    outline = "A. Lowland is slow.\nB. Iron Gate is bright.\nA. Then a reprise."
    assert with_turn_labels(outline) == outline
    labelled = "Q. Why?\nA. Because.\nQ. And?\nA.\n"
    assert with_turn_labels(labelled) == "Q: Why?\nA: Because.\nQ: And?\nA.\n"


@pytest.mark.parametrize("people", [
    "two residents told us about the towns they came from",
    "the patients said they liked it",
    "the students asked whether they could hear it again",
])
def test_they_after_people_keeps_the_sentence_on_the_track(people):
    found = moods(f"Next was Iron Gate. It is slow and mournful; {people}.", *TRACKS)
    assert strongest(found, "Iron Gate") == "sad"
    assert found["Iron Gate"]["sad"] > found.get("Lowland", {}).get("sad", 0)  # not the album's


def test_they_with_no_people_before_it_still_leaves_the_track():
    found = moods("Iron Gate is bright and cheerful. They are all slow and mournful, the "
                  "rest of them.", *TRACKS)
    assert strongest(found, "Iron Gate") == "joyful"
    assert found["Iron Gate"].get("sad", 0) < found["Lowland"]["sad"]


@pytest.mark.parametrize("image", [
    "it feels like leafing through old photographs",
    "a box of faded photos",
    "the sound of a family photo album",
    "like an old home movie",
])
def test_old_photographs_are_nostalgic(image):
    assert strongest(moods(f"Lowland is quiet: {image}.", *TRACKS), "Lowland") == "nostalgic"


def test_photographs_alone_are_no_mood():
    found = moods("Lowland is bright and joyful; the photographs on the sleeve are old.", *TRACKS)
    assert "nostalgic" not in found["Lowland"]


@pytest.mark.parametrize("text", [
    "Copper Sky: slow and melancholy. It's really a Lowland cousin.",
    "Copper Sky is slow and melancholy, basically a Lowland outtake.",
    "Copper Sky sounds like a Lowland B-side, slow and melancholy.",
    'Copper Sky is slow and melancholy, another "Lowland" sibling.',
])
def test_a_track_named_as_another_s_kin_is_likened_to_it(text):
    assert pairs(text, *TRACKS) == {PAIR}
    assert "sad" in moods(text, *TRACKS)["Copper Sky"]


@pytest.mark.parametrize("text", [
    "Copper Sky: we play it like a Lowland B-side and it isn't one. Tender and romantic.",
    "Copper Sky is not a Lowland outtake. Tender and romantic, a love song.",
    "Copper Sky is never a Lowland cousin: tender and romantic.",
    "Copper Sky: we keep playing it like an Iron Gate B-side and it isn't one. It's a love "
    "song! Soft, sweet, romantic.",
    "Copper Sky is no Iron Gate outtake. Tender and romantic, a love song.",
])
def test_a_denied_kinship_links_nothing_and_the_track_keeps_its_words(text):
    found = moods(text, *TRACKS)
    assert not pairs(text, *TRACKS)
    assert strongest(found, "Copper Sky") in ("tender", "romantic")
    assert "romantic" not in found.get("Lowland", {})
    assert "romantic" not in found.get("Iron Gate", {})


def test_a_common_word_before_a_noun_is_still_no_title():
    text = "Copper Sky sounds like a Sunday service, slow and melancholy."
    assert "Sunday" not in moods(text, "Sunday", "Copper Sky")


@pytest.mark.parametrize("text", [
    "Q: Is it on vinyl?\nA: Yes.\nQ: My kids love Lowland. Is there anything else like it?\n"
    "A: Try Copper Sky, which is slow and melancholy.",
    "Lowland is our favourite. Anything similar on the record? Check out Copper Sky, slow "
    "and melancholy.",
    "We played Lowland twice. Any more along these lines? I'd recommend Copper Sky: slow "
    "and melancholy.",
])
def test_a_track_suggested_in_answer_to_anything_like_it_is_likened(text):
    assert pairs(text, *TRACKS) == {PAIR}
    assert "sad" in moods(text, *TRACKS)["Copper Sky"]


@pytest.mark.parametrize("text", [
    "Q: Is it on vinyl?\nA: Yes.\nQ: My kids love Lowland. Is there a cassette?\nA: Try "
    "Copper Sky's single first.",
    "Q: Is it on vinyl?\nA: Yes.\nQ: My kids love Lowland. Is there anything else like it?\n"
    "A: Not really. Copper Sky is the closest in length.",
    "Is there anything else like it? Lowland is great.\n\nTry Copper Sky, slow and sad.",
    "Lowland is lovely. Is there anything else like it? Sadly, Copper Sky is the opposite.",
])
def test_no_likeness_asked_for_or_no_suggestion_right_after_links_nothing(text):
    assert not pairs(text, *TRACKS)


@pytest.mark.parametrize("said", [
    "A colleague finds it soothing, but to me it is unsettling and creepy.",
    "My sister found it soothing, but for me it is unsettling and creepy.",
    "Everyone says it's soothing, but to us it is unsettling and creepy.",
])
def test_someone_else_s_finding_answered_by_the_writer_is_theirs(said):
    found = moods(f"Next was Iron Gate. {said}", *TRACKS)
    assert strongest(found, "Iron Gate") == "eerie"
    assert "peaceful" not in found["Iron Gate"]


@pytest.mark.parametrize("said", [
    "A colleague finds it soothing, and so do I.",
    "I find it soothing, but it is long.",
])
def test_a_finding_left_standing_or_the_writer_s_own_counts(said):
    assert "peaceful" in moods(f"Next was Iron Gate. {said}", *TRACKS)["Iron Gate"]


@pytest.mark.parametrize("text", [
    "Its lullaby motif runs through the whole score. It first appears in Lowland, tender "
    "and soft, and returns, darker, in Copper Sky.",
    "A four-note melody holds the record together. It is first heard in Lowland and later "
    "comes back in Copper Sky.",
    "The score has one theme. It is introduced on Lowland, and reappears on Copper Sky.",
])
def test_a_theme_named_before_any_track_then_followed_links_its_tracks(text):
    assert pairs(text, *TRACKS) == {PAIR}


@pytest.mark.parametrize("text", [
    "The score is short. It first appears in Lowland, and returns in Copper Sky.",
    "Its lullaby motif runs through the score.\n\nIt first appears in Lowland, and returns "
    "in Copper Sky.",
    "Its lullaby motif runs through the score. It first appears in Lowland, and then "
    "Copper Sky is a brisk march.",
])
def test_no_theme_just_before_or_no_return_links_nothing(text):
    assert not pairs(text, *TRACKS)
