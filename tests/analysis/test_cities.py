"""Question 3: city profiles, case tables and the follow-up comparison grid."""

from __future__ import annotations

import math
from pathlib import Path

import igraph as ig
import networkx as nx
import pandas as pd
import pytest

from coalitions.analysis.cities import (
    case_table,
    city_profiles,
    compare,
    degree_centralisation,
    member_network,
)
from coalitions.errors import UsageError
from coalitions.graph.model import GraphData
from coalitions.loaders.taxonomy import ROLES

SAMPLE = Path(__file__).resolve().parents[2] / "coalitions" / "data" / "sample"


# --- Freeman degree centralisation -------------------------------------------------------

def test_centralisation_of_star_is_one_and_of_cycle_zero():
    # Freeman (1978): the star is the maximally centralised graph, a cycle the least.
    assert degree_centralisation(ig.Graph.Star(7)) == pytest.approx(1.0)
    assert degree_centralisation(ig.Graph.Ring(7)) == pytest.approx(0.0)


def test_centralisation_of_path_and_kite_by_hand():
    # P4: degrees 1 2 2 1 → Σ(2 − d) = 2, over (n−1)(n−2) = 6
    assert degree_centralisation(ig.Graph(n=4, edges=[(0, 1), (1, 2), (2, 3)])) == \
        pytest.approx(1 / 3)
    # Krackhardt kite: degrees 4 4 3 6 3 5 5 3 2 1 → Σ(6 − d) = 24, over 9 · 8 = 72
    kite = nx.krackhardt_kite_graph()
    g = ig.Graph(n=10, edges=list(kite.edges()))
    assert degree_centralisation(g) == pytest.approx(24 / 72)


def test_centralisation_ignores_direction_and_multi_edges_and_needs_three_vertices():
    g = ig.Graph(n=3, edges=[(0, 1), (1, 0), (0, 2), (0, 2)], directed=True)
    assert degree_centralisation(g) == pytest.approx(1.0)  # a star on 3 vertices
    assert math.isnan(degree_centralisation(ig.Graph(n=2, edges=[(0, 1)])))


# --- a small hand-built world -------------------------------------------------------------
#
# Gent:  c1 {o, n1 (pivot), n2}   c2 {o, f1}   c3 {n3, n4} (declared: nonprofit only)
# Aalst: a1 {p, n5}
# o is a city official (sector city_government), p a politician; n* nonprofits, f1 a firm.
# One explicit tie n1 → n2.
#
# Gent's actor network:   n1 — n2        n3 — n4
#                           \  /
#                            o — f1

def world() -> GraphData:
    actors = pd.DataFrame([
        ("o", "Olga Ambtenaar", "person", "city_government", "official", None, "Gent"),
        ("p", "Piet Schepen", "person", "city_government", "politician", None, "Aalst"),
        ("n1", "Vzw Een", "organisation", "nonprofit", None, None, "Gent"),
        ("n2", "Vzw Twee", "organisation", "nonprofit", None, None, "Gent"),
        ("n3", "Vzw Drie", "organisation", "nonprofit", None, None, "Gent"),
        ("n4", "Vzw Vier", "organisation", "nonprofit", None, None, "Gent"),
        ("n5", "Vzw Vijf", "organisation", "nonprofit", None, None, "Aalst"),
        ("f1", "Firma", "organisation", "private", None, None, "Gent"),
    ], columns=["id", "name", "kind", "sector", "function", "organisation", "city"])
    coalitions = pd.DataFrame([
        ("c1", "Eerste", "Gent", ["Energie"], ["Milieu en ecologie"], "services",
         "supplementary", "bottom-up", []),
        ("c2", "Tweede", "Gent", ["Welzijn"], ["Zorg & Welzijn"], "sensitising",
         "complementary", "top-down", []),
        ("c3", "Derde", "Gent", ["Energie"], ["Milieu en ecologie"], "services", None, None,
         ["nonprofit"]),
        ("a1", "Aalsters", "Aalst", ["Welzijn"], ["Zorg & Welzijn"], "cooperation", None,
         None, []),
    ], columns=["id", "name", "city", "themes", "theme_clusters", "role", "relation",
                "origin", "sectors"])
    memberships = pd.DataFrame([
        ("o", "c1", "member"), ("n1", "c1", "pivot"), ("n2", "c1", "member"),
        ("o", "c2", "member"), ("f1", "c2", "member"),
        ("n3", "c3", "member"), ("n4", "c3", "member"),
        ("p", "a1", "member"), ("n5", "a1", "member"),
    ], columns=["actor", "coalition", "role"])
    ties = pd.DataFrame([("n1", "n2", "collaborates", 1.0)],
                        columns=["source", "target", "type", "weight"])
    return GraphData(coalitions=coalitions, actors=actors, memberships=memberships,
                     ties=ties)


