"""``feelalike train-mood`` and ``feelalike evaluate``: work on labelled tracks."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import click

from models import settings
from models.errors import BadRequest


def labelled_options(command: Callable) -> Callable:
    """``--catalog`` (default: the registry's dataset) and ``--labels``."""
    command = click.option("--labels", default="../shared/data/moods/deezer",
                           show_default=True, help="Folder with train.csv and validation.csv "
                           "valence/arousal labels.")(command)
    return click.option("--catalog", default=None,
                        help="Default: the tidytuesday-spotify dataset.")(command)


def _inputs(catalog: str | None, labels: str, needed: str) -> tuple[Path | str, str]:
    """The catalog (fetched when not given) and the labels folder, checked."""
    from data.registry import fetch

    if not (Path(labels) / needed).is_file():
        raise BadRequest(f"{labels}: no train.csv / validation.csv labels there")
    return catalog or fetch("tidytuesday-spotify"), labels


@click.command("train-mood")
@labelled_options
@click.option("--out", default=None, help="Where to save (default: DATA_HOME/models/).")
def train_mood(catalog: str | None, labels: str, out: str | None) -> None:
    """Train the audio -> valence/arousal model on labelled tracks (saved as npz)."""
    from models.audio import train

    result = train(*_inputs(catalog, labels, "train.csv"))
    target = Path(out) if out else settings.data_home() / "models" / \
        f"va-model-{result.version}.npz"
    target.parent.mkdir(parents=True, exist_ok=True)
    result.model.save(target)
    click.echo(result.summary())
    click.echo(f"saved {target}; use it with: feelalike build ... --va-model {target}")


@click.command()
@labelled_options
@click.option("--seed", default=0, show_default=True, help="Random seed (reproducible).")
def evaluate(catalog: str | None, labels: str, seed: int) -> None:
    """Measure recommendation quality against baselines (mood agreement and more)."""
    from models.evaluation import format_report, run

    click.echo(format_report(run(*_inputs(catalog, labels, "validation.csv"), seed=seed)))
