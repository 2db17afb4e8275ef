"""gunicorn configuration: ``gunicorn -c python:service.gunicorn_conf service.wsgi:app``.

- ``gthread`` workers: ``FEELALIKE_WORKERS`` processes x ``FEELALIKE_THREADS`` threads,
  bound to ``FEELALIKE_HOST:FEELALIKE_PORT``.  The app's heavy-request gate
  (``FEELALIKE_HEAVY_CONCURRENCY``, kept below the threads) leaves threads free for
  ``/healthz`` and ``/readyz``.
- Timeouts: a worker silent for ``FEELALIKE_TIMEOUT_SECONDS`` is restarted; graceful
  shutdown waits as long; idle keep-alive connections close after 5 s.
- Limits: ``limit_request_line = 8190``, gunicorn's largest bound, so a URL over
  ``FEELALIKE_MAX_URL_CHARS`` (4096) reaches the app and gets its JSON 414; only a
  request line over 8 KB gets gunicorn's own refusal.  Unbounded (0), gunicorn's
  Python parser spent quadratic time on a line of megabytes: 90 s for 20 MB, and a
  worker busy for minutes after the client had gone.  Header limits stay gunicorn's.
- No control socket: gunicorn 25+ opens one per user (``~/.gunicorn/gunicorn.ctl``,
  for changing worker counts or stopping the server), so a second instance, such as a
  blue/green deploy's, took over the first one's; feelalike uses none.
- Logs: gunicorn's access log is off (the app writes one JSON line per request);
  gunicorn's own messages go to stderr.
- Metrics: every worker writes its Prometheus samples to ``PROMETHEUS_MULTIPROC_DIR``
  (default: a fresh folder in the temp dir), emptied when the server starts; a dead
  worker's live gauges are dropped (``child_exit``), and ``/metrics`` adds up all.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from service.settings import get

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"

bind = f"{get('HOST')}:{get('PORT')}"
workers = get("WORKERS")
threads = get("THREADS")
worker_class = "gthread"
timeout = get("TIMEOUT_SECONDS")
graceful_timeout = get("TIMEOUT_SECONDS")
keepalive = 5
limit_request_line = 8190
accesslog = None
control_socket_disable = True  # gunicorn < 25 has no such setting and ignores the name
errorlog = "-"

if get("HEAVY_CONCURRENCY") >= threads:
    print(f"feelalike: HEAVY_CONCURRENCY ({get('HEAVY_CONCURRENCY')}) should be below "
          f"THREADS ({threads}) so the health probes always find a thread", file=sys.stderr)

# Set before any worker imports prometheus_client: it picks its storage at import time.
os.environ.setdefault(MULTIPROC_ENV, tempfile.mkdtemp(prefix="feelalike-metrics-"))
raw_env = [f"{MULTIPROC_ENV}={os.environ[MULTIPROC_ENV]}"]


def on_starting(server: Any) -> None:
    """Start from empty metric files (a previous run's would be added in), and check
    the settings once here: a bad one is one line and no worker is started (workers
    that each failed to boot at once could trip gunicorn's arbiter into a traceback)."""
    folder = Path(os.environ[MULTIPROC_ENV])
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.db"):
        stale.unlink()
    from models.errors import ConfigError
    from service import create_app

    try:
        create_app()  # builds nothing and connects to nothing: it reads the settings
    except ConfigError as exc:
        print(f"feelalike: error: {exc.message}", file=sys.stderr, flush=True)
        sys.exit(1)


def child_exit(server: Any, worker: Any) -> None:
    """Drop the live gauges of a worker that exited."""
    from prometheus_client import multiprocess
    multiprocess.mark_process_dead(worker.pid)
