"""``feelalike datasets``: list, fetch or import registry datasets."""
from __future__ import annotations

import click


@click.group()
def datasets() -> None:
    """List, fetch or import registry datasets."""


@datasets.command("list")
def datasets_list() -> None:
    from data.registry import REGISTRY, state

    for ds in REGISTRY.values():
        click.echo(f"{ds.name}\t{state(ds.name)}\t{ds.description}\t[{ds.licence}]")


@datasets.command("fetch")
@click.argument("name")
def datasets_fetch(name: str) -> None:
    from data.registry import fetch

    click.echo(str(fetch(name)))


@datasets.command("add")
@click.argument("name")
@click.option("--from", "source", required=True, help="A local copy of the dataset file.")
def datasets_add(name: str, source: str) -> None:
    from data.registry import add

    click.echo(str(add(name, source)))
