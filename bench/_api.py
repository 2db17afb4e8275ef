"""What the benchmarks that use the API share: waiting until it answers, and asking
for recommendations."""
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


def recommend(base: str, body: dict, limit: int) -> list[dict]:
    """The results of ``POST /v1/recommendations`` for ``body`` at ``limit``."""
    answer = requests.post(f"{base}/v1/recommendations", json={**body, "limit": limit},
                           timeout=60)
    answer.raise_for_status()
    return answer.json()["results"]
