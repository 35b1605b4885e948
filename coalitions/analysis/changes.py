"""What changed between two inventory waves (``coalitions changes --from A --to B``).

Each wave is a complete snapshot (see :mod:`coalitions.graph.waves`), so a change is a
difference between two snapshots, matched by id:

- a coalition **founded** is in wave B and not in A; **stopped**: in A and not in B;
- a member **joined** a coalition present in both waves when the membership (actor,
  coalition) is in B and not in A; **left** when it is in A and not in B. (The members of a
  coalition founded or stopped are not listed again: they come and go with it.) A membership
  in both whose declared role differs is a **role change**;
- **pivots**: per coalition present in both waves, the declared pivots (members whose role
  is pivot or coordinator) and the structural pivots
  (:func:`~coalitions.analysis.pivots.coalition_pivots`: highest betweenness on the city's
  actor network), listed where either changed;
- **actors** who rose or fell as pivots and brokers: every actor present in both waves whose
  betweenness rank or brokerage changed. Betweenness is the one definition of
  :func:`~coalitions.analysis.centrality.actor_measures` on the whole actor network of each
  wave; rank 1 is the highest, ties share the best rank (``min``); ``rank_change`` is the
  rank in A minus the rank in B, so a positive value means the actor **rose**. Brokerage is
  the Gould & Fernandez total of :func:`~coalitions.analysis.brokerage.actor_brokerage`
  grouped by sector;
- **cities**: the measures of :func:`~coalitions.analysis.cities.city_profiles` that moved,
  per city and measure: in A, in B and the change (B − A), for cities in either wave (a
  measure left empty in one wave and not in the other counts as moved).

Measures are computed on each wave separately, with the definitions every other command
uses, so a number here is the number ``pivots --wave A`` or ``cities --wave B`` shows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from coalitions.analysis.definitions import attach
from coalitions.graph.model import GraphData

__all__ = ["DECLARED_PIVOT_ROLES", "TABLES", "TURNOVER", "changes", "turnover"]

# The tables `changes` returns, in the order the command prints them.
TABLES = ("coalitions_founded", "coalitions_stopped", "members_joined", "members_left",
          "roles_changed", "pivots", "actors", "cities")
DECLARED_PIVOT_ROLES = ("pivot", "coordinator")
# The tables that compare ids only (no measure to compute): see turnover.
TURNOVER = ("coalitions_founded", "coalitions_stopped", "members_joined", "members_left",
            "roles_changed")

_CITY_MEASURES = {"share_with_government": "government", "n_with_government": "government",
                  "density": "city_density", "centralisation": "city_centralisation"}


def changes(before: GraphData, after: GraphData, *, from_wave: str = "A", to_wave: str = "B",
            seed: int = 42) -> dict[str, pd.DataFrame]:
    """The differences between two waves of the study, as tables.

    Parameters
    ----------
    before, after : GraphData
        The two waves (as ``Store.read_graph(wave)`` returns them), the earlier first.
    from_wave, to_wave : str
        Their names, recorded on every table as the facts ``from_wave`` and ``to_wave``.
    seed : int
        Seed for sampled betweenness on large networks (exact on the sample).

    Returns
    -------
    dict of str to DataFrame
        Keyed by :data:`TABLES` (see the module docstring for each definition):
        ``coalitions_founded`` / ``coalitions_stopped`` (id, name, city, founded_year),
        ``members_joined`` / ``members_left`` (coalition, coalition_name, city, actor,
        actor_name, role), ``roles_changed`` (…, role_before, role_after), ``pivots``
        (coalition, name, city, declared_before, declared_after, structural_before,
        structural_after), ``actors`` (id, name, sector, city, rank_before, rank_after,
        rank_change, betweenness_before, betweenness_after, brokerage_before,
        brokerage_after, brokerage_change), ``cities`` (city, measure, before, after,
        change). Rows are sorted so the same waves give the same tables.

    References
    ----------
    Brandes, U. (2001). A faster algorithm for betweenness centrality. *Journal of
    Mathematical Sociology* 25(2), 163–177. Gould, R. V. & Fernandez, R. M. (1989).
    Structures of mediation. *Sociological Methodology* 19, 89–126.
    """
    out = turnover(before, after)
    out["pivots"] = _pivots(before, after, seed)
    out["actors"] = _actors(before, after, seed)
    out["cities"] = _cities(before, after)
    for frame in out.values():
        attach(frame, [], from_wave=from_wave, to_wave=to_wave)
    return out


def turnover(before: GraphData, after: GraphData) -> dict[str, pd.DataFrame]:
    """The tables of :func:`changes` that only compare ids, without computing a measure:
    ``coalitions_founded``, ``coalitions_stopped``, ``members_joined``, ``members_left``,
    ``roles_changed`` (:data:`TURNOVER`), with the same definitions and rows as there (so a
    count shown elsewhere, such as on the timeline map, is the count ``changes`` prints).
    Cheap on any size of store: no betweenness is computed. The tables carry no facts;
    :func:`changes` adds the waves' names."""
    joined, left, roles = _memberships(before, after)
    return {"coalitions_founded": _coalitions(after, before),
            "coalitions_stopped": _coalitions(before, after),
            "members_joined": joined, "members_left": left, "roles_changed": roles}


