"""Graphs for the map and report tests, built in memory (no loader needed)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from coalitions.graph.model import SECTORS, GraphData
from coalitions.loaders.taxonomy import THEMES

# A name that runs code if any part of a page treats text as HTML: the payload sets a flag
# the browser tests read back.
HOSTILE = '<img src=x onerror="window.__pwned=1">"\'</script><!--&amp;'
HOSTILE_CITY = '<b onmouseover="window.__pwned=2">Gent</b>'
HOSTILE_SECTOR = '<svg onload="window.__pwned=3">'


def small_graph() -> GraphData:
    """Two cities, four coalitions, a hostile actor name, a hostile coalition name, a tie."""
    coalitions = pd.DataFrame({
        "id": ["c1", "c2", "c3", "c4"],
        "name": ["Casa del Mundo", HOSTILE + " coalition", "Energent", "Torekes"],
        "city": ["Aalst", "Aalst", "Gent", "Gent"],
        "themes": [["Ontwikkelingssamenwerking en Noord-Zuid"], [HOSTILE], ["Energie"],
                   ["Sociale cohesie", "Duurzaamheid"]],
        "theme_clusters": [["Zorg & Welzijn"], [None], ["Milieu en ecologie"],
                           ["Buurtontwikkeling, publieke ruimte en sociale cohesie",
                            "Milieu en ecologie"]],
        "founded_year": pd.array([1994, None, 2013, 2010], dtype="Int64"),
        "role": ["sensitising", None, "innovation", "cooperation"],
        "relation": ["complementary", "adversarial", "supplementary", "complementary"],
        "origin": ["bottom-up", "bottom-up", "bottom-up", "top-down"],
        "sectors": [["city_government", "nonprofit"], ["nonprofit"], ["private", "nonprofit"],
                    ["city_government", "citizens"]],
    })
    actors = pd.DataFrame({
        "id": ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8"],
        "name": ["Stad Aalst", HOSTILE, "Jan Peeters", "Vzw Wereldwinkel", "Energie BV",
                 "Buurtcomité Rabot", "An Janssens", "UGent"],
        "kind": ["organisation", "organisation", "person", "organisation", "organisation",
                 "organisation", "person", "organisation"],
        "sector": ["city_government", "nonprofit", "city_government", "nonprofit", "private",
                   "citizens", "city_government", "knowledge"],
        "function": [None, None, "official", None, None, None, "politician", None],
        "organisation": [None, None, "a1", None, None, None, None, None],
        "city": ["Aalst", "Aalst", "Aalst", "Aalst", "Gent", "Gent", "Gent", "Gent"],
    })
    memberships = pd.DataFrame({
        "actor": ["a1", "a2", "a3", "a4", "a2", "a3", "a5", "a6", "a7", "a8", "a7", "a4"],
        "coalition": ["c1", "c1", "c1", "c1", "c2", "c2", "c3", "c3", "c3", "c3", "c4", "c4"],
        "role": ["member", "pivot", "member", "member", "coordinator", "member", "pivot",
                 "member", "member", "partner", "pivot", "member"],
        "since": pd.array([None] * 12, dtype="Int64"),
    })
    # A sector outside the vocabulary reaches the legend and filters as text.
    actors.loc[len(actors)] = ["a9", "Zonder sector", "organisation", HOSTILE_SECTOR, None,
                               None, "Gent"]
    memberships.loc[len(memberships)] = ["a9", "c3", "member", None]
    ties = pd.DataFrame({"source": ["a3"], "target": ["a7"], "type": ["knows"],
                         "weight": [1.0]})
    return GraphData(coalitions=coalitions, actors=actors, memberships=memberships, ties=ties)


def synthetic_region(n_actors: int = 600, n_coalitions: int = 51, seed: int = 7,
                     n_cities: int = 14) -> GraphData:
    """A region shaped like the sample: coalitions in cities, actors in one to four."""
    rng = np.random.default_rng(seed)
    cities = [f"City {i}" for i in range(n_cities)]
    themes = list(THEMES)
    co_city = [cities[i % n_cities] for i in range(n_coalitions)]
    picked = [themes[i % len(themes)] for i in rng.permutation(n_coalitions)]
    coalitions = pd.DataFrame({
        "id": [f"c{i}" for i in range(n_coalitions)],
        "name": [f"Coalition {i}" for i in range(n_coalitions)],
        "city": co_city,
        "themes": [[t.name] for t in picked],
        "theme_clusters": [[t.cluster] for t in picked],
    })
    kinds = rng.choice(["organisation", "person"], size=n_actors, p=[0.7, 0.3])
    sectors = rng.choice(SECTORS, size=n_actors, p=[0.2, 0.1, 0.4, 0.15, 0.1, 0.05])
    home = rng.integers(0, n_coalitions, size=n_actors)
    actors = pd.DataFrame({
        "id": [f"a{i}" for i in range(n_actors)],
        "name": [f"Actor {i}" for i in range(n_actors)],
        "kind": kinds, "sector": sectors,
        "function": [("official" if s == "city_government" else "staff") if k == "person"
                     else None for k, s in zip(kinds, sectors, strict=True)],
        "city": [co_city[h] for h in home],
    })
    rows = []
    for i, h in enumerate(home):
        extra = rng.integers(0, 4) if rng.random() < 0.3 else 0
        same_city = [c for c in range(n_coalitions) if co_city[c] == co_city[h] and c != h]
        chosen = {h, *rng.choice(range(n_coalitions), size=min(extra, 1), replace=False),
                  *(rng.choice(same_city, size=min(extra, len(same_city)), replace=False)
                    if same_city else [])}
        for c in sorted(chosen):
            rows.append((f"a{i}", f"c{c}", "pivot" if rng.random() < 0.04 else "member"))
    memberships = pd.DataFrame(rows, columns=["actor", "coalition", "role"])
    return GraphData(coalitions=coalitions, actors=actors, memberships=memberships)


@pytest.fixture
def small() -> GraphData:
    return small_graph()
