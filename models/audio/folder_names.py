"""What a file's folders say of its artist and album, in the layout taggers and players
write (Picard, beets, iTunes, Jellyfin): ``Artist/Album/NN Title.ext``.

Read only for what a file's tags leave empty (tags always win), and only for a file
exactly two folders deep below the music folder: one deeper (``Album/CD1/``) or
shallower (``Unsorted/``) says too little of which folder is which.  A folder named
as a shelf rather than a name ("Various Artists", "Compilations", "Unsorted", "Misc",
"Unknown Artist") gives nothing: a compilation's album folder still names its album.
"""
from __future__ import annotations

import re
import unicodedata

#: folder names that sort files rather than name an artist or an album (compared in
#: lower case, with punctuation and spaces dropped)
SHELVES = frozenset({
    "various", "variousartists", "va", "compilation", "compilations", "unsorted",
    "misc", "miscellaneous", "unknown", "unknownartist", "unknownalbum", "untitled",
    "other", "others", "downloads", "download", "newfolder", "music", "singles",
    "soundtrack", "soundtracks", "incoming", "inbox", "tmp", "temp", "new",
})
_NOT_LETTERS = re.compile(r"[\W_]+")


def is_shelf(folder: str) -> bool:
    """Whether ``folder`` is a shelf name ("Various Artists", "[Unknown Album]")."""
    return _NOT_LETTERS.sub("", folder.casefold()) in SHELVES


def names_from_folders(path: str) -> tuple[str, str]:
    """(artist, album) that the folders of ``path`` give (each "" when none): ``path``
    is the file's path relative to the music folder, with ``/`` separators."""
    parts = path.split("/")
    if len(parts) != 3 or path.startswith("/"):
        return "", ""
    artist, album = (" ".join(unicodedata.normalize("NFC", p).split()) for p in parts[:2])
    return ("" if is_shelf(artist) else artist), ("" if is_shelf(album) else album)
