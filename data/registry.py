"""A small registry of public datasets, fetched on demand into the data home.

Nothing is downloaded at import time.  ``fetch`` looks for a verified local copy
first (the data home, then the folders in the ``DATASET_MIRRORS`` setting), and only
then downloads; every file is checked against its sha256 before it is used.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from models import settings
from models.errors import DatasetError
from models.ingest import sha256_of

CHUNK = 1 << 20


@dataclass(frozen=True)
class Dataset:
    name: str
    url: str
    sha256: str
    filename: str
    licence: str
    description: str


REGISTRY: dict[str, Dataset] = {d.name: d for d in (
    Dataset(
        name="tidytuesday-spotify",
        url="https://raw.githubusercontent.com/rfordatascience/tidytuesday/master/"
            "data/2020/2020-01-21/spotify_songs.csv",
        sha256="9902920cfe4940f0914ebb6716801a42f7f19ac88fbd6693eaae7e2822b16845",
        filename="tidytuesday_spotify_songs.csv",
        licence="TidyTuesday repository: MIT; data from the Spotify Web API",
        description="32,833 (track, playlist) rows, 28,356 tracks with Spotify audio "
                    "features, playlist names, genres and subgenres",
    ),
    *(Dataset(
        name=f"deezer-moods-{split}",
        # pinned to the upstream commit the sha256 was taken from
        url="https://raw.githubusercontent.com/deezer/deezer_mood_detection_dataset/"
            f"9c6e1c5992a5b78166f6212d5b62b86217dff17f/{split}.csv",
        sha256=digest,
        filename=f"{split}.csv",
        licence="published by Deezer for research (Delbouys et al. 2018, 'Music mood "
                "detection based on audio and lyrics with deep neural net', ISMIR); no "
                "licence file upstream: fetched on demand, never bundled",
        description=f"Deezer mood detection dataset, {split} split: {rows} songs with "
                    "continuous valence and arousal (z-scores), artist and title",
    ) for split, digest, rows in (
        ("train", "7c92c7426325f41a41ff75c93087593859907517c4c84973f8db8463e6b20f3f", "11,267"),
        ("validation", "4bf9c5b32245c523c1d3474bebe2294a1125efc3bdd2f3edb2204b0f6008e1c2",
         "3,863"),
    )),
)}


def get(name: str) -> Dataset:
    try:
        return REGISTRY[name]
    except KeyError:
        raise DatasetError(f"unknown dataset {name!r}; known: {', '.join(REGISTRY)}") from None


def local_path(dataset: Dataset) -> Path:
    return settings.data_home() / "datasets" / dataset.name / dataset.filename


def state(name: str) -> str:
    """"present" (a copy that matches its sha256), "damaged" (a copy that does not:
    ``fetch`` replaces it) or "not fetched"."""
    dataset = get(name)
    path = local_path(dataset)
    if not path.is_file():
        return "not fetched"
    try:
        return "present" if sha256_of(path) == dataset.sha256 else "damaged"
    except OSError:
        return "damaged"


def add(name: str, source: str | Path) -> Path:
    """Import a local copy of a dataset after checking its sha256."""
    dataset, source = get(name), Path(source)
    if not source.is_file():
        raise DatasetError(f"{source}: no such file")
    try:
        actual = sha256_of(source)
    except OSError as exc:
        raise DatasetError(f"{source}: cannot read ({exc.strerror or exc})") from None
    if actual != dataset.sha256:
        raise DatasetError(f"{source}: sha256 {actual} does not match {dataset.name} "
                           f"({dataset.sha256})")
    target = local_path(dataset)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with source.open("rb") as src:
            _atomic_copy(lambda out: shutil.copyfileobj(src, out, CHUNK), target)
    except OSError as exc:
        raise DatasetError(f"cannot write {target} ({exc.strerror or exc})") from None
    return target


def _atomic_copy(write: Callable, target: Path) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
    try:
        with os.fdopen(fd, "wb") as out:
            write(out)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _mirror_copy(dataset: Dataset) -> Path | None:
    for folder in filter(None, str(settings.get("DATASET_MIRRORS")).split(os.pathsep)):
        candidate = Path(folder).expanduser() / dataset.filename
        if candidate.is_file() and sha256_of(candidate) == dataset.sha256:
            return candidate
    return None


def fetch(name: str, timeout: float = 60.0) -> Path:
    """The dataset's verified local path, downloading it if no copy is at hand."""
    dataset = get(name)
    target = local_path(dataset)
    if target.is_file() and sha256_of(target) == dataset.sha256:
        return target
    mirror = _mirror_copy(dataset)
    if mirror is not None:
        return add(name, mirror)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with urllib.request.urlopen(dataset.url, timeout=timeout) as response:
            _atomic_copy(lambda out: shutil.copyfileobj(response, out, CHUNK), target)
    except OSError as exc:
        raise DatasetError(f"cannot download {name} from {dataset.url} ({exc}); if you have "
                           f"a copy: feelalike datasets add {name} --from FILE") from None
    if sha256_of(target) != dataset.sha256:
        target.unlink()
        raise DatasetError(f"the download of {name} does not match its sha256; removed it")
    return target
