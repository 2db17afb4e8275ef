"""More of the page in a real headless Chromium (as tests/test_browser.py, whose browser
and tab fixtures it shares): the names of downloaded exports, a track the build had
nothing to place by, and the pages of a long search or list of recommendations."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

from data import DEMO_CATALOG
from models.ingest import Catalog, load_catalog

from .fixtures import Server, make_track
from .redis_server import RedisServer
from .test_browser import (browser, page, playwright_api, published,  # noqa: F401
                           pytestmark, search, serve)

BARE_TITLE = "Untitled Garage Demo"
BASE_WORDS = "Untitled Garage"
LONG_WORDS = "Recorded Live at the Old Harbour Cathedral"
PROLIFIC = "Ottoline Brask"  # the artist of 24 tracks: more than one page of a search


def catalog() -> Catalog:
    her = load_catalog([DEMO_CATALOG]).tracks
    tracks = [*her, *(make_track(i) for i in range(30))]
    tracks += [make_track(30 + i, id=f"brask-{i}", title=f"Harbour Song {i}",
                          artist=PROLIFIC) for i in range(24)]
    tracks.append(make_track(61, id="long", title=f"Lonely Night - {LONG_WORDS}, Kilkenny",
                             artist="James Long McArtist", notes="lonely and sad"))
    tracks.append(make_track(60, id="bare", title=BARE_TITLE, artist="Nobody Knows",
                             features={}, tags=[]))
    return Catalog(tracks=tracks)


@pytest.fixture(scope="module")
def servers(redis_server: RedisServer, tmp_path_factory: pytest.TempPathFactory,
            ) -> Iterator[dict[str, str]]:
    """The model served openly, and by a server that needs a key for reads."""
    prefix, folder = published(redis_server, tmp_path_factory, catalog(), "flows")
    started: dict[str, Server] = {}
    try:
        started["open"] = serve(redis_server, folder, prefix)
        started["keys"] = serve(redis_server, folder, prefix, FEELALIKE_API_KEYS="sesame",
                                FEELALIKE_REQUIRE_KEYS_FOR_READS="on")
        yield {name: server.base for name, server in started.items()}
    finally:
        for server in started.values():
            server.stop()


@pytest.fixture(scope="module")
def base(servers: dict[str, str]) -> str:
    return servers["open"]


@pytest.fixture(scope="module")
def empty(redis_server: RedisServer, tmp_path_factory: pytest.TempPathFactory,
          ) -> Iterator[str]:
    """A server with no model built: every call is an error."""
    prefix = "flows-empty-" + os.urandom(4).hex()
    server: Server = serve(redis_server, tmp_path_factory.mktemp("flows-empty"), prefix)
    try:
        yield server.base
    finally:
        server.stop()


def test_exports_are_saved_under_the_playlists_title(page, base):
    """Found by a curator: every download was named feelalike-playlist.<format>, so a
    second playlist saved over (or beside, as "(1)") the first; the API names the file
    after the playlist, as its Content-Disposition says."""
    page.goto(base + "/")
    page.select_option("#arc-from", "sad")
    page.select_option("#arc-to", "joyful")
    page.fill("#length", "5")
    page.click("#playlist-form button[type=submit]")
    page.locator("#exports").wait_for()
    assert page.locator("#playlist-title").inner_text() == "From sad to joyful"
    for fmt in ("m3u8", "xspf", "jspf"):
        with page.expect_download() as info:
            page.click(f"#exports button[data-format={fmt}]")
        assert info.value.suggested_filename == f"From sad to joyful.{fmt}"
        assert Path(info.value.path()).stat().st_size > 0


def test_a_track_with_nothing_to_place_it_by_still_shows_how_little_is_known(page, base):
    """Found by a curator: choosing a search result the build had nothing to place by
    (a title and an artist, no features, tags or notes) showed only the API's 400 and
    left the previous track on screen, though the page draws such a track's moods as
    unknown; now it shows the track, and in place of recommendations why there are none,
    and a playlist is not seeded by it."""
    page.goto(base + "/?seed=her-sleepwalker")
    page.locator("#recommendations li").first.wait_for()
    page.focus("#q")
    page.keyboard.type(BASE_WORDS)
    page.keyboard.press("Enter")
    page.locator("#search-results button.pick", has_text=BARE_TITLE).click()
    page.locator("#track-title", has_text=BARE_TITLE).wait_for()
    assert "valence and arousal unknown" in page.locator("#mood-caption").inner_text()
    assert "nothing is known" in page.locator("#recommendations").inner_text()
    assert page.locator("#recommendations button.pick").count() == 0
    assert page.locator("#error").is_hidden()
    assert "seed=bare" in page.url
    page.click("#playlist-form button[type=submit]")
    page.locator("#exports").wait_for()
    assert page.locator("#playlist > li").count() == 12
    assert page.locator("#error").is_hidden()


def test_a_long_search_and_recommendations_go_on_page_by_page(page, base):
    """Found by a curator: a search showed its first 10 tracks as "10 tracks found" and
    no more, though the API pages on (next_offset), so an artist's 11th track could not be
    reached; the recommendations stopped at 10 alike. Each list now has a "More" button
    while the API has more, and the keyboard lands on the first new track."""
    search(page, base, PROLIFIC)
    results = page.locator("#search-results")
    results.locator("button.pick").first.wait_for()
    assert results.locator("button.pick").count() == 10
    assert "more" in page.locator("#status").inner_text()
    while page.locator("#search-more").is_visible():
        count = results.locator("button.pick").count()
        page.focus("#search-more")
        page.keyboard.press("Enter")
        results.locator("button.pick").nth(count).wait_for()
        assert page.evaluate("document.activeElement.textContent") == \
            results.locator("button.pick").nth(count).inner_text()
    labels = [results.locator("button.pick").nth(i).inner_text()
              for i in range(results.locator("button.pick").count())]
    seen = {label for label in labels if PROLIFIC in label}
    assert len(seen) == 24 and len(labels) == len(set(labels))
    assert page.locator("#status").inner_text() == f"{len(labels)} tracks found"
    results.locator("button.pick").first.click()
    recommendations = page.locator("#recommendations > li")
    recommendations.first.wait_for()
    assert recommendations.count() == 10
    page.click("#recommendations-more")
    recommendations.nth(10).wait_for()
    assert recommendations.count() == 20
    ids = page.evaluate("Array.from(document.querySelectorAll('#recommendations .title'))"
                        ".map((n) => n.textContent)")
    assert len(ids) == len(set(ids))
    results.locator("button.pick").nth(1).click()  # another track: its own first page
    page.locator("#track-title", has_text="Harbour Song").wait_for()
    playwright_api.expect(recommendations).to_have_count(10)


def test_a_title_that_wraps_keeps_its_number_on_its_first_line(page, base):
    """Found on a phone: a track button whose title wraps sat on the line's baseline, so
    the list's number stood beside its last line and its first line stuck out above
    (every long title at 360 px). Whatever starts the item's line (its marker; here a
    probe) is beside the title's first line."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base + "/?seed=her-sleepwalker")
    page.locator("#recommendations li").first.wait_for()
    page.fill("#q", LONG_WORDS)
    page.press("#q", "Enter")
    page.locator("#search-results button.pick", has_text=LONG_WORDS).wait_for()
    for selector in ("#search-results > li", "#recommendations > li", "#playlist > li"):
        if selector == "#playlist > li":
            page.click("#playlist-form button[type=submit]")
            page.locator("#exports").wait_for()
        for item in page.locator(selector).all():
            lines = item.evaluate("""(item) => {
                const probe = document.createElement("span");
                probe.textContent = "\\u200b";  // takes no width, as the marker
                item.prepend(probe);
                const first = item.querySelector(".pick .title").getClientRects()[0];
                const at = probe.getBoundingClientRect();
                probe.remove();
                return [at.top, first.top, first.height,
                        item.querySelector(".pick").getClientRects().length];
            }""")
            probe_top, first_top, height, _ = lines
            assert abs(probe_top - first_top) < height, (item.inner_text(), lines)


