"""The web page (GET /) and the widget (GET /embed) as HTML: headers, escaping, every
error as a small HTML page with the API's status.  The page in a real browser is in
test_browser.py."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest

from models.build import build
from models.errors import ConfigError
from models.ingest import Catalog
from service import create_app
from service.resources import Resources

from .fixtures import make_track

XSS_TITLE = '<img src=x onerror="document.title=\'pwned\'"><script>window.pwned=1</script>'


class Html(HTMLParser):
    """Tags, attributes and text of a page."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())


def html_of(response, status: int) -> Html:
    assert response.status_code == status, response.data[:300]
    assert response.mimetype == "text/html"
    page = Html(response.get_data(as_text=True))
    assert "Traceback" not in page.words
    return page


def assert_no_inline_code(page: Html) -> None:
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "style" not in attrs and tag != "style"
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/")
        for name in ("href", "src"):
            assert not (attrs.get(name) or "").startswith(("http:", "https:", "//", "javascript:"))


@pytest.fixture()
def xss_published(store) -> str:
    tracks = [make_track(i) for i in range(30)]
    tracks.append(make_track(30, id="xss", title=XSS_TITLE, artist="<b>Evil</b> & co",
                             features=tracks[5].features))  # trk5's nearest neighbour
    return store.publish(build(Catalog(tracks=tracks), k=10))


def test_page_is_html_with_its_own_script_and_strict_headers(client):
    page = html_of(client.get("/"), 200)
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert_no_inline_code(page)
    scripts = [a["src"] for a in page.all("script")]
    styles = [a["href"] for a in page.all("link") if a.get("rel") == "stylesheet"]
    assert scripts == ["/static/api.js", "/static/chart.js", "/static/page.js"]
    assert styles == ["/static/page.css"]
    for url, media in ((scripts[0], "text/javascript"), (styles[0], "text/css")):
        asset = client.get(url)
        assert asset.status_code == 200 and asset.mimetype == media
        assert asset.headers["X-Content-Type-Options"] == "nosniff"
    moods = [a for a in page.all("option")]
    assert len(moods) == 32  # the 16 moods in the arc's from and to
    assert "innerHTML" not in client.get(scripts[0]).get_data(as_text=True)


def test_page_needs_no_model_and_no_redis(app):
    app.config["RESOURCES"] = None
    assert html_of(app.test_client().get("/"), 200).words.startswith("feelalike")


def test_embed_lists_tracks_that_feel_like_the_seed(client, published):
    response = client.get("/embed?seed=Loneliness%20%233&limit=4")
    page = html_of(response, 200)
    assert "X-Frame-Options" not in response.headers
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors *" in csp and "script-src" not in csp
    assert "default-src 'none'" in csp
    assert_no_inline_code(page)
    assert not page.all("script")
    assert "Feels like Loneliness #3 (Night Talking)" in page.words
    items = page.words.split("Night Talking)", 1)[1]
    api = client.get("/v1/recommendations?seed=Loneliness%20%233&limit=4").get_json()
    for result in api["results"]:
        assert result["title"] in items and result["why"][0] in items
    links = [a["href"] for a in page.all("a")]
    assert "/?seed=trk40" in links  # the seed opens in the page
    assert len([r for r in api["results"] if f"/?seed={r['id']}" in links]) == 4
    assert len(page.all("li")) == 4
    assert len(html_of(client.get("/embed?seed=trk3"), 200).all("li")) == 5


def test_embed_escapes_titles_and_artists(client, xss_published):
    page = html_of(client.get("/embed?seed=xss&limit=3"), 200)
    assert not page.all("img") and not page.all("script") and not page.all("b")
    assert XSS_TITLE in page.words
    assert XSS_TITLE in " ".join(page.text)
    listed = html_of(client.get("/embed?seed=trk5&limit=3"), 200)
    assert not listed.all("img") and "<b>Evil</b> & co" in listed.words


def test_embed_frame_ancestors_come_from_the_setting(store, env, published, monkeypatch):
    monkeypatch.setenv("FEELALIKE_EMBED_ANCESTORS", "https://blog.example, 'self'")
    client = create_app({"TESTING": True, "RESOURCES": Resources(store)}).test_client()
    csp = client.get("/embed?seed=trk3").headers["Content-Security-Policy"]
    assert csp.endswith("frame-ancestors https://blog.example 'self'")
    assert "frame-ancestors 'none'" in client.get("/").headers["Content-Security-Policy"]


@pytest.mark.parametrize("value", ["a; script-src *", "'unsafe-inline'", "x\"y",
                                   "javascript:alert(1)", "https://blog.example/p?x=1"])
def test_a_bad_frame_ancestors_setting_stops_the_app(env, monkeypatch, value):
    monkeypatch.setenv("FEELALIKE_EMBED_ANCESTORS", value)
    with pytest.raises(ConfigError, match="FEELALIKE_EMBED_ANCESTORS"):
        create_app({"TESTING": True})


