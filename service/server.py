"""Running the app on a real HTTP socket (development and tests; gunicorn in production).

SIGTERM stops it like Ctrl-C does: the socket is closed and an embedded Redis this
process started is shut down (saving its data) instead of being left running.
"""
from __future__ import annotations

import signal
import threading
from types import FrameType

import click
from werkzeug.serving import make_server

from . import create_app
from .store import close_embedded


class _Terminated(Exception):
    """Raised in the main thread by the SIGTERM handler."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise _Terminated()


def serve_forever(host: str, port: int) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM), with a threaded WSGI server."""
    server = make_server(host, port, create_app(), threaded=True)
    click.echo(f"serving feelalike on http://{host}:{server.port}", err=True)
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        server.serve_forever()
    except (KeyboardInterrupt, _Terminated):
        click.echo("stopping", err=True)
    finally:
        server.server_close()
        close_embedded()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
