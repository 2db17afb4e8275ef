"""Settings declared as data: a :class:`Setting` is (name, default, help, parse).

Each setting ``NAME`` is read from the environment variable ``FEELALIKE_NAME`` (and,
when the setting names one, from a conventional unprefixed variable as well; the
prefixed one wins).  This module holds the reader and the domain's settings; the
service declares its own (``service/settings.py``), and ``docs/settings.md`` lists
them all.  A value that cannot be parsed is a :class:`ConfigError`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from .errors import ConfigError

PREFIX = "FEELALIKE_"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str
    also: str | None = None  # an unprefixed variable also read, e.g. REDIS_URL
    secret: bool = False  # may hold a password: an error never quotes the value

    def read(self, env: Mapping[str, str] | None = None) -> Any:
        """This setting's value in ``env`` (default ``os.environ``), parsed, or its default."""
        env = os.environ if env is None else env
        variable = PREFIX + self.name
        raw = env.get(variable)
        if raw is None and self.also:
            variable, raw = self.also, env.get(self.also)  # the name the user set
        if raw is None or raw == "":
            return self.default() if callable(self.default) else self.default
        try:
            return self.parse(raw)
        except ValueError:
            shown = "" if self.secret else f"={raw!r}"
            raise ConfigError(f"setting {variable}{shown} is not a valid "
                              f"{self.parse.__name__}", setting=variable) from None


#: the project folder (a checkout, or where the package is installed)
PROJECT = Path(__file__).resolve().parents[1]


def beside_project(folders: str) -> Callable[[], str]:
    """A default naming folders (``:``-separated) relative to the project folder, so a
    command run from any folder finds the project's shared data; a value set in the
    environment stays relative to where the command runs."""
    def default() -> str:
        return os.pathsep.join(str((PROJECT / f).resolve()) for f in folders.split(":") if f)
    default.__doc__ = folders
    return default


def _default_data_home() -> str:
    import platformdirs

    return platformdirs.user_cache_dir("feelalike")


def count(raw: str) -> int:
    """A whole number >= 0 (underscores allowed: 200_000)."""
    value = int(raw)
    if value < 0:
        raise ValueError(raw)
    return value


count.__name__ = "whole number >= 0"


def whole(low: int, high: int | None = None) -> Callable[[str], int]:
    """A parser of whole numbers from ``low`` (to ``high``); its name is what an error
    message calls a valid value."""
    def parse(raw: str) -> int:
        value = int(raw)
        if value < low or (high is not None and value > high):
            raise ValueError(raw)
        return value
    parse.__name__ = f"whole number from {low} to {high}" if high is not None \
        else f"whole number >= {low}"
    return parse


def amount(raw: str) -> float:
    """A finite number >= 0 (a weight, a number of seconds)."""
    value = float(raw)
    if not 0.0 <= value < float("inf"):
        raise ValueError(raw)
    return value


amount.__name__ = "number >= 0"


def switch(raw: str) -> bool:
    """on / off (also true / false, yes / no, 1 / 0)."""
    value = raw.strip().lower()
    if value in ("on", "true", "yes", "1"):
        return True
    if value in ("off", "false", "no", "0"):
        return False
    raise ValueError(raw)


switch.__name__ = "switch (on or off)"


def embedding_name(raw: str) -> str:
    """An audio embedding: ``MTT_musicnn`` or ``MSD_musicnn``; ``off`` is none ("")."""
    if raw.strip().lower() in ("", "off", "none"):
        return ""
    if raw.strip() not in ("MTT_musicnn", "MSD_musicnn"):
        raise ValueError(raw)
    return raw.strip()


embedding_name.__name__ = "audio embedding (MTT_musicnn, MSD_musicnn or off)"


