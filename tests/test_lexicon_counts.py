"""docs/moods.md states the lexicon's size; every session's new words made it stale
(1,016 headwords written while the file held 1,027). The counts are read from the one
data file, as the docs say they are."""
from __future__ import annotations

import json
import re

from .fixtures import ROOT


def test_docs_state_the_lexicons_counts():
    data = json.loads((ROOT / "models" / "language" / "lexicon" / "moods.json")
                      .read_text(encoding="utf-8"))
    entries = data["entries"]
    forms = len(entries) + sum(len(entry.get("forms", [])) for entry in entries.values())
    doc = " ".join((ROOT / "docs" / "moods.md").read_text(encoding="utf-8").split())
    said = re.search(r"has ([\d,]+) headwords and short phrases .*?\), ([\d,]+) surface "
                     r"forms .*?; ([\d,]+) tag mappings", doc)
    assert said, "docs/moods.md no longer states the lexicon's counts"
    assert [int(n.replace(",", "")) for n in said.groups()] == \
        [len(entries), forms, len(data["tags"])]
