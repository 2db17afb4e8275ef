// feelalike's page: calls the /v1 API of the same origin and draws what it answers.
// Every piece of text from the API goes into the page with textContent, never as HTML.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const api = window.feelalikeApi(document.body.dataset.api, () => $("api-key").value);
  const call = api.call;
  let chosen = null;     // the track whose moods and recommendations are shown
  let lastPlaylist = null;  // the body of the last playlist built (for its exports)
  const PLAYLIST_HINT = $("playlist-seed").textContent;  // when no track seeds it
  const PAGE = 10;  // tracks a search or a list of recommendations shows at a time
  let searched = null;  // the search shown: its words, its next page's offset, its songs
  let alike = null;  // the recommendations shown: their seed's id, their next page's offset
  let choosing = null;  // the AbortController of the choice under way, if any

  function busy(message) {
    $("status").textContent = message;
  }

  function clearError() {
    $("error").hidden = true;
    $("error").replaceChildren();
  }

  // ``again``: the action that failed, offered as "Try again" when the same request
  // may well succeed later (no key or a wrong one, the rate limit, the server down or
  // busy): a shared address on a server that needs a key opens once one is given.
  function showError(err, again) {
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
    if (again && (!err.status || [401, 429].includes(err.status) || err.status >= 500)) {
      const button = el("button", "again", "Try again");
      button.type = "button";
      button.addEventListener("click", again);
      box.append(button);
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

  // ``shown``: the songs a list already holds (one song under several ids would be
  // identical buttons), so that the next page of a search adds only new ones.
  function trackList(tracks, tag, shown) {
    const list = el(tag || "ul", "tracks");
    shown = shown || new Set();
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
    searched = {q: q, next: 0, shown: new Set()};
    $("search-results").replaceChildren();
    $("search-more").hidden = true;
    await moreResults();
  }

  // The next page of the search shown (the API's next_offset), added below its tracks.
  async function moreResults() {
    const page = searched;
    clearError();
    busy("Searching…");
    try {
      const body = await call("/tracks?limit=" + PAGE + "&offset=" + page.next + "&q=" +
        encodeURIComponent(page.q));
      if (page !== searched) return;  // a newer search began meanwhile
      const list = $("search-results");
      const added = Array.from(trackList(body.results, "ul", page.shown).children);
      list.append(...added);
      const more = page.next !== 0;
      page.next = body.next_offset;
      $("search-more").hidden = !hasMore(page);
      const shown = list.children.length;
      busy(shown ? shown + (shown === 1 ? " track found" : " tracks found") +
        (hasMore(page) ? "; there are more" : "") : "No track matches");
      if (more) focusFirst(added, list);
    } catch (err) {
      showError(err, moreResults);
    }
  }

  function hasMore(page) {
    return page.next !== null && page.next !== undefined;
  }

  // After "More", the keyboard goes on from the first track it added (the button may
  // have gone: that was the last page).
  function focusFirst(added, list) {
    const item = added[0] || list.lastElementChild;
    const button = item && item.querySelector("button");
    if (button) button.focus();
  }

  // ---- 2. a track: moods and recommendations -----------------------------------------
  async function choose(seed) {
    if (choosing) choosing.abort();  // its answers, if slower, would draw over this one's
    const mine = choosing = new AbortController();
    clearError();
    busy("Finding tracks that feel alike…");
    try {
      const recs = await recommendations(seed, mine.signal);
      const doc = recs.seed ? await call("/tracks/" + encodeURIComponent(recs.seed.id),
        undefined, "json", mine.signal) : await unplaced(seed, recs.none, mine.signal);
      if (mine.signal.aborted) return;
      chosen = recs.seed;  // a track with nothing known of its feel seeds no playlist
      showTrack(doc, recs.results, recs.none, recs.next_offset);
      history.replaceState(null, "", "?seed=" + encodeURIComponent(doc.id));
      busy("");
    } catch (err) {
      if (!mine.signal.aborted) showError(err, () => choose(seed));
    }
  }

  // A track the build had nothing to place by is found by a search but never
  // recommended from: its answer is a 400 saying so, kept to show in the list's place.
  async function recommendations(seed, signal) {
    try {
      return await call("/recommendations?limit=" + PAGE + "&seed=" + encodeURIComponent(seed),
        undefined, "json", signal);
    } catch (err) {
      if (err.code !== "seed_without_evidence") throw err;
      return {seed: null, results: [], none: err};
    }
  }

  // Such a track's own document, when the seed names it by id (a title cannot be
  // looked up so: then the API's message stands).
  async function unplaced(seed, why, signal) {
    try {
      return await call("/tracks/" + encodeURIComponent(seed), undefined, "json", signal);
    } catch (err) {
      throw signal.aborted ? err : why;
    }
  }

  function alikeItems(results) {
    return results.map((result) => {
      const item = el("li");
      const score = el("span", "score");  // a bare number says nothing read aloud
      score.append(el("span", "hidden-label", "likeness "), result.score.toFixed(3));
      score.title = "how alike it feels to the chosen track (1: the same)";
      item.append(trackButton(result), score);
      const why = el("ul", "why");
      for (const reason of result.why) why.append(el("li", "", reason));
      item.append(why);
      return item;
    });
  }

  // The next page of the recommendations shown, from the API's next_offset.
  async function moreAlike() {
    const page = alike;
    clearError();
    busy("Finding more tracks that feel alike…");
    try {
      const recs = await call("/recommendations?limit=" + PAGE + "&offset=" + page.next +
        "&seed=" + encodeURIComponent(page.id));
      if (page !== alike) return;  // another track was chosen meanwhile
      const added = alikeItems(recs.results);
      $("recommendations").append(...added);
      page.next = recs.next_offset;
      $("recommendations-more").hidden = !hasMore(page);
      busy("");
      focusFirst(added, $("recommendations"));
    } catch (err) {
      showError(err, moreAlike);
    }
  }

  function showTrack(doc, results, none, next) {
    $("track").hidden = false;
    $("track-title").textContent = doc.title;
    $("track-artist").textContent = doc.artist ? "by " + doc.artist : "";
    $("playlist-seed").textContent = none ? PLAYLIST_HINT
      : "Tracks that feel like " + doc.title + " (the seed itself is left out).";
    const moods = Array.from($("arc-from").options, (o) => o.value);
    window.feelalikeChart.drawMoods(doc, moods, $("mood-chart"), $("mood-caption"));
    const list = $("recommendations");
    list.replaceChildren(...alikeItems(results));
    alike = {id: doc.id, next: next};
    $("recommendations-more").hidden = !hasMore(alike);
    if (!results.length) {
      list.append(el("li", "", none ? none.message : "No recommendations for this track."));
    }
    const top = (doc.top_moods || [])[0];
    if (top) $("arc-from").value = top;
    $("track-heading").focus();
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
      showError(err, () => $("playlist-form").requestSubmit());
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
      link.download = api.savedName(response) || "feelalike-playlist." + format;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (err) {
      showError(err, () => download(format));
    }
  }

  // ---- wiring ---------------------------------------------------------------------------
  $("search-form").addEventListener("submit", search);
  $("playlist-form").addEventListener("submit", buildPlaylist);
  $("search-more").addEventListener("click", moreResults);
  $("recommendations-more").addEventListener("click", moreAlike);
  for (const button of $("exports").querySelectorAll("button")) {
    button.addEventListener("click", () => download(button.dataset.format));
  }
  $("track-heading").tabIndex = -1;
  const seed = new URLSearchParams(location.search).get("seed");
  if (seed) choose(seed);
})();
