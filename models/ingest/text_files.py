"""Decoding a user's text files: UTF-8 first, then what spreadsheets and editors save.

A catalog exported by Excel on Windows ("CSV (comma delimited)") or a review saved as
"ANSI" in Notepad is Windows-1252, not UTF-8: read as UTF-8 with replacement, "Beyoncé"
became "Beyonc\ufffd" and the curly quotes around a title vanished, so the title no
longer matched.  A file that is not valid UTF-8 is read as Windows-1252 instead, which
also reads Latin-1 text the same for every printable character.
"""
from __future__ import annotations

from pathlib import Path

UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
FALLBACK = "cp1252"


def decode_text(raw: bytes) -> str:
    """The text of a file's bytes: UTF-16 after its byte order mark (spreadsheets'
    "Unicode text"), else UTF-8 (a byte order mark dropped), else Windows-1252."""
    if raw[:2] in UTF16_MARKS:
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode(FALLBACK, errors="replace")


def read_text_file(path: str | Path) -> str:
    """A whole text file, decoded as :func:`decode_text` does (raises ``OSError``)."""
    return decode_text(Path(path).read_bytes())
