/* coalitions network map: draws the data embedded in #map-data with vis-network.
 *
 * Every piece of user-supplied text (names, sectors, themes) reaches the DOM through
 * textContent or as a canvas label, never through innerHTML: a name that looks like an
 * HTML tag is shown as those characters. vis-network renders a string
 * `title` as HTML, so tooltips are DOM elements built here.
 */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("map-data").textContent);
  // Texts in the page's language (maps.py); English when a page predates them.
  var text = Object.assign({
    click: "Click a node to see its details.", nomatch: "No node matches.",
    shown: "{shown} of {total} nodes shown", more: "+ {n} more"
  }, data.text || {});
  var state = { ready: false, readyAt: null, network: null, nodes: null, edges: null };
  window.coalitionsMap = state;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function describe(info, full) {
    var box = el("div", full ? "node-details" : "node-tip");
    box.appendChild(el("div", "tip-name", info.name));
    box.appendChild(el("div", "tip-kind", info.line));
    (info.facts || []).forEach(function (fact) {
      var row = el("div", "tip-fact");
      row.appendChild(el("span", "tip-key", fact[0] + ": "));
      row.appendChild(el("span", "tip-value", fact[1]));
      box.appendChild(row);
    });
    var list = info.list || [];
    if (list.length) {
      box.appendChild(el("div", "tip-key", info.list_title));
      var ul = el("ul", "tip-list");
      var shown = full ? list : list.slice(0, 8);
      shown.forEach(function (item) { ul.appendChild(el("li", null, item)); });
      if (shown.length < list.length) {
        ul.appendChild(el("li", "tip-more",
          text.more.replace("{n}", String(list.length - shown.length))));
      }
      box.appendChild(ul);
    }
    if ((info.measures || []).length) {
      var table = el("table", "tip-measures");
      info.measures.forEach(function (m) {
        var tr = el("tr");
        tr.appendChild(el("th", null, m[0]));
        tr.appendChild(el("td", null, m[1]));
        table.appendChild(tr);
      });
      box.appendChild(table);
    }
    return box;
  }

  var byId = {};
  var nodes = data.nodes.map(function (n) {
    byId[n.id] = n;
    var copy = Object.assign({}, n);
    delete copy.info;
    delete copy.sector;
    delete copy.kind;
    copy.title = describe(n.info, false);
    return copy;
  });

  state.nodes = new vis.DataSet(nodes);
  state.edges = new vis.DataSet(data.edges);
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: state.nodes, edges: state.edges },
                                data.options);
  state.network = network;
  network.once("afterDrawing", function () {
    state.ready = true;
    state.readyAt = performance.now();
    document.body.setAttribute("data-ready", "1");
  });

  var details = document.getElementById("details");
  function showDetails(id) {
    while (details.firstChild) details.removeChild(details.firstChild);
    var n = byId[id];
    if (!n) {
      details.appendChild(el("p", "muted", text.click));
      return;
    }
    details.appendChild(describe(n.info, true));
  }
  network.on("click", function (params) {
    showDetails(params.nodes.length ? params.nodes[0] : null);
  });

  // Filters: hide actors of unchecked sectors or kinds; edges to hidden nodes vanish with them.
  var filterInputs = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  function applyFilters() {
    var off = { sector: {}, kind: {} };
    filterInputs.forEach(function (input) {
      if (!input.checked) off[input.getAttribute("data-filter")][input.value] = true;
    });
    var updates = data.nodes.map(function (n) {
      var hidden = !!off.kind[n.kind] || (n.kind !== "coalition" && !!off.sector[n.sector])
        || !!(state.hideNode && state.hideNode(n));  // (the timeline map's waves)
      return { id: n.id, hidden: hidden };
    });
    state.nodes.update(updates);
    var shown = updates.filter(function (u) { return !u.hidden; }).length;
    document.getElementById("shown-count").textContent =
      text.shown.replace("{shown}", String(shown)).replace("{total}", String(updates.length));
  }
  filterInputs.forEach(function (input) { input.addEventListener("change", applyFilters); });
  state.applyFilters = applyFilters;

  // Search: case-insensitive substring of the name; results are buttons that focus the node.
  var search = document.getElementById("search");
  var results = document.getElementById("search-results");
  var index = data.nodes.map(function (n) { return [n.id, String(n.info.name).toLowerCase()]; });
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0) });
    showDetails(id);
  }
  function runSearch() {
    while (results.firstChild) results.removeChild(results.firstChild);
    var q = search.value.trim().toLowerCase();
    if (!q) return [];
    // (the timeline map: only nodes of the wave shown, as drawn or faded)
    var hits = index.filter(function (e) {
      return e[1].indexOf(q) !== -1 && !(state.hideNode && state.hideNode(byId[e[0]]));
    }).slice(0, 12);
    hits.forEach(function (e) {
      var b = el("button", "search-hit", byId[e[0]].info.name);
      b.type = "button";
      b.addEventListener("click", function () { focusNode(e[0]); });
      results.appendChild(b);
    });
    if (!hits.length) results.appendChild(el("p", "muted", text.nomatch));
    return hits;
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var hits = runSearch();
      if (hits.length) focusNode(hits[0][0]);
    }
  });
  document.getElementById("fit").addEventListener("click", function () { network.fit(); });
  applyFilters();
  showDetails(null);
})();
