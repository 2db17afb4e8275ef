"""Running the app on a real HTTP socket (development and tests; gunicorn in production).

SIGTERM stops it like Ctrl-C does: the socket is closed and an embedded Redis this
process started is shut down (saving its data) instead of being left running.
"""
from __future__ import annotations

import errno
import signal
import socket
import threading
from types import FrameType

import click
from werkzeug.serving import get_sockaddr, make_server, select_address_family

from models.errors import ConfigError

from . import create_app
from .store import close_embedded


class _Terminated(Exception):
    """Raised in the main thread by the SIGTERM handler."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise _Terminated()


def reserve(host: str, port: int) -> socket.socket:
    """A socket listening on ``host:port`` (connections wait in its queue until the
    API serves), so a taken port or a host that is not this machine's fails in one
    line before any work is done.  Listening, not only bound: two sockets with
    SO_REUSEADDR may both bind a port nobody listens on yet."""
    family = select_address_family(host, port)
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(get_sockaddr(host, port, family))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        reason = (exc.strerror or str(exc)).lower()
        hint = ("choose another with --port or FEELALIKE_PORT" if exc.errno == errno.EADDRINUSE
                else "check --host or FEELALIKE_HOST")
        raise ConfigError(f"cannot listen on {host}:{port}: {reason} ({hint})") from None
    return sock


def serve_forever(host: str, port: int, sock: socket.socket | None = None) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM), with a threaded WSGI server, on
    ``sock`` when given (from `reserve`), else on a socket bound here."""
    sock = sock or reserve(host, port)
    server = make_server(host, port, create_app(), threaded=True, fd=sock.fileno())
    sock.close()  # the server holds its own duplicate
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
