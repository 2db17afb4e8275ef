"""A track said to take up another's material, named after a noun phrase: "the Epilogue
recalls the material of the opening track, but reharmonised in the major ...",
"'A' reprises the melody of 'B', now slow and hopeful".

As with a title the track is built from or likened to right after the verb
(``scope.DERIVED_FROM``: "'A' is basically 'B' with drums"), what follows the title
is about the track that takes the material up, not the one it comes from.
"""
from __future__ import annotations

import re

MATERIAL_OF = re.compile(
    r"\b(recalls|recalled|recalling|reprises|reprised|reprising|echoes|echoed|echoing|"
    r"revisits|revisited|revisiting|quotes|quoted|quoting|brings back|brought back|"
    r"reuses|reused|reusing|borrows|borrowed|borrowing|takes up|took up|returns to|"
    r"returned to) (the|its) ([\w'\u2019-]+ ){0,2}?(material|materials|music|melody|"
    r"melodies|theme|themes|motif|motifs|idea|ideas|tune|figure|harmonies|chords) "
    r"(of|from)\s+(the\s+)?[\"'\u201c\u2018]?$", re.IGNORECASE)


def takes_material_from(lead: str) -> bool:
    """``lead`` (the words before a title) says the track before takes up the title's
    material: "recalls the material of "."""
    return MATERIAL_OF.search(lead) is not None