def test_member_network_links_members_related_apart_from_the_coalition():
    data = world()
    g = member_network(data, "c1")
    assert sorted(g.vs["name"]) == ["n1", "n2", "o"]
    edges = {frozenset((g.vs[e.source]["name"], g.vs[e.target]["name"])) for e in g.es}
    assert edges == {frozenset(("n1", "n2"))}  # the tie; sharing c1 itself does not count
    assert g.es["tie"] == [True] and g.es["shared_other"] == [0]
    with pytest.raises(UsageError):
        member_network(data, "nope")


def test_member_network_counts_other_shared_coalitions():
    data = world()
    extra = pd.DataFrame([("n1", "c3", "member"), ("n2", "c3", "member")],
                         columns=["actor", "coalition", "role"])
    data = GraphData(coalitions=data.coalitions, actors=data.actors,
                     memberships=pd.concat([data.memberships, extra]), ties=data.ties.iloc[0:0])
    g = member_network(data, "c1")
    assert g.ecount() == 1 and g.es["shared_other"] == [1] and g.es["tie"] == [False]


def test_city_profiles_by_hand():
    df = city_profiles(world()).set_index("city")
    gent, aalst = df.loc["Gent"], df.loc["Aalst"]
    assert gent["n_coalitions"] == 3 and gent["n_actors"] == 6
    assert gent["n_with_government"] == 2  # c1, c2 have the official o
    assert gent["share_with_government"] == pytest.approx(2 / 3)
    assert gent["n_inbetween"] == 1 and gent["inbetween"] == "Olga Ambtenaar"
    # o links f1 (private) with n1 and n2 (nonprofit), n1–n2 closed: two open pairs, each
    # read in both directions, all liaison (three different sectors).
    assert gent["inbetween_brokerage"] == 4
    assert gent["inbetween_brokerage_between_sectors"] == 4
    # 5 edges of 15 possible; degrees 3 2 2 1 1 1 → Σ(3 − d) = 8, over 5 · 4
    assert gent["density"] == pytest.approx(5 / 15)
    assert gent["centralisation"] == pytest.approx(8 / 20)
    assert gent["n_edges"] == 5
    assert aalst["n_with_government"] == 1 and aalst["n_inbetween"] == 0
    # one coalition: co-membership links everyone (density 1, centralisation 0 whatever the
    # city) — left undefined, with n stated beside it
    assert aalst["n_coalitions"] == 1 and aalst["n_actors"] == 2 and aalst["n_edges"] == 1
    assert math.isnan(aalst["density"]) and math.isnan(aalst["centralisation"])
    assert df.attrs["definitions"]["density"] == "city_density"