def test_an_error_is_in_sight_wherever_its_button_was(page, empty):
    """Found on a phone: an error was shown above step 1 only, so a failed playlist
    (or download, or "More") changed nothing on the screen the user was looking at."""
    page.set_viewport_size({"width": 360, "height": 480})
    page.goto(empty + "/")
    page.locator("#playlist-form button[type=submit]").scroll_into_view_if_needed()
    assert not in_view(page, "#q")
    page.click("#playlist-form button[type=submit]")
    page.locator("#error", has_text="no model").wait_for()
    assert in_view(page, "#error")
    assert in_view(page, "#playlist-form button[type=submit]")  # and not covered:
    assert page.locator("#playlist-form button[type=submit]").evaluate("""(node) => {
        const box = node.getBoundingClientRect();
        return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)
            === node;
    }""")


def test_a_long_error_never_covers_most_of_a_phone(page, base):
    """Found by a review of the fix above: the close titles of an unknown seed made the
    box that stays at the top 416 px tall on a 640 px phone, covering the page wherever
    one scrolled; it now scrolls within itself past a third of the window."""
    page.set_viewport_size({"width": 360, "height": 640})
    page.goto(base + "/?seed=Harbour%20Songs%20Zzyzx")
    page.locator("#error button.pick").first.wait_for()
    assert page.locator("#error button.pick").count() >= 3
    box = page.locator("#error").bounding_box()
    assert box["height"] <= 640 / 3 + 1
    page.locator("#error button.pick").last.scroll_into_view_if_needed()
    page.locator("#error button.pick").last.click()  # still reachable: it scrolls
    page.locator("#recommendations li").first.wait_for()


