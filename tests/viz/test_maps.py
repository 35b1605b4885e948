"""Map pages as files: offline, escaped, reduced when large, honest about what they show."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from coalitions.errors import UsageError
from coalitions.viz.maps import map_document, render_map
from tests.viz.conftest import HOSTILE, small_graph, synthetic_region


def _data_of(document: str) -> dict:
    raw = re.search(r'<script type="application/json" id="map-data">(.*?)</script>',
                    document, re.S).group(1)
    return json.loads(raw)


def test_map_page_references_no_remote_resource(tmp_path):
    info = render_map(small_graph(), tmp_path / "m.html", title="t")
    text = info.path.read_text(encoding="utf-8")
    # Remote loads would need a src/href pointing at a scheme or protocol-relative URL.
    assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', text, re.I)
    assert "cdn" not in text.lower().replace("cdnjs", "")
    assert "default-src 'none'" in text  # the browser refuses any fetch even by mistake


def test_hostile_names_never_appear_raw_in_the_page(tmp_path):
    text = render_map(small_graph(), tmp_path / "m.html", title=HOSTILE).path.read_text(
        encoding="utf-8")
    assert "<img src=x" not in text
    assert "<svg onload" not in text
    # The page's three script elements (data, vis-network, map code) and no fourth closing
    # tag from a payload.
    assert text.count("</script>") == 3
    data = _data_of(text)
    assert HOSTILE in {n["info"]["name"] for n in data["nodes"]}


def test_map_has_one_node_per_actor_and_coalition_and_one_edge_per_link():
    data = small_graph()
    document, info = map_document(data, title="t")
    page = _data_of(document)
    assert info["n_nodes"] == len(data.actors) + len(data.coalitions) == len(page["nodes"])
    assert info["n_edges"] == len(data.memberships) + len(data.ties) == len(page["edges"])
    shapes = {n["id"]: n["shape"] for n in page["nodes"]}
    assert shapes["c:c1"] == "square" and shapes["a:a1"] == "dot" and shapes["a:a3"] == "triangle"
    assert page["options"]["physics"]["enabled"] is False
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in page["nodes"])


def test_declared_pivots_get_a_thick_dark_border():
    document, _ = map_document(small_graph(), title="t")
    nodes = {n["id"]: n for n in _data_of(document)["nodes"]}
    pivots = {"a:a2", "a:a5", "a:a7"}  # roles pivot/coordinator in small_graph
    assert {i for i, n in nodes.items() if n["borderWidth"] > 1} == pivots
    assert all(nodes[p]["color"]["border"] == "#111111" for p in pivots)


def test_node_size_grows_with_the_chosen_measure():
    data = small_graph()
    measures = pd.DataFrame({"id": data.actors["id"], "score": range(len(data.actors))})
    document, _ = map_document(data, title="t", size_by="score", measures=measures)
    sizes = [n["size"] for n in _data_of(document)["nodes"] if n["id"].startswith("a:")]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]


def test_layout_is_the_same_on_every_run():
    one, _ = map_document(small_graph(), title="t")
    two, _ = map_document(small_graph(), title="t")
    pos = [[(n["x"], n["y"]) for n in _data_of(d)["nodes"]] for d in (one, two)]
    assert pos[0] == pos[1]


def test_large_network_is_reduced_to_top_actors_and_their_coalitions():
    data = synthetic_region(n_actors=300, n_coalitions=20)
    measures = pd.DataFrame({"id": data.actors["id"], "score": range(len(data.actors))})
    document, info = map_document(data, title="t", size_by="score", measures=measures,
                                  max_nodes=60)
    page = _data_of(document)
    assert info["reduced"] and info["n_nodes"] <= 60
    actors = {n["id"][2:] for n in page["nodes"] if n["id"].startswith("a:")}
    coalitions = {n["id"][2:] for n in page["nodes"] if n["id"].startswith("c:")}
    # Every coalition shown belongs to a shown actor, and every shown actor's coalitions are in.
    m = data.memberships[data.memberships["actor"].isin(actors)]
    assert coalitions == set(m["coalition"])
    # The highest-scoring actor (the last id, by construction of `score`) is always kept.
    assert f"a{len(data.actors) - 1}" in actors
    assert "--max-nodes 320" in info["note"] and "left out" in info["note"]
    assert "Reduced view" in document


def test_small_network_is_not_reduced():
    _, info = map_document(small_graph(), title="t", max_nodes=100)
    assert not info["reduced"] and info["note"] == ""


def test_pseudonymise_replaces_person_names_and_ids():
    data = small_graph()
    document, _ = map_document(data, title="t", pseudonymise=True)
    page = _data_of(document)
    labels = {n["id"]: n["info"]["name"] for n in page["nodes"]}
    # The persons a3 and a7, numbered in id order: their ids go too, edges follow them.
    assert labels["a:person-1"] == "official 1" and labels["a:person-2"] == "politician 1"
    assert "a:a3" not in labels and "a:a7" not in labels
    ends = {e["from"] for e in page["edges"]} | {e["to"] for e in page["edges"]}
    assert {"a:person-1", "a:person-2"} <= ends and ends <= set(labels)
    assert labels["a:a1"] == "Stad Aalst"
    assert "Jan Peeters" not in document
    document, _ = map_document(data, title="t", pseudonymise=lambda row: f"#{row['id']}")
    assert _data_of(document)["nodes"][0]["info"]["name"] == "#a1"


def test_pseudonymous_ids_do_not_take_an_organisation_s_id():
    data = small_graph()
    data.actors.loc[data.actors["id"] == "a1", "id"] = "person-1"
    data.memberships.loc[data.memberships["actor"] == "a1", "actor"] = "person-1"
    document, info = map_document(data, title="t", pseudonymise=True)
    labels = {n["id"]: n["info"]["name"] for n in _data_of(document)["nodes"]}
    assert labels["a:person-1"] == "Stad Aalst"
    assert labels["a:person-2"] == "official 1" and labels["a:person-3"] == "politician 1"
    assert info["n_nodes"] == len(data.actors) + len(data.coalitions)


def test_pseudonymise_with_a_salt_uses_the_ids_and_names_of_every_other_output():
    from coalitions.pseudonyms import pseudonym, pseudonym_id

    data = small_graph()
    measures = pd.DataFrame({"id": data.actors["id"], "name": data.actors["name"],
                             "score": range(len(data.actors))})
    document, info = map_document(data, title="t", pseudonymise=True, salt="k",
                                  measures=measures, size_by="score")
    labels = {n["id"]: n["info"]["name"] for n in _data_of(document)["nodes"]}
    assert labels["a:" + pseudonym_id("a3", "k")] == pseudonym("a3", "k")
    assert "a:a3" not in labels and "Jan Peeters" not in document
    # sizes still found through the renamed ids: a7 has score 6, the largest of the persons
    sizes = {n["id"]: n["size"] for n in _data_of(document)["nodes"]}
    assert sizes["a:" + pseudonym_id("a7", "k")] > sizes["a:" + pseudonym_id("a3", "k")]
    assert info["n_nodes"] == len(data.actors) + len(data.coalitions)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"size_by": "fame"}, "Cannot size the map by 'fame'"),
    ({"color_by": "mood"}, "Cannot colour the map by 'mood'"),
    ({"max_nodes": 0}, "--max-nodes must be at least 1"),
])
def test_bad_options_raise_usage_errors_naming_the_choices(kwargs, message):
    measures = pd.DataFrame({"id": ["a1"], "betweenness": [0.5], "degree": [1]})
    with pytest.raises(UsageError) as err:
        map_document(small_graph(), title="t", measures=measures, **kwargs)
    assert str(err.value).startswith(message)


def test_colour_by_community_and_theme_fill_the_legend():
    for colour_by, title in (("community", "community"), ("theme", "theme cluster")):
        document, _ = map_document(small_graph(), title="t", color_by=colour_by)
        assert f"Actor colour: {'main ' if colour_by == 'theme' else ''}{title}" in document


def test_lists_by_key_equal_pandas_groupby_lists_in_row_order_without_missing_keys():
    # Independent reference: pandas' own groupby(...).apply(list), on keys and values with
    # gaps of every kind.
    import random

    from coalitions.viz.maps import _lists_by
    rng = random.Random(5)
    keys = pd.Series([rng.choice(["a", "b", "c", None, float("nan"), "d"]) for _ in range(300)],
                     dtype=object)
    values = pd.Series([rng.choice(["x", "y", None, 1, float("nan")]) for _ in range(300)],
                       dtype=object)
    expected = pd.DataFrame({"k": keys, "v": values}).groupby("k")["v"].apply(list).to_dict()
    got = _lists_by(keys, values)
    assert set(got) == set(expected) == {"a", "b", "c", "d"}
    for key, items in expected.items():
        assert repr(got[key]) == repr(items)  # (repr: NaN != NaN, but prints the same)


def test_coalition_tooltips_show_end_status_roles_and_relation_year():
    from pathlib import Path

    from coalitions.loaders import load_inputs

    five = Path(__file__).resolve().parents[1] / "data" / "five_cases"
    document, _ = map_document(load_inputs([five]).data, title="t")
    nodes = {n["info"]["name"]: n for n in _data_of(document)["nodes"]}
    facts = dict(map(tuple, nodes["Klimopjegevel"]["info"]["facts"]))
    # coalities.csv, Klimopjegevel: °2011, einde 2016, gestopt, public_space;sensitising,
    # complementary in 2011, bottom-up
    assert {k: facts[k] for k in ("founded", "ended", "status", "roles", "relation",
                                  "origin")} == {
        "founded": "2011", "ended": "2016", "status": "stopped",
        "roles": "public_space, sensitising", "relation": "complementary (2011)",
        "origin": "bottom-up"}
    one_role = dict(map(tuple, nodes["Kritische Massa"]["info"]["facts"]))
    assert one_role["role"] == "sensitising" and "roles" not in one_role


# size legend -----------------------------------------------------------------------------


def _legend_size(document: str) -> str:
    return re.search(r"<h2>Size</h2>\s*<div class=\"legend-row\">.*?</svg>(.*?)</div>",
                     document, re.S).group(1).strip()


def test_coalition_map_with_one_value_for_everyone_draws_equal_sizes_and_says_so():
    from coalitions.graph.scope import Scope

    # Inside one coalition every member is linked to every other: betweenness is 0 for all
    # (no shortest path needs an intermediary). "largest 0" would say nothing.
    part = Scope(coalition="c3").apply(small_graph())
    document, _ = map_document(part, title="t")
    text = _legend_size(document)
    assert "largest" not in text
    assert "all the same size" in text and "betweenness is 0 for every actor" in text
    sizes = {n["size"] for n in _data_of(document)["nodes"] if n["id"].startswith("a:")}
    assert len(sizes) == 1


def test_coalition_map_sized_by_its_city_network_states_where_and_the_largest_value():
    import networkx as nx

    from coalitions.graph.scope import Scope
    from coalitions.viz.maps import context_measures

    data = small_graph()
    part = Scope(coalition="c3").apply(data)
    measures, context = context_measures(data, part)
    assert context == "in the network of Gent"
    # Independent computation: Gent's actor network links co-members of c3 (a5 a6 a7 a8 a9)
    # and of c4 (a7 a4); the a3–a7 tie leaves with a3 (an Aalst actor). a7 is on every
    # shortest path from a4 to the other four: 4 of the (6-1)(6-2)/2 = 10 pairs without a7,
    # normalised betweenness 0.4 (Freeman 1977), the others 0.
    g = nx.complete_graph(["a5", "a6", "a7", "a8", "a9"])
    g.add_edge("a7", "a4")
    expected = nx.betweenness_centrality(g, normalized=True)
    assert expected["a7"] == pytest.approx(0.4)
    got = dict(zip(measures["id"], measures["betweenness"], strict=True))
    assert set(got) == {"a5", "a6", "a7", "a8", "a9"}
    assert got == pytest.approx({a: expected[a] for a in got})
    document, _ = map_document(part, title="t", measures=measures, size_context=context)
    assert _legend_size(document).startswith(
        "actor area ∝ betweenness in the network of Gent (largest 0.4)")
    sizes = {n["id"]: n["size"] for n in _data_of(document)["nodes"]}
    assert sizes["a:a7"] > sizes["a:a5"] == sizes["a:a6"]
