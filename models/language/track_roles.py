"""A one-word title said to hold a place in the work: "Spoonbill is the album's
oddball", "Harbour was the record's big surprise".

The work's possessive before a noun gives the track a role among the work's tracks, as
"the standout track" does (see ``openings.A_KIND_OF_TRACK``); what the work is about
("Time is the album's theme", "Love is the record's real subject") names no track.
"""
from __future__ import annotations

import re

#: nouns of what a work is about or made of, never a track's role in it
ABOUT = ("theme|themes|subject|subjects|topic|message|concern|idea|ideas|concept|focus|"
         "question|preoccupation|obsession|motif|motifs|mood|thesis|point|premise|setting|"
         "story|title|name|cover|artwork|label|budget|producer|sound|language|enemy|"
         "villain|hero|heroine|character|characters|narrator")
A_ROLE_IN_THE_WORK = re.compile(
    r"^\S+\s+(is|was)\s+(the|this)\s+(album|record|score|soundtrack|ep|lp|disc|mixtape|"
    r"tape|set|collection|suite)['\u2019]s\s+(?!([\w-]+\s+){0,2}?(" + ABOUT + r")\b)"
    r"[a-z][\w-]*", re.IGNORECASE)


def holds_a_role(sentence: str) -> bool:
    """``sentence`` opens "<word> is the album's <noun>": the word names a track."""
    return A_ROLE_IN_THE_WORK.match(sentence) is not None
