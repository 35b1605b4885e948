"""What a city scope holds: the members of its coalitions, and in an actor network without
coalitions its actors who have ties, never isolates."""

from __future__ import annotations

import pandas as pd

from coalitions.graph.model import GraphData
from coalitions.graph.scope import Scope


def _actors(*rows):
    return pd.DataFrame([{"id": i, "name": i.upper(), "kind": "organisation",
                          "sector": "nonprofit", "function": None, "organisation": None,
                          "city": c} for i, c in rows])


def test_a_ties_only_network_scoped_to_a_city_keeps_its_tied_actors_and_no_isolates():
    data = GraphData(
        actors=_actors(("a", "Gent"), ("b", "Gent"), ("c", "Gent"), ("d", "Aalst")),
        ties=pd.DataFrame({"source": ["a", "b"], "target": ["b", "d"],
                           "type": ["works_with"] * 2, "weight": [1.0, 1.0]}))
    part = Scope(city="Gent").apply(data)
    # a-b are tied within Gent; c has no tie (an isolate); d is based elsewhere.
    assert sorted(part.actors["id"]) == ["a", "b"]
    assert list(zip(part.ties["source"], part.ties["target"], strict=True)) == [("a", "b")]


def test_a_city_actor_outside_every_coalition_and_untied_is_not_in_the_city_scope():
    data = GraphData(
        coalitions=pd.DataFrame({"id": ["k"], "name": ["K"], "city": ["Gent"], "themes": [[]],
                                 "theme_clusters": [[]]}),
        actors=_actors(("a", "Gent"), ("b", "Gent"), ("dept", "Gent")),
        memberships=pd.DataFrame({"actor": ["a", "b"], "coalition": ["k", "k"],
                                  "role": ["member"] * 2, "since": [None] * 2}))
    assert sorted(Scope(city="Gent").apply(data).actors["id"]) == ["a", "b"]