@pytest.mark.parametrize("query,message", [
    ("seed=trk3&limit=0", "limit: must be at least 1, got 0"),
    ("seed=trk3&limit=101", "limit: must be at most 100, got 101"),
    ("seed=trk3&limit=abc", "limit"),
    ("seed=trk3&limit=1.5", "limit"),
    ("limit=3", "seed"),
    ("seed=", "seed"),
    ("seed=" + "y" * 1001, "seed"),
])
def test_embed_bad_parameters_are_a_400_page(client, published, query, message):
    response = client.get(f"/embed?{query}")
    page = html_of(response, 400)
    assert message in page.words and "Error 400" in page.words
    assert "frame-ancestors *" in response.headers["Content-Security-Policy"]
    assert_no_inline_code(page)


def test_embed_unknown_seed_is_a_404_page_with_suggestions(client, published):
    page = html_of(client.get("/embed?seed=Lonelyness%20%2333&limit=2"), 404)
    assert "no track matches 'Lonelyness #33'" in page.words
    assert "/embed?seed=trk40&limit=2" in [a["href"] for a in page.all("a")]
    nothing = html_of(client.get("/embed?seed=%21%21%21"), 404)
    assert "no track matches" in nothing.words and "Did you mean" not in nothing.words
    escaped = html_of(client.get("/embed?seed=%3Cscript%3Ezz%3C%2Fscript%3E"), 404)
    assert not escaped.all("script") and "<script>zz</script>" in escaped.words


def test_embed_without_a_model_is_a_503_page(client, store):
    page = html_of(client.get("/embed?seed=trk3"), 503)
    assert "no model has been built yet" in page.words


def test_embed_with_redis_unreachable_is_a_503_page_naming_no_host(env, monkeypatch):
    from .redis_server import free_port

    monkeypatch.setenv("FEELALIKE_REDIS_URL", f"redis://127.0.0.1:{free_port()}/0")
    page = html_of(create_app({"TESTING": True}).test_client().get("/embed?seed=x"), 503)
    assert "unreachable" in page.words and "127.0.0.1" not in page.words


def test_with_keys_for_reads_the_widget_is_off_and_the_page_asks_for_a_key(
        store, env, published, monkeypatch):
    monkeypatch.setenv("FEELALIKE_API_KEYS", "sesame")
    monkeypatch.setenv("FEELALIKE_REQUIRE_KEYS_FOR_READS", "on")
    client = create_app({"TESTING": True, "RESOURCES": Resources(store)}).test_client()
    off = html_of(client.get("/embed?seed=trk3"), 401)
    assert "requires an API key" in off.words and "sesame" not in off.words
    page = html_of(client.get("/"), 200)
    assert "This server requires an API key" in page.words
    assert [a for a in page.all("details") if "open" in a]


def test_page_and_embed_other_methods_are_refused(client):
    assert client.post("/").status_code == 405
    assert client.delete("/embed?seed=trk3").status_code == 405


def test_embed_errors_from_around_the_view_are_pages_too(store, env, published):
    """A frame showed raw JSON for a rate limit, a wrong method or a long URL."""
    client = create_app({"TESTING": True, "RESOURCES": Resources(store),
                         "RATE_LIMIT": "1/minute", "MAX_URL_CHARS": 200}).test_client()
    assert client.get("/embed?seed=trk3").status_code == 200
    limited = client.get("/embed?seed=trk3")
    page = html_of(limited, 429)
    assert "rate limit exceeded" in page.words and int(limited.headers["Retry-After"]) >= 1
    assert "frame-ancestors" in limited.headers["Content-Security-Policy"]
    refused = client.delete("/embed?seed=trk3")
    assert "GET" in refused.headers["Allow"]
    html_of(refused, 405)
    html_of(client.get("/embed?seed=" + "x" * 300), 414)
    assert client.get("/v1/tracks?q=Song").is_json  # the API's own errors stay JSON


def test_the_docs_page_has_the_html_pages_headers(client):
    """Found by a tester: /docs, HTML like / and /embed, came with no Content-Security-
    Policy, could be framed by any site and sent the Referer.  Its one inline style is
    allowed by its hash; nothing else (no script) may run in it."""
    import base64
    import hashlib

    from service.openapi.html import STYLE

    response = client.get("/docs")
    assert response.status_code == 200 and response.mimetype == "text/html"
    csp = dict(part.strip().split(" ", 1) for part in
               response.headers["Content-Security-Policy"].split(";"))
    digest = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
    assert csp["default-src"] == "'none'" and "script-src" not in csp
    assert csp["style-src"] == f"'sha256-{digest}'"
    assert csp["frame-ancestors"] == "'none'" and csp["base-uri"] == "'none'"
    assert f"<style>{STYLE}</style>" in response.get_data(as_text=True)
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