def _coalitions(present: GraphData, absent: GraphData) -> pd.DataFrame:
    co = present.coalitions
    rows = co[~co["id"].isin(set(absent.coalitions["id"]))]
    return rows[["id", "name", "city", "founded_year"]].sort_values(
        ["city", "name", "id"], ignore_index=True)


def _names(data: GraphData) -> dict[str, str]:
    return dict(zip(data.actors["id"], data.actors["name"], strict=True))


def _memberships(before: GraphData, after: GraphData
                 ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    both = set(before.coalitions["id"]) & set(after.coalitions["id"])
    cols = ["coalition", "actor", "role"]
    a = before.memberships.loc[before.memberships["coalition"].isin(both), cols]
    b = after.memberships.loc[after.memberships["coalition"].isin(both), cols]
    merged = a.merge(b, on=["coalition", "actor"], how="outer", suffixes=("_before", "_after"),
                     indicator=True)
    co = pd.concat([before.coalitions, after.coalitions]).drop_duplicates("id", keep="last")
    co_name = dict(zip(co["id"], co["name"], strict=True))
    co_city = dict(zip(co["id"], co["city"], strict=True))
    names = {**_names(before), **_names(after)}

    def table(rows: pd.DataFrame, role_cols: dict[str, str]) -> pd.DataFrame:
        frame = pd.DataFrame({
            "coalition": rows["coalition"].to_numpy(dtype=object),
            "coalition_name": [co_name.get(c) for c in rows["coalition"]],
            "city": [co_city.get(c) for c in rows["coalition"]],
            "actor": rows["actor"].to_numpy(dtype=object),
            "actor_name": [names.get(x) for x in rows["actor"]],
            **{new: rows[old].to_numpy(dtype=object) for new, old in role_cols.items()},
        })
        return frame.sort_values(["city", "coalition", "actor"], ignore_index=True)

    joined = table(merged[merged["_merge"] == "right_only"], {"role": "role_after"})
    left = table(merged[merged["_merge"] == "left_only"], {"role": "role_before"})
    same = merged[merged["_merge"] == "both"]
    differ = same[same["role_before"].fillna("") != same["role_after"].fillna("")]
    roles = table(differ, {"role_before": "role_before", "role_after": "role_after"})
    return joined, left, roles


def _pivots(before: GraphData, after: GraphData, seed: int) -> pd.DataFrame:
    from coalitions.analysis.pivots import coalition_pivots

    cols = ["coalition", "name", "city", "declared_before", "declared_after",
            "structural_before", "structural_after"]
    both = set(before.coalitions["id"]) & set(after.coalitions["id"])
    if not both:
        return pd.DataFrame(columns=cols)
    a = coalition_pivots(before, seed=seed).set_index("id")
    b = coalition_pivots(after, seed=seed).set_index("id")
    rows = []
    for cid in sorted(both):
        ra, rb = a.loc[cid], b.loc[cid]
        declared = (_text(ra["declared_pivot_names"]), _text(rb["declared_pivot_names"]))
        structural = (_text(ra["structural_pivot_names"]), _text(rb["structural_pivot_names"]))
        if declared[0] != declared[1] or structural[0] != structural[1]:
            rows.append({"coalition": cid, "name": rb["name"], "city": rb["city"],
                         "declared_before": declared[0], "declared_after": declared[1],
                         "structural_before": structural[0],
                         "structural_after": structural[1]})
    return pd.DataFrame(rows, columns=cols).sort_values(["city", "name", "coalition"],
                                                        ignore_index=True)


def _text(names: object) -> str:
    if isinstance(names, list | tuple | np.ndarray):
        return "; ".join(sorted(str(n) for n in names))
    return "" if names is None or (isinstance(names, float) and np.isnan(names)) else str(names)


def _actor_table(data: GraphData, seed: int) -> pd.DataFrame:
    from coalitions.analysis.brokerage import actor_brokerage
    from coalitions.analysis.centrality import actor_measures

    m = actor_measures(data, seed=seed)[["id", "name", "sector", "city", "betweenness"]]
    # Ranked on values rounded to 12 decimals: the same position reached along other paths
    # can differ in the last bits of a float, and must share its rank.
    m = m.assign(rank=m["betweenness"].round(12).rank(method="min", ascending=False)
                 .astype("Int64"))
    if len(data.memberships) or len(data.ties):
        b = actor_brokerage(data)[["id", "total"]].rename(columns={"total": "brokerage"})
        m = m.merge(b, on="id", how="left")
    else:
        m["brokerage"] = np.nan
    return m


def _actors(before: GraphData, after: GraphData, seed: int) -> pd.DataFrame:
    cols = ["id", "name", "sector", "city", "rank_before", "rank_after", "rank_change",
            "betweenness_before", "betweenness_after", "brokerage_before", "brokerage_after",
            "brokerage_change"]
    if not len(before.actors) or not len(after.actors):
        return attach(pd.DataFrame(columns=cols), {})
    a = _actor_table(before, seed)
    b = _actor_table(after, seed)
    m = a.merge(b, on="id", suffixes=("_before", "_after"))
    frame = pd.DataFrame({
        "id": m["id"], "name": m["name_after"], "sector": m["sector_after"],
        "city": m["city_after"], "rank_before": m["rank_before"], "rank_after": m["rank_after"],
        "rank_change": m["rank_before"] - m["rank_after"],
        "betweenness_before": m["betweenness_before"],
        "betweenness_after": m["betweenness_after"],
        "brokerage_before": m["brokerage_before"], "brokerage_after": m["brokerage_after"],
        "brokerage_change": m["brokerage_after"] - m["brokerage_before"],
    })
    moved = (frame["rank_change"].fillna(0) != 0) | (frame["brokerage_change"].fillna(0) != 0)
    frame = frame[moved].assign(_size=frame["rank_change"].abs())
    frame = frame.sort_values(["_size", "rank_after", "id"], ascending=[False, True, True],
                              ignore_index=True).drop(columns="_size")
    return attach(frame, {"betweenness_before": "betweenness",
                          "betweenness_after": "betweenness"},
                  rank="1 = highest betweenness in the wave's actor network, ties share the "
                       "best rank; rank_change = rank before − rank after (positive: rose)",
                  brokerage="Gould & Fernandez total, groups by sector")


def _cities(before: GraphData, after: GraphData) -> pd.DataFrame:
    from coalitions.analysis.cities import city_profiles

    cols = ["city", "measure", "before", "after", "change"]
    a = city_profiles(before).set_index("city") if len(before.coalitions) else pd.DataFrame()
    b = city_profiles(after).set_index("city") if len(after.coalitions) else pd.DataFrame()
    measures = [c for c in (b.columns if len(b.columns) else a.columns)
                if c != "inbetween" and pd.api.types.is_numeric_dtype(
                    (b if len(b.columns) else a)[c])]
    rows = []
    for city in sorted(set(a.index) | set(b.index), key=str.lower):
        for measure in measures:
            x = a.at[city, measure] if city in a.index else np.nan
            y = b.at[city, measure] if city in b.index else np.nan
            x, y = float(x) if pd.notna(x) else np.nan, float(y) if pd.notna(y) else np.nan
            if x == y or (np.isnan(x) and np.isnan(y)):
                continue  # (unmoved)
            rows.append({"city": city, "measure": measure, "before": x, "after": y,
                         "change": y - x})
    frame = pd.DataFrame(rows, columns=cols)
    return attach(frame, [], city_measures="as in `coalitions cities` (" + ", ".join(
        f"{k}: {v}" for k, v in _CITY_MEASURES.items()) + "; see coalitions explain)")
