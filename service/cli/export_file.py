"""The files ``feelalike playlist`` and ``path`` write: ``--format`` and ``--out``, where
the exported entries play from, and which listed files are gone from disk."""
from __future__ import annotations

import json
import os
import stat
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import click

from models.errors import BadRequest
from service.requests import EXPORT_FORMATS
from service.resources import VersionResources

from .output import warn_of_answer

if TYPE_CHECKING:
    from service.locations import Places

STANDARD_OUTPUT = "-"
AS_JSON = "feelalike.as_json"  # --json given, in the click context's meta


def _file_name(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--out ""`` (an unset variable in a script) is no file: refused, not standard out.
    ``--out -`` is standard output, as for most command-line tools (it wrote a file named
    "-" in the current folder)."""
    if value is not None and not value.strip():
        raise BadRequest("--out: give a file name (without --out, the output goes to "
                         "standard output)", field="out")
    return None if value == STANDARD_OUTPUT else value


def _as_json(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """``--json``, as ``recommend`` and ``tracks`` take it: the API's body (``--format
    json``); it was "No such option" here, though the docs give it to ``playlist``."""
    if value:
        ctx.meta[AS_JSON] = True


def export_options(command: Callable) -> Callable:
    """``--format``, ``--out`` and ``--json``, shared by ``playlist`` and ``path``."""
    command = click.option("--json", is_flag=True, expose_value=False, callback=_as_json,
                           help="Print the API's response body (--format json).")(command)
    command = click.option("--out", default=None, callback=_file_name,
                           help="Write to this file instead of standard output (- is standard "
                                "output).")(command)
    return click.option("--format", "fmt", default=None, type=click.Choice(EXPORT_FORMATS),
                        help="Default: from the --out file's extension (.json, .m3u8, .m3u, "
                             ".xspf, .jspf, .csv).")(command)


def _places(current: VersionResources, out: str | None) -> "Places":
    """Where exported files play from this machine. Stored relative paths are under the
    folder the live model's audio was analysed in (else FEELALIKE_MUSIC_ROOT); an M3U8
    written to ``out`` reaches them from its own folder; on standard output, relative
    to FEELALIKE_MUSIC_ROOT when set (save it there), else by absolute paths."""
    from service.locations import Places, stored_folder
    from service.settings import snapshot

    config = snapshot()
    under = stored_folder(current.audio_root or "", config["MUSIC_ROOT"])
    places = replace(Places.from_config(config), stored_under=under)
    if out:
        return replace(places, saved_in=os.path.dirname(os.path.abspath(out)))
    return places if config["MUSIC_ROOT"] else replace(places, saved_in="")


def format_for(fmt: str | None, out: str | None) -> str:
    """The export format asked for, else the one the output file's extension names
    ("mix.m3u8" is a playlist file, not JSON), else JSON; an extension that names none
    is an error ("mix.txt" would otherwise hold JSON).  A format asked for that another
    extension names ("--format csv --out mix.m3u8") is written, with a warning."""
    if click.get_current_context(silent=True) and click.get_current_context().meta.get(AS_JSON):
        if fmt not in (None, "json"):
            raise BadRequest(f"--json and --format {fmt} ask for two formats: give one",
                             field="format")
        fmt = "json"
    named = _named_format(out)
    if fmt is not None:
        if named in EXPORT_FORMATS and named != fmt:
            click.echo(f"warning: {out} is named as {named} but holds {fmt}, as asked; "
                       f"name it .{fmt}, or ask for {named}", err=True)
        return fmt
    fmt = named or "json"
    if fmt not in EXPORT_FORMATS:
        raise BadRequest(f"cannot tell the format from the file name {out}; give --format "
                         f"({', '.join(EXPORT_FORMATS)}) or end it in one", field="out")
    return fmt


def emit(result: dict[str, Any], title: str, fmt: str | None, out: str | None,
         current: VersionResources) -> None:
    """Print or write ``result`` (a playlist or path body) as JSON or an export."""
    fmt = format_for(fmt, out)
    from service.exports import api_link, export
    from service.settings import get as setting

    text = json.dumps(result, ensure_ascii=False) if fmt == "json" else export(
        fmt, title, result["tracks"], api_link(setting("PUBLIC_URL"), "feelalike:track:"),
        _places(current, out))
    if out:
        try:
            write_whole(out, text if text.endswith("\n") else text + "\n")
        except (OSError, UnicodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "text not writable as UTF-8"
            raise BadRequest(f"cannot write {out}: {reason or exc}", field="out") from None
        click.echo(f"wrote {len(result['tracks'])} tracks to {out}", err=True)
    else:
        click.echo(text)
    warn_of_answer(result)
    _warn_missing_files(result["tracks"], current)


def write_whole(out: str, text: str) -> None:
    """Write ``text`` to the file ``out`` whole or not at all: into a new file beside it,
    then renamed over it, so a failed write (a full disk) leaves an older playlist of
    that name as it was (writing in place emptied it first).  Where no file can be made
    beside it (a folder not ours, a file that is), the file is written in place."""
    data = text.encode("utf-8")
    target = os.path.realpath(out)  # a link stays a link to the file written
    try:
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(target), suffix=".tmp",
                                             prefix=f".{os.path.basename(target)}.")
    except PermissionError:
        Path(target).write_bytes(data)
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def _mode_for(target: str) -> int:
    """The permissions of the file replaced, or a new file's (the umask's)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _named_format(out: str | None) -> str:
    """What a file name's extension names ("m3u8" for .m3u; "" without one)."""
    extension = os.path.splitext(out or "")[1].lower().lstrip(".")
    return {"m3u": "m3u8"}.get(extension, extension)


SHOWN_MISSING = 3


def _warn_missing_files(tracks: list[dict[str, Any]], current: VersionResources) -> None:
    """Say which of the listed files are not on this machine: deleted or moved since the
    build, the model keeps them (and a player skips them) until they are removed."""
    from service.locations import stored_folder
    from service.settings import get as setting

    under = stored_folder(current.audio_root or "", setting("MUSIC_ROOT"))
    paths = [t["external_ids"]["path"] for t in tracks if (t.get("external_ids") or {})
             .get("path")]
    if not paths or not under and any(not os.path.isabs(p) for p in paths):
        return  # relative paths with no folder known here: nothing to check them against
    if under and not os.path.isdir(under):
        click.echo(f"warning: the music folder {under} is not on this machine; the "
                   "playlist's files cannot be checked", err=True)
        return
    gone = [p for p in paths if not os.path.isfile(os.path.join(under, p))]
    if gone:
        shown = ", ".join(gone[:SHOWN_MISSING]) + (" ..." if len(gone) > SHOWN_MISSING else "")
        click.echo(f"warning: {len(gone)} of the files listed are gone from {under or 'disk'}"
                   f" (deleted or moved since the build: {shown}); `feelalike add --audio-dir "
                   "FOLDER --new-only` records moved ones' paths, `feelalike remove path:...` "
                   "takes deleted ones out", err=True)
