"""Named queries: the header format, the runner's checks, answers checked against pandas on
the bundled sample, and the same rows in the same order on LadybugDB and a real Neo4j."""

from __future__ import annotations

import functools
import math
from collections import Counter
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from coalitions.errors import QueryError
from coalitions.graph.model import GraphData
from coalitions.loaders import load_inputs
from coalitions.queries import QUERY_DIR, get_query, list_queries, named_query
from tests.conftest import SAMPLE, neo4j_settings

# The stores hold two inventory waves: the sample's second wave loaded first (as EARLIER),
# then the sample itself (LATEST). Queries read the latest wave unless asked for another, so
# every expectation below, computed from the sample, also proves that no other wave leaks in.
EARLIER, LATEST = "wave-b", "wave-a"

# One call per query (or more), covering every parameter at least once.
CASES: list[tuple[str, dict]] = [
    ("coalitions", {}),
    ("coalitions", {"city": "gent"}),
    ("members_by_sector", {"coalition": "Energent"}),
    ("members_by_sector", {"coalition": "aalst-casa-del-mundo"}),
    ("actor_coalitions", {"actor": "org-city-mine-d"}),
    ("actor_coalitions", {"actor": "jens janssens"}),
    ("actors_in_k_coalitions", {"city": "Gent"}),
    ("actors_in_k_coalitions", {"city": "Antwerpen", "k": "3"}),
    ("government_spanners", {}),
    ("government_spanners", {"city": "Gent", "k": 2}),
    ("shortest_chain", {"source": "per-annelies-decoster", "target": "11.11.11-Aalst"}),
    ("shortest_chain", {"source": "per-jens-janssens", "target": "org-city-mine-d",
                        "limit": 3}),
    ("coalitions_without_government", {}),
    ("coalitions_without_government", {"city": "Brussel"}),
    ("coalitions_sharing_members", {}),
    ("coalitions_sharing_members", {"city": "Leuven", "min_shared": 2}),
    ("themes_per_city", {}),
    ("themes_per_city", {"city": "Mechelen"}),
    ("coalitions_founded_between", {}),
    ("coalitions_founded_between", {"since": 2010, "until": "2012", "city": "Gent"}),
    ("top_actors", {"measure": "betweenness"}),
    ("top_actors", {"measure": "n_coalitions", "limit": 5, "city": "Gent"}),
    ("top_coalitions", {"measure": "degree"}),
    ("top_coalitions", {"measure": "n_members", "limit": 3, "city": "Antwerpen"}),
    ("coalition_periods", {}),
    ("coalition_periods", {"status": "", "city": "Gent"}),
    ("coalition_periods", {"wave": EARLIER, "city": "Genk"}),
    # The earlier wave, asked for by name (the other cases read the latest by default).
    ("coalitions", {"wave": EARLIER, "city": "Leuven"}),
    ("members_by_sector", {"coalition": "Klimaatburen Kessel-Lo", "wave": EARLIER}),
    ("actor_coalitions", {"actor": "org-vzw-klimaatburen-kessel-lo", "wave": EARLIER}),
    ("actors_in_k_coalitions", {"city": "Genk", "wave": EARLIER}),
    ("government_spanners", {"wave": EARLIER}),
    ("shortest_chain", {"source": "per-jens-janssens", "target": "org-city-mine-d",
                        "wave": EARLIER}),
    ("coalitions_without_government", {"wave": EARLIER}),
    ("coalitions_sharing_members", {"city": "Hasselt", "wave": EARLIER}),
    ("themes_per_city", {"city": "Hasselt", "wave": EARLIER}),
    ("coalitions_founded_between", {"since": 2024, "until": 2025, "wave": EARLIER}),
    ("top_actors", {"measure": "betweenness", "wave": EARLIER}),
    ("top_coalitions", {"measure": "n_members", "wave": EARLIER}),
]

# The questions the issue asks for, by the names they have here.
REQUIRED_QUERIES = {
    "coalitions", "members_by_sector", "actor_coalitions", "actors_in_k_coalitions",
    "government_spanners", "shortest_chain", "coalitions_without_government",
    "coalitions_sharing_members", "themes_per_city", "coalitions_founded_between",
    "top_actors",
}


