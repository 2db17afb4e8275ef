// feelalike's page: calls the /v1 API of the same origin and draws what it answers.
// Every piece of text from the API goes into the page with textContent, never as HTML.
"use strict";

(function () {
  const API = document.body.dataset.api;
  const SVG = "http://www.w3.org/2000/svg";
  const $ = (id) => document.getElementById(id);
  let chosen = null;     // the track whose moods and recommendations are shown
  let lastPlaylist = null;  // the body of the last playlist built (for its exports)
  const PLAYLIST_HINT = $("playlist-seed").textContent;  // when no track seeds it

  // ---- talking to the API -------------------------------------------------------
  function headers(json) {
    const out = {Accept: "application/json"};
    const key = $("api-key").value.trim();
    if (key) out["X-API-Key"] = key;
    if (json) out["Content-Type"] = "application/json";
    return out;
  }

  async function call(path, body, format) {
    const options = body === undefined ? {headers: headers(false)}
      : {method: "POST", headers: headers(true), body: JSON.stringify(body)};
    let response;
    try {
      response = await fetch(API + path, options);
    } catch (err) {
      throw new Error("the server cannot be reached");
    }
    if (response.ok) return format === "raw" ? response : response.json();
    let error = {message: "the server answered " + response.status};
    try {
      error = (await response.json()).error || error;
    } catch (err) { /* not JSON: keep the status */ }
    const failure = new Error(error.message);
    failure.status = response.status;
    failure.code = error.code;
    failure.suggestions = error.suggestions || [];
    throw failure;
  }

  function busy(message) {
    $("status").textContent = message;
  }

  function clearError() {
    $("error").hidden = true;
    $("error").replaceChildren();
  }

  function showError(err) {
    busy("");
    const box = $("error");
    const text = el("p", "", err.message);
    box.replaceChildren(text);
    if (err.status === 401) {
      box.append(el("p", "", "Enter an API key below and try again."));
      $("key-box").open = true;
    }
    if (err.suggestions && err.suggestions.length) {
      box.append(el("p", "", "Did you mean:"));
      box.append(trackList(err.suggestions, "ul"));
    }
    box.hidden = false;
  }

  // ---- building elements (text only) --------------------------------------------
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function trackButton(track) {
    const button = el("button", "pick");
    button.type = "button";
    button.append(el("span", "title", track.title), " ", el("span", "artist", track.artist));
    if (track.album) button.append(" ", el("span", "album", track.album));
    button.addEventListener("click", () => choose(track.id));
    return button;
  }

  function trackList(tracks, tag) {
    const list = el(tag || "ul", "tracks");
    const shown = new Set();  // one song under several ids would be identical buttons
    for (const track of tracks) {
      const key = track.artist ? [track.title, track.artist, track.album].join("\u0000")
        .toLowerCase() : track.id;  // without an artist, every track is its own song
      if (shown.has(key)) continue;
      shown.add(key);
      const item = el("li");
      item.append(trackButton(track));
      list.append(item);
    }
    return list;
  }

  // ---- 1. search ------------------------------------------------------------------
  async function search(event) {
    event.preventDefault();
    const q = $("q").value.trim();
    if (!q) return;
    clearError();
    busy("Searching…");
    try {
      const body = await call("/tracks?limit=10&q=" + encodeURIComponent(q));
      const list = $("search-results");
      list.replaceChildren(...trackList(body.results).children);
      const shown = list.children.length;
      busy(shown ? shown + (shown === 1 ? " track found" : " tracks found") : "No track matches");
    } catch (err) {
      showError(err);
    }
  }

  // ---- 2. a track: moods and recommendations -----------------------------------------
  async function choose(seed) {
    clearError();
    busy("Finding tracks that feel alike…");
    try {
      const recs = await recommendations(seed);
      const doc = recs.seed ? await call("/tracks/" + encodeURIComponent(recs.seed.id))
        : await unplaced(seed, recs.none);
      chosen = recs.seed;  // a track with nothing known of its feel seeds no playlist
      showTrack(doc, recs.results, recs.none);
      history.replaceState(null, "", "?seed=" + encodeURIComponent(doc.id));
      busy("");
    } catch (err) {
      showError(err);
    }
  }

  // A track the build had nothing to place by is found by a search but never
  // recommended from: its answer is a 400 saying so, kept to show in the list's place.
  async function recommendations(seed) {
    try {
      return await call("/recommendations?limit=10&seed=" + encodeURIComponent(seed));
    } catch (err) {
      if (err.code !== "seed_without_evidence") throw err;
      return {seed: null, results: [], none: err};
    }
  }

  // Such a track's own document, when the seed names it by id (a title cannot be
  // looked up so: then the API's message stands).
  async function unplaced(seed, why) {
    try {
      return await call("/tracks/" + encodeURIComponent(seed));
    } catch (err) {
      throw why;
    }
  }

  function showTrack(doc, results, none) {
    $("track").hidden = false;
    $("track-title").textContent = doc.title;
    $("track-artist").textContent = doc.artist ? "by " + doc.artist : "";
    $("playlist-seed").textContent = none ? PLAYLIST_HINT
      : "Tracks that feel like " + doc.title + " (the seed itself is left out).";
    drawMoods(doc);
    const list = $("recommendations");
    list.replaceChildren();
    for (const result of results) {
      const item = el("li");
      item.append(trackButton(result), el("span", "score", result.score.toFixed(3)));
      const why = el("ul", "why");
      for (const reason of result.why) why.append(el("li", "", reason));
      item.append(why);
      list.append(item);
    }
    if (!results.length) {
      list.append(el("li", "", none ? none.message : "No recommendations for this track."));
    }
    const top = (doc.top_moods || [])[0];
    if (top) $("arc-from").value = top;
    $("track-heading").focus();
  }

  // The 16 mood scores (0..1) as bars, then valence and arousal (-1..1) around a middle.
  function drawMoods(doc) {
    const moods = Array.from($("arc-from").options, (o) => o.value);
    const scores = doc.mood_scores || {};
    const rows = moods.map((m) => ({label: m, value: Number(scores[m] || 0), signed: false}));
    const placed = doc.valence !== null && doc.valence !== undefined;  // null: nothing known
    if (placed) {
      rows.push({label: "valence", value: Number(doc.valence), signed: true});
      rows.push({label: "arousal", value: Number(doc.arousal || 0), signed: true});
    }
    const rowHeight = 18, labelWidth = 80, barWidth = 240, gap = 8;
    const height = rows.length * rowHeight + gap;
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + (labelWidth + barWidth + 50) + " " + height);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-labelledby", "mood-caption");
    rows.forEach((row, i) => {
      const y = i * rowHeight + (row.signed ? gap : 0);
      const label = svgEl("text", {x: labelWidth - 6, y: y + 13, "text-anchor": "end"});
      label.textContent = row.label;
      const width = Math.abs(row.value) * (row.signed ? barWidth / 2 : barWidth);
      const start = row.signed ? labelWidth + barWidth / 2 - (row.value < 0 ? width : 0)
        : labelWidth;
      const bar = svgEl("rect", {x: start, y: y + 3, width: width, height: rowHeight - 6,
        class: row.signed ? (row.value < 0 ? "bar neg" : "bar pos") : "bar"});
      const value = svgEl("text", {x: labelWidth + barWidth + 6, y: y + 13, class: "value"});
      value.textContent = row.value.toFixed(2);
      svg.append(label, bar, value);
    });
    const middle = labelWidth + barWidth / 2;
    svg.append(svgEl("line", {x1: middle, x2: middle, y1: 16 * rowHeight + gap,
      y2: height, class: "axis"}));
    $("mood-chart").replaceChildren(svg);
    const top = (doc.top_moods || []).join(", ") || "no strong mood";
    $("mood-caption").textContent = "Mood scores of " + doc.title + " (top: " + top +
      "); " + (placed ? "valence " + Number(doc.valence).toFixed(2) + ", arousal " +
      Number(doc.arousal || 0).toFixed(2) + " (from -1 to 1)." :
      "valence and arousal unknown (nothing to place it by).");
  }

  function svgEl(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

  // ---- 3. a playlist along a mood arc, and its exports ------------------------------------
  function playlistBody() {
    const body = {arc: {from: $("arc-from").value, to: $("arc-to").value},
      length: Number($("length").value)};
    if (chosen) body.seed = chosen.id;
    return body;
  }

  async function buildPlaylist(event) {
    event.preventDefault();
    clearError();
    busy("Building the playlist…");
    try {
      const body = playlistBody();
      const playlist = await call("/playlists", body);
      lastPlaylist = body;
      showPlaylist(playlist);
      busy((playlist.warnings || []).join("; "));
    } catch (err) {
      showError(err);
    }
  }

  function showPlaylist(playlist) {
    const heading = $("playlist-title");
    heading.textContent = playlist.title;
    heading.hidden = false;
    const list = $("playlist");
    list.replaceChildren();
    for (const track of playlist.tracks) {
      const item = el("li");
      const moods = (track.moods || []).join(", ");
      item.append(trackButton(track), el("span", "moods", moods));
      list.append(item);
    }
    $("exports").hidden = !playlist.tracks.length;
  }

  async function download(format) {
    if (!lastPlaylist) return;
    clearError();
    try {
      const response = await call("/playlists?format=" + format, lastPlaylist, "raw");
      const url = URL.createObjectURL(await response.blob());
      const link = el("a");
      link.href = url;
      link.download = savedName(response) || "feelalike-playlist." + format;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (err) {
      showError(err);
    }
  }

  // The file name the server gives an export (its Content-Disposition: the UTF-8
  // filename* first, else the plain filename); "" when it gives none.
  function savedName(response) {
    const header = response.headers.get("Content-Disposition") || "";
    const utf8 = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
    if (utf8) {
      try {
        return decodeURIComponent(utf8[1].trim());
      } catch (err) { /* a malformed escape: try the plain name */ }
    }
    const plain = /filename\s*=\s*("(?:[^"\\]|\\.)*"|[^;]+)/i.exec(header);
    if (!plain) return "";
    const name = plain[1].trim();
    return name.startsWith('"') ? name.slice(1, -1).replace(/\\(.)/g, "$1") : name;
  }

  // ---- wiring ---------------------------------------------------------------------------
  $("search-form").addEventListener("submit", search);
  $("playlist-form").addEventListener("submit", buildPlaylist);
  for (const button of $("exports").querySelectorAll("button")) {
    button.addEventListener("click", () => download(button.dataset.format));
  }
  $("track-heading").tabIndex = -1;
  const seed = new URLSearchParams(location.search).get("seed");
  if (seed) choose(seed);
})();
