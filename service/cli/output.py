"""What the CLI prints besides results: progress bars and reports of skipped input."""
from __future__ import annotations

import re
import sys
import time
from typing import TYPE_CHECKING, Any, Callable, Sequence

import click
from tqdm import tqdm


from .line_progress import JOINS, UNITS, LineProgress

if TYPE_CHECKING:  # the offline stack is loaded by the commands that build
    from models.build import LoadedSources

    from .repeats import Reported

SHOWN_PROBLEMS = 5
#: control characters: an escape sequence in a title recolours a terminal or sets its
#: title, a carriage return overwrites the line, a line break splits one result in two
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def shown(text: Any) -> str:
    """``text`` as a terminal may print it: control characters written as ``\\xNN``."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


def warn_of_answer(body: dict[str, Any]) -> None:
    """An answer's warnings, and how many --include-ids ids named no track, on stderr
    (the fields they name said as the command's user typed them)."""
    from .wording import in_typed_words

    for warning in body.get("warnings", []):
        click.echo(f"warning: {shown(in_typed_words(warning))}", err=True)
    if body.get("include_ids_unknown"):
        click.echo(f"warning: {body['include_ids_unknown']} of the --include-ids ids name "
                   "no track of the live model", err=True)


def progress(desc: str, total: int, *, clock: Callable[[], float] = time.monotonic,
             unit: str | None = None) -> tqdm | LineProgress:
    """A progress bar on stderr; when stderr is no terminal (a log), a line now and then
    for a step that takes long (``line_progress``), counting ``unit``."""
    stream = sys.stderr
    if not (hasattr(stream, "isatty") and stream.isatty()):
        return LineProgress(desc, total, stream, clock=clock, unit=unit)
    return tqdm(total=total, desc=desc, unit="it", file=stream, leave=False,
                mininterval=0.5)


def progress_of(files: str, stage: str = "") -> Callable[[str, int], tqdm | LineProgress]:
    """A progress factory whose file steps (``checking``, ``analysing``) say whose files
    they count: ``analysing your files: 5/69 files``, and with a ``stage``, ``training
    the audio feel model, analysing labelled clips: 5/228 clips``.  A first build trains
    the audio feel model on its own clips before it reads the library, and a bare
    ``analysing: 5/228 files`` for a 69-file folder read as the library's count."""

    def factory(desc: str, total: int) -> tqdm | LineProgress:
        if desc not in UNITS:
            return progress(desc, total)
        named = f"{desc}{JOINS.get(desc, '')} {files}"
        return progress(f"{stage}, {named}" if stage else named, total,
                        unit=files.split()[-1])

    return factory


def report(problems: Sequence[Any], what: str, total: int | None = None,
           one: str | None = None) -> None:
    """One line with the count ("skipped 2 ``what``", "skipped 1 ``one``"), then the
    first few problems (file:line: reason)."""
    count = total or len(problems)
    if not count:
        return
    click.echo(f"skipped {count} {one if count == 1 and one else what}:", err=True)
    _first_few(problems, count)


def _first_few(lines: Sequence[Any], count: int) -> None:
    for line in lines[:SHOWN_PROBLEMS]:
        click.echo(f"  {line}", err=True)
    if count > SHOWN_PROBLEMS:
        click.echo(f"  ... and {count - SHOWN_PROBLEMS} more", err=True)


def warn_about_reviews(unresolved: int, silent: int, unresolved_names: Sequence[str] = (),
                       silent_names: Sequence[str] = ()) -> None:
    """Reviews that were not used, or said nothing the tagger reads: say so, and which,
    or the user is left wondering why no track took their moods."""
    if unresolved:
        click.echo(f"warning: {unresolved} of the reviews name no track or album of the "
                   "catalog and were not used (check the track or --about-album titles)"
                   f"{_named(unresolved_names, unresolved)}", err=True)
    if silent:
        click.echo(f"warning: no mood word was recognised in {silent} of the reviews "
                   f"(feelalike reads English reviews){_named(silent_names, silent)}",
                   err=True)


def _named(names: Sequence[str], count: int) -> str:
    if not names:
        return ""
    more = f" and {count - len(names)} more" if count > len(names) else ""
    return ": " + "; ".join(names) + more


def note_unplaced(count: int, added: bool = False) -> None:
    """Say how many tracks had nothing to place them by (never recommended, no seeds);
    ``added``: by an update, which reads no reviews."""
    if count:
        click.echo(f"note: {count} track(s) have nothing to place them by (no audio "
                   "features, tags, notes or review, nor an album-mate with any): they are "
                   "found by title but never recommended, and cannot be seeds"
                   + ("; reviews are read only by a build" if added else ""), err=True)


def _note_mixed(tracks) -> None:
    """Analysed files beside catalog tracks with other evidence: each source's tracks are
    mostly recommended from its own (docs/audio.md, "Mixed catalogs"); say so once."""
    files = sum(1 for t in tracks if t.analysis)
    others = len(tracks) - files
    if files and others:
        click.echo(f"note: {files} analysed file(s) and {others} catalog track(s) carry "
                   "different evidence, so each is mostly recommended from its own kind; "
                   "to get files for a catalog seed, ask with include_ids (docs/audio.md, "
                   "\"Mixed catalogs\")", err=True)


def _note_speech(lines: Sequence[str]) -> None:
    """Files that sound like speech (an audiobook chapter, a podcast episode in the music
    folder): say which, so a user is not surprised by their tag (docs/audio.md)."""
    if lines:
        click.echo(f"note: {len(lines)} audio file(s) sound like speech (an audiobook or a "
                   "podcast?): kept and tagged \"speech\", but not recommended for music "
                   "(FEELALIKE_SPEECH_IN_RECOMMENDATIONS=on recommends them):", err=True)
        _first_few(lines, len(lines))


def report_loaded(loaded: LoadedSources, reported: Reported | None = None) -> None:
    """Everything loading the sources skipped: review lines, audio files, catalog rows;
    ``reported``: leave out the problem files warned of before, unchanged since."""
    report(loaded.review_problems, "malformed review lines", one="malformed review line")
    unusable, cut_off = loaded.audio_errors, loaded.cut_off
    if reported is not None:
        unusable = reported.fresh("unusable", unusable, loaded.problem_files)
        cut_off = reported.fresh("cut off", cut_off, loaded.problem_files)
    report(unusable, "unusable audio files", one="unusable audio file")
    report(loaded.tag_problems, "malformed audio tags (their files are kept)",
           one="malformed audio tag (its file is kept)")
    if cut_off:
        click.echo(f"warning: {len(cut_off)} audio file(s) end before their header "
                   "says: cut off, damaged, or a header that only estimates (kept, analysed "
                   "and timed by what they hold):", err=True)
        _first_few(cut_off, len(cut_off))
    _note_speech(loaded.speech if reported is None
                 else reported.fresh("speech", loaded.speech, loaded.problem_files))
    if loaded.copies:
        click.echo(f"note: {len(loaded.copies)} audio file(s) are copies of another (the "
                   "same recording id or the same audio): one track each:", err=True)
        _first_few(loaded.copies, len(loaded.copies))
    problems = loaded.catalog.problems
    report([p for p in problems if not getattr(p, "kept", False)], "malformed catalog rows",
           loaded.catalog.skipped, one="malformed catalog row")
    if loaded.catalog.merged_rows:
        click.echo(f"note: merged {loaded.catalog.merged_rows} catalog rows that repeat a "
                   "track id into the row first giving it (tags joined; give each track "
                   "its own id if they are different tracks)", err=True)
    report([p for p in problems if getattr(p, "kept", False)],
           "out-of-range features and malformed external ids (their rows are kept)",
           loaded.catalog.kept_with_problems)
    _note_mixed(loaded.catalog.tracks)
    missing = loaded.missing_files
    if missing:
        click.echo(f"warning: {len(missing)} catalog row(s) name a file the audio folders "
                   "do not have (kept without its audio; exports name that path):", err=True)
        _first_few(missing, len(missing))
