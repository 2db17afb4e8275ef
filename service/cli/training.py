"""``feelalike train-feel``, ``train-mood`` and ``evaluate``: work on labelled tracks."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

import click

from models import settings
from models.errors import BadRequest, CatalogError

from .output import progress_of

if TYPE_CHECKING:
    from models.audio import AudioFeel


#: the Deezer labels' folder in the shared data beside the project
DEEZER_LABELS = "../shared/data/moods/deezer"


def labelled_options(command: Callable) -> Callable:
    """``--catalog`` (default: the registry's dataset) and ``--labels``."""
    command = click.option("--labels", default=None,
                           help="Folder with train.csv and validation.csv valence/arousal "
                           "labels. Default: ../shared/data/moods/deezer beside the "
                           "project (not the current folder).")(command)
    return click.option("--catalog", default=None,
                        help="Default: the tidytuesday-spotify dataset.")(command)


def _inputs(catalog: str | None, labels: str | None, needed: str) -> tuple[Path | str, str]:
    """The catalog (fetched when not given) and the labels folder, checked."""
    from data.registry import fetch

    labels = labels or settings.beside_project(DEEZER_LABELS)()

    if not (Path(labels) / needed).is_file():
        raise BadRequest(f"{labels}: no train.csv / validation.csv labels there")
    return catalog or fetch("tidytuesday-spotify"), labels


@click.command("train-feel")
def train_feel() -> None:
    """Train the feel model `build` uses, into the data home (fetches the TidyTuesday
    catalog and the Deezer mood labels; publishes nothing)."""
    from data.registry import fetch
    from models.build import save_default_model, train_default_model

    catalog, labels = fetch("tidytuesday-spotify"), fetch("deezer-moods-train")
    click.echo("training the feel model on the Deezer mood labels ...", err=True)
    model = train_default_model(str(catalog), labels)
    click.echo(f"saved the feel model to {save_default_model(model)}; "
               "`feelalike build` uses it from now on")


@click.command("train-mood")
@labelled_options
@click.option("--out", default=None, help="Where to save (default: DATA_HOME/models/).")
def train_mood(catalog: str | None, labels: str | None, out: str | None) -> None:
    """Train the audio -> valence/arousal model on labelled tracks (saved as npz)."""
    from models.audio import train

    result = train(*_inputs(catalog, labels, "train.csv"))
    target = Path(out) if out else settings.data_home() / "models" / \
        f"va-model-{result.version}.npz"
    if target.suffix != ".npz":  # numpy would add it: name the file that is written
        target = target.with_name(target.name + ".npz")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        result.model.save(target)
    except OSError as exc:
        raise BadRequest(f"cannot write {target}: {exc.strerror or exc}", field="out") \
            from None
    click.echo(result.summary())
    click.echo(f"saved {target}; use it with: feelalike build ... --va-model {target}")


@click.command()
@labelled_options
@click.option("--seed", default=0, show_default=True, help="Random seed (reproducible).")
def evaluate(catalog: str | None, labels: str | None, seed: int) -> None:
    """Measure recommendation quality against baselines (mood agreement and more)."""
    from models.evaluation import format_report, run

    click.echo(format_report(run(*_inputs(catalog, labels, "validation.csv"), seed=seed)))


def _off(value: str) -> str:
    return "" if value.strip().lower() == "off" else value


def _clips() -> tuple[Path | None, list[str]]:
    """The labelled clips' folder when it has labels.csv (else None) and the folders of
    mood folders (FEELALIKE_EMOTION_CLIPS and FEELALIKE_EMOTION_FOLDERS; `off`: none)."""
    clips = _off(settings.get("EMOTION_CLIPS"))
    folders = [f for f in _off(settings.get("EMOTION_FOLDERS")).split(":") if f]
    labelled = Path(clips) if clips and (Path(clips) / "labels.csv").is_file() else None
    return labelled, folders


def _train_audio(clips: Path | None, folders: list[str]) -> AudioFeel:
    from models.audio import AudioCache, mood_folders, save_audio_feel, train_audio_feel

    if note := mood_folders(folders).note():
        click.echo(f"note: {note}", err=True)
    result = train_audio_feel(clips, folders, cache=AudioCache(settings.audio_cache_dir()),
                              progress=progress_of("labelled clips",
                                                   "training the audio feel model"))
    click.echo(result.summary(), err=True)
    click.echo(f"saved the audio feel model to {save_audio_feel(result.model)}", err=True)
    return result.model


def _no_labels() -> str:
    return f"no labels.csv set of clips (FEELALIKE_EMOTION_CLIPS=" \
        f"{_off(settings.get('EMOTION_CLIPS')) or 'off'})"


def trained_audio_feel() -> AudioFeel | None:
    """The audio feel model from the data home; trained there on first use from the
    labelled clips (FEELALIKE_EMOTION_CLIPS) and the mood folders
    (FEELALIKE_EMOTION_FOLDERS), or on the mood folders alone; or None with a note when
    there are no clips."""
    from models.audio import audio_feel_path, load_audio_feel, mood_folders

    model = load_audio_feel()
    if model is not None and model.base_ is not None:
        return model
    clips, folders = _clips()  # none kept, or one from before base rates were kept
    # a kept model is trained again on labelled clips only, never on mood folders alone
    if clips is None and (model is not None or not (filed := mood_folders(folders)).files):
        if model is None:
            unread = f" ({note})" if (note := filed.note()) else ""
            click.echo(f"note: no audio feel model at {audio_feel_path()}, {_no_labels()} "
                       f"and no clips in mood folders (FEELALIKE_EMOTION_FOLDERS{unread}); "
                       "analysed files get moods from their energy only", err=True)
        return model
    where = f"the clips in {clips}" if clips else "the clips in mood folders"
    click.echo(f"training the audio feel model on {where} (first build only; analyses "
               "are cached) ..." if model is None else "retraining the audio feel "
               "model (the kept one is from an older feelalike) ...", err=True)
    try:
        return _train_audio(clips, folders)
    except CatalogError as exc:
        instead = "analysed files get moods from their energy only" if model is None \
            else "using the kept one"
        click.echo(f"note: cannot train the audio feel model ({exc.message}); {instead}",
                   err=True)
        return model


@click.command("train-audio")
@click.option("--clips", default=None, help="Folder of clips with labels.csv (default: "
              "FEELALIKE_EMOTION_CLIPS; without one, the mood folders of "
              "FEELALIKE_EMOTION_FOLDERS alone).")
def train_audio(clips: str | None) -> None:
    """Train the audio feel model (analysed audio -> emotions, moods, valence/arousal)."""
    default, folders = _clips()
    if clips and not (Path(clips) / "labels.csv").is_file():
        raise BadRequest(f"{clips}: no labels.csv with emotion labels there")
    try:
        _train_audio(Path(clips) if clips else default, folders)
    except CatalogError as exc:
        if clips or default:
            raise
        raise CatalogError(f"{_no_labels()}, and {exc.message}") from None
