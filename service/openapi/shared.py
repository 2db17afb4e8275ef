"""Schemas the answers and requests share, named once in ``components/schemas``.

pydantic writes a ``Literal`` or a ``dict[str, str]`` inline wherever a field has it, so
the 16 moods were seven inline enums and the external ids four inline maps: a client
generated from the document then had seven mood types (a result's mood could not be
given as a playlist's ``arc.from`` without a cast) and four id types. ``name_shared``
puts a ``$ref`` to one named schema in their place, keeping each place's description.
"""
from __future__ import annotations

import copy
from typing import Any

from models.language import MOODS

from ..requests.queries import EXPORT_FORMATS

PREFIX = "#/components/schemas/"

_SCORE = {"type": "number", "minimum": 0, "maximum": 1}
SHARED: dict[str, dict[str, Any]] = {
    "Mood": {"type": "string", "enum": list(MOODS),
             "description": "One of feelalike's 16 moods (docs/moods.md)."},
    "ExportFormat": {"type": "string", "enum": list(EXPORT_FORMATS),
                     "description": "What a playlist or path is answered as: json, or a "
                                    "playlist file (m3u8, xspf, jspf, csv)."},
    "ExternalIds": {
        "type": "object", "additionalProperties": {"type": "string"},
        "description": "A track's ids in other systems, by kind: isrc, mbid (MusicBrainz "
                       "recording), spotify, deezer, path (a file), ext:NAME.",
        "examples": [{"isrc": "GBUM71900187", "spotify": "7qEHsqek33rTcFNT9PFqLf"}]},
    "MoodScores": {
        "type": "object", "required": list(MOODS),
        "properties": {m: {**_SCORE, "description": f"The {m} score."} for m in MOODS},
        "description": "All 16 mood scores of a track (0-1), by mood.",
        "examples": [{m: 0.5 for m in MOODS}]},
    "MoodWeights": {
        "type": "object",
        "properties": {m: {**_SCORE, "description": f"How much {m} is asked for."}
                       for m in MOODS},
        "description": "Moods read from a text, by mood (the strongest 1); only those read.",
        "examples": [{"aggressive": 1.0, "energetic": 0.4}]},
}
#: maps named by where they are (a map of numbers is no shape of its own)
BY_PLACE = {("TrackDocument", "mood_scores"): "MoodScores",
            ("TextRead", "moods"): "MoodWeights"}
#: what an inline schema loses when a reference takes its place
_SHAPE = ("type", "enum", "additionalProperties", "title")


def ref(name: str) -> dict[str, str]:
    """A reference to a component schema."""
    return {"$ref": PREFIX + name}


def _shared_name(node: dict[str, Any]) -> str | None:
    """The shared schema an inline one is, if any."""
    enum = node.get("enum")
    if enum is not None and node.get("type") == "string":
        for name in ("Mood", "ExportFormat"):
            if set(enum) == set(SHARED[name]["enum"]):
                return name
    if (node.get("type") == "object" and "properties" not in node
            and node.get("additionalProperties") == {"type": "string"}):
        return "ExternalIds"
    return None


def _referenced(node: dict[str, Any], name: str) -> dict[str, Any]:
    kept = {k: v for k, v in node.items() if k not in _SHAPE}
    if name in ("MoodScores", "MoodWeights"):
        kept.pop("examples", None)  # the component's own examples hold the whole shape
    return {"$ref": PREFIX + name, **kept}


def _replace(node: Any) -> Any:
    if isinstance(node, list):
        return [_replace(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _replace(v) for k, v in node.items()}
    name = _shared_name(out)
    return _referenced(out, name) if name else out


def name_shared(doc: dict[str, Any]) -> dict[str, Any]:
    """The document with each shared shape a reference to its named component."""
    schemas = doc["components"]["schemas"]
    for (owner, prop), name in BY_PLACE.items():
        props = schemas[owner]["properties"]
        props[prop] = _referenced(props[prop], name)
    doc["paths"] = _replace(doc["paths"])
    doc["components"]["schemas"] = {**_replace(schemas),
                                    **copy.deepcopy(SHARED)}
    return doc