def test_case_table_by_hand():
    t = case_table(world(), "eerste")  # by name, case-insensitive
    assert t["coalition"]["id"] == "c1"
    assert t["coalition"]["role_label"] == "Concrete diensten leveren, coöperatie"
    assert dict(zip(t["by_sector"]["sector"], t["by_sector"]["count"], strict=True)) == {
        "nonprofit": 2, "city_government": 1}
    gov = t["government"]
    assert gov["relation"] == "supplementary" and gov["origin"] == "bottom-up"
    assert gov["members"] == ["Olga Ambtenaar"] and gov["share"] == pytest.approx(1 / 3)
    piv = t["pivots"]
    assert piv["declared"] == ["Vzw Een"]
    assert piv["structural"] == ["Olga Ambtenaar"]  # the only member on shortest paths
    assert piv["agree"] is False
    # member network: only the n1–n2 tie among 3 members
    assert t["member_density"] == pytest.approx(1 / 3)
    assert t["member_centralisation"] == pytest.approx(0.5)  # degrees 0 1 1 → Σ(1−d)=1 over 2
    pos = t["position"].set_index("id")
    assert pos.loc[["c1", "c2", "c3"], "shared_members"].tolist() == [1, 1, 0]
    assert pos.loc[["c1", "c2", "c3"], "linked_coalitions"].tolist() == [1, 1, 0]
    assert t["rank"] == 1 and t["n_city_coalitions"] == 3
    members = t["members"].set_index("id")
    assert members.at["o", "n_city_coalitions"] == 2
    assert members.at["n1", "role"] == "pivot"


def test_case_table_unknown_coalition_is_a_usage_error():
    with pytest.raises(UsageError, match="No coalition with id or name 'Vierde'"):
        case_table(world(), "Vierde")


def test_compare_with_and_without_government_by_hand():
    df = compare(world(), "government").set_index("type")
    with_gov, without = df.loc["with city government"], df.loc["without city government"]
    assert with_gov["n_coalitions"] == 3 and without["n_coalitions"] == 1
    assert with_gov["n_city_actors"] == 2  # o and p
    # network of c1, c2, a1: o–n1, o–n2, n1–n2, o–f1, p–n5 (6 actors)
    assert with_gov["city_actor_degree"] == pytest.approx((3 / 5 + 1 / 5) / 2)
    # o is on the n1–f1 and n2–f1 shortest paths: 2 of (5 · 4 / 2) pairs; p on none
    assert with_gov["city_actor_betweenness"] == pytest.approx((2 / 10 + 0) / 2)
    assert with_gov["city_actor_brokerage"] == pytest.approx((4 + 0) / 2)
    # shares of city-government members: c1 1/3, c2 1/2, a1 1/2
    assert with_gov["government_share_of_members"] == pytest.approx((1 / 3 + 1 / 2 + 1 / 2) / 3)
    assert with_gov["mean_member_density"] == pytest.approx((1 / 3 + 0 + 0) / 3)
    assert with_gov["mean_member_centralisation"] == pytest.approx(0.5)  # only c1 has 3 members
    assert without["n_city_actors"] == 0 and math.isnan(without["city_actor_degree"])
    assert without["share_with_government"] == 0


def test_compare_by_theme_role_actors_counts_every_coalition():
    data = world()
    theme = compare(data, "theme").set_index("type")
    assert theme.at["Milieu en ecologie", "n_coalitions"] == 2
    assert theme.at["Zorg & Welzijn", "n_coalitions"] == 2
    role = compare(data, "role")
    assert role["n_coalitions"].sum() == 4
    actors = compare(data, "actors")
    assert actors["n_coalitions"].sum() == 4
    with pytest.raises(UsageError, match="Cannot compare coalitions by 'size'"):
        compare(data, "size")


# --- on the bundled sample ----------------------------------------------------------------

@pytest.fixture(scope="module")
def sample() -> GraphData:
    if not (SAMPLE / "coalitions.csv").exists():
        pytest.skip("the bundled sample (coalitions/data/sample) is not generated yet")
    from coalitions.loaders import load_inputs

    return load_inputs([SAMPLE]).data


