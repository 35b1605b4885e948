"""Synthetic coalition networks at three scales, for the benchmarks.

A registry of associations for a region or a country is far larger than the bundled sample;
this module makes one, deterministically from a seed, with the shape such registries have:

- **heavy-tailed activity**: memberships per actor are lognormal (most actors sit in one or
  two coalitions, a few in dozens), and coalitions differ in pull (lognormal popularity), so
  coalition sizes are heavy-tailed too;
- **cities of unequal size** (Zipf): actors and coalitions belong to a city, and actors join
  coalitions of their own city;
- **officials and politicians** of city government span several coalitions in their city
  (question 3 of the study: the "tussenruimte");
- **a few actors across cities** (umbrella organisations, other government) whose
  memberships are spread over the whole country;
- **some explicit ties**, mostly between co-members.

Scales (:data:`SCALES`): ``sample`` (the size of the bundled sample), ``region`` (100k
memberships) and ``national`` (1M memberships, 200k actors, 40k coalitions).

``python -m benchmarks.generate national /tmp/coalitions-bench/national`` writes the four
CSV files in the loader's format; :func:`generate` returns the tables, and
:func:`graph_data` the :class:`~coalitions.graph.model.GraphData` the loader would make of
them (without reading files).
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from coalitions.graph.model import SECTORS, GraphData
from coalitions.loaders.taxonomy import ROLES, THEMES, tie_type_directed

__all__ = ["SCALES", "Scale", "Synthetic", "generate", "graph_data", "write_csv"]

# The study's fourteen cities first; further municipalities are numbered.
_CITIES = ["Antwerpen", "Gent", "Brussel", "Brugge", "Leuven", "Mechelen", "Aalst", "Hasselt",
           "Kortrijk", "Sint-Niklaas", "Oostende", "Genk", "Roeselare", "Turnhout"]
_ORG_SECTORS = (["nonprofit", "private", "city_government", "other_government", "citizens",
                 "knowledge"], [0.55, 0.15, 0.08, 0.07, 0.10, 0.05])
_PERSON_FUNCTIONS = (["official", "politician", "staff", "volunteer", "resident"],
                     [0.06, 0.03, 0.36, 0.30, 0.25])
_FUNCTION_SECTOR = {"official": "city_government", "politician": "city_government",
                    "staff": "nonprofit", "volunteer": "citizens", "resident": "citizens"}
_MEMBERSHIP_ROLES = (["member", "partner", "funder", "advisor", "coordinator", "pivot"],
                     [0.82, 0.07, 0.04, 0.03, 0.02, 0.02])
_TIE_TYPES = ["collaborates", "funds", "advises"]
_ACTOREN = {  # sector -> a word of the template's free text that the parser reads as it
    "city_government": "Stad", "other_government": "Provincie", "nonprofit": "vzw's",
    "private": "bedrijven", "citizens": "vrijwilligers", "knowledge": "universiteit",
}
_RELATIONS = ["complementary", "supplementary", "adversarial"]
_ORIGINS = ["bottom-up", "top-down"]


@dataclass(frozen=True)
class Scale:
    """Target sizes of one synthetic network."""

    name: str
    cities: int
    coalitions: int
    actors: int
    memberships: int
    ties: int


SCALES: dict[str, Scale] = {
    # The bundled sample: 14 cities, 51 coalitions, 623 actors, 761 memberships, 114 ties.
    "sample": Scale("sample", 14, 51, 623, 761, 114),
    "region": Scale("region", 40, 4_000, 20_000, 100_000, 5_000),
    "national": Scale("national", 300, 40_000, 200_000, 1_000_000, 50_000),
}


@dataclass
class Synthetic:
    """The four tables in the loader's CSV layout (column names as in the files)."""

    scale: Scale
    seed: int
    coalitions: pd.DataFrame
    actors: pd.DataFrame
    memberships: pd.DataFrame
    ties: pd.DataFrame


