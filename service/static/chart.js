// feelalike's page: a track's mood scores as an SVG chart with a text caption (the page's
// script, page.js, calls it). Text goes in with textContent, never as HTML.
"use strict";

window.feelalikeChart = (function () {
  const SVG = "http://www.w3.org/2000/svg";

  // The 16 mood scores (0..1) as bars, then valence and arousal (-1..1) around a middle.
  function drawMoods(doc, moods, chart, caption) {
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
    svg.setAttribute("aria-labelledby", caption.id);
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
    chart.replaceChildren(svg);
    const top = (doc.top_moods || []).join(", ") || "no strong mood";
    caption.textContent = "Mood scores of " + doc.title + " (top: " + top +
      "); " + (placed ? "valence " + Number(doc.valence).toFixed(2) + ", arousal " +
      Number(doc.arousal || 0).toFixed(2) + " (from -1 to 1)." :
      "valence and arousal unknown (nothing to place it by).");
  }

  function svgEl(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

  return {drawMoods: drawMoods};
})();