# fixtures ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample() -> GraphData:
    return load_inputs([SAMPLE]).data


@functools.cache
def _sample_measures() -> dict[str, pd.DataFrame]:
    return _measures(load_inputs([SAMPLE]).data)


def _measures(data: GraphData) -> dict[str, pd.DataFrame]:
    """Measures to store, computed here with networkx and pandas (values need not match
    `coalitions analyse`; both engines must return the same ranking of them)."""
    m = data.memberships.drop_duplicates(["actor", "coalition"])
    b = nx.Graph()
    b.add_nodes_from(data.actors["id"])
    b.add_edges_from(zip(m["actor"], m["coalition"], strict=True))
    actors = nx.projected_graph(b, list(data.actors["id"]))
    btw = nx.betweenness_centrality(actors)
    n_co = m.groupby("actor").size()
    frame = pd.DataFrame({"id": data.actors["id"]})
    frame["betweenness"] = frame["id"].map(btw).astype(float)
    frame["n_coalitions"] = frame["id"].map(n_co).fillna(0).astype(int).astype(object)
    kinds = data.actors.set_index("id")["kind"]
    coalitions = nx.projected_graph(b, list(data.coalitions["id"]))
    co = pd.DataFrame({"id": data.coalitions["id"]})
    co["degree"] = co["id"].map(dict(coalitions.degree())).astype(float)
    co["n_members"] = co["id"].map(m.groupby("coalition").size()).fillna(0).astype(int)
    co["n_members"] = co["n_members"].astype(object)
    return {"Person": frame[frame["id"].map(kinds) == "person"],
            "Organisation": frame[frame["id"].map(kinds) == "organisation"],
            "Coalition": co}


@functools.cache
def _earlier() -> GraphData:
    return load_inputs([SAMPLE / "wave2"]).data


def _fill(store, data: GraphData) -> None:
    store.load(_earlier(), wave=EARLIER, replace=True)
    for label, frame in _measures(_earlier()).items():
        store.write_properties(label, frame, EARLIER)
    store.load(data, wave=LATEST, replace=True)
    # Measures are keyed by id: the sample's fit any reordering of the sample.
    for label, frame in _sample_measures().items():
        store.write_properties(label, frame)


@pytest.fixture(scope="module")
def embedded(sample, tmp_path_factory):
    from coalitions.graph.embedded import EmbeddedStore

    store = EmbeddedStore(tmp_path_factory.mktemp("q") / "sample.db")
    _fill(store, sample)
    yield store
    store.close()


@pytest.fixture(scope="module")
def neo4j(sample):
    from coalitions.graph.neo4j_store import Neo4jStore

    s = neo4j_settings()
    store = Neo4jStore(s["uri"], user=s["user"], password=s["password"], database=s["database"])
    store.query("MATCH (n) DETACH DELETE n", write=True)
    _fill(store, sample)
    yield store
    store.close()


def records(frame: pd.DataFrame) -> list[tuple]:
    """Rows as plain tuples (NaN/NA as None, numpy scalars as Python, 2.0 as 2, lists as
    tuples)."""

    def plain(v):
        if isinstance(v, list | tuple) or getattr(v, "ndim", 0) == 1:  # a list property
            return tuple(plain(x) for x in v)
        if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
            return None
        if hasattr(v, "item"):
            v = v.item()
        if isinstance(v, float) and v.is_integer():
            return int(v)
        return v

    return [tuple(plain(v) for v in row) for row in frame.itertuples(index=False)]


# the header format and the runner -----------------------------------------------------------

def test_every_question_of_the_issue_has_a_named_query():
    assert set(list_queries()["name"]) >= REQUIRED_QUERIES


def test_list_gives_name_description_and_params_for_every_cypher_file():
    listing = list_queries()
    assert list(listing.columns) == ["name", "description", "params"]
    base_files = {p.name.split(".")[0] for p in QUERY_DIR.glob("*.cypher")}
    assert set(listing["name"]) == base_files
    assert list(listing["name"]) == sorted(listing["name"])
    for row in listing.itertuples():
        assert row.description.strip(), row.name
        for p in row.params:
            assert set(p) == {"name", "default", "required"}
            assert p["required"] == (p["default"] is None), (row.name, p)


