"""Audio files and datasets at their edges, found by a review of the audio side: odd
names, cut-off files, an unwritable cache, a folder of nothing usable, damaged copies."""
from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("librosa", reason="audio analysis needs the 'audio' extra")
sf = pytest.importorskip("soundfile")

from models.audio import AudioCache, analyse, analyse_many, compile_checked  # noqa: E402
from models.errors import AudioError, ConfigError  # noqa: E402
from models.ingest import sha256_of  # noqa: E402
from models.settings import data_home  # noqa: E402

SR = 22050
ROOT = Path(__file__).resolve().parents[1]
needs_ffmpeg = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg")


def tone(path, seconds: float = 6.0):
    t = np.arange(int(seconds * SR)) / SR
    sf.write(str(path), 0.3 * np.sin(2 * np.pi * 440 * t), SR)
    return path


@needs_ffmpeg
def test_names_with_a_colon_or_no_utf8_are_analysed(tmp_path, monkeypatch):
    """ffmpeg took "Act 1:" for a protocol; libsndfile cannot open a name that is no
    UTF-8 (an old Latin-1 "café")."""
    wav = tone(tmp_path / "plain.wav")
    m4a = tmp_path / "Act1:Overture.m4a"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(wav), "-c:a", "aac",
                    "file:" + str(m4a)], check=True)
    latin = os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.wav")
    shutil.copy(wav, latin)
    monkeypatch.chdir(tmp_path)  # a bare relative name, as `feelalike analyze .` gives
    for name in ("Act1:Overture.m4a", latin):
        assert analyse(name)["duration"] == pytest.approx(6.0, abs=0.1)


@needs_ffmpeg
@pytest.mark.parametrize("channels", [1, 2])
def test_a_lossless_m4a_is_as_loud_as_the_same_audio_in_flac(tmp_path, channels):
    """A self-hoster's ALAC file read 3 dB louder than its FLAC twin (ffmpeg's "-ac 1"
    sums a stereo pair at 0.707 each), and its nearest neighbours were lossy files."""
    t = np.arange(6 * SR) / SR
    wave = 0.3 * np.sin(2 * np.pi * 440 * t) * (1 + 0.5 * np.sin(2 * np.pi * 0.5 * t))
    flac = tmp_path / "a.flac"
    sf.write(str(flac), np.column_stack([wave] * channels) if channels > 1 else wave, SR)
    alac = tmp_path / "a.m4a"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(flac), "-c:a", "alac",
                    str(alac)], check=True)
    lossless, decoded = analyse(flac)["features"], analyse(alac)["features"]
    assert decoded["loudness"] == pytest.approx(lossless["loudness"], abs=0.2)
    assert decoded["energy"] == pytest.approx(lossless["energy"], abs=0.01)


@needs_ffmpeg
def test_a_file_libsndfile_refuses_is_decoded_by_ffmpeg(tmp_path):
    """An AAC file named .mp3 (a wrong extension is common in downloaded libraries)."""
    wav = tone(tmp_path / "plain.wav")
    wrong = tmp_path / "song.mp3"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(wav), "-c:a", "aac", "-f", "mp4",
                    str(wrong)], check=True)
    with pytest.raises(Exception):
        sf.info(str(wrong))
    assert analyse(wrong)["duration"] == pytest.approx(6.0, abs=0.1)


def test_a_failure_of_the_machine_is_not_kept_as_the_files(tmp_path, monkeypatch):
    """A decoder out of memory (or killed, or without a standard error) says nothing
    about the file: it is tried again next time."""
    tone(tmp_path / "fine.wav")

    def out_of_memory(path):
        raise MemoryError()

    monkeypatch.setattr("models.audio.decoding.SOUNDFILE", (out_of_memory, None))
    monkeypatch.setattr("models.audio.decoding.shutil.which", lambda name: None)
    cache = AudioCache(tmp_path / "cache")
    first = analyse_many([tmp_path / "fine.wav"], cache=cache, workers=1)
    assert "cannot decode (MemoryError" in first.errors[0]["error"]
    assert not list((tmp_path / "cache").glob("*-v*.json"))
    monkeypatch.undo()
    again = analyse_many([tmp_path / "fine.wav"], cache=cache, workers=1)
    assert len(again.tracks) == 1 and again.cached == 0


