"""``feelalike sync``: bring the live model in step with the music folders it holds.

A self-hoster's library changes: files are added, deleted, renamed, moved between
folders and re-tagged.  ``add --new-only`` takes in only what is new; ``sync`` does the
rest too, each step as a model version of its own (see ``_apply`` for the order),
so a sync that fails part way leaves a consistent model and running it again finishes.
"""
from __future__ import annotations

from typing import Sequence

import click

from models.errors import BadRequest
from models.ingest import Track
from service.store import ModelShrinks, ModelStore, Updater, one_command, open_store

from .folders import FolderChanges, read_sources
from .mounts import unmounted
from .moves import follow_root, moved_folders, record_moves
from .output import note_unplaced
from .repeats import Reported
from .updates import SHOWN, not_removed, split_new, summary


@click.command()
@click.argument("folders", nargs=-1, required=True)
@click.option("--include-removed", is_flag=True, help="Add the files whose tracks were "
              "removed since the last build again too.")
@click.option("--force", is_flag=True, help="Take the deleted files' tracks out even when "
              "the model would lose more than FEELALIKE_MAX_SHRINK of its tracks, and "
              "those of a FOLDER the model has tracks in that holds no audio file or is "
              "gone (else taken for not mounted and kept).")
@click.option("--dry-run", is_flag=True, help="Say what would change; change nothing.")
@click.option("--verbose", is_flag=True, help="Warn of every unusable or cut-off file, also "
              "those warned of before and unchanged since (else counted in the summary).")
def sync(folders: tuple[str, ...], include_removed: bool, force: bool,
         dry_run: bool, verbose: bool) -> None:
    """Bring the live model in step with music FOLDERS: add their new files, record the
    new paths of files moved or renamed in them, take out the tracks of files deleted
    from them, and replace files re-tagged or re-encoded in place. Tracks outside the
    FOLDERS are left as they are, and so are those of a FOLDER left empty or gone (not
    mounted) unless --force."""
    store = open_store()
    reported = Reported.load(everything=verbose)
    read, emptied = unmounted(store, folders, force)
    found, changes = read_sources(store, (), (), read, reported, emptied)
    new = _new(store, found, changes, include_removed)
    renamed = len(changes.renamed)  # re-tagged and moved: replaced, counted as moved
    ids = {t.id for t in new}  # a deleted file's sound in a new one: moved and re-tagged
    linked = {old: t for old, t in changes.retagged.items() if t.id in ids}
    click.echo(f"{len(new) - len(linked)} new, {len(changes.moved) + renamed + len(linked)} "
               f"moved or renamed, {len(changes.gone) - len(linked)} deleted, "
               f"{len(changes.changed) - renamed} changed in place"
               + (f", {len(changes.unreadable)} unreadable (kept)" if changes.unreadable
                  else "") + reported.summary())
    if dry_run:
        if changes.root_moved:
            click.echo(f"would take {changes.root_moved[1]} as the model's music folder "
                       f"({changes.root_moved[0]} is gone)")
        moved = moved_folders(store.meta(store.current_version()), changes.moved,
                              changes.moved_from)
        for before, now in (moved[1] if moved else {}).items():
            click.echo(f"would take {now} as a music folder ({before} is gone)")
        _show(new, changes, linked)
        return
    with one_command(store, "sync"):  # `feelalike rollback` undoes all its steps at once
        _apply(store, new, changes, force)
    reported.save()  # once the sync is done: a failed one warns again when run again


def _new(store: ModelStore, found: Sequence[Track], changes: FolderChanges,
         include_removed: bool) -> list[Track]:
    """The tracks of ``found`` the model lacks once the sync's removals are done: not a
    moved file, not the new content of a changed one (those replace their old track),
    and not removed since the build; also those that share an id (an ISRC) only with a
    track on its way out, such as a file re-encoded under a new name."""
    placed = set(changes.moved) | {t.id for t in changes.changed.values()}
    new = split_new(store, [t for t in found if t.id not in placed],
                    [*changes.gone, *changes.changed])[0]
    return new if include_removed else not_removed(store, new)