def test_sample_government_contrast_matches_the_seed_composition_table(sample):
    # seed, actors table: 10 + 7 + 11 + 2 = 30 coalitions with city government, 3 + 18 = 21
    # without.
    df = compare(sample, "government").set_index("type")
    assert df.at["with city government", "n_coalitions"] == 30
    assert df.at["without city government", "n_coalitions"] == 21


def test_sample_city_profiles_cover_all_fourteen_cities(sample):
    df = city_profiles(sample)
    assert len(df) == 14 and df["n_coalitions"].sum() == 51
    assert ((df["share_with_government"] >= 0) & (df["share_with_government"] <= 1)).all()
    assert (df["n_inbetween"] == df["inbetween"].map(
        lambda s: len(s.split("; ")) if s else 0)).all()


def test_sample_vectorised_member_relations_equal_per_coalition_graphs(sample):
    from coalitions.analysis.cities import _coalition_relations

    rel = _coalition_relations(sample)
    for cid in sample.coalitions["id"]:
        g = member_network(sample, cid)
        density = g.density() if g.vcount() > 1 else math.nan
        assert rel.at[cid, "density"] == pytest.approx(density, nan_ok=True)
        assert rel.at[cid, "centralisation"] == pytest.approx(degree_centralisation(g),
                                                              nan_ok=True)


# --- one definition of "involves city government" in every command -----------------------

EGEB = "brussel-egeb"


def egeb_government_in_every_command(data: GraphData) -> dict[str, bool]:
    """EGEB's city-government involvement as each command and the report answer it."""
    from coalitions.analysis.clusters import cluster_table
    from coalitions.graph.scope import Scope
    from coalitions.viz.report import _profile

    only = Scope(coalition=EGEB).apply(data)
    actors = cluster_table(only, "actors")
    (group,) = actors.loc[actors["count"] == 1, "group"]
    (kind,) = compare(only, "government")["type"]
    report = dict(_profile(only))["coalitions with city government taking part"]
    return {
        "clusters": group == "with city government",
        "cities": bool(city_profiles(only).at[0, "n_with_government"] == 1),
        "compare": kind == "with city government",
        "case": case_table(data, EGEB)["government"]["with_government"],
        "report": report.startswith("1 of 1"),
    }


def test_sample_egeb_has_no_city_government_in_any_command(sample):
    # By hand from the sample's CSV files: EGEB's 21 members are nonprofits, citizens and two
    # universities; none of sector city_government, no official or politician.
    members = pd.read_csv(SAMPLE / "memberships.csv")
    actors = pd.read_csv(SAMPLE / "actors.csv")
    mine = actors[actors["id"].isin(members.loc[members["coalition"] == EGEB, "actor"])]
    assert not (mine["sector"].eq("city_government")
                | mine["function"].isin(["official", "politician"])).any()
    assert egeb_government_in_every_command(sample) == dict.fromkeys(
        ("clusters", "cities", "compare", "case", "report"), False)


def test_a_declared_city_government_the_members_lack_changes_no_command_and_warns(sample):
    # The inventory's Actoren text read as "city government + nonprofit" (the case):
    # the members still decide, the same way everywhere, and a warning names both readings.
    co = sample.coalitions.copy()
    co["sectors"] = [["city_government", "nonprofit"] if cid == EGEB else s
                     for cid, s in zip(co["id"], co["sectors"], strict=True)]
    data = GraphData(coalitions=co, actors=sample.actors, memberships=sample.memberships,
                     ties=sample.ties)
    assert set(egeb_government_in_every_command(data).values()) == {False}
    (warning,) = city_profiles(data).attrs["warnings"]
    assert "EGEB (brussel-egeb)" in warning
    assert "members make it nonprofit only" in warning
    assert "declares city government + nonprofit" in warning
    assert case_table(data, EGEB)["warnings"] == [warning]
    assert compare(data, "government").attrs["warnings"] == [warning]