def test_decoders_notes_do_not_reach_the_terminal(tmp_path, capfd):
    """libmpg123 wrote "Note: Illegal Audio-MPEG-Header ..." and "Trying to resync" lines
    straight to standard error, between the CLI's own lines."""
    noise = tmp_path / "noise.mp3"
    noise.write_bytes(np.random.default_rng(2).bytes(50000))
    batch = analyse_many([noise], workers=1)
    assert "cannot decode" in batch.errors[0]["error"]
    assert "File does not exist" not in batch.errors[0]["error"]  # it does
    assert capfd.readouterr().err == ""


def test_a_cut_off_file_is_analysed_from_what_it_holds(tmp_path):
    whole = tone(tmp_path / "whole.flac", seconds=300)
    cut = tmp_path / "cut.flac"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 4])
    result = analyse(cut)  # its header still says 300 s: the centred window is past its end
    assert result["tempo"] > 0 and np.isfinite(result["features"]["loudness"])
    assert result["header_duration"] == 300 and 60 < result["duration"] < 90  # a quarter
    assert result["features"]["duration_ms"] == pytest.approx(result["duration"] * 1000,
                                                              abs=1)  # as it plays
    assert "header_duration" not in analyse(whole)


def test_a_file_cut_inside_its_window_says_where_it_ends(tmp_path):
    whole = tone(tmp_path / "whole.flac", seconds=300)
    cut = tmp_path / "cut.flac"
    cut.write_bytes(whole.read_bytes()[: int(whole.stat().st_size * 0.6)])
    assert 160 < analyse(cut, window=120.0)["duration"] < 200  # the window was 90-210 s


