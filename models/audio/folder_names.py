"""What a file's folders say of its artist and album, in the layout taggers and players
write (Picard, beets, iTunes, Jellyfin): ``Artist/Album/NN Title.ext``.

Read only for what a file's tags leave empty (tags always win), and only for a file
exactly two folders deep below the music folder: one deeper (``Album/CD1/``) or
shallower (``Unsorted/``) says too little of which folder is which.  A library in
several music folders (``~/Music`` and ``/mnt/nas/music``) has each file read below
the music folder that holds it (:func:`below_music_folder`).  A folder named
as a shelf rather than a name ("Various Artists", "Compilations", "Unsorted", "Misc",
"Unknown Artist") gives nothing: a compilation's album folder still names its album.
"""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import Sequence

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


def below_music_folder(path: str | Path, folders: Sequence[str | Path]) -> str:
    """``path`` relative to the outermost of the music ``folders`` that holds it, with
    ``/`` separators ("" when none does): a sub-folder named beside its music folder
    (``--audio-dir ~/Music --audio-dir ~/Music/Nova``) is no music folder of its own,
    and nor is the filesystem's root."""
    where = Path(os.path.abspath(path))
    holders = [Path(os.path.abspath(f)) for f in folders]
    holders = sorted((f for f in holders if f != Path(f.anchor) and where.is_relative_to(f)
                      and where != f), key=lambda f: len(f.parts))
    return where.relative_to(holders[0]).as_posix() if holders else ""
