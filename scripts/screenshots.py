"""Screenshots of the page and the widget for the docs (docs/page.png, docs/embed.png).

Builds the built-in "Her" catalog (with the TidyTuesday catalog and the real "Her" review
when ../shared/data is there) into a private redis-server, starts `feelalike serve` on a
free loopback port and drives Debian's Chromium (/usr/bin/chromium, or
CHROMIUM_PATH) through Playwright: search "Loneliness", choose "Loneliness #3",
build a playlist from its strongest mood (dreamy) to hopeful, then open the widget.
Prints a table of the page's weight and how long each step took in the browser.

    python scripts/screenshots.py [--out docs]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from data import DEMO_ALBUM, DEMO_CATALOG  # noqa: E402
from tests.fixtures import HER_REVIEW, TIDY, Server  # noqa: E402
from tests.redis_server import RedisServer  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def build(env: dict[str, str]) -> None:
    cmd = [sys.executable, "-m", "service.cli", "build", "--catalog", str(DEMO_CATALOG)]
    if TIDY.is_file():
        cmd += ["--catalog", str(TIDY)]
    if HER_REVIEW.is_file():
        cmd += ["--review", str(HER_REVIEW), "--about-album", DEMO_ALBUM]
    subprocess.run(cmd, check=True, env={**os.environ, **env}, cwd=ROOT,
                   stdout=subprocess.DEVNULL)


def timed(step: str, times: dict[str, float], action) -> None:
    start = time.perf_counter()
    action()
    times[step] = (time.perf_counter() - start) * 1000


def shoot(base: str, out: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    times: dict[str, float] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        page = browser.new_page(viewport={"width": 1000, "height": 900})
        timed("load the page", times, lambda: page.goto(base + "/"))
        page.fill("#q", "Loneliness")

        def search() -> None:
            page.press("#q", "Enter")
            page.locator("#search-results button.pick").first.wait_for()
        timed("search 'Loneliness'", times, search)

        def choose() -> None:
            page.locator("#search-results button.pick", has_text="Loneliness #3").first.click()
            page.locator("#recommendations li").first.wait_for()
        timed("moods + recommendations", times, choose)
        page.select_option("#arc-to", "hopeful")
        page.fill("#length", "10")

        def playlist() -> None:
            page.click("#playlist-form button[type=submit]")
            page.locator("#exports").wait_for()
        timed("playlist of 10", times, playlist)
        page.screenshot(path=str(out / "page.png"), full_page=True)
        widget = browser.new_page(viewport={"width": 420, "height": 330})
        timed("widget", times, lambda: widget.goto(
            base + "/embed?seed=Loneliness%20%233&limit=5"))
        widget.screenshot(path=str(out / "embed.png"))
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs"))
    args = parser.parse_args()
    out = Path(args.out)
    with tempfile.TemporaryDirectory() as tmp:
        redis_server = RedisServer(Path(tmp)).start()
        env = {"FEELALIKE_REDIS_URL": redis_server.url, "FEELALIKE_KEY_PREFIX": "screens",
               "FEELALIKE_DATA_HOME": str(Path(tmp) / "home"), "FEELALIKE_ACCESS_LOG": "off"}
        server = None
        try:
            build(env)
            server = Server(env).start()
            sizes = {name: len(server.get(path).content) for name, path in
                     (("page.html", "/"), ("page.js", "/static/page.js"),
                      ("api.js", "/static/api.js"), ("chart.js", "/static/chart.js"),
                      ("page.css", "/static/page.css"), ("embed.css", "/static/embed.css"))}
            times = shoot(server.base, out)
        finally:
            if server is not None:
                server.stop()
            redis_server.stop()
    print(f"catalogs: demo{' + TidyTuesday' if TIDY.is_file() else ''}; screenshots in {out}")
    print(f"{'asset':<26}{'bytes':>8}")
    for name, size in sizes.items():
        print(f"{name:<26}{size:>8}")
    print(f"{'step (in the browser)':<26}{'ms':>8}")
    for step, ms in times.items():
        print(f"{step:<26}{ms:>8.0f}")


if __name__ == "__main__":
    main()
