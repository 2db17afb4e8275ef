"""Decoding audio files to mono samples, and every reason a file cannot be.

soundfile (libsndfile) reads wav, flac, ogg, opus, mp3, aiff, au and caf; the ``ffmpeg``
program reads AAC/ALAC (m4a, m4b, mp4, aac), WMA and names that are no UTF-8, and is the
fallback for a file libsndfile refuses (an AAC file named .mp3).  Every problem a file
can have (missing, empty, undecodable, silent, too short, unsupported) is an
:class:`AudioError` with one line saying which; those that come from what the file
holds are marked ``lasting``.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import warnings
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, NamedTuple

import numpy as np

from ..errors import AudioError

SAMPLE_RATE = 22050
MIN_SECONDS = 3.0
SILENCE_RMS = 1e-4
#: formats soundfile decodes itself, and those (AAC/ALAC in MP4, WMA) decoded by ffmpeg
NATIVE_SUFFIXES = frozenset({".wav", ".flac", ".ogg", ".oga", ".opus", ".mp3", ".aiff", ".aif",
                             ".au", ".caf"})
FFMPEG_SUFFIXES = frozenset({".m4a", ".m4b", ".mp4", ".aac", ".wma"})
SUFFIXES = NATIVE_SUFFIXES | FFMPEG_SUFFIXES
#: audio formats a folder may hold that are not read: reported, not silently skipped
OTHER_AUDIO_SUFFIXES = frozenset({".wv", ".ape", ".mka", ".webm", ".mp2", ".mpc", ".ac3",
                                  ".dts", ".tta", ".shn", ".amr", ".spx", ".ra", ".dsf",
                                  ".dff", ".mid", ".midi", ".3gp"})
#: libsndfile's words for a format it does not recognise, which read as a missing file
_MISLEADING = "File does not exist or is not a regular file (possibly a pipe?)."

Reader = tuple[Callable[[Path], float], Callable[[Path, float, float], np.ndarray]]


def require() -> None:
    """Fail with an install hint when the optional audio libraries are missing."""
    try:
        import librosa  # noqa: F401
        import pyloudnorm  # noqa: F401
        import soundfile  # noqa: F401
    except ImportError as exc:
        raise AudioError(f"audio analysis needs the audio extra ({exc.name} is missing): "
                         "pip install 'feelalike[audio]'") from None


class Decoded(NamedTuple):
    """Mono samples at SAMPLE_RATE (the centred ``window`` seconds) and the file's
    duration; when its audio runs out before the length its header gives (a file cut
    off, or a header that only estimates, as a VBR MP3's without a Xing frame does),
    ``duration`` is where it ran out and ``header`` that length (else None)."""

    samples: np.ndarray
    duration: float
    header: float | None = None


def decode(path: str | Path, window: float) -> Decoded:
    """The file's centred ``window`` seconds, decoded (:class:`Decoded`)."""
    require()
    path = Path(path)
    name = printable_path(path)
    if not path.is_file():
        raise AudioError(f"{name}: no such file")
    if path.suffix.lower() not in SUFFIXES:
        raise AudioError(f"{name}: unsupported format {path.suffix or '(none)'}")
    if path.stat().st_size == 0:
        raise AudioError(f"{name}: empty file")
    y, duration, header = _decoded(path, name, window)
    if len(y) == 0:
        raise AudioError(f"{name}: no audio could be decoded (a damaged or cut-off file?)",
                         lasting=True)
    if len(y) < MIN_SECONDS * SAMPLE_RATE:
        raise AudioError(f"{name}: too short ({len(y) / SAMPLE_RATE:.1f}s of audio; at "
                         f"least {MIN_SECONDS:g}s)", lasting=True)
    # about its own mean: a constant offset (DC) is no sound
    if not np.isfinite(y).all() or float(np.std(y)) < SILENCE_RMS:
        raise AudioError(f"{name}: silent", lasting=True)
    return Decoded(y, duration, header)


def _decoded(path: Path, name: str, window: float) -> Decoded:
    """The first reader's samples that works; the first reader's reason when none does."""
    # ffmpeg reads AAC and WMA, and a name that is no UTF-8 (it takes bytes; libsndfile
    # does not); it is also the second try for what libsndfile refuses
    if path.suffix.lower() in FFMPEG_SUFFIXES or name != str(path):
        readers = [FFMPEG]
    else:
        readers = [SOUNDFILE, *([FFMPEG] if shutil.which("ffmpeg") else [])]
    failures: list[Exception] = []
    with warnings.catch_warnings():  # decoders' notes are not the user's business
        warnings.simplefilter("ignore")
        for reader in readers:
            try:
                return _read(reader, path, window)
            except AudioError as exc:
                if len(readers) == 1 or reader is not FFMPEG:
                    raise
                failures.append(exc)
            except Exception as exc:  # the decoders raise many types for a bad file
                failures.append(exc)
    first = failures[0]
    if isinstance(first, AudioError):
        raise first
    # the decoders quote the whole path, which would crowd out their reason
    reason = str(first).replace(str(path), path.name).replace(
        _MISLEADING, "not a format it reads, or a damaged file")
    raise AudioError(f"{name}: cannot decode ({type(first).__name__}: {reason[:80]})",
                     lasting=all(map(_about_the_file, failures))) from None


def _about_the_file(failure: Exception) -> bool:
    """Whether a decoder's failure comes from the file's bytes (then it is worth
    remembering), not from this machine (a closed stderr, a killed process, memory)."""
    if isinstance(failure, AudioError):
        return bool(failure.extra.get("lasting"))
    import audioread.exceptions
    import soundfile

    return isinstance(failure, (soundfile.SoundFileError, audioread.exceptions.DecodeError))


def _read(reader: Reader, path: Path, window: float) -> Decoded:
    length, samples = reader
    duration = length(path)
    offset = max(0.0, (duration - window) / 2)
    y = samples(path, offset, window)
    got = len(y) / SAMPLE_RATE
    if duration <= 0:
        return Decoded(y, got)
    if got < MIN_SECONDS and offset > 0:  # it ends before the window: what is there
        y = samples(path, 0.0, window)
        whole = len(y) < window * SAMPLE_RATE  # all of it, from its start to its end
        return Decoded(y, len(y) / SAMPLE_RATE if whole else offset + got, duration)
    expected = min(window, duration - offset)
    if got < expected * CUT_SHARE - CUT_SLACK_SECONDS:
        return Decoded(y, offset + got, duration)
    return Decoded(y, duration)


#: audio that runs out before this share of what the file's header promises (less a
#: second of slack for headers that round or estimate) is called cut off
CUT_SHARE = 0.9
CUT_SLACK_SECONDS = 1.0


def decoders() -> str:
    """The decoders this machine has: a failure to decode is only as lasting as they
    (installing ffmpeg or a newer libsndfile may read a file that failed)."""
    import soundfile

    return (f"libsndfile {getattr(soundfile, '__libsndfile_version__', '?')}, "
            f"ffmpeg {_ffmpeg_version(shutil.which('ffmpeg'))}")


@lru_cache(maxsize=4)
def _ffmpeg_version(program: str | None) -> str:
    """The first line of ``ffmpeg -version`` (an upgrade in place keeps the path)."""
    if program is None:
        return "none"
    try:
        run = subprocess.run([program, "-version"], capture_output=True, check=False,
                             timeout=10)
    except (OSError, subprocess.SubprocessError):
        return f"{program} (unknown version)"
    return (run.stdout.decode(errors="replace").splitlines() or [program])[0][:100]


def printable_path(path: Path) -> str:
    """The path as text that can be printed (bytes of a name that is no UTF-8 become
    U+FFFD)."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


_hiding = threading.Lock()
_hidden: list[int] = []  # the saved file descriptor 2, while any thread hides it


@contextmanager
def _native_notes_hidden() -> Iterator[None]:
    """Standard error closed to native code: libmpg123 prints notes ("Illegal
    Audio-MPEG-Header", "Trying to resync...") straight to file descriptor 2.  Threads
    share the descriptor: the first in hides it, the last out restores it."""
    with _hiding:
        if not _hidden:
            try:
                if sys.stderr is not None:
                    sys.stderr.flush()
                saved = os.dup(2)
            except (OSError, ValueError):  # no standard error to hide
                saved = -1
            else:
                with open(os.devnull, "wb") as null:
                    os.dup2(null.fileno(), 2)
            _hidden.append(saved)
        else:
            _hidden.append(_hidden[0])
    try:
        yield
    finally:
        with _hiding:
            saved = _hidden.pop()
            if not _hidden and saved >= 0:
                os.dup2(saved, 2)
                os.close(saved)


def _soundfile_duration(path: Path) -> float:
    import soundfile

    with _native_notes_hidden():
        info = soundfile.info(str(path))
    return float(info.frames) / float(info.samplerate) if info.samplerate else 0.0


def _soundfile_samples(path: Path, offset: float, window: float) -> np.ndarray:
    import librosa

    with _native_notes_hidden():
        return librosa.load(str(path), sr=SAMPLE_RATE, mono=True, offset=offset,
                            duration=window)[0]


def _ffmpeg_duration(path: Path) -> float:
    """From the tags' stream information (mutagen); 0 when they give none."""
    import mutagen

    try:
        return float(mutagen.File(os.fsencode(path)).info.length)
    except Exception:  # no stream information: the samples will say
        return 0.0


def cache_digest(path: Path, digest: str) -> str:
    """The name a file's analysis is cached under: its content digest, and for what
    ffmpeg decodes, the revision of that decoding (results from before ffmpeg's mono
    became the channels' mean are not reused)."""
    return f"{digest}-mix2" if path.suffix.lower() in FFMPEG_SUFFIXES else digest


def _downmix(path: Path) -> list[str]:
    """ffmpeg's arguments for mono as the other readers make it, the mean of the
    channels ("-ac 1" sums a stereo pair at 0.707 each: 3 dB louder than the same
    audio read from a FLAC)."""
    import mutagen

    try:
        channels = int(getattr(mutagen.File(os.fsencode(path)).info, "channels", 0) or 0)
    except Exception:  # no stream information: ffmpeg's own downmix
        channels = 0
    if channels < 2:
        return ["-ac", "1"]
    return ["-af", "pan=mono|c0<" + "+".join(f"c{i}" for i in range(channels))]


def _ffmpeg_samples(path: Path, offset: float, window: float) -> np.ndarray:
    """Mono float32 samples at SAMPLE_RATE decoded by the ``ffmpeg`` program."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise AudioError(f"{printable_path(path)}: decoding {path.suffix} needs the ffmpeg "
                         "program (apt-get install ffmpeg)")
    # "file:" and an absolute path: a colon in the name is no protocol ("Act 1: x.m4a")
    source = b"file:" + os.fsencode(path.absolute())
    run = subprocess.run([ffmpeg, "-v", "error", "-nostdin", "-ss", f"{offset:.3f}", "-t",
                          f"{window:.3f}", "-i", source, *_downmix(path), "-ar",
                          str(SAMPLE_RATE), "-f", "f32le", "-"], capture_output=True,
                         check=False)
    if run.returncode != 0:
        reason = run.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["?"]
        raise AudioError(f"{printable_path(path)}: cannot decode (ffmpeg: {reason[0][:80]})",
                         lasting=run.returncode > 0)  # < 0: killed by a signal
    return np.frombuffer(run.stdout, dtype="<f4").astype(np.float32)


SOUNDFILE: Reader = (_soundfile_duration, _soundfile_samples)
FFMPEG: Reader = (_ffmpeg_duration, _ffmpeg_samples)
