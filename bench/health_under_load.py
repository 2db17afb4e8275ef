"""Do heavy requests starve the health probes?  16 concurrent heavy POSTs against
gunicorn (2 workers x 4 threads, service/gunicorn_conf.py) on loopback.

    python bench/health_under_load.py [--seconds 20] [--clients 16] [--catalog FILE]
                                      [--gate on|off|both]

Builds a model into a private redis-server (the 28k-track catalog in ../shared/data
when present), starts gunicorn, and for ``--seconds`` runs ``--clients`` threads that
each send POST /v1/recommendations with 5 seeds, diversity 1 and limit 100 back to back,
while one prober asks /healthz and /readyz every 0.25 s.  With ``--gate off`` the
heavy-request gate is opened wide (HEAVY_CONCURRENCY=1000), the behaviour before it.
Prints a table of latencies (ms) and the heavy requests' statuses.  Bounded: one
gunicorn, loopback only, at most ``--seconds`` of load per run.
"""
from __future__ import annotations

import argparse
import collections
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
DEFAULT = ROOT.parent / "shared" / "data" / "catalog" / "tidytuesday_spotify_songs.csv"
PREFIX = "bench-health"


def start_gunicorn(redis_url: str, port: int, gate: bool, folder: str) -> subprocess.Popen:
    env = {**os.environ, "FEELALIKE_REDIS_URL": redis_url, "FEELALIKE_KEY_PREFIX": PREFIX,
           "FEELALIKE_HOST": "127.0.0.1", "FEELALIKE_PORT": str(port),
           "FEELALIKE_WORKERS": "2", "FEELALIKE_THREADS": "4", "FEELALIKE_RATE_LIMIT": "off",
           "FEELALIKE_ACCESS_LOG": "off", "PROMETHEUS_MULTIPROC_DIR": folder,
           **({} if gate else {"FEELALIKE_HEAVY_CONCURRENCY": "1000"})}
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c",
                                "python:service.gunicorn_conf", "service.wsgi:app"],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if requests.get(base + "/readyz", timeout=5).status_code == 200:
                return process
        except requests.RequestException:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("gunicorn did not become ready")


def run(base: str, seeds: list[str], clients: int, seconds: float) -> dict[str, list]:
    body = {"seeds": seeds, "diversity": 1, "limit": 100}
    stop = time.monotonic() + seconds
    heavy: list[tuple[int, float]] = []
    probes: dict[str, list[float]] = {"/healthz": [], "/readyz": []}
    lock = threading.Lock()

    def client() -> None:
        session = requests.Session()
        while time.monotonic() < stop:
            t0 = time.perf_counter()
            try:
                status = session.post(base + "/v1/recommendations", json=body,
                                      timeout=60).status_code
            except requests.RequestException:
                status = 0
            with lock:
                heavy.append((status, (time.perf_counter() - t0) * 1000))

    def prober() -> None:
        while time.monotonic() < stop:
            for path in probes:
                t0 = time.perf_counter()
                ok = requests.get(base + path, timeout=60).status_code == 200
                probes[path].append((time.perf_counter() - t0) * 1000 if ok else float("inf"))
            time.sleep(0.25)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    threads.append(threading.Thread(target=prober))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"heavy": heavy, **probes}


def row(name: str, values: list[float], note: str = "") -> str:
    values = sorted(values)
    p95 = values[int(0.95 * (len(values) - 1))]
    return f"{name:<34}{len(values):>6}{statistics.median(values):>10.0f}{p95:>10.0f}" \
           f"{values[-1]:>10.0f}  {note}"


def main() -> None:
    import redis
    from redis_server import RedisServer, free_port

    from models.build import build
    from models.ingest import load_catalog
    from service.store import ModelStore

    parser = argparse.ArgumentParser()
    parser.add_argument("--catalog", action="append")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--gate", choices=["on", "off", "both"], default="both")
    args = parser.parse_args()
    catalog = load_catalog(args.catalog or [str(DEFAULT)])
    seeds = [t.id for t in catalog.tracks[:: max(1, len(catalog.tracks) // 5)][:5]]
    with tempfile.TemporaryDirectory() as tmp:
        server = RedisServer(Path(tmp)).start()
        try:
            ModelStore(redis.Redis.from_url(server.url), prefix=PREFIX).publish(build(catalog))
            print(f"{len(catalog.tracks)} tracks; {args.clients} clients x POST "
                  f"/v1/recommendations (5 seeds, diversity 1, limit 100) for "
                  f"{args.seconds:.0f} s; gunicorn 2 workers x 4 threads")
            print(f"{'gate / request':<34}{'n':>6}{'median':>10}{'p95':>10}{'max':>10}")
            for gate in ([True, False] if args.gate == "both" else [args.gate == "on"]):
                port = free_port()
                process = start_gunicorn(server.url, port, gate, f"{tmp}/metrics-{gate}")
                try:
                    base = f"http://127.0.0.1:{port}"
                    for _ in range(4):  # load the table and engine in both workers
                        requests.post(base + "/v1/recommendations", timeout=60,
                                      json={"seeds": seeds, "limit": 5})
                    result = run(base, seeds, args.clients, args.seconds)
                finally:
                    process.terminate()
                    process.wait(timeout=60)
                label = "gate on " if gate else "gate off"
                statuses = collections.Counter(s for s, _ in result["heavy"])
                done = [ms for s, ms in result["heavy"] if s == 200]
                busy = [ms for s, ms in result["heavy"] if s == 503]
                print(row(f"{label} heavy POST 200", done or [0.0],
                          " ".join(f"{k}:{v}" for k, v in sorted(statuses.items()))))
                if busy:
                    print(row(f"{label} heavy POST 503 busy", busy))
                for path in ("/healthz", "/readyz"):
                    print(row(f"{label} GET {path}", result[path]))
        finally:
            server.stop()


if __name__ == "__main__":
    main()
