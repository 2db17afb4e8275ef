"""Options that name build sources, shared by ``build`` and ``moods``."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

import click

from models.build import Sources
from models.errors import AudioError, BadRequest


def review_options(command: Callable) -> Callable:
    """``--reviews``, ``--review`` and ``--about-album``."""
    for option in reversed((
            click.option("--reviews", "jsonl", multiple=True, help="Reviews as JSON Lines."),
            click.option("--review", "texts", multiple=True, help="A plain-text album review."),
            click.option("--about-album", "albums", multiple=True,
                         help="The album a --review is about."))):
        command = option(command)
    return command


def parse_mapping(pairs: Sequence[str]) -> dict[str, str]:
    """``--map FIELD=COLUMN`` pairs as a dict."""
    out = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise BadRequest(f"--map takes FIELD=COLUMN, got {pair!r}")
        out[field.strip()] = column.strip()
    return out


def sources(catalogs: Sequence[str], mapping: Sequence[str], jsonl: Sequence[str],
            texts: Sequence[str], albums: Sequence[str],
            audio_dirs: Sequence[str] = ()) -> Sources:
    """The :class:`Sources` the command line names. A missing audio folder, catalog or
    review file is refused here, before any model is trained or loaded for the build."""
    for folder in audio_dirs:
        if not Path(folder).exists():
            raise AudioError(f"{folder}: no such folder")
    for file in (*catalogs, *jsonl, *texts):
        if not Path(file).exists():
            raise BadRequest(f"{file}: no such file")
    return Sources(catalogs=catalogs, mapping=parse_mapping(mapping), review_files=jsonl,
                   album_reviews=texts, albums=albums, audio_dirs=audio_dirs)
