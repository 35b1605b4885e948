"""The graph model and its controlled vocabularies.

Nodes: ``City{name}``, ``Coalition{id, name, city, …}``, ``Organisation{id, name, sector, city}``,
``Person{id, name, function, sector, city}``, ``Theme{name, cluster}``.
Relationships: ``(Coalition)-[:IN_CITY]->(City)``, ``(Coalition)-[:ADDRESSES]->(Theme)``,
``(Organisation|Person)-[:MEMBER_OF{role, since}]->(Coalition)``,
``(Person)-[:AFFILIATED_WITH]->(Organisation)``, ``(Organisation|Person)-[:TIE{type, weight}]->(…)``.

In memory the graph travels as a :class:`GraphData`: four pandas tables with the columns
listed in :data:`COLUMNS`. Loaders produce it, stores write and read it, analysis and maps
consume it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

__all__ = [
    "COALITION_ORIGINS",
    "COALITION_RELATIONS",
    "COLUMNS",
    "FUNCTIONS",
    "GOVERNMENT_FUNCTIONS",
    "GraphData",
    "KINDS",
    "MEMBERSHIP_ROLES",
    "PIVOT_ROLES",
    "SECTORS",
    "SYNONYMS",
    "allowed_values",
    "canonical",
]

KINDS = ("organisation", "person")
SECTORS = ("city_government", "other_government", "nonprofit", "private", "citizens", "knowledge")
FUNCTIONS = ("official", "politician", "staff", "volunteer", "resident")
MEMBERSHIP_ROLES = ("member", "pivot", "coordinator", "funder", "partner", "advisor")
COALITION_RELATIONS = ("complementary", "supplementary", "adversarial")
COALITION_ORIGINS = ("bottom-up", "top-down")
# Membership roles that declare the coalition's pivot ("spilfiguur", "aanspreekpunt").
PIVOT_ROLES = ("pivot", "coordinator")
# Functions through which a person is part of city government (question 3).
GOVERNMENT_FUNCTIONS = ("official", "politician")

# Dutch (and common English) words accepted for each controlled value, keyed by vocabulary.
SYNONYMS: dict[str, dict[str, str]] = {
    "kind": {
        "organisatie": "organisation", "organization": "organisation", "org": "organisation",
        "persoon": "person", "individu": "person",
    },
    "sector": {
        "stedelijke overheid": "city_government", "stad": "city_government",
        "city government": "city_government", "gemeente": "city_government",
        "andere overheid": "other_government", "other government": "other_government",
        "vlaamse overheid": "other_government", "overheid": "other_government",
        "vzw": "nonprofit", "ngo": "nonprofit", "middenveld": "nonprofit",
        "non-profit": "nonprofit", "non profit": "nonprofit", "nonprofit sector": "nonprofit",
        "bedrijf": "private", "private sector": "private", "privé": "private", "prive": "private",
        "burgers": "citizens", "bewonersgroep": "citizens", "vrijwilligers": "citizens",
        "burger": "citizens", "citizen": "citizens",
        "universiteit": "knowledge", "hogeschool": "knowledge", "kennisinstelling": "knowledge",
    },
    "function": {
        "ambtenaar": "official", "politicus": "politician", "schepen": "politician",
        "burgemeester": "politician", "gemeenteraadslid": "politician",
        "medewerker": "staff", "personeel": "staff", "vrijwilliger": "volunteer",
        "bewoner": "resident", "inwoner": "resident",
    },
    "role": {
        "lid": "member", "spilfiguur": "pivot", "aanspreekpunt": "pivot", "trekker": "pivot",
        "coördinator": "coordinator", "coordinator": "coordinator", "financier": "funder",
        "partner": "partner", "adviseur": "advisor", "adviser": "advisor",
    },
    "relation": {
        "complementair": "complementary", "supplementair": "supplementary",
        "adversarial": "adversarial", "tegenstrevend": "adversarial",
    },
    "origin": {"bottom up": "bottom-up", "top down": "top-down"},
}

_ALLOWED = {
    "kind": KINDS,
    "sector": SECTORS,
    "function": FUNCTIONS,
    "role": MEMBERSHIP_ROLES,
    "relation": COALITION_RELATIONS,
    "origin": COALITION_ORIGINS,
}


def canonical(vocabulary: str, value: str) -> str | None:
    """The canonical value a user's word stands for in ``vocabulary``, or None if unknown.

    Case, surrounding space and underscores/hyphens are ignored; Dutch words from the design
    (``ambtenaar``, ``schepen``, ``vzw``, ``spilfiguur`` …) are accepted.
    """
    word = " ".join(str(value).strip().lower().replace("_", " ").replace("-", " ").split())
    allowed = _ALLOWED[vocabulary]
    for candidate in (word, word.replace(" ", "_"), word.replace(" ", "-")):
        if candidate in allowed:
            return candidate
    return SYNONYMS[vocabulary].get(word)


def allowed_values(vocabulary: str) -> tuple[str, ...]:
    return _ALLOWED[vocabulary]


# Columns of the four in-memory tables. List-valued columns hold Python lists.
COLUMNS: dict[str, list[str]] = {
    "coalitions": [
        "id", "name", "city", "themes", "theme_clusters", "goals", "actions",
        "founded_year", "n_organisations", "n_volunteers", "role", "relation", "origin",
        "sectors", "raw_theme", "raw_founded", "raw_size", "raw_actors",
    ],
    "actors": ["id", "name", "kind", "sector", "function", "organisation", "city"],
    "memberships": ["actor", "coalition", "role", "since"],
    "ties": ["source", "target", "type", "weight"],
}


def _empty(name: str) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS[name]})


@dataclass
class GraphData:
    """The whole graph as four tables (see :data:`COLUMNS`).

    ``coalitions.themes`` holds sub-theme names (study's taxonomy where matched, raw text where
    not), ``theme_clusters`` the matching clusters (None for unknown themes);
    ``coalitions.sectors`` the sectors taking part as declared (coded column or parsed from
    the ``Actoren`` text). Integer columns use pandas' nullable ``Int64``.
    """

    coalitions: pd.DataFrame = field(default_factory=lambda: _empty("coalitions"))
    actors: pd.DataFrame = field(default_factory=lambda: _empty("actors"))
    memberships: pd.DataFrame = field(default_factory=lambda: _empty("memberships"))
    ties: pd.DataFrame = field(default_factory=lambda: _empty("ties"))

    def __post_init__(self) -> None:
        for name in COLUMNS:
            df = getattr(self, name)
            missing = [c for c in COLUMNS[name] if c not in df.columns]
            for c in missing:
                df[c] = None
            setattr(self, name, df[COLUMNS[name]].reset_index(drop=True))

    @property
    def themes(self) -> pd.DataFrame:
        """Theme nodes: ``name``, ``cluster`` (one row per distinct theme)."""
        rows = {}
        for themes, clusters in zip(self.coalitions["themes"], self.coalitions["theme_clusters"],
                                    strict=True):
            for t, c in zip(themes or [], clusters or [], strict=True):
                rows.setdefault(t, c)
        return pd.DataFrame({"name": list(rows), "cluster": list(rows.values())},
                            columns=["name", "cluster"]).sort_values("name", ignore_index=True)

    @property
    def cities(self) -> list[str]:
        names = set(self.coalitions["city"].dropna()) | set(self.actors["city"].dropna())
        return sorted(names)

    def is_empty(self) -> bool:
        return all(len(getattr(self, n)) == 0 for n in COLUMNS)
