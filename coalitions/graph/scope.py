"""Restricting the graph to a part of it: a city, a coalition, a theme, a sector, a period."""

from __future__ import annotations

from dataclasses import dataclass, fields

import pandas as pd

from coalitions.errors import UsageError
from coalitions.graph.model import GraphData, canonical
from coalitions.loaders.taxonomy import normalise_text

__all__ = ["Scope"]


@dataclass(frozen=True)
class Scope:
    """Which part of the graph a command looks at. Every field left ``None`` means "all".

    - ``city``: coalitions in that city and their members, and actors based in the city with
      a tie to one of them or to each other. An actor based in the city who sits in no
      coalition and has no such tie is left out: it would be an isolate that only changes the
      normalisation of the city's measures (betweenness ÷ pairs, density ÷ possible links),
      and every per-city computation (``pivots --per-coalition``, ``cities``, ``case``, the
      report) works on the members of the city's coalitions — one scope everywhere;
    - ``coalition``: one coalition, by id or (unique) name;
    - ``theme``: coalitions addressing that sub-theme or theme cluster;
    - ``sector``: only actors of that sector (coalitions keep their other attributes);
    - ``since`` / ``until``: coalitions founded in that period (inclusive; coalitions with an
      unknown founding year are left out when either bound is given).

    Actors are kept when they are members of a coalition in scope; ties are kept between
    actors in scope.
    """

    city: str | None = None
    coalition: str | None = None
    theme: str | None = None
    sector: str | None = None
    since: int | None = None
    until: int | None = None

    def is_everything(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))

    def describe(self) -> str:
        parts = [f"{f.name}={getattr(self, f.name)}" for f in fields(self)
                 if getattr(self, f.name) is not None]
        return ", ".join(parts) if parts else "everything"

    def apply(self, data: GraphData) -> GraphData:
        if self.is_everything():
            return data
        co = data.coalitions
        keep = pd.Series(True, index=co.index)
        if self.city is not None:
            cities = {c.lower(): c for c in data.cities}
            if self.city.lower() not in cities:
                raise UsageError(f"No city named {self.city!r} in the store.",
                                 hint="Known cities: " + ", ".join(data.cities))
            keep &= co["city"].str.lower() == self.city.lower()
        if self.coalition is not None:
            by_id = co["id"] == self.coalition
            if not by_id.any():
                by_id = co["name"].str.lower() == self.coalition.lower()
            if by_id.sum() == 0:
                raise UsageError(f"No coalition with id or name {self.coalition!r}.",
                                 hint="`coalitions query --name coalitions` lists them.")
            if by_id.sum() > 1:
                ids = ", ".join(co.loc[by_id, "id"])
                raise UsageError(f"The name {self.coalition!r} is not unique ({ids}).",
                                 hint="Pass the coalition id instead.")
            keep &= by_id
        if self.theme is not None:
            want = normalise_text(self.theme)

            def addresses(row: pd.Series) -> bool:
                names = [normalise_text(t) for t in (row["themes"] or [])]
                clusters = [normalise_text(c) for c in (row["theme_clusters"] or []) if c]
                return want in names or want in clusters

            keep &= co.apply(addresses, axis=1) if len(co) else keep
        if self.since is not None or self.until is not None:
            year = pd.to_numeric(co["founded_year"], errors="coerce")
            lo = self.since if self.since is not None else -10**9
            hi = self.until if self.until is not None else 10**9
            keep &= year.between(lo, hi).fillna(False).astype(bool)

        coalitions = co[keep]
        ids = set(coalitions["id"])
        members = data.memberships[data.memberships["coalition"].isin(ids)]
        actors = data.actors
        in_scope = actors["id"].isin(set(members["actor"]))
        coalition_filter = any(v is not None for v in (self.coalition, self.theme, self.since,
                                                        self.until))
        if self.city is not None and not coalition_filter:
            # An actor network without coalitions (ties only) is valid input: there, a city is
            # its actors who have a tie with another actor of the city or of its coalitions —
            # still no isolates, so the scope stays the one every per-city measure uses.
            based = actors["city"].fillna("").str.lower() == self.city.lower()
            reach = set(actors.loc[in_scope | based, "id"])
            t = data.ties[data.ties["source"].isin(reach) & data.ties["target"].isin(reach)]
            tied = set(t["source"]) | set(t["target"])
            in_scope |= based & actors["id"].isin(tied)
        if self.sector is not None:
            sector = canonical("sector", self.sector)
            if sector is None:
                raise UsageError(f"Unknown sector {self.sector!r}.")
            in_scope &= actors["sector"] == sector
        actors = actors[in_scope]
        actor_ids = set(actors["id"])
        members = members[members["actor"].isin(actor_ids)]
        ties = data.ties[data.ties["source"].isin(actor_ids) & data.ties["target"].isin(actor_ids)]
        return GraphData(coalitions=coalitions.copy(), actors=actors.copy(),
                         memberships=members.copy(), ties=ties.copy())
