"""``feelalike versions`` and ``feelalike rollback``: see the model versions the store
holds, and make an earlier one live again after a bad build, add, remove or sync.

The store keeps a replaced version readable for FEELALIKE_GRACE_SECONDS
(``service/store/history.py``); that window is how far back a rollback reaches.
"""
from __future__ import annotations

import json

import click

from service.store import VersionInfo, open_store

from .output import shown


def when_left(seconds: int | None) -> str:
    """A time to live as a person reads it: 45 s, 12 min, 3 h."""
    if seconds is None:
        return "no expiry set"
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    return f"{seconds // 3600} h"


def _state(info: VersionInfo) -> str:
    if info.state == "previous":
        return f"previous (readable for {when_left(info.seconds_left)} more)"
    if info.state == "pending":
        return "pending (being written)"
    if info.state == "incomplete":
        return "incomplete (lost keys: cannot be made live)"
    return info.state


def _made_by(info: VersionInfo) -> str:
    """``relocate``, or ``relocate (sync, step 1/3)`` for a step of a command."""
    command = info.command
    if not command:
        return info.made_by or "?"
    return (f"{info.made_by or '?'} ({command['by']}, step {command['step']}/"
            f"{command['steps']})")


def _line(info: VersionInfo) -> str:
    tracks = "?" if info.tracks is None else f"{info.tracks:,}"
    return (f"{info.version}  {info.made or '?':20}  {tracks:>9} tracks  "
            f"{_made_by(info):8}  {_state(info)}")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def versions(as_json: bool) -> None:
    """List the model versions the store holds, newest first: id, when made, tracks,
    what made it (build, add, remove, relocate; a step of a sync or add says which, e.g.
    "relocate (sync, step 1/3)") and its state (live; previous, readable
    for a while after it was replaced; pending; incomplete). `feelalike rollback` makes
    a previous one live again."""
    store = open_store()
    if as_json:  # the answer of GET /v1/admin/versions
        click.echo(json.dumps(store.listing()))
        return
    held = store.versions()
    if not held:
        click.echo("no model versions in the store yet: `feelalike build` (or `feelalike "
                   "demo`) makes one")
        return
    for info in held:
        click.echo(shown(_line(info)))


@click.command()
@click.argument("version", required=False)
def rollback(version: str | None) -> None:
    """Make the previous model version (or VERSION, from `feelalike versions`) live
    again: after a sync or an add that published several versions, the one live before
    that whole command. The one live until now stays readable for
    FEELALIKE_GRACE_SECONDS, so `feelalike rollback` again returns to it."""
    done = open_store().roll_back(version)
    undone = done.undone
    if undone and undone["step"] > 1:
        click.echo(f"undid the whole {undone['by']} of {undone['step']} steps, back to "
                   "the model live before it")
    click.echo(f"rolled back: model {done.version} is live ({done.tracks:,} tracks); "
               f"{done.previous} stays readable for {when_left(done.seconds)} "
               "(`feelalike rollback` returns to it)")