def test_sample_cities_with_one_coalition_have_no_density_or_centralisation(sample):
    from coalitions.graph.scope import Scope

    df = city_profiles(sample)
    assert df["n_coalitions"].min() >= 2  # the sample has none: cut one city to one
    one = city_profiles(Scope(coalition=EGEB).apply(sample)).iloc[0]
    assert one["n_coalitions"] == 1 and one["n_actors"] == 21
    assert math.isnan(one["density"]) and math.isnan(one["centralisation"])
    several = df[df["n_coalitions"] >= 2]
    assert several["density"].notna().all()


# --- every typology axis and their crossings (tests/data/five_cases) ---------------------

FIVE = Path(__file__).resolve().parents[1] / "data" / "five_cases"
# The fixture's Dutch and English cell values, mapped by hand (not by the package).
_RELATION = {"complementair": "complementary", "complementary": "complementary",
             "supplementair": "supplementary", "supplementary": "supplementary",
             "adversarial": "adversarial"}


@pytest.fixture(scope="module")
def five_cases():
    from coalitions.loaders import load_inputs

    return load_inputs([FIVE]).data


def _five_cells() -> pd.DataFrame:
    """coalities.csv as the csv module reads it, relation mapped by hand."""
    import csv

    with open(FIVE / "coalities.csv", encoding="utf-8", newline="") as f:
        cells = pd.DataFrame(list(csv.DictReader(f)))
    cells["relation"] = cells["relatie"].map(_RELATION)
    return cells


def test_compare_by_relation_and_origin_counts_the_recorded_values(five_cases):
    cells = _five_cells()
    relation = compare(five_cases, "relation").set_index("type")["n_coalitions"]
    assert relation.to_dict() == cells["relation"].value_counts().to_dict()
    # in the axis' order: complementary, supplementary, adversarial
    assert list(relation.index) == ["complementary", "supplementary", "adversarial"]
    origin = compare(five_cases, "origin").set_index("type")["n_coalitions"]
    assert origin.to_dict() == cells["oorsprong"].value_counts().to_dict()


def test_compare_by_status_and_by_every_role(five_cases):
    status = compare(five_cases, "status").set_index("type")["n_coalitions"].to_dict()
    # coalities.csv: five actief/active, Klimopjegevel gestopt, Kritische Massa an end year
    # and no status (stopped), Transitie Deurne opgegaan in.
    assert status == {"active": 5, "stopped": 2, "merged": 1}
    roles = compare(five_cases, "roles").set_index("type")["n_coalitions"]
    # Roles named in the rol cells, counted by hand: sensitising in Solied, EGEB,
    # Klimopjegevel, Kritische Massa; public space in De Koep, Energent, EGEB, Klimopjegevel;
    # cooperation in Solied, De Koep, Duurzame Haven, Transitie Deurne; services in De Koep,
    # Energent; innovation in Duurzame Haven.
    labels = {r.code: r.label for r in ROLES}
    assert roles[labels["sensitising"]] == 4
    assert roles[labels["public_space"]] == 4
    assert roles[labels["cooperation"]] == 4
    assert roles[labels["services"]] == 2
    assert roles[labels["innovation"]] == 1
    primary = compare(five_cases, "role")["n_coalitions"].sum()
    assert primary == len(five_cases.coalitions)  # one primary role each


def test_crossing_relation_and_origin_counts_each_pair(five_cases):
    cells = _five_cells()
    df = compare(five_cases, "relation,origin")
    expected = cells.groupby(["relation", "oorsprong"]).size().to_dict()
    got = {(r.relation, r.origin): r.n_coalitions for r in df.itertuples()}
    assert got == expected
    assert (df["type"] == df["relation"] + " × " + df["origin"]).all()
    assert df.attrs["by"] == "relation,origin"


