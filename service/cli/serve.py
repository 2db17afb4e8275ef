"""``feelalike serve``: the API on the development server."""
from __future__ import annotations

import socket

import click

from service.settings import get as setting


def address(host: str | None, port: int | None) -> tuple[str, int]:
    """The given host and port, or those of the settings."""
    return host or setting("HOST"), port if port is not None else setting("PORT")


def serve_here(host: str, port: int, sock: socket.socket | None = None) -> None:
    from service.server import serve_forever

    serve_forever(host, port, sock)


def reserve(host: str, port: int) -> socket.socket:
    """The port, taken now so a taken one fails before a long build (see `serve_here`)."""
    from service.server import reserve as bind

    return bind(host, port)


@click.command()
@click.option("--host", default=None, help="Default: FEELALIKE_HOST.")
@click.option("--port", default=None, type=click.IntRange(0, 65535),
              help="Default: FEELALIKE_PORT.")
def serve(host: str | None, port: int | None) -> None:
    """Serve the API (development server; use gunicorn in production)."""
    serve_here(*address(host, port))