def generate(scale: str | Scale = "sample", seed: int = 1) -> Synthetic:
    """A synthetic network at ``scale`` (a name in :data:`SCALES` or a :class:`Scale`).

    The same ``scale`` and ``seed`` give the same tables. Memberships are unique per
    (actor, coalition) and exactly ``scale.memberships`` many (fewer only if the scale asks
    for more than the coalitions can hold); ties are unique per (source, target, type) and
    never loops.
    """
    s = SCALES[scale] if isinstance(scale, str) else scale
    rng = np.random.default_rng(seed)
    city_names = _city_names(s.cities)

    # Cities of unequal size (Zipf, exponent 1): a share of the actors and coalitions each.
    city_weight = 1.0 / np.arange(1, s.cities + 1)
    city_weight /= city_weight.sum()
    co_city = np.sort(_spread(rng, s.coalitions, city_weight))
    n_actors = s.actors

    # Actors: organisations (one city-government organisation "Stad X" per city first), then
    # persons.
    n_org = max(s.cities, int(round(n_actors * 0.6)))
    kind = np.array(["organisation"] * n_org + ["person"] * (n_actors - n_org), dtype=object)
    actor_city = _spread(rng, n_actors, city_weight)
    actor_city[: s.cities] = np.arange(s.cities)
    sector = np.empty(n_actors, dtype=object)
    sector[:n_org] = rng.choice(_ORG_SECTORS[0], size=n_org, p=_ORG_SECTORS[1])
    sector[: s.cities] = "city_government"
    function = np.full(n_actors, None, dtype=object)
    function[n_org:] = rng.choice(_PERSON_FUNCTIONS[0], size=n_actors - n_org,
                                  p=_PERSON_FUNCTIONS[1])
    sector[n_org:] = [_FUNCTION_SECTOR[f] for f in function[n_org:]]
    government = np.isin(function, ["official", "politician"])
    # A few umbrella actors work across cities (no city of their own).
    across = np.zeros(n_actors, dtype=bool)
    across[s.cities:n_org] = rng.random(n_org - s.cities) < 0.01
    # Persons work for an organisation of their city: officials and politicians for the
    # city's own "Stad X", the others for a random organisation of the city (some for none).
    organisation = np.full(n_actors, None, dtype=object)
    org_ids = _ids("a", n_actors)
    persons = np.arange(n_org, n_actors)
    org_by_city = _members_by_city(actor_city[:n_org], s.cities)
    has_org = rng.random(len(persons)) < 0.7
    for p, keep in zip(persons, has_org, strict=True):
        c = actor_city[p]
        if government[p]:
            organisation[p] = org_ids[c]
        elif keep:
            pool = org_by_city[c]
            organisation[p] = org_ids[pool[rng.integers(len(pool))]]

    # Activity: lognormal memberships per actor, higher for officials and politicians.
    activity = rng.lognormal(mean=0.0, sigma=1.1, size=n_actors)
    activity[government] *= 4.0
    activity[across] *= 3.0
    popularity = rng.lognormal(mean=0.0, sigma=0.8, size=s.coalitions)
    pairs = _draw_memberships(rng, s, activity, actor_city, across, co_city, popularity)
    actor_idx, co_idx = pairs // s.coalitions, pairs % s.coalitions

    # Coalitions.
    founded = rng.integers(1975, 2020, size=s.coalitions)
    n_members = np.bincount(co_idx, minlength=s.coalitions)
    co_ids = _ids("c", s.coalitions)
    theme_pick = rng.integers(len(THEMES), size=(s.coalitions, 2))
    two_themes = rng.random(s.coalitions) < 0.1
    themes = [THEMES[a].name + (f", {THEMES[b].name}" if two and a != b else "")
              for a, b, two in zip(theme_pick[:, 0], theme_pick[:, 1], two_themes, strict=True)]
    # The sectors taking part, in SECTORS order as the loader gives them.
    sector_code = pd.Categorical(sector, categories=SECTORS).codes.astype(np.int64)
    present = np.zeros((s.coalitions, len(SECTORS)), dtype=bool)
    present[co_idx, sector_code[actor_idx]] = True
    sectors = [[SECTORS[k] for k in np.flatnonzero(row)] for row in present]
    volunteers = rng.integers(0, 200, size=s.coalitions)
    coalitions = pd.DataFrame({
        "id": co_ids,
        "Stad": city_names[co_city],
        "Naam": [f"Coalitie {i + 1}" for i in range(s.coalitions)],
        "Thema": themes,
        "Leeftijd": [f"°{y}" for y in founded],
        "Omvang": [f"{max(m, 1)} organisaties (+ {v} vrijwilligers)"
                   for m, v in zip(n_members, volunteers, strict=True)],
        "Actoren": [", ".join(_ACTOREN[x] for x in secs) or None for secs in sectors],
        "role": rng.choice([r.code for r in ROLES], size=s.coalitions),
        "relation": rng.choice(_RELATIONS, size=s.coalitions, p=[0.7, 0.2, 0.1]),
        "origin": rng.choice(_ORIGINS, size=s.coalitions),
        "sectors": [";".join(secs) if secs else None for secs in sectors],
    })

    names = np.where(kind == "organisation", "Organisatie", "Persoon")
    actors = pd.DataFrame({
        "id": org_ids,
        "name": [f"{w} {i + 1}" for i, w in enumerate(names)],
        "kind": kind,
        "sector": sector,
        "function": function,
        "organisation": organisation,
        "city": np.where(across, None, city_names[actor_city]).astype(object),
    })
    actors.loc[: s.cities - 1, "name"] = [f"Stad {c}" for c in city_names]

    since = founded[co_idx] + rng.integers(0, 10, size=len(co_idx))
    memberships = pd.DataFrame({
        "actor": org_ids[actor_idx],
        "coalition": co_ids[co_idx],
        "role": rng.choice(_MEMBERSHIP_ROLES[0], size=len(co_idx), p=_MEMBERSHIP_ROLES[1]),
        "since": np.minimum(since, 2024),
    })
    ties = _draw_ties(rng, s, actor_idx, co_idx, org_ids)
    return Synthetic(s, seed, coalitions, actors, memberships, ties)


