"""Loading reviews: JSON Lines of ``{"text", "track"?, "album"?, "artist"?, "source"?}``
and plain-text reviews of a whole album (``--review FILE.txt --about-album TITLE``)."""
from __future__ import annotations

from pathlib import Path

from ..errors import CatalogError
from ..language import Review
from .catalog import RowProblem
from .row_readers import jsonl_rows
from .markup import plain_text
from .text_files import read_text_file


def load_review_jsonl(path: str | Path) -> tuple[list[Review], list[RowProblem]]:
    path = Path(path)
    if not path.is_file():
        raise CatalogError(f"{path}: " + ("a folder, not a review file" if path.is_dir()
                                          else "no such review file"))
    reviews, problems = [], []
    for line_no, obj, _ in jsonl_rows(path):
        if obj is None or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            problems.append(RowProblem(str(path), line_no, "not a JSON object with "
                                                           "a non-empty \"text\""))
            continue
        reviews.append(Review(text=plain_text(obj["text"]), track=_opt(obj, "track"),
                              album=_opt(obj, "album"), artist=_opt(obj, "artist"),
                              source=_opt(obj, "source") or f"{path.name}:{line_no}"))
    return reviews, problems


def _opt(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    return str(value).strip() or None if value is not None else None


def load_album_review(path: str | Path, album: str) -> Review:
    path = Path(path)
    try:
        text = plain_text(read_text_file(path))
    except OSError as exc:
        raise CatalogError(f"{path}: cannot read review ({exc.strerror})") from None
    if not text.strip():
        raise CatalogError(f"{path}: the review is empty")
    return Review(text=text, album=album, source=path.name)
