"""What the twenty-second batch of our own reviews showed the reader missing (2026-11-29).

Ordinary published criticism: a track-by-track review whose first heading, "1. Meridian
(3:48)", is the album's own name; tears ("I teared up anyway"), a voice that cracks, a
ballad "quietly heartbreaking" (no calm in "quietly"), jazz's "burner" and a twelve-bar
"with a wink in it"; torches that "sweep the marsh" (no sweep of strings). Every text
here is our own."""
from __future__ import annotations

from .fixtures import moods_read as moods
from .fixtures import strongest

CUES = ("Salt Roads", "Launch Window", "Ice Moons")


def test_the_albums_name_heading_a_track_with_its_running_time_is_the_track():
    text = ("Here is how the album plays, track by track.\n\n1. Salt Roads (3:48)\n"
            "The main theme arrives fully formed. Heroic and rousing.\n\n"
            "2. Launch Window (5:02)\nOstinato strings build as the countdown runs, tense.")
    found = moods(text, *CUES)
    assert strongest(found, "Salt Roads") == "epic"
    assert "Ice Moons" not in found or found["Ice Moons"].get("epic", 0) < 0.5 * \
        found["Salt Roads"]["epic"]


def test_the_albums_name_with_a_total_time_in_prose_is_still_the_album():
    found = moods("Salt Roads runs a tight 35 minutes. It is heroic and rousing. "
                  "\"Launch Window\" is tense.", *CUES)
    assert "Salt Roads" not in found or strongest(found, "Salt Roads") == \
        strongest(found, "Ice Moons")


def test_quietly_before_a_strong_mood_is_its_degree_not_calm():
    found = moods('"Ice Moons" is a slow, wistful waltz. It is quietly heartbreaking.', *CUES)
    assert strongest(found, "Ice Moons") == "sad"
    found = moods('"Ice Moons" is quietly devastating.', *CUES)
    assert found["Ice Moons"].get("peaceful", 0) < 0.3 * found["Ice Moons"]["sad"]


def test_quietly_before_an_inward_mood_is_still_calm():
    found = moods('"Ice Moons" is spacious and quietly wondering.', *CUES)
    assert found["Ice Moons"].get("peaceful", 0) > 0.3


def test_tears_and_a_voice_that_cracks_are_sad():
    found = moods('"Ice Moons" is piano and solo violin as she watches the message from '
                  'her daughter. Yes, it is manipulative. Yes, I teared up anyway. '
                  '"Launch Window" is loud and fast.', *CUES)
    assert strongest(found, "Ice Moons") == "sad"
    found = moods('"Ice Moons" is the best thing here: a slow-building ballad where his '
                  'voice cracks on the line about his father, and the band swell behind him.',
                  *CUES)
    assert strongest(found, "Ice Moons") == "sad"


def test_a_tune_with_a_wink_in_it_is_playful():
    found = moods('The quartet plays a warm, tender post-bop. "Ice Moons" is a greasy, '
                  'knowing twelve-bar with a wink in it.', *CUES)
    assert strongest(found, "Ice Moons") == "playful"


def test_a_burner_is_a_fast_tune_and_the_back_burner_is_no_mood():
    found = moods('The quartet plays a warm, tender post-bop. "Ice Moons" is a competent '
                  'Latin-tinged burner that goes nowhere in particular.', *CUES)
    assert strongest(found, "Ice Moons") == "energetic"
    found = moods('"Ice Moons" is slow and tender. "Launch Window" put the band\'s '
                  'ambitions on the back burner.', *CUES)
    assert found.get("Launch Window", {}).get("energetic", 0) == 0


def test_torches_that_sweep_the_marsh_are_no_sweeping_music():
    found = moods('"Ice Moons", with its thudding toms and urgent strings, does what is '
                  'needed as torches sweep the marsh.', *CUES)
    assert found["Ice Moons"].get("epic", 0) == 0
    found = moods('"Ice Moons" has strings that sweep the listener away.', *CUES)
    assert found["Ice Moons"].get("epic", 0) > 0


def test_a_pitch_sliding_upward_is_no_hope():
    found = moods('"Ice Moons" sets the tone in under a minute: a wheezing harmonium chord, a '
                  'bowed saw sliding upward and a child humming off-key. It was unnerving.',
                  *CUES)
    assert found["Ice Moons"].get("hopeful", 0) < 0.1
    found = moods('"Ice Moons" looks upward, warm and bright.', *CUES)
    assert found["Ice Moons"].get("hopeful", 0) > 0
