// feelalike's page: its calls to the /v1 API of the same origin (page.js uses them).
// An error answer becomes an Error with the API's message, status, code and suggestions.
"use strict";

// ``root``: the API's address; ``apiKey()``: the X-API-Key to send ("" for none).
window.feelalikeApi = function (root, apiKey) {
  const API = root;

  function headers(json) {
    const out = {Accept: "application/json"};
    const key = apiKey().trim();
    if (key) out["X-API-Key"] = key;
    if (json) out["Content-Type"] = "application/json";
    return out;
  }

  // ``signal``: an AbortSignal that cancels the call (then it throws the AbortError).
  async function call(path, body, format, signal) {
    const options = body === undefined ? {headers: headers(false)}
      : {method: "POST", headers: headers(true), body: JSON.stringify(body)};
    options.signal = signal;
    let response;
    try {
      response = await fetch(API + path, options);
    } catch (err) {
      if (signal && signal.aborted) throw err;
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

  return {call: call, savedName: savedName};
};
