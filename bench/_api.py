"""What the benchmarks that start the API share: waiting until it answers."""
from __future__ import annotations

import time

import requests


def wait_until_up(base: str, attempts: int = 300, timeout: float = 5.0) -> None:
    """Poll ``base``/healthz every 0.1 s until it answers (at most ``attempts`` times)."""
    for _ in range(attempts):
        try:
            requests.get(base + "/healthz", timeout=timeout)
            return
        except requests.RequestException:
            time.sleep(0.1)