def write_csv(syn: Synthetic, folder: str | Path) -> Path:
    """Write ``coalitions.csv``, ``actors.csv``, ``memberships.csv`` and ``ties.csv``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("coalitions", "actors", "memberships", "ties"):
        getattr(syn, name).to_csv(folder / f"{name}.csv", index=False)
    return folder


def graph_data(syn: Synthetic) -> GraphData:
    """The :class:`GraphData` that loading the CSV files of ``syn`` gives, built directly."""
    theme_cluster = {t.name: t.cluster for t in THEMES}
    co = syn.coalitions
    themes = [t.split(", ") for t in co["Thema"]]
    sizes = co["Omvang"].str.extract(r"^(\d+) organisaties \(\+ (\d+) vrijwilligers\)$")

    def _none(values) -> pd.Series:
        s = pd.Series(values, dtype=object)
        return s.where(s.notna(), None)

    coalitions = pd.DataFrame({
        "id": co["id"].astype(object),
        "name": co["Naam"].astype(object),
        "city": co["Stad"].astype(object),
        "themes": themes,
        "theme_clusters": [[theme_cluster[t] for t in ts] for ts in themes],
        "goals": None,
        "actions": None,
        "founded_year": co["Leeftijd"].str[1:].astype(int).astype("Int64"),
        "n_organisations": sizes[0].astype(int).astype("Int64"),
        "n_volunteers": sizes[1].astype(int).astype("Int64"),
        "role": co["role"].astype(object),
        "relation": co["relation"].astype(object),
        "origin": co["origin"].astype(object),
        "sectors": [s.split(";") if isinstance(s, str) else [] for s in co["sectors"]],
        "raw_theme": co["Thema"].astype(object),
        "raw_founded": co["Leeftijd"].astype(object),
        "raw_size": co["Omvang"].astype(object),
        "raw_actors": _none(co["Actoren"]),
        # the fields an inventory without end years, statuses or texts loads with
        "roles": [[r] if isinstance(r, str) else [] for r in co["role"]],
        "end_year": pd.array([pd.NA] * len(co), dtype="Int64"),
        "relation_year": pd.array([pd.NA] * len(co), dtype="Int64"),
    })
    a = syn.actors
    actors = pd.DataFrame({c: _none(a[c]) for c in a.columns})
    m = syn.memberships
    memberships = pd.DataFrame({
        "actor": m["actor"].astype(object), "coalition": m["coalition"].astype(object),
        "role": m["role"].astype(object), "since": m["since"].astype("Int64"),
        "until": pd.array([pd.NA] * len(m), dtype="Int64"),
    })
    t = syn.ties
    ties = pd.DataFrame({
        "source": t["source"].astype(object), "target": t["target"].astype(object),
        "type": t["type"].astype(object), "weight": t["weight"].astype(float),
        # as the loader resolves it from the type (an unknown type reads undirected)
        "directed": np.array([bool(tie_type_directed(x)) for x in t["type"]], dtype=bool),
    })
    return GraphData(coalitions=coalitions, actors=actors, memberships=memberships, ties=ties)


# helpers

def _city_names(n: int) -> np.ndarray:
    names = _CITIES[:n] + [f"Gemeente {i:03d}" for i in range(len(_CITIES) + 1, n + 1)]
    return np.array(names, dtype=object)


def _ids(prefix: str, n: int) -> np.ndarray:
    width = len(str(n))
    return np.array([f"{prefix}{i:0{width}d}" for i in range(1, n + 1)], dtype=object)


def _spread(rng: np.random.Generator, n: int, weight: np.ndarray) -> np.ndarray:
    """``n`` city indices, every city at least once (while n allows), else by ``weight``."""
    k = len(weight)
    first = np.arange(min(n, k))
    rest = rng.choice(k, size=max(n - k, 0), p=weight)
    return rng.permutation(np.concatenate([first, rest])).astype(np.int64)


def _members_by_city(city: np.ndarray, n_cities: int) -> list[np.ndarray]:
    order = np.argsort(city, kind="stable")
    bounds = np.searchsorted(city[order], np.arange(n_cities + 1))
    return [order[bounds[c]:bounds[c + 1]] for c in range(n_cities)]


def _draw_memberships(rng, s: Scale, activity, actor_city, across, co_city,
                      popularity) -> np.ndarray:
    """Unique (actor, coalition) pairs encoded as ``actor * n_coalitions + coalition``.

    Each membership picks its actor in proportion to activity, then a coalition of the
    actor's city (any city for the actors across cities) in proportion to popularity, by
    inverse transform on the cumulative popularity of the city's block of coalitions.
    """
    cum = np.concatenate([[0.0], np.cumsum(popularity)])
    bounds = np.searchsorted(co_city, np.arange(s.cities + 1))
    lo, hi = cum[bounds[:-1]], cum[bounds[1:]]
    # Every actor has at least one membership: the heavy tail is on top of that.
    extra = activity / activity.sum()
    chosen = np.empty(0, dtype=np.int64)
    want = min(s.memberships, s.actors * s.coalitions)
    base = np.arange(s.actors, dtype=np.int64)
    for _ in range(20):
        need = want - len(chosen)
        if need <= 0:
            break
        n_draw = int(need * 1.1) + 16
        who = rng.choice(s.actors, size=n_draw, p=extra)
        if not len(chosen):
            who = np.concatenate([base, who])[: max(n_draw, s.actors)]
        c = actor_city[who]
        u = rng.random(len(who))
        point = np.where(across[who], u * cum[-1], lo[c] + u * (hi[c] - lo[c]))
        co = np.clip(np.searchsorted(cum, point, side="right") - 1, 0, s.coalitions - 1)
        new = who.astype(np.int64) * s.coalitions + co
        # Keep first occurrences in draw order, so the result does not depend on hashing.
        merged = np.concatenate([chosen, new])
        _, first = np.unique(merged, return_index=True)
        chosen = merged[np.sort(first)]
    return chosen[:want]


def _draw_ties(rng, s: Scale, actor_idx, co_idx, actor_ids) -> pd.DataFrame:
    """Ties mostly between co-members (90%), the rest between random actors."""
    order = np.argsort(co_idx, kind="stable")
    by_co = actor_idx[order]
    starts = np.searchsorted(co_idx[order], np.arange(s.coalitions))
    ends = np.searchsorted(co_idx[order], np.arange(s.coalitions), side="right")
    n = int(s.ties * 1.3) + 8
    pick = rng.integers(len(order), size=n)
    c = co_idx[order][pick]
    other = starts[c] + (rng.random(n) * (ends[c] - starts[c])).astype(np.int64)
    src, dst = by_co[pick], by_co[other]
    rand = rng.random(n) < 0.1
    dst[rand] = rng.integers(s.actors, size=int(rand.sum()))
    kind = rng.integers(len(_TIE_TYPES), size=n)
    frame = pd.DataFrame({"s": src, "d": dst, "k": kind})
    frame = frame[frame["s"] != frame["d"]].drop_duplicates().head(s.ties)
    return pd.DataFrame({
        "source": actor_ids[frame["s"].to_numpy()],
        "target": actor_ids[frame["d"].to_numpy()],
        "type": np.array(_TIE_TYPES, dtype=object)[frame["k"].to_numpy()],
        "weight": rng.integers(1, 6, size=len(frame)).astype(float),
    })


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scale", choices=list(SCALES))
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    syn = generate(args.scale, seed=args.seed)
    write_csv(syn, args.folder)
    print(f"{args.scale}: {len(syn.coalitions):,} coalitions, {len(syn.actors):,} actors, "
          f"{len(syn.memberships):,} memberships, {len(syn.ties):,} ties -> {args.folder} "
          f"({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
