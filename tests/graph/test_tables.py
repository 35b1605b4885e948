"""GraphData → node and relationship tables: lookups, labels, one relationship per key."""

from __future__ import annotations

import numpy as np
import pandas as pd

from coalitions.graph.model import GraphData
from coalitions.graph.tables import note_positions, positions, to_tables
from tests.conftest import small_graph


def test_positions_find_the_last_of_repeated_keys_and_never_match_missing_values():
    keys = np.array(["a", None, "b", "a"], dtype=object)
    values = np.array(["a", "b", None, "c", np.nan], dtype=object)
    # "a" sits at 0 and 3 (the last wins), "b" at 2; None, NaN and "c" are nowhere, even
    # though a key is missing too.
    assert positions(values, keys).tolist() == [3, 2, -1, -1, -1]


def membership_labels(data: GraphData) -> list[tuple[str, str, str]]:
    rel = to_tables(data).rels["MEMBER_OF"]
    return sorted(zip(rel["src_label"], rel["src"], rel["dst"], strict=True))


def test_noted_positions_give_the_same_tables_as_looking_up():
    data = small_graph()
    looked_up = membership_labels(data)
    note_positions(data, "memberships", "actor", "actors", "id",
                   positions(data.memberships["actor"], data.actors["id"]))
    note_positions(data, "memberships", "coalition", "coalitions", "id",
                   positions(data.memberships["coalition"], data.coalitions["id"]))
    assert membership_labels(data) == looked_up
    # small_graph: org-stad-gent is the organisation, per-an and per-bram are persons.
    assert looked_up[0] == ("Organisation", "org-stad-gent", "gent-energent")


def test_noted_positions_are_not_used_once_the_memberships_changed():
    data = small_graph()
    note_positions(data, "memberships", "actor", "actors", "id",
                   positions(data.memberships["actor"], data.actors["id"]))
    # A stale note would label per-bram's membership with org-stad-gent's label.
    data.memberships.loc[0, "actor"] = "per-bram"
    labels = dict(((a, c), lab) for lab, a, c in membership_labels(data))
    assert labels[("per-bram", "gent-energent")] == "Person"
    assert "Organisation" not in labels.values()


def test_a_noted_table_replaced_by_another_is_looked_up_afresh():
    data = small_graph()
    note_positions(data, "memberships", "coalition", "coalitions", "id",
                   positions(data.memberships["coalition"], data.coalitions["id"]))
    data.memberships = data.memberships.iloc[::-1].reset_index(drop=True)
    owners = to_tables(data).owners["MEMBER_OF"][1]
    assert owners == {"gent-energent", "gent-torekes"}


def test_duplicate_memberships_become_one_relationship_the_last_winning():
    data = small_graph()
    extra = pd.DataFrame({"actor": ["per-an"], "coalition": ["gent-energent"],
                          "role": ["funder"], "since": pd.array([2020], dtype="Int64")})
    data = GraphData(data.coalitions, data.actors,
                     pd.concat([data.memberships, extra], ignore_index=True), data.ties)
    rel = to_tables(data).rels["MEMBER_OF"]
    mine = rel[(rel["src"] == "per-an") & (rel["dst"] == "gent-energent")]
    assert len(rel) == 4 and mine["role"].tolist() == ["funder"]


def test_memberships_of_actors_missing_from_the_actors_table_have_no_label():
    data = small_graph()
    data.memberships.loc[1, "actor"] = "nobody"
    rel = to_tables(data).rels["MEMBER_OF"]
    assert rel.loc[rel["src"] == "nobody", "src_label"].tolist() == [None]


def test_validated_input_gives_the_same_tables_as_the_same_graph_built_anew():
    # load_inputs notes where each membership's actor and coalition are; a GraphData built
    # from copies of its tables has no notes and looks everything up.
    from coalitions.loaders import load_inputs
    from tests.conftest import SAMPLE

    data = load_inputs([SAMPLE]).data
    anew = GraphData(*(getattr(data, n).copy() for n in
                       ("coalitions", "actors", "memberships", "ties")))
    noted, looked_up = to_tables(data), to_tables(anew)
    for kind in ("nodes", "rels"):
        for name, frame in getattr(noted, kind).items():
            pd.testing.assert_frame_equal(frame, getattr(looked_up, kind)[name])
    assert noted.owners == looked_up.owners
    assert len(noted.rels["MEMBER_OF"]) == len(data.memberships) > 0