SETTINGS: tuple[Setting, ...] = (
    Setting("DATA_HOME", _default_data_home, "Folder for downloaded datasets and the embedded "
            "Redis database. Default: the user's cache dir (e.g. ~/.cache/feelalike)."),
    Setting("DATASET_MIRRORS", beside_project("../shared/data/catalog:../shared/data/moods/"
                                               "deezer"),
            "Folders (separated by ':') searched for a verified local copy of a registry "
            "dataset before downloading it; the default's relative paths are taken from "
            "the project folder, not the current one."),
    Setting("LEXICON", "", "Path of a mood lexicon JSON file to use instead of the built-in "
            "models/language/lexicon/moods.json (same format)."),
    Setting("VA_LEXICON", "", "Optional word list with valence and arousal per word (NRC-VAD "
            "layout: word, valence, arousal[, dominance] tab-separated on a 0..1 scale) that "
            "refines valence/arousal from review words the mood lexicon lacks. Not bundled: "
            "the NRC lexicon is for research / non-commercial use."),
    Setting("VA_MODEL", "", "Path of an audio -> valence/arousal model from `feelalike "
            "train-mood` used by `build` (empty: Spotify valence/energy as they are)."),
    Setting("EMOTION_CLIPS", beside_project("../shared/data/audio/emotify_dev"), "Folder of "
            "clips with rater emotion labels (labels.csv, Emotify style) that `build "
            "--audio-dir` and `feelalike train-audio` fit the audio feel model on when the "
            "data home has none (`off`, or a folder without labels.csv: the mood folders "
            "alone); the default is taken from the project folder."),
    Setting("EMOTION_FOLDERS", beside_project("../shared/data/audio/generated_moods"),
            "Folders (separated by ':') of clips filed under mood folders (calm/, tender/ "
            "...) added to that training, or trained on alone without labelled clips (at "
            "least 20 clips of at least 2 moods; `off`: none); the default is taken from the "
            "project folder."),
    Setting("AUDIO_EMBEDDING", "", "Pretrained audio embedding added to every analysed "
            "file's statistics and so to the audio feel model's inputs: `MTT_musicnn` or "
            "`MSD_musicnn` (its 200-d penultimate layer, averaged over 3 s patches; needs "
            "the weights, see MUSICNN_DIR); empty or `off`: none. Files are analysed anew "
            "(cached apart) and the feel model is trained apart when it changes.",
            embedding_name),
    Setting("MUSICNN_DIR", "", "Folder holding musicnn's checkpoints (an unpacked musicnn "
            "wheel, with MTT_musicnn/ and MSD_musicnn/ inside) for the pretrained audio "
            "embedding; empty: the installed musicnn package's folder (`pip install --no-deps "
            "musicnn`; its code, which needs TensorFlow, is never imported)."),
    Setting("NEIGHBOURS", 100, "How many neighbours are precomputed per track (the K of top-K).",
            whole(1)),
    Setting("ANN_THRESHOLD", 200_000, "Catalog size (tracks) above which the build finds "
            "neighbours with an approximate search (faiss IVF) instead of the exact one; "
            "every approximate build reports its recall@10 against exact on a sample. "
            "Above it the API's vector index searches k-means cells too (docs/scaling.md).",
            count),
    Setting("AUDIO_WEIGHT", 0.5, "Weight of the standardised audio-feature block in the "
            "plain model's track vectors (unused with the trained feel model).", amount),
    Setting("MOOD_WEIGHT", 1.5, "Weight of the block of 16 mood scores in the plain model's "
            "track vectors (unused with the trained feel model).", amount),
    Setting("VA_WEIGHT", 2.0, "Weight of the valence/arousal block in the plain model's "
            "track vectors (unused with the trained feel model).", amount),
    Setting("SPEECH_IN_RECOMMENDATIONS", False, "on: analysed files that sound like speech "
            "(tagged \"speech\": an audiobook chapter, a podcast) are recommended like music; "
            "off (the default): only for a seed that is speech itself, or a query asking "
            "for the tag (docs/audio.md, \"Speech\").", switch),
)


def by_name(settings: Iterable[Setting]) -> dict[str, Setting]:
    """Settings by name; a name declared twice is a programming error."""
    found: dict[str, Setting] = {}
    for setting in settings:
        if setting.name in found:
            raise ValueError(f"setting {setting.name} is declared twice")
        found[setting.name] = setting
    return found


_BY_NAME = by_name(SETTINGS)


def get(name: str, env: Mapping[str, str] | None = None) -> Any:
    """Read one domain setting from ``env`` (default ``os.environ``), parsed, or its default."""
    return _BY_NAME[name].read(env)


def data_home(env: Mapping[str, str] | None = None) -> Path:
    """The data home folder (created on demand)."""
    path = Path(get("DATA_HOME", env)).expanduser()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file in the way, no permission, a read-only disk
        reason = "it is a file, not a folder" if path.is_file() else exc.strerror or exc
        raise ConfigError(f"setting {PREFIX}DATA_HOME: cannot use {path} as the data home "
                          f"({reason})", setting=f"{PREFIX}DATA_HOME") from None
    return path


def audio_cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where analyses of audio files are cached (by content hash) between runs."""
    return data_home(env) / "audio-cache"