def test_list_reads_defaults_with_their_types():
    params = {p["name"]: p for p in
              list_queries().set_index("name").loc["actors_in_k_coalitions", "params"]}
    assert params["k"] == {"name": "k", "default": 2, "required": False}
    assert params["city"]["required"] is True


def test_every_parameter_is_used_by_every_variant_of_its_query():
    for name in list_queries()["name"]:
        q = get_query(name)
        for engine in ("ladybug", "neo4j"):
            text = q.text_for(engine)
            for p in q.params:
                assert f"${p.name}" in text or "{{" + p.name + "}}" in text, (name, engine, p)


def test_cases_cover_every_query_and_every_parameter():
    used = {(name, p) for name, params in CASES for p in params}
    for name in list_queries()["name"]:
        assert any(n == name for n, _ in CASES), name
        for p in get_query(name).params:
            assert (name, p.name) in used, (name, p.name)


def test_only_shortest_chain_needs_an_engine_variant():
    variants = sorted(p.name for p in QUERY_DIR.glob("*.*.cypher"))
    assert variants == ["shortest_chain.ladybug.cypher"]
    assert "Why it differs" in (QUERY_DIR / variants[0]).read_text(encoding="utf-8")


def test_unknown_query_names_the_known_ones(embedded):
    with pytest.raises(QueryError) as exc:
        named_query(embedded, "members", {})
    assert "There is no named query 'members'" in str(exc.value)
    assert "members_by_sector" in str(exc.value)


def test_missing_required_parameter_is_refused_with_usage(embedded):
    with pytest.raises(QueryError) as exc:
        named_query(embedded, "members_by_sector", {})
    assert "needs the parameter 'coalition'" in str(exc.value)
    assert "--param coalition=" in str(exc.value)


def test_unknown_parameter_is_refused(embedded):
    with pytest.raises(QueryError, match="has no parameter 'town'"):
        named_query(embedded, "coalitions", {"town": "Gent"})


def test_parameters_are_converted_to_their_declared_type(embedded):
    q = get_query("actors_in_k_coalitions")
    assert q.bind({"city": "Gent", "k": "3"}) == {"city": "Gent", "k": 3, "wave": ""}
    assert q.bind({"city": 2020}) == {"city": "2020", "k": 2, "wave": ""}
    with pytest.raises(QueryError, match="must be an integer, not 'three'"):
        named_query(embedded, "actors_in_k_coalitions", {"city": "Gent", "k": "three"})


@pytest.mark.parametrize("measure", ["Betweenness", "name", "degree IS NOT NULL RETURN 1 //",
                                     "betweenness}} RETURN 1 //"])
def test_a_measure_outside_the_schema_list_never_reaches_cypher(embedded, measure):
    with pytest.raises(QueryError, match="Unknown measure"):
        named_query(embedded, "top_actors", {"measure": measure})


def test_measure_placeholder_is_replaced_only_by_a_listed_property():
    q = get_query("top_actors")
    text = q.render("ladybug", q.bind({"measure": "pagerank"}))
    assert "{{" not in text and "a.pagerank AS value" in text


# answers checked against pandas/networkx on the sample (embedded) ----------------------

def test_members_by_sector_lists_exactly_the_coalitions_members(embedded, sample):
    got = named_query(embedded, "members_by_sector", {"coalition": "energent"})
    want = sample.memberships[sample.memberships["coalition"] == "gent-energent"]
    assert sorted(got["id"]) == sorted(want["actor"])
    actors = sample.actors.set_index("id")
    assert list(got["kind"]) == [actors.loc[i, "kind"] for i in got["id"]]
    assert list(got["sector"]) == sorted(got["sector"])


def test_actors_in_k_coalitions_counts_the_citys_coalitions(embedded, sample):
    got = named_query(embedded, "actors_in_k_coalitions", {"city": "Antwerpen", "k": 2})
    co = sample.coalitions.set_index("id")["city"]
    m = sample.memberships.drop_duplicates(["actor", "coalition"])
    counts = m[m["coalition"].map(co) == "Antwerpen"].groupby("actor").size()
    want = counts[counts >= 2]
    assert dict(zip(got["id"], got["n_coalitions"], strict=True)) == want.to_dict()
    assert list(got["n_coalitions"]) == sorted(got["n_coalitions"], reverse=True)


