"""Short human-readable reasons why a result was recommended for a seed."""
from __future__ import annotations

from typing import Any

MAX_REASONS = 3
MAX_QUOTE = 90


def evidence(doc: dict[str, Any], mood: str) -> list[dict[str, Any]]:
    return next((m["evidence"] for m in doc.get("moods", []) if m["mood"] == mood), [])


def _quote(doc: dict[str, Any], mood: str) -> str | None:
    for ev in evidence(doc, mood):
        if not ev.get("source", "").startswith("tag:"):
            text = (ev.get("sentence") or ev.get("phrase") or "").strip()
            if len(text) > MAX_QUOTE:
                text = _window(text, ev.get("phrase", ""))
            return f'{mood}: {_quoted(text)} ({doc.get("title")}, {ev.get("source")})'
    return None


def _quoted(text: str) -> str:
    """Typographic quotes around a passage: it often holds straight quotes of its own
    (a review quoting a title), which would otherwise double up as in '""Title" ...'.
    Typographic double quotes of its own become single ones, as quotes within quotes
    are written (the "Her" review quotes every title so: '\u201c\u201cLoneliness #3'
    began its link)."""
    inner = text.replace("\u201c", "\u2018").replace("\u201d", "\u2019")
    return f"\u201c{inner}\u201d"


def _window(sentence: str, phrase: str) -> str:
    at = max(sentence.lower().find(phrase.lower()), 0)
    start = max(0, at - MAX_QUOTE // 2)
    return ("..." if start else "") + sentence[start:start + MAX_QUOTE].strip() + "..."


def _shared_moods(seed: dict[str, Any], doc: dict[str, Any]) -> list[str]:
    shared = [m for m in doc.get("top_moods", []) if m in seed.get("top_moods", [])]
    if shared:
        return shared
    a, b = seed.get("mood_scores", {}), doc.get("mood_scores", {})
    best = max(a, key=lambda m: min(a[m], b.get(m, 0.0)), default=None)
    return [best] if best and min(a[best], b.get(best, 0.0)) > 0.05 else []


def _audio(seed: dict[str, Any], doc: dict[str, Any]) -> str | None:
    fa, fb = seed.get("features", {}), doc.get("features", {})
    if "tempo" in fa and "tempo" in fb and fa["tempo"] and \
            abs(fa["tempo"] - fb["tempo"]) / fa["tempo"] <= 0.05:
        return f"similar tempo ({fb['tempo']:.0f} BPM; the seed {fa['tempo']:.0f})"
    if abs(seed.get("valence", 0) - doc.get("valence", 0)) < 0.15 and \
            abs(seed.get("arousal", 0) - doc.get("arousal", 0)) < 0.15:
        return "close in valence and arousal"
    return None


def _asserted(seed: dict[str, Any], doc: dict[str, Any]) -> str | None:
    for rel in seed.get("related", []):
        if rel["id"] == doc.get("id"):
            return (f'a review links them: {_quoted(rel["sentence"][:MAX_QUOTE * 2])} '
                    f'({rel["source"]})')
    return None


def reasons(seed: dict[str, Any], doc: dict[str, Any]) -> list[str]:
    out: list[str] = []
    asserted = _asserted(seed, doc)
    if asserted:
        out.append(asserted)
    shared = _shared_moods(seed, doc)
    if shared:
        out.append("shares the mood" + ("s " if len(shared) > 1 else " ") + ", ".join(shared))
        for mood in shared:
            quote = _quote(doc, mood) or _quote(seed, mood)
            if quote:
                out.append("evidence: " + quote)
                break
    common_tags = [t for t in doc.get("tags", []) if t in set(seed.get("tags", []))]
    if common_tags:
        out.append("both tagged " + ", ".join(f"'{t}'" for t in common_tags[:2]))
    audio = _audio(seed, doc)
    if audio:
        out.append(audio)
    return out[:MAX_REASONS] or ["close in the combined audio and mood space"]


def request_reasons(seed: dict[str, Any] | None, doc: dict[str, Any],
                    moods_asked: dict[str, float]) -> list[str]:
    """Reasons for a result of a request that may have no seed but asked for moods."""
    why = reasons(seed, doc) if seed else []
    matched = [m for m in doc.get("top_moods", []) if moods_asked.get(m)]
    if matched:
        why.insert(0, "matches the moods asked for: " + ", ".join(matched))
    return why[:MAX_REASONS] or ["fits the request"]