def in_view(page, selector: str) -> bool:
    """Whether the element is wholly inside the viewport."""
    return page.locator(selector).evaluate("""(node) => {
        const box = node.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
    }""")


def test_a_shared_address_opens_once_the_key_is_given(page, servers):
    """Found by a curator: on a server that needs a key for reads, a shared /?seed=
    address answered 401 and asked for a key, but nothing ran the seed again (reloading
    forgets the key), so the track could not be opened. Any error the same request may
    get over (no key, the rate limit, the server down or busy) now has a "Try again"."""
    page.goto(servers["keys"] + "/?seed=her-sleepwalker")
    page.locator("#error", has_text="API key").wait_for()
    page.fill("#api-key", "sesame")
    page.locator("#error button", has_text="Try again").click()
    page.locator("#track-title", has_text="Sleepwalker").wait_for()
    assert page.locator("#error").is_hidden()
    page.goto(servers["open"] + "/?seed=no-such-track-anywhere")
    page.locator("#error", has_text="no-such-track").wait_for()
    assert page.locator("#error button", has_text="Try again").count() == 0  # a 404 stays


def test_the_track_chosen_last_is_the_one_shown(page, base):
    """Found by a curator clicking down a list: each choice fetched its answers and drew
    them when they came, so a slow answer for the track chosen first drew over the one
    chosen after it. A new choice now cancels the one under way."""
    search(page, base, PROLIFIC)
    results = page.locator("#search-results button.pick")
    results.first.wait_for()
    first, second = results.nth(0), results.nth(1)
    page.evaluate("""() => {  // what became of each fetch of the page
        const fetch = window.fetch;
        window.fetched = {};
        window.fetch = (url, options) => fetch(url, options).then(
            (answer) => { window.fetched[answer.url] = "answered"; return answer; },
            (err) => { window.fetched[new URL(url, location).href] = err.name; throw err; });
    }""")
    held = []
    page.route("**/v1/recommendations?*",  # the first is held back, as a slow answer
               lambda route: route.continue_() if held else held.append(route))
    with page.expect_request("**/v1/recommendations?*"):
        first.click()
    while not held:  # the route sees it just after the request is reported
        page.wait_for_timeout(10)
    second.click()
    want = second.locator(".title").inner_text()
    page.locator("#track-title", has_text=want).wait_for()
    try:
        held[0].continue_()  # the slow answer comes now, unless it was cancelled
    except playwright_api.Error:
        pass
    while (outcome := page.evaluate("(url) => window.fetched[url]", held[0].request.url)) \
            is None:
        page.wait_for_timeout(10)
    assert outcome == "AbortError"  # cancelled, not drawn over the second choice
    assert page.locator("#error").is_hidden()
    assert page.locator("#track-title").inner_text() == want