def test_government_spanners_are_officials_and_politicians_in_two_or_more(embedded, sample):
    got = named_query(embedded, "government_spanners", {})
    persons = sample.actors[sample.actors["function"].isin(["official", "politician"])]
    m = sample.memberships.drop_duplicates(["actor", "coalition"])
    counts = m[m["actor"].isin(persons["id"])].groupby("actor").size()
    assert dict(zip(got["id"], got["n_coalitions"], strict=True)) == counts[counts >= 2].to_dict()


def test_shortest_chains_are_all_shortest_paths_of_the_two_mode_network(embedded, sample):
    got = named_query(embedded, "shortest_chain",
                      {"source": "per-jens-janssens", "target": "Vormen vzw", "limit": 1000})
    b = nx.Graph()
    b.add_edges_from(zip(sample.memberships["actor"], sample.memberships["coalition"],
                         strict=True))
    want = {" > ".join(p) for p in nx.all_shortest_paths(b, "per-jens-janssens",
                                                           "org-vormen-vzw")}
    assert set(got["ids"]) == want
    assert len(got) == len(want)
    length = nx.shortest_path_length(b, "per-jens-janssens", "org-vormen-vzw")
    assert set(got["coalitions"]) == {length // 2}
    assert list(got["ids"]) == sorted(got["ids"])


def test_shortest_chain_limit_keeps_the_first_chains(embedded):
    everything = named_query(embedded, "shortest_chain",
                             {"source": "per-annelies-decoster", "target": "11.11.11-Aalst",
                              "limit": 1000})
    first = named_query(embedded, "shortest_chain",
                        {"source": "per-annelies-decoster", "target": "11.11.11-Aalst",
                         "limit": 3})
    assert len(everything) > 3
    assert records(first) == records(everything.head(3))


def test_coalitions_without_government_have_no_government_member_or_sector(embedded, sample):
    got = named_query(embedded, "coalitions_without_government", {})
    actors = sample.actors.set_index("id")
    gov = (actors["sector"] == "city_government") | actors["function"].isin(
        ["official", "politician"])
    m = sample.memberships
    involved = set(m.loc[m["actor"].map(gov).fillna(False).astype(bool), "coalition"])
    declared = {i for i, s in zip(sample.coalitions["id"], sample.coalitions["sectors"],
                                  strict=True) if "city_government" in (s or [])}
    want = set(sample.coalitions["id"]) - involved - declared
    assert set(got["id"]) == want
    assert len(want) > 0


def test_coalitions_sharing_members_counts_shared_actors(embedded, sample):
    got = named_query(embedded, "coalitions_sharing_members", {})
    m = sample.memberships.drop_duplicates(["actor", "coalition"])[["actor", "coalition"]]
    pairs = m.merge(m, on="actor")
    pairs = pairs[pairs["coalition_x"] < pairs["coalition_y"]]
    want = Counter(zip(pairs["coalition_x"], pairs["coalition_y"], strict=True))
    assert dict(zip(zip(got["coalition_1"], got["coalition_2"], strict=True), got["shared"],
                    strict=True)) == dict(want)


def test_themes_per_city_counts_coalitions_per_theme(embedded, sample):
    got = named_query(embedded, "themes_per_city", {})
    rows = sample.coalitions[["id", "city", "themes"]].explode("themes").dropna()
    want = rows.groupby(["city", "themes"])["id"].nunique().to_dict()
    assert dict(zip(zip(got["city"], got["theme"], strict=True), got["n_coalitions"],
                    strict=True)) == want


def test_coalitions_founded_between_includes_both_years(embedded, sample):
    got = named_query(embedded, "coalitions_founded_between", {"since": 2005, "until": 2010})
    years = pd.to_numeric(sample.coalitions["founded_year"], errors="coerce")
    want = sample.coalitions.loc[years.between(2005, 2010), "id"]
    assert sorted(got["id"]) == sorted(want)
    assert {2005, 2010} <= set(got["founded_year"])


def test_coalition_periods_and_member_periods_of_the_five_cases(tmp_path):
    from coalitions.graph.embedded import EmbeddedStore

    five = Path(__file__).resolve().parents[1] / "data" / "five_cases"
    store = EmbeddedStore(tmp_path / "five.db")
    try:
        store.load(load_inputs([five]).data)
        ended = named_query(store, "coalition_periods", {"status": "stopped"})
        # coalities.csv: Klimopjegevel (einde 2016, gestopt), Kritische Massa (°2008 – 2019)
        assert records(ended[["name", "founded_year", "end_year", "status"]]) == [
            ("Kritische Massa", 2008, 2019, "stopped"), ("Klimopjegevel", 2011, 2016, "stopped")]
        merged = named_query(store, "coalition_periods", {"status": "merged"})
        assert records(merged[["name", "end_year", "merged_into"]]) == [
            ("Transitie Deurne", 2018, "Transitie Antwerpen")]
        koep = named_query(store, "coalition_periods", {"city": "Turnhout"})
        assert list(koep["roles"][0]) == ["cooperation", "services", "public_space"]
        assert (koep["relation"][0], koep["relation_year"][0]) == ("complementary", 2015)
        left = named_query(store, "actor_coalitions", {"actor": "per-ambtenaar-sn"})
        # lidmaatschappen.csv: Solied 2012–2017, Klimopjegevel 2011–2016
        assert records(left[["name", "since", "until"]]) == [("Klimopjegevel", 2011, 2016),
                                                             ("Solied", 2012, 2017)]
    finally:
        store.close()


def test_top_actors_ranks_by_the_stored_measure(embedded, sample):
    got = named_query(embedded, "top_actors", {"measure": "betweenness", "limit": 10})
    stored = pd.concat([_sample_measures()["Person"], _sample_measures()["Organisation"]])
    members = set(sample.memberships["actor"])
    stored = stored[stored["id"].isin(members)]
    want = stored.sort_values(["betweenness", "id"], ascending=[False, True]).head(10)
    assert list(got["id"]) == list(want["id"])
    assert list(got["value"]) == pytest.approx(list(want["betweenness"]))


# waves ----------------------------------------------------------------------------------

def test_named_queries_read_the_latest_wave_unless_asked(embedded, sample):
    latest = named_query(embedded, "coalitions", {})
    earlier = named_query(embedded, "coalitions", {"wave": EARLIER})
    assert sorted(latest["id"]) == sorted(sample.coalitions["id"])
    assert sorted(earlier["id"]) == sorted(_earlier().coalitions["id"])
    assert set(earlier["id"]) != set(latest["id"])
    assert latest.attrs["facts"]["wave"] == LATEST
    assert earlier.attrs["facts"]["wave"] == EARLIER


def test_a_named_query_for_an_unknown_wave_names_the_waves(embedded):
    from coalitions.errors import UsageError

    with pytest.raises(UsageError) as exc:
        named_query(embedded, "coalitions", {"wave": "1999"})
    assert "No wave '1999'" in str(exc.value)
    assert EARLIER in exc.value.hint and LATEST in exc.value.hint


# both engines --------------------------------------------------------------------------

@pytest.mark.neo4j
@pytest.mark.parametrize(("name", "params"), CASES,
                         ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)])
def test_both_engines_give_the_same_rows_in_the_same_order(embedded, neo4j, name, params):
    here = named_query(embedded, name, params)
    there = named_query(neo4j, name, params)
    assert list(here.columns) == list(there.columns)
    assert len(here) > 0, "a case that returns nothing proves little"
    # Same order too: every query orders its rows totally.
    assert records(here) == records(there)
    assert len(set(records(here))) == len(here)


def test_results_do_not_depend_on_the_order_rows_were_loaded(sample, tmp_path):
    """A total ORDER BY gives the same rows in the same order whatever the storage order."""
    from coalitions.graph.embedded import EmbeddedStore

    shuffled = GraphData(
        coalitions=sample.coalitions.sample(frac=1, random_state=1),
        actors=sample.actors.sample(frac=1, random_state=2),
        memberships=sample.memberships.sample(frac=1, random_state=3),
        ties=sample.ties.sample(frac=1, random_state=4),
    )
    with EmbeddedStore(Path(tmp_path) / "a.db") as a, EmbeddedStore(Path(tmp_path) / "b.db") as b:
        _fill(a, sample)
        _fill(b, shuffled)
        for name, params in CASES:
            assert records(named_query(a, name, params)) == records(
                named_query(b, name, params)), name
