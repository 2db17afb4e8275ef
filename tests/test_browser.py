"""The page and the widget in a real headless Chromium (Debian's /usr/bin/chromium, driven
by Playwright; never a downloaded browser), against `feelalike serve` on a free loopback
port with a real Redis, rate limits on, and a small model built from the built-in "Her"
catalog, synthetic tracks and a track whose title is an HTML injection."""
from __future__ import annotations

import contextlib
import http.server
import json
import os
import shutil
import threading
from pathlib import Path
from typing import Iterator
from xml.etree import ElementTree as ET

import pytest
import redis

from data import DEMO_CATALOG
from models.build import build
from models.ingest import Catalog, load_catalog
from service.store import ModelStore

from .fixtures import Server, make_track
from .redis_server import RedisServer

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
playwright_api = pytest.importorskip("playwright.sync_api",
                                     reason="needs the playwright package (the test extra)")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    shutil.which(CHROMIUM) is None,
    reason=f"needs Chromium at {CHROMIUM} (Debian's chromium package; .ci/run installs it)")]

XSS_TITLE = '<img src=x onerror="window.pwned=1">Lonely <script>window.pwned=2</script>'


def catalog() -> Catalog:
    her = load_catalog([DEMO_CATALOG]).tracks
    tracks = [*her, *(make_track(i) for i in range(30))]
    tracks.append(make_track(30, id="xss", title=XSS_TITLE, artist="<b>Evil</b>",
                             notes="lonely and sad"))
    tracks += [make_track(31 + i, id=f"quay-{i}", title="Quay Lights", artist="Ilse Varnholt",
                          album=album) for i, album in enumerate(["Harbour", "Harbour",
                                                                  "Harbour (Deluxe)"])]
    return Catalog(tracks=tracks)


def serve(redis_server: RedisServer, folder: Path, prefix: str, **extra: str) -> Server:
    return Server({"FEELALIKE_REDIS_URL": redis_server.url, "FEELALIKE_KEY_PREFIX": prefix,
                   "FEELALIKE_DATA_HOME": str(folder / prefix), "FEELALIKE_DATASET_MIRRORS": "",
                   "FEELALIKE_RATE_LIMIT": "300/minute", **extra}).start()


def published(redis_server: RedisServer, tmp_path_factory: pytest.TempPathFactory,
              tracks: Catalog, name: str) -> tuple[str, Path]:
    """A fresh key prefix with a model of ``tracks`` published under it, and a folder for
    the servers' data homes."""
    prefix = f"{name}-" + os.urandom(4).hex()
    store = ModelStore(redis.Redis.from_url(redis_server.url), prefix=prefix,
                       grace_seconds=60, cache_seconds=60)
    store.publish(build(tracks, k=20))
    return prefix, tmp_path_factory.mktemp(name)


@pytest.fixture(scope="module")
def servers(redis_server: RedisServer, tmp_path_factory: pytest.TempPathFactory,
            ) -> Iterator[dict[str, Server]]:
    """One server with the model, one without any, one that needs keys for reads."""
    prefix, folder = published(redis_server, tmp_path_factory, catalog(), "browser")
    started: dict[str, Server] = {}
    try:
        started["model"] = serve(redis_server, folder, prefix)
        started["empty"] = serve(redis_server, folder, prefix + "-empty")
        started["keys"] = serve(redis_server, folder, prefix, FEELALIKE_API_KEYS="sesame",
                                FEELALIKE_REQUIRE_KEYS_FOR_READS="on")
        yield started
    finally:
        for server in started.values():
            server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser):
    """A fresh tab; any console error (a CSP refusal, a script error) fails the test."""
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.console_errors = errors
    yield tab
    context.close()
    expected = ("the server responded with a status", "frame-ancestors 'none'")  # 4xx, /
    assert not [e for e in errors if not any(x in e for x in expected)], errors


@contextlib.contextmanager
def another_site(html: str) -> Iterator[str]:
    """A page of another origin (another loopback port) that frames ours."""
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html.encode())

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def search(page, base: str, words: str) -> None:
    page.goto(base + "/")
    page.focus("#q")
    page.keyboard.type(words)
    page.keyboard.press("Enter")


def test_search_choose_and_see_moods_and_reasons_by_keyboard(page, servers):
    search(page, servers["model"].base, "Loneliness")
    first = page.locator("#search-results button.pick").first
    first.wait_for()
    assert "Loneliness #3 (Night Talking)" in page.locator("#search-results").inner_text()
    page.keyboard.press("Tab")  # the search button
    page.keyboard.press("Tab")  # the first result
    assert page.evaluate("document.activeElement.textContent").startswith("Loneliness #3")
    page.keyboard.press("Enter")
    page.locator("#recommendations li .why li").first.wait_for()
    assert page.locator("#track-title").inner_text() == "Loneliness #3 (Night Talking)"
    assert page.locator("#mood-chart svg rect").count() == 18  # 16 moods, valence, arousal
    assert "valence" in page.locator("#mood-caption").inner_text()
    items = page.locator("#recommendations > li")
    assert items.count() == 10
    for i in range(items.count()):
        assert items.nth(i).locator(".why li").count() >= 1
    score = items.first.locator(".score")  # read aloud with its name, shown bare
    assert score.text_content().startswith("likeness 0.")
    assert score.locator(".hidden-label").bounding_box()["width"] <= 1
    assert "seed=her-loneliness-3" in page.url
    assert page.locator("#arc-from").input_value() in page.locator("#mood-caption").inner_text()


