"""What a 404 for a seed that names no track adds to its message: what else the seed
looks like, so the caller can ask for it the way it is read."""
from __future__ import annotations

import re

from models.ranking import read_text_target


def not_found_hint(seed: str) -> str:
    """"; ..." to end the message "no track matches <seed>" with, or ""."""
    if looks_like_a_file(seed):
        return "; a file is named by path:<its path>"
    moods = list(read_text_target(seed).moods)
    if moods:  # "studying", "rainy day": what a text would ask for, not a title
        return (f"; it reads as a mood or an activity ({', '.join(moods[:3])}): seeds name "
                "tracks, so ask for it as \"text\" in a POST body")
    return ""


def looks_like_a_file(seed: str) -> bool:
    """A path someone pasted as a seed ("Music/Jazz/Take Five.mp3"; not "AC/DC")."""
    return bool(re.search(r"[/\\][^/\\]+\.\w{2,5}$", seed.strip()))
