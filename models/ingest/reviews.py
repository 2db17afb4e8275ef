"""Loading reviews: JSON Lines of ``{"text", "track"?, "album"?, "artist"?, "source"?}``
and plain-text reviews of a whole album (``--review FILE.txt --about-album TITLE``)."""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import CatalogError
from ..language import Review
from .catalog import RowProblem


def load_review_jsonl(path: str | Path) -> tuple[list[Review], list[RowProblem]]:
    path = Path(path)
    if not path.is_file():
        raise CatalogError(f"{path}: no such review file")
    reviews, problems = [], []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                obj = None
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) \
                    or not obj["text"].strip():
                problems.append(RowProblem(str(path), line_no, "not a JSON object with "
                                                               "a non-empty \"text\""))
                continue
            reviews.append(Review(text=obj["text"], track=_opt(obj, "track"),
                                  album=_opt(obj, "album"), artist=_opt(obj, "artist"),
                                  source=_opt(obj, "source") or f"{path.name}:{line_no}"))
    return reviews, problems


def _opt(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    return str(value).strip() or None if value is not None else None


def load_album_review(path: str | Path, album: str) -> Review:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise CatalogError(f"{path}: cannot read review ({exc.strerror})") from None
    if not text.strip():
        raise CatalogError(f"{path}: the review is empty")
    return Review(text=text, album=album, source=path.name)
