"""Running the app on a real HTTP socket (development and tests; gunicorn in production)."""
from __future__ import annotations

import click
from werkzeug.serving import make_server

from . import create_app


def serve_forever(host: str, port: int) -> None:
    """Serve until interrupted, with a threaded WSGI server."""
    server = make_server(host, port, create_app(), threaded=True)
    click.echo(f"serving feelalike on http://{host}:{server.port}", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