def test_a_crossed_type_has_the_measures_of_its_coalitions_alone(five_cases):
    # The crossed type "complementary × Milieu en ecologie" holds Solied, Duurzame Haven
    # and Klimopjegevel; comparing those three alone by relation must give the same row.
    crossed = compare(five_cases, "relation,theme").set_index("type")
    row = crossed.loc["complementary × Milieu en ecologie"]
    ids = {"sint-niklaas-solied", "antwerpen-duurzame-haven", "sint-niklaas-klimopjegevel"}
    d = five_cases
    members = d.memberships[d.memberships["coalition"].isin(ids)]
    kept = set(members["actor"])
    alone_data = GraphData(
        d.coalitions[d.coalitions["id"].isin(ids)].copy(),
        d.actors[d.actors["id"].isin(kept)].copy(), members.copy(),
        d.ties[d.ties["source"].isin(kept) & d.ties["target"].isin(kept)].copy())
    alone = compare(alone_data, "relation").iloc[0]
    assert alone["type"] == "complementary"
    for column in ("n_coalitions", "n_members", "share_with_government",
                   "government_share_of_members", "n_city_actors", "city_actor_degree",
                   "mean_member_density"):
        assert row[column] == pytest.approx(alone[column], nan_ok=True), column


def test_typology_counts_and_shares_per_city_as_a_crosstab(five_cases):
    from coalitions.analysis.cities import typology

    cells = _five_cells()
    df = typology(five_cases, "relation")
    per_city = df[df["city"] != "(all cities)"]
    # pandas' own crosstab of the raw cells: count and share of each relation per city
    counts = pd.crosstab(cells["Stad"], cells["relation"])
    shares = pd.crosstab(cells["Stad"], cells["relation"], normalize="index")
    for r in per_city.itertuples():
        assert r.n_coalitions == counts.at[r.city, r.type]
        assert r.share == pytest.approx(shares.at[r.city, r.type])
    assert len(per_city) == int((counts > 0).sum().sum())
    every = df[df["city"] == "(all cities)"].set_index("type")
    assert every["share"].to_dict() == pytest.approx(
        cells["relation"].value_counts(normalize=True).to_dict())
    # A single-valued axis: each city's shares add up to 1.
    assert per_city.groupby("city")["share"].sum().to_numpy() == pytest.approx(1.0)


def test_compare_names_the_definition_of_each_axis(five_cases):
    from coalitions.analysis.cities import typology
    from coalitions.analysis.definitions import DEFINITIONS, used

    crossed = compare(five_cases, "relation,origin")
    assert used(crossed)["relation"] is DEFINITIONS["relation"]
    assert used(crossed)["origin"] is DEFINITIONS["origin"]
    assert "Young" in DEFINITIONS["relation"].reference
    assert used(compare(five_cases, "status"))["type"] is DEFINITIONS["status"]
    assert used(typology(five_cases, "theme"))["share"] is DEFINITIONS["type_share"]


def test_an_unknown_or_repeated_axis_is_refused(five_cases):
    with pytest.raises(UsageError, match="Cannot compare coalitions by 'relation,size'"):
        compare(five_cases, "relation,size")
    with pytest.raises(UsageError, match="an axis is named twice"):
        compare(five_cases, "relation,relation")


def test_case_table_shows_the_fields_of_the_study_over_time(five_cases):
    info = case_table(five_cases, "Klimopjegevel")["coalition"]
    # coalities.csv, Klimopjegevel: rol public_space;sensitising, relatie complementary 2011,
    # °2011, einde 2016, gestopt, afhankelijkheid and evaluatie filled, the others empty.
    assert info["roles"] == ["public_space", "sensitising"]
    assert (info["relation"], info["relation_year"]) == ("complementary", 2011)
    assert (info["founded_year"], info["end_year"], info["status"]) == (2011, 2016, "stopped")
    assert info["resource_dependence"] == "Plantgoed van de stad."
    assert info["in_between"] is None and info["autonomy"] is None
