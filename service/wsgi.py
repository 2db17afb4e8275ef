"""WSGI entry point for gunicorn: ``gunicorn service.wsgi:app``.

A setting that cannot be read (``FEELALIKE_RATE_LIMIT=lots``) is said in one line, as
``feelalike serve`` says it, and the worker exits with gunicorn's "failed to boot"
code, so the server stops instead of printing a traceback from every worker it tries.
"""
import sys

from models.errors import ConfigError

from . import create_app

WORKER_BOOT_ERROR = 3  # gunicorn's Arbiter.WORKER_BOOT_ERROR: the master shuts down

try:
    app = create_app()
except ConfigError as exc:
    print(f"feelalike: error: {exc.message}", file=sys.stderr, flush=True)
    sys.exit(WORKER_BOOT_ERROR)