def _apply(store: ModelStore, new: list[Track], changes: FolderChanges, force: bool) -> None:
    """Moves, then new files, then removals, then the new content of changed files and
    the new files that share an id with a removed track (its path or id is free once
    the old track is out): a whole folder replaced by another is never refused as
    removing every track."""
    out = [*changes.gone, *changes.changed]
    replacing = list({t.id: t for t in changes.changed.values()}.values())  # one: copies
    # a new track sharing an id with a leaving one waits for it to go, to take the id
    free = {t.id for t in split_new(store, new)[0]} if out else {t.id for t in new}
    early = [t for t in new if t.id in free]
    late = [*replacing, *(t for t in new if t.id not in free)]
    _check_sizes(store, len(early), len(out), len(late), force)  # before any step
    follow_root(store, changes)
    if changes.moved:
        record_moves(store, changes.moved, changes.names, changes.moved_from)
    _add(store, early)
    if out:
        result = Updater(store).remove(out, force=True, remember=False)
        click.echo(summary(result, "removed", len(out)))
    _add(store, late)
    if changes.unreadable:
        click.echo(f"{len(changes.unreadable)} of the model's files could not be read (e.g. "
                   f"{next(iter(changes.unreadable.values()))}): their tracks are kept as "
                   "they were; sync again once they can be read, or delete them")
    elif not (changes.moved or out or new or changes.root_moved):
        click.echo("the model is in step with the folder(s): nothing to change")


def _check_sizes(store: ModelStore, early: int, out: int, late: int, force: bool) -> None:
    """Refuse a sync that would take out every track, or (unless ``force``) leave fewer
    than FEELALIKE_MAX_SHRINK allows; say so when the tracks added after the removals
    (files changed in place, files that replace a deleted one's ISRC) leave the model
    that small meanwhile: a tagger or converter run over the whole library changes
    every file, and a build replaces them in one step."""
    live = int(store.meta(store.current_version())["tracks"])
    between = live + early - out
    if between <= 0:  # else refused by the removal step, after the steps before it
        raise BadRequest(f"every one of the model's {live:,} tracks would be taken out "
                         "(their files deleted or changed in place) before the new ones are "
                         "added: build a new model")
    if not force:
        try:
            store.check_shrink(between + late)
        except ModelShrinks as exc:
            raise exc.overridden_by("--force") from None
    if late and store.max_shrink is not None and between < live * (1 - store.max_shrink):
        click.echo(f"note: {late} track(s) (files changed in place, re-tagged or "
                   "re-encoded) are added after the old ones are taken out, leaving "
                   f"{between:,} of the model's {live:,} tracks for a moment; `feelalike "
                   "build` replaces them in one step", err=True)


def _add(store: ModelStore, tracks: list[Track]) -> None:
    if tracks:
        result = Updater(store).add(tracks)
        click.echo(summary(result, "added", len(tracks)))
        note_unplaced(len(result.unplaced), added=True)


def _show(new: list[Track], changes: FolderChanges, linked: dict[str, Track]) -> None:
    """What a sync would do, a few files of each kind (``--dry-run``); ``linked``: the
    gone tracks whose sound is a new track's, shown as moves."""
    taking = {t.id for t in linked.values()}
    for what, paths in (("add", [t.external_ids.get("path", t.id) for t in new
                                 if t.id not in taking]),
                        ("move", [f"{changes.moved_from[i]} -> {path}" + (
                            f' (now called "{changes.names[i][0]}")' if i in changes.names
                            else "") for i, path in changes.moved.items()]
                         + [f"{changes.gone[i]} -> {t.external_ids.get('path', t.id)} "
                            "(re-tagged: replaced)" for i, t in linked.items()]),
                        ("remove", [p for i, p in changes.gone.items() if i not in linked]),
                        ("replace", [t.external_ids.get("path", t.id)
                                     for t in changes.changed.values()])):
        for path in paths[:SHOWN]:
            click.echo(f"would {what} {path}")
        if len(paths) > SHOWN:
            click.echo(f"... and {len(paths) - SHOWN} more to {what}")