def test_cut_off_files_are_named_by_the_commands_that_analyse_them(runner, tmp_path):
    """A download that stopped was analysed from what it held without a word."""
    music = tmp_path / "music"
    music.mkdir()
    whole = tone(music / "whole.flac", seconds=300)
    (music / "cut.flac").write_bytes(whole.read_bytes()[: whole.stat().st_size // 4])
    code, out, err = runner("moods", "--audio-dir", str(music))
    assert code == 0 and out.count("\n") == 2, err
    assert "warning: 1 audio file(s) end before their header says: cut off" in err
    assert re.search(r"cut\.flac: its audio ends by 1:\d\d of the 5:00 its header gives", err)
    code, out, err = runner("analyze", str(music))
    assert code == 0 and err.count("cut off: ") == 1 and "cut.flac" in err
    assert "whole.flac" not in err.split("cut off: ")[1]


def test_an_unreadable_file_or_cache_costs_that_file_only(tmp_path, monkeypatch):
    folder = tmp_path / "music"
    folder.mkdir()
    tone(folder / "one.wav")
    tone(folder / "two.wav", seconds=7)
    def locked(path):  # root reads every file: stand in for a file it may not read
        if path.name == "two.wav":
            raise PermissionError(13, "Permission denied")
        return sha256_of(path)

    monkeypatch.setattr("models.audio.lookup.sha256_of", locked)
    cache_in_the_way = tmp_path / "cache"
    cache_in_the_way.write_text("a file where the cache folder goes")
    batch = analyse_many([folder], cache=AudioCache(cache_in_the_way), workers=1)
    assert [t["path"].rsplit("/", 1)[1] for t in batch.tracks] == ["one.wav"]
    assert batch.errors == [{"path": str(folder / "two.wav"),
                             "error": f"{folder / 'two.wav'}: cannot read (Permission denied)"}]


def test_a_path_too_long_or_not_a_file_costs_that_path_only(tmp_path):
    """Found by a tester: a folder nested past the system's path length ended the whole
    run with a 5 KB "unexpected OSError" line, and a pipe was "no such file"."""
    folder = tmp_path / "music"
    folder.mkdir()
    tone(folder / "good.wav")
    here = os.open(folder, os.O_RDONLY)
    for _ in range(300):  # about 5,100 characters: past PATH_MAX
        os.mkdir("d" * 16, dir_fd=here)
        deeper = os.open("d" * 16, os.O_RDONLY, dir_fd=here)
        os.close(here)
        here = deeper
    os.close(here)
    os.mkfifo(folder / "pipe.wav")
    batch = analyse_many([folder], workers=1)
    assert [Path(t["path"]).name for t in batch.tracks] == ["good.wav"]
    errors = [e["error"] for e in batch.errors]
    assert any(e.endswith("pipe.wav: not a file (a device, a pipe or a socket)")
               for e in errors)
    long = [e for e in errors if "File name too long" in e]
    assert long and all(len(e) < 400 for e in long)


def test_files_of_formats_not_read_and_folders_not_listed_are_reported(tmp_path, monkeypatch):
    """A self-hoster's .wv and .mka files and a locked sub-folder were skipped without a
    word, and a folder of only such files was said to hold no audio files."""
    folder = tmp_path / "music"
    (folder / "locked").mkdir(parents=True)
    tone(folder / "one.wav")
    for name in ("two.wv", "three.mka", "notes.txt", "cover.jpg"):
        (folder / name).write_bytes(name.encode() * 16)
    real_walk = os.walk

    def walk(top, **kwargs):  # root lists every folder: stand in for one it may not
        for root, dirs, files in real_walk(top, **kwargs):
            if root.endswith("locked"):
                kwargs["onerror"](PermissionError(13, "Permission denied", root))
                continue
            yield root, dirs, files

    monkeypatch.setattr("models.audio.listing.os.walk", walk)
    batch = analyse_many([folder], workers=1)
    assert [t["path"].rsplit("/", 1)[1] for t in batch.tracks] == ["one.wav"]
    errors = {e["path"].rsplit("/", 1)[1]: e["error"] for e in batch.errors}
    assert set(errors) == {"two.wv", "three.mka", "locked"}
    assert errors["two.wv"].endswith("unsupported format .wv")
    assert errors["locked"].endswith("cannot read this folder (its files were not analysed)")


def test_a_file_that_cannot_be_analysed_is_not_decoded_again_each_build(tmp_path,
                                                                      monkeypatch):
    """Its failure is kept by content hash with the decoders that failed on it; only
    other decoders (ffmpeg installed, say) try it again."""
    folder = tmp_path / "music"
    folder.mkdir()
    tone(folder / "short.wav", seconds=1.0)
    (folder / "noise.flac").write_bytes(np.random.default_rng(2).bytes(5000))
    tone(folder / "fine.wav")
    cache = AudioCache(tmp_path / "cache")
    first = analyse_many([folder], cache=cache, workers=1)
    assert [e["path"].rsplit("/", 1)[1] for e in first.errors] == ["noise.flac", "short.wav"]
    assert "too short" in first.errors[1]["error"] and first.cached == 0
    kept = sorted(f.name for f in (tmp_path / "cache").glob("*-v*.json"))
    assert sum(name.endswith(".failed.json") for name in kept) == 2  # apart from results,
    # which an older feelalike sharing the cache reads as such; the one result is kept
    # by its bytes and by its audio stream (models.audio.stream_digest)
    assert len(kept) == 4 and sum(name.startswith("stream-") for name in kept) == 1

    def must_not_run(path, *args):
        raise AssertionError(f"decoded {path} again")

    monkeypatch.setattr("models.audio.batch.analyse", must_not_run)
    shutil.copy(folder / "short.wav", folder / "short copy.wav")  # the same bytes
    again = analyse_many([folder], cache=cache, workers=1)
    assert again.cached == 4 and [t["path"] for t in again.tracks] == [str(folder / "fine.wav")]
    assert again.errors == [first.errors[0], {"path": str(folder / "short copy.wav"), "error":
                            first.errors[1]["error"].replace("short.wav", "short copy.wav")},
                            first.errors[1]]

    for module in ("batch", "lookup"):  # failures are kept by one, read by the other
        monkeypatch.setattr(f"models.audio.{module}.decoders",
                            lambda: "libsndfile 9, ffmpeg none")
    tried = []
    monkeypatch.setattr("models.audio.batch.analyse", lambda path, *a: tried.append(path) or
                        analyse(path, *a))
    other = analyse_many([folder], cache=cache, workers=1)
    assert len(tried) == 2 and len(other.errors) == 3  # both bytes tried once more


def test_an_empty_file_is_reported_without_starting_an_analysis(tmp_path, monkeypatch):
    """A zero-byte file (a copy that never started) is named at once, from its size, on
    every run: it used to go to the analysis workers each time (its failure is not kept,
    having no content), so a library holding one paid the workers' start and the
    compiler's warm-up, 8 s, on every sync of an otherwise unchanged folder."""
    folder = tmp_path / "music"
    folder.mkdir()
    tone(folder / "fine.wav")
    (folder / "01 Empty Song.mp3").write_bytes(b"")
    cache = AudioCache(tmp_path / "cache")
    first = analyse_many([folder], cache=cache, workers=1)
    assert first.errors == [{"path": str(folder / "01 Empty Song.mp3"),
                             "error": f"{folder / '01 Empty Song.mp3'}: empty file"}]
    steps: list[str] = []
    monkeypatch.setattr("models.audio.batch.analyse", lambda path, *a: steps.append(path))
    again = analyse_many([folder], cache=cache, workers=1,
                         bars=lambda desc, total: steps.append(desc))
    assert again.errors == first.errors and again.cached == 1
    assert steps == ["checking"]  # no file decoded, no "analysing" step begun


def test_a_folder_of_nothing_usable_says_why(runner, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "noise.mp3").write_bytes(np.random.default_rng(2).bytes(5000))
    code, _, err = runner("build", "--audio-dir", str(folder))
    assert code == 2 and "no audio file could be analysed" in err and "noise.mp3" in err


@pytest.mark.parametrize("command", [("build", "--audio-dir"), ("add", "--audio-dir"),
                                     ("analyze",)])
def test_a_folder_without_audio_files_is_named(runner, published, tmp_path, command):
    folder = tmp_path / "empty music"
    folder.mkdir()
    (folder / "notes.txt").write_text("no music here")
    code, _, err = runner(*command, str(folder))
    assert code == 2 and err.strip().splitlines()[-1] == f"error: no audio files in {folder}"


def test_a_constant_signal_is_silent_and_analysis_notes_stay_quiet(tmp_path, capfd):
    """A DC offset (every sample 5.0) was analysed as 215 BPM, and librosa's "Trying to
    estimate tuning from empty frequency set" reached the terminal."""
    sf.write(str(tmp_path / "dc.wav"), np.full(10 * SR, 5.0, dtype="float32"), SR,
             subtype="FLOAT")
    batch = analyse_many([tmp_path / "dc.wav"], workers=1)
    assert not batch.tracks and batch.errors[0]["error"].endswith("dc.wav: silent")
    assert capfd.readouterr().err == ""


def test_the_summary_counts_cached_failures_among_the_files_not_beyond(runner, tmp_path):
    tone(tmp_path / "fine.wav")
    (tmp_path / "noise.mp3").write_bytes(np.random.default_rng(2).bytes(5000))
    runner("analyze", str(tmp_path), "--workers", "1")
    code, _, err = runner("analyze", str(tmp_path), "--workers", "1")
    assert code == 0 and "analysed 1 file, 1 error (2 of the 2 from the cache)" in err


def test_a_missing_audio_folder_is_refused_before_any_model_is_trained(runner, tmp_path):
    code, _, err = runner("build", "--audio-dir", str(tmp_path / "no-such-music"))
    assert code == 2
    assert err.strip().splitlines() == [f"error: {tmp_path / 'no-such-music'}: no such folder"]


def test_analyze_json_is_valid_utf8_whatever_the_names(runner, tmp_path):
    latin = os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9.wav")
    shutil.copy(tone(tmp_path / "plain.wav"), latin)
    code, out, err = runner("analyze", latin, "--json", "--workers", "1")
    assert code == 0, err
    assert json.loads(out.encode("utf-8"))["tracks"][0]["path"].endswith("caf\ufffd.wav")


def test_a_data_home_that_cannot_be_made_is_one_clear_error(tmp_path):
    in_the_way = tmp_path / "home"
    in_the_way.write_text("a file")
    with pytest.raises(ConfigError, match="FEELALIKE_DATA_HOME: cannot use"):
        data_home({"FEELALIKE_DATA_HOME": str(in_the_way)})


def test_a_damaged_dataset_copy_is_listed_as_damaged(runner, env, tmp_path):
    from data.registry import REGISTRY, local_path, state

    dataset = next(iter(REGISTRY.values()))
    copy = local_path(dataset)
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text("not the dataset")
    assert state(dataset.name) == "damaged"
    code, out, _ = runner("datasets", "list")
    assert code == 0 and f"{dataset.name}\tdamaged" in out


def _dies_on_crash_wav(job):
    """A worker's job that ends its process, as a native decoder crash would."""
    if job[0].endswith("crash.wav"):
        os.kill(os.getpid(), 9)
    return job[0], {"ok": True}, None


def test_a_worker_that_dies_costs_only_its_own_file():
    from models.audio import run_jobs

    jobs = [(f"/music/{name}.wav",) for name in ("a", "b", "crash", "c", "d")]
    results = list(run_jobs(_dies_on_crash_wav, jobs, workers=2, warm=lambda: None))
    assert [r[0] for r in results] == [j[0] for j in jobs]
    assert [r[1] is not None for r in results] == [True, True, False, True, True]
    assert "ended its process" in results[2][2]


_SLOW_BATCH = """
import time
from models.audio import run_jobs

def slow(job):
    time.sleep(120)
    return job[0], None, None

print("started", flush=True)
list(run_jobs(slow, [(str(i),) for i in range(8)], 2, warm=lambda: None))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_terminated_batch_takes_its_workers_with_it():
    """SIGTERM (or a kill) ends a build without shutting its pool down; its workers
    waited for work forever, holding the build's output pipes open."""
    import psutil

    batch = subprocess.Popen([sys.executable, "-c", _SLOW_BATCH], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    workers: list = []
    try:
        batch.stdout.readline()
        deadline = time.monotonic() + 30
        while len(workers) < 2 and time.monotonic() < deadline:
            workers = psutil.Process(batch.pid).children()
            time.sleep(0.1)
        assert len(workers) == 2
        batch.send_signal(signal.SIGTERM)
        batch.wait(timeout=10)
        _, alive = psutil.wait_procs(workers, timeout=15)
        assert not alive
    finally:
        for process in [*workers, batch]:
            with contextlib.suppress(psutil.NoSuchProcess, ProcessLookupError):
                process.kill()
        batch.wait()


@pytest.mark.slow
def test_analyses_started_together_on_a_fresh_install_leave_a_working_cache(tmp_path):
    """Two `feelalike analyze` runs started at once on a fresh install (an empty numba
    cache), each with two workers, compiling librosa's numba functions into the same
    cache: workers of one batch or runs compiling together crashed with a segmentation
    fault (numba 0.68) and left a cache on which every later analysis died too."""
    music = tmp_path / "music"
    music.mkdir()
    for i in range(4):
        tone(music / f"t{i}.wav", seconds=8.0 + i)
    cache = {"NUMBA_CACHE_DIR": str(tmp_path / "numba")}

    def start(name):
        env = {**os.environ, **cache, "FEELALIKE_DATA_HOME": str(tmp_path / name)}
        return subprocess.Popen([sys.executable, "-m", "service.cli", "analyze", str(music),
                                 "--workers", "2", "--json"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    together = [start(f"home{i}") for i in range(2)]
    runs = [p.communicate(timeout=600) for p in together]
    later = start("home-later")  # reads the cache the two left
    runs.append(later.communicate(timeout=600))
    codes = [p.returncode for p in [*together, later]]
    assert codes == [0, 0, 0], [err[-300:] for _, err in runs]
    assert all(len(json.loads(out)["tracks"]) == 4 for out, _ in runs)


def _crashing_while(path) -> list[str]:
    """A child process killed by SIGSEGV while ``path`` exists, as numba's code is."""
    return [sys.executable, "-c", "import os, signal, pathlib\n"
            f"if pathlib.Path({str(path)!r}).exists(): os.kill(os.getpid(), signal.SIGSEGV)"]


def test_a_compile_that_crashes_clears_librosa_s_cached_code_and_goes_on(tmp_path,
                                                                          monkeypatch):
    """A corrupt cache made every analysis die of a bare segmentation fault."""
    cache = tmp_path / "numba"
    stale, kept = cache / "core_8927" / "pitch.nbc", cache / "core_8927" / "notes.txt"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"corrupt")
    kept.write_text("not numba's")
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(cache))
    ran, marker = [], tmp_path / "checked"
    compile_checked(lambda: ran.append("here"), child=_crashing_while(stale), marker=marker)
    assert ran == ["here"] and not stale.exists() and kept.exists() and marker.exists()
    # checked once: the next process does not start a child
    compile_checked(lambda: ran.append("again"), child=_crashing_while(kept), marker=marker)
    assert ran == ["here", "again"]


def test_a_child_that_raises_leaves_the_check_to_be_made_again(tmp_path):
    marker = tmp_path / "checked"
    compile_checked(lambda: None, child=[sys.executable, "-c", "raise SystemExit(1)"],
                    marker=marker)
    assert not marker.exists()


def test_a_compile_that_always_crashes_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("NUMBA_CACHE_DIR", str(tmp_path / "numba"))
    with pytest.raises(AudioError, match="reinstall numba and librosa"):
        compile_checked(lambda: None, child=_crashing_while(tmp_path),
                        marker=tmp_path / "checked")
    assert not (tmp_path / "checked").exists()
    with pytest.raises(AudioError):  # the next file of the batch is told at once
        compile_checked(lambda: None, child=[sys.executable, "-c", "raise SystemExit(5)"],
                        marker=tmp_path / "checked")


def test_linked_folders_are_followed_and_a_broken_link_is_reported(tmp_path):
    outside = tmp_path / "elsewhere" / "Album"
    outside.mkdir(parents=True)
    tone(outside / "linked.wav")
    library = tmp_path / "library"
    (library / "Misc").mkdir(parents=True)
    tone(library / "Misc" / "own.wav")
    (library / "LinkedAlbum").symlink_to(outside)
    (library / "Misc" / "loop").symlink_to(library)  # a loop must end
    (library / "Misc" / "gone.wav").symlink_to(tmp_path / "nowhere.wav")
    batch = analyse_many([library], workers=1)
    found = sorted(os.path.relpath(t["path"], library) for t in batch.tracks)
    assert found == ["LinkedAlbum/linked.wav", "Misc/own.wav"]
    assert [e["path"] for e in batch.errors] == [str(library / "Misc" / "gone.wav")]
    assert "a link to a file that is gone" in batch.errors[0]["error"]


def test_identical_copies_are_analysed_once_and_both_listed(tmp_path, monkeypatch):
    calls = []
    real = sys.modules["models.audio.batch"]._work
    monkeypatch.setattr("models.audio.batch._work",
                        lambda job: calls.append(job[0]) or real(job))
    (tmp_path / "A").mkdir()
    (tmp_path / "B").mkdir()
    tone(tmp_path / "A" / "x.wav")
    shutil.copy(tmp_path / "A" / "x.wav", tmp_path / "B" / "x.wav")
    (tmp_path / "B" / "broken.wav").write_bytes(b"RIFF0000WAVEjunk")
    shutil.copy(tmp_path / "B" / "broken.wav", tmp_path / "B" / "broken2.wav")
    batch = analyse_many([tmp_path], workers=1)
    assert len(calls) == 2  # one x.wav, one broken.wav
    assert sorted(os.path.relpath(t["path"], tmp_path) for t in batch.tracks) == \
        ["A/x.wav", "B/x.wav"]
    assert batch.tracks[0]["features"] == batch.tracks[1]["features"]
    errors = sorted(batch.errors, key=lambda e: e["path"])
    assert [os.path.basename(e["path"]) for e in errors] == ["broken.wav", "broken2.wav"]
    assert "broken2.wav" in errors[1]["error"] and "broken.wav:" not in errors[1]["error"]


def test_copies_of_one_recording_are_one_track_and_the_build_says_which(runner, tmp_path):
    """Two copies of one file became one track without a word: the user looking for the
    second path found nothing."""
    (tmp_path / "music" / "B").mkdir(parents=True)
    tone(tmp_path / "music" / "x.wav")
    shutil.copy(tmp_path / "music" / "x.wav", tmp_path / "music" / "B" / "x copy.wav")
    code, out, err = runner("moods", "--audio-dir", str(tmp_path / "music"))
    assert code == 0, err
    assert "note: 1 audio file(s) are copies of another" in err
    assert ("B/x copy.wav: the same recording as x.wav" in err
            or "x.wav: the same recording as B/x copy.wav" in err), err
    assert out.count("\n") == 1  # one track


def _tones(folder, *names, pitch: float = 220.0):
    """Files of different sound (files of the same bytes are one track)."""
    folder.mkdir(parents=True, exist_ok=True)
    for k, name in enumerate(names):
        t = np.arange(int((6.0 + k) * SR)) / SR
        sf.write(str(folder / name), 0.3 * np.sin(2 * np.pi * (pitch + 110 * k) * t), SR)


def _paths(catalog) -> list[str]:
    return sorted(t.external_ids["path"] for t in catalog.tracks)


def test_several_audio_folders_keep_their_files_apart(tmp_path):
    """Two folders' "Album/01.wav" were one path: playlists played the wrong file."""
    from models.build import Sources, load_sources

    _tones(tmp_path / "m1" / "Album", "01.wav")
    _tones(tmp_path / "m2" / "Album", "01.wav", "02.wav", pitch=500.0)
    both = load_sources(Sources(audio_dirs=[str(tmp_path / "m1"), str(tmp_path / "m2")]))
    assert _paths(both.catalog) == ["m1/Album/01.wav", "m2/Album/01.wav", "m2/Album/02.wav"]
    one = load_sources(Sources(audio_dirs=[str(tmp_path / "m2")]))
    assert _paths(one.catalog) == ["Album/01.wav", "Album/02.wav"]


def test_files_added_later_are_placed_in_the_built_library(runner, store, tmp_path):
    from models.build import Sources, build_from_sources

    library = tmp_path / "Music"
    _tones(library / "Old", "a.wav", "b.wav", "c.wav")
    built = build_from_sources(Sources(audio_dirs=[str(library)]))
    assert built.meta["audio_root"] == str(library)
    store.publish(built)
    _tones(library / "New", "d.wav", pitch=700.0)
    code, out, err = runner("add", "--audio-dir", str(library / "New"))
    assert code == 0, err
    code, out, err = runner("recommend", "path:New/d.wav", "--json")
    assert code == 0, err
    assert json.loads(out)["seed"]["title"] == "d"
    assert runner("recommend", "path:d.wav", "--json")[0] != 0


def test_a_rebuild_reads_no_unchanged_file_and_rereads_a_changed_one(tmp_path, monkeypatch):
    """Every rebuild used to read every byte of the library to learn nothing changed."""
    music = tmp_path / "music"
    _tones(music, "a.wav", "b.wav")
    cache = AudioCache(tmp_path / "cache")
    first = analyse_many([music], cache=cache, workers=1)
    hashed = []
    real = sys.modules["models.audio.lookup"].sha256_of
    monkeypatch.setattr("models.audio.lookup.sha256_of",
                        lambda path: hashed.append(path.name) or real(path))
    again = analyse_many([music], cache=cache, workers=1)
    assert hashed == [] and again.cached == 2
    assert [t["content_hash"] for t in again.tracks] == [t["content_hash"] for t in first.tracks]
    _tones(music, "b.wav", pitch=900.0)  # new sound: new size or time
    os.utime(music / "b.wav", ns=(1, 1))
    third = analyse_many([music], cache=cache, workers=1)
    assert hashed == ["b.wav"] and third.cached == 1
    assert third.tracks[1]["content_hash"] != first.tracks[1]["content_hash"]


def test_a_file_with_no_audio_left_is_called_damaged_not_short(tmp_path):
    """A truncated file read as "too short (0.0s of audio)"."""
    folder = tmp_path / "music"
    folder.mkdir()
    sf.write(folder / "header-only.wav", np.zeros(0, dtype=np.float32), 22050)
    batch = analyse_many([folder], cache=None, workers=1)
    assert len(batch.errors) == 1 and batch.errors[0]["error"].endswith(
        "header-only.wav: no audio could be decoded (a damaged or cut-off file?)")


def test_hashes_of_files_moved_or_deleted_are_forgotten(tmp_path):
    """The file of remembered hashes kept every path it ever saw: a library reorganised
    left all its old paths in it (490 of 1,883 after one sync of a 1,225-file library).
    Paths gone from the folder the files read share are dropped; those elsewhere
    (another folder, a drive not mounted) are kept."""
    music, FILE = tmp_path / "music", "digests.json"
    for name in ("Album/a.wav", "Album/b.wav", "Other/c.wav", "Other/d.wav"):
        (music / name).parent.mkdir(parents=True, exist_ok=True)
        tone(music / name)
    cache = AudioCache(tmp_path / "cache")
    analyse_many([music], cache=cache, workers=1)
    elsewhere = str(tmp_path / "unmounted" / "d.wav")
    known = json.loads((tmp_path / "cache" / FILE).read_text())
    (tmp_path / "cache" / FILE).write_text(json.dumps({**known, elsewhere: [1, 2, "ab"]}))
    (music / "Album").rename(music / "Album (Remastered)")
    (music / "Other" / "c.wav").unlink()
    analyse_many([music], cache=cache, workers=1)
    kept = json.loads((tmp_path / "cache" / FILE).read_text())
    assert sorted(kept) == sorted([str(music / "Album (Remastered)" / "a.wav"),
                                   str(music / "Album (Remastered)" / "b.wav"),
                                   str(music / "Other" / "d.wav"), elsewhere])
