"""Running the app on a real HTTP socket (development and tests; gunicorn in production).

SIGTERM stops it like Ctrl-C does: the socket is closed, requests being answered get
up to ``FEELALIKE_TIMEOUT_SECONDS`` to finish (a second signal stops at once), and an
embedded Redis this process started is shut down (saving its data) instead of being
left running.
"""
from __future__ import annotations

import errno
import re
import signal
import socket
import threading
from collections.abc import Callable, Iterable
from types import FrameType
from typing import Any

import click
from werkzeug.serving import (
    WSGIRequestHandler,
    get_sockaddr,
    make_server,
    select_address_family,
)
from werkzeug.wsgi import ClosingIterator

from models.errors import ConfigError

from . import create_app
from .settings import get as setting
from .store import close_embedded


#: a request line's byte beyond ASCII, as the Latin-1 character http.server reads it as
_RAW_BYTE = re.compile("[\x80-\xff]")


class _Terminated(Exception):
    """Raised in the main thread by the SIGTERM handler."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise _Terminated()


class InFlight:
    """WSGI middleware counting the requests the app is answering, so a stopping server
    can let them finish: werkzeug answers each connection in a daemon thread, which
    the process would otherwise end mid-answer (the client sees the connection drop)."""

    def __init__(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app
        self._running = 0
        self._changed = threading.Condition()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        self._count(1)
        try:
            body = self.app(environ, start_response)
        except BaseException:
            self._count(-1)
            raise
        return ClosingIterator(body, lambda: self._count(-1))  # closed once body is sent

    @property
    def running(self) -> int:
        return self._running

    def _count(self, step: int) -> None:
        with self._changed:
            self._running += step
            self._changed.notify_all()

    def wait(self, seconds: float) -> int:
        """Wait up to ``seconds`` for every request to finish; how many still run."""
        with self._changed:
            self._changed.wait_for(lambda: self._running == 0, timeout=seconds)
            return self._running


class _RequestHandler(WSGIRequestHandler):
    """werkzeug's handler, with a URL's raw bytes read as UTF-8 and no request line in
    its error log."""

    def make_environ(self) -> dict[str, Any]:
        # werkzeug takes a raw byte as a Latin-1 character, so an unencoded "Beyoncé"
        # (curl sends one as typed) was looked up as "BeyoncÃ©"; percent-encoded, the
        # bytes read as UTF-8, and those that are not UTF-8 get the API's own 400
        self.path = _RAW_BYTE.sub(lambda m: f"%{ord(m.group()):02X}", self.path)
        return super().make_environ()

    def log_error(self, format: str, *args: Any) -> None:
        """A malformed request's line holds its query string (a seed, a library's ids):
        the log says only what was wrong with it."""
        if format.startswith("code ") and args:
            super().log_error("code %s: a malformed request", args[0])
        else:
            super().log_error(format, *args)


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
    grace = setting("TIMEOUT_SECONDS")  # read now: a bad value fails before serving
    sock = sock or reserve(host, port)
    app = InFlight(create_app())
    server = make_server(host, port, app, threaded=True, fd=sock.fileno(),
                         request_handler=_RequestHandler)
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
        server.server_close()  # no new connections
        _finish(app, grace)
        close_embedded()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _finish(app: InFlight, seconds: float) -> None:
    """Let requests in flight finish, for up to ``seconds`` or until a second signal."""
    if not app.running:
        return
    click.echo(f"waiting up to {seconds:g}s for {app.running} request(s) to finish "
               "(stop again to quit now)", err=True)
    try:
        left = app.wait(seconds)
    except (KeyboardInterrupt, _Terminated):
        left = app.running
    if left:
        click.echo(f"stopped with {left} request(s) unfinished", err=True)