def test_a_seed_in_the_address_opens_the_track(page, servers):
    page.goto(servers["model"].base + "/?seed=Sleepwalker")
    page.locator("#recommendations li").first.wait_for()
    assert page.locator("#track-title").inner_text() == "Sleepwalker"


@pytest.mark.parametrize("path", ["/", "/embed?seed=Sleepwalker"])
def test_the_page_and_the_widget_have_an_icon(page, servers, path):
    """Found by a review: every load of / logged a 404 for /favicon.ico."""
    page.goto(servers["model"].base + path)
    icon = page.evaluate("document.querySelector('link[rel=icon]').href")
    answer = page.request.get(icon)
    assert answer.status == 200 and answer.headers["content-type"].startswith("image/svg")


def test_playlist_along_an_arc_and_its_downloads(page, servers):
    page.goto(servers["model"].base + "/?seed=her-loneliness-3")
    page.locator("#recommendations li").first.wait_for()
    page.select_option("#arc-from", "lonely")
    page.select_option("#arc-to", "hopeful")
    page.fill("#length", "8")
    page.click("#playlist-form button[type=submit]")
    page.locator("#exports").wait_for()
    assert page.locator("#playlist-title").inner_text() == "From lonely to hopeful"
    assert page.locator("#playlist > li").count() == 8
    files = {}
    for fmt in ("m3u8", "xspf", "jspf"):
        with page.expect_download() as info:
            page.click(f"#exports button[data-format={fmt}]")
        download = info.value
        assert download.suggested_filename == f"From lonely to hopeful.{fmt}"
        files[fmt] = Path(download.path()).read_text(encoding="utf-8")
    assert files["m3u8"].startswith("#EXTM3U") and files["m3u8"].count("#EXTINF") == 8
    assert len(list(ET.fromstring(files["xspf"]).iter("{http://xspf.org/ns/0/}track"))) == 8
    assert len(json.loads(files["jspf"])["playlist"]["track"]) == 8


def test_one_song_under_several_ids_is_one_button_with_its_album(page, servers):
    """Found by a review: "Poker Face" by Lady Gaga under six ids drew six identical
    buttons."""
    search(page, servers["model"].base, "Quay Lights")
    results = page.locator("#search-results")
    results.locator("button.pick").first.wait_for()
    labels = [results.locator("button.pick").nth(i).inner_text()
              for i in range(results.locator("button.pick").count())]
    assert sorted(label for label in labels if "Quay Lights" in label) == [
        "Quay Lights Ilse Varnholt Harbour", "Quay Lights Ilse Varnholt Harbour (Deluxe)"]


def test_an_injected_title_stays_text(page, servers):
    search(page, servers["model"].base, "onerror lonely")
    results = page.locator("#search-results")
    results.locator("button.pick").first.wait_for()
    assert XSS_TITLE in results.inner_text()
    assert page.locator("#search-results img, #search-results script, main b").count() == 0
    results.locator("button.pick", has_text="onerror").click()
    page.locator("#recommendations li").first.wait_for()
    assert page.locator("#track-title").inner_text() == XSS_TITLE
    assert "<b>Evil</b>" in page.locator("#track-artist").inner_text()
    assert page.locator("main img, main script, main b").count() == 0
    assert page.evaluate("window.pwned") is None
    page.goto(servers["model"].base + "/embed?seed=xss")
    assert XSS_TITLE in page.locator("h1").inner_text()
    assert page.locator("img, script").count() == 0
    assert page.evaluate("window.pwned") is None


def test_without_a_model_the_page_shows_the_api_error(page, servers):
    search(page, servers["empty"].base, "Loneliness")
    error = page.locator("#error")
    error.wait_for()
    assert "no model has been built yet" in error.inner_text()
    page.click("#playlist-form button[type=submit]")
    page.locator("#error", has_text="no model").wait_for()


def test_with_keys_for_reads_the_page_asks_for_one_and_uses_it(page, servers):
    search(page, servers["keys"].base, "Loneliness")
    page.locator("#error", has_text="API key").wait_for()
    assert page.locator("#key-box").get_attribute("open") is not None
    page.fill("#api-key", "sesame")
    page.click("#search-form button")
    page.locator("#search-results button.pick").first.wait_for()
    assert page.locator("#error").is_hidden()


def test_the_widget_renders_in_another_sites_frame_and_the_page_does_not(page, servers):
    base = servers["model"].base
    page.goto(base + "/embed?seed=Loneliness%20%233&limit=4")
    assert page.locator("h1").inner_text() == "Feels like Loneliness #3 (Night Talking)"
    assert page.locator("li").count() == 4 and page.locator(".why").count() == 4
    host = ('<iframe id="w" src="{0}/embed?seed=Sleepwalker&limit=3"></iframe>'
            '<iframe id="p" src="{0}/"></iframe>').format(base)
    with another_site(host) as other_site:  # another origin, on the loopback too
        page.goto(other_site)
        widget = page.frame_locator("#w")
        widget.locator("li").first.wait_for()
        assert widget.locator("li").count() == 3
        assert widget.locator("h1").inner_text() == "Feels like Sleepwalker"
        page.wait_for_load_state("load")
        framed = [f for f in page.frames if f.url.startswith(base) and "embed" not in f.url]
        assert not framed or framed[0].locator("#q").count() == 0  # refused: not rendered
        assert any("frame-ancestors 'none'" in e for e in page.console_errors)
        page.goto("about:blank")  # leave the other site before it stops: a request still
        # in flight (its favicon) would end in a connection reset, a console error
    page.goto(base + "/embed?seed=Loneliness%20%233&limit=0")
    assert "limit: must be at least 1" in page.locator(".error").inner_text()
