/* coalitions timeline map: shows one wave of the union drawn by map.js.
 *
 * Every node and edge in #map-data carries the waves it exists in (`waves`, names). For the
 * wave chosen: what exists keeps its own look; what is new since the previous wave gets a
 * halo (nodes) or the accent colour (links); what left since the previous wave is faded;
 * everything else is hidden, through map.js's filters (state.hideNode), so the kind and
 * sector filters keep working. Texts come from the page's data, never from here.
 */
(function () {
  "use strict";
  var state = window.coalitionsMap;
  var data = JSON.parse(document.getElementById("map-data").textContent);
  var tl = data.timeline;
  var style = tl.style;
  var strings = tl.strings;
  var names = tl.waves.map(function (w) { return w.wave; });
  var status = {};  // node id -> "in" | "new" | "left" | "out" for the wave shown

  function statusOf(waves, i) {
    var now = waves.indexOf(names[i]) !== -1;
    var before = i > 0 && waves.indexOf(names[i - 1]) !== -1;
    if (now) return i > 0 && !before ? "new" : "in";
    return before ? "left" : "out";
  }

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values[k]; });
  }

  var fadedColour = { background: style.faded_fill, border: style.faded_border,
                      highlight: { background: style.faded_fill, border: "#000000" },
                      hover: { background: style.faded_fill, border: "#000000" } };
  var noShadow = { enabled: false, color: style["new"], size: 0, x: 0, y: 0 };
  var halo = { enabled: true, color: style["new"], size: 22, x: 0, y: 0 };

  function nodeLook(n, s) {
    var font = Object.assign({}, n.font || {},
                             { color: s === "left" ? style.faded_text : style.text });
    if (s === "left") {
      return { id: n.id, color: fadedColour, borderWidth: 1, font: font, shadow: noShadow };
    }
    return { id: n.id, color: n.color, borderWidth: n.borderWidth, font: font,
             shadow: s === "new" ? halo : noShadow };
  }

  function edgeLook(e, s) {
    if (s === "new") {
      return { id: e.id, hidden: false, width: Math.max(e.width || 1, 2.5), dashes: !!e.dashes,
               color: { color: style["new"], opacity: 0.9 } };
    }
    if (s === "left") {
      return { id: e.id, hidden: false, width: 1, dashes: [4, 3],
               color: { color: style.faded_border, opacity: 0.8 } };
    }
    return { id: e.id, hidden: s === "out", width: e.width, dashes: !!e.dashes,
             color: e.color };
  }

  var shownCount = document.getElementById("shown-count");
  function count() {
    var present = 0, shown = 0, left = 0;
    state.nodes.get().forEach(function (n) {
      var s = status[n.id];
      if (s === "in" || s === "new") {
        present++;
        if (!n.hidden) shown++;
      } else if (s === "left" && !n.hidden) {
        left++;
      }
    });
    var text = fill(strings.js_shown, { shown: shown, present: present });
    if (left) text += fill(strings.js_left, { left: left });
    shownCount.textContent = text;
    state.waveCounts = { shown: shown, present: present, left: left };
  }

  var caption = document.getElementById("wave-caption");
  var radios = Array.prototype.slice.call(document.querySelectorAll("input[name=wave]"));
  function showWave(i) {
    state.wave = i;
    state.waveName = names[i];
    data.nodes.forEach(function (n) { status[n.id] = statusOf(n.waves, i); });
    state.nodes.update(data.nodes.map(function (n) { return nodeLook(n, status[n.id]); }));
    state.edges.update(data.edges.map(function (e) { return edgeLook(e, statusOf(e.waves, i)); }));
    state.applyFilters();  // hides what is "out", with the kind and sector filters
    caption.textContent = tl.waves[i].caption;
    radios.forEach(function (r) { r.checked = Number(r.value) === i; });
    count();
  }
  state.hideNode = function (n) { return status[n.id] === "out"; };
  state.showWave = showWave;

  radios.forEach(function (r) {
    r.addEventListener("change", function () { if (r.checked) showWave(Number(r.value)); });
  });
  // After map.js's own listener: the count then speaks of this wave.
  Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"))
    .forEach(function (input) { input.addEventListener("change", count); });
  showWave(names.length - 1);
})();
