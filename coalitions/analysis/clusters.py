"""The study's three clusterings of coalitions, a data-driven one, and a case shortlist.

The study (Ghent University, 2007) groups its 51 coalitions three ways — by **theme**
(sub-themes under five theme clusters), by **role** (one expressive and four service roles)
and by **actors** (which sectors take part) — and picks five case studies from a shortlist
that covers the variation over the three (its "stap 3"). :func:`cluster_table` reproduces
the three tables, :func:`data_clusters` lets the data propose its own grouping on the same
features, and :func:`shortlist` proposes cases the way the study did.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

import numpy as np
import pandas as pd
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import pdist, squareform

from coalitions.analysis.definitions import attach
from coalitions.errors import UsageError
from coalitions.graph.model import GOVERNMENT_FUNCTIONS, PIVOT_ROLES, GraphData
from coalitions.loaders import taxonomy
from coalitions.loaders.taxonomy import COMPOSITION_SECTORS, COMPOSITIONS, ROLES, THEMES

__all__ = [
    "city_government_members",
    "cluster_table",
    "coalition_features",
    "composition",
    "composition_warnings",
    "data_clusters",
    "involves_city_government",
    "shortlist",
    "silhouette_samples",
]

CLUSTER_BY = ("theme", "role", "actors")
N_EXAMPLES = 3
UNMATCHED = "(not in the study's taxonomy)"
NO_ROLE = "(no role given)"
NO_MEMBER_SECTORS = "declared (no member sectors)"
WITH_GOVERNMENT = "with city government"
WITHOUT_GOVERNMENT = "without city government"
_SECTOR_WORDS = {
    "city_government": "city government",
    "other_government": "other government",
    "nonprofit": "nonprofit",
    "private": "private",
}
_ROLE_KIND = {r.code: r.kind for r in ROLES}


def city_government_members(data: GraphData) -> set[str]:
    """Ids of the **city-government members**: actors of sector ``city_government`` and
    persons whose function is official or politician
    (:data:`~coalitions.graph.model.GOVERNMENT_FUNCTIONS`), whatever sector they carry."""
    a = data.actors
    person = a["kind"].eq("person") if "kind" in a.columns else pd.Series(True, index=a.index)
    gov = a["sector"].eq("city_government") | (person & a["function"].isin(GOVERNMENT_FUNCTIONS))
    return set(a.loc[gov, "id"].astype(str))


def composition(data: GraphData) -> pd.DataFrame:
    """The actor composition of every coalition, read from its members.

    Each member counts in one of the study's four composition sectors, by its sector:
    ``city_government``, ``other_government``, ``private`` as themselves; ``nonprofit``,
    ``citizens`` (burgers, bewonersgroepen, vrijwilligers) and ``knowledge`` (universiteiten,
    hogescholen) as **nonprofit** — the study counts citizens' groups and knowledge institutions
    as civil society ("middenveld"), and its six categories have no other place for them
    (:func:`coalitions.loaders.taxonomy.composition_of`). A person whose function is official
    or politician counts as city government whatever sector is recorded
    (:func:`city_government_members`). Members without a sector add nothing.

    The inventory's ``sectors`` (the coded column, or the sectors read from the free-text
    ``Actoren`` cell) are the **declared** composition, kept beside it. A coalition whose
    members say nothing (no members, or none with a sector) falls back to the declared
    composition, and ``source`` says so. Where both are known and differ, ``agrees`` is False
    and :func:`composition_warnings` names the coalition and both readings.

    A coalition **involves city government** exactly when its composition has
    ``city_government`` (column ``government``; :func:`involves_city_government`). Every
    command uses this one definition.

    Returns
    -------
    pandas.DataFrame
        ``id``, ``sectors`` (tuple of composition sectors), ``label`` (the study's label, or a
        readable one for combinations the study lacks, "unknown" when nothing is known),
        ``source`` ("members", "declared (no member sectors)" or "none"), ``government``,
        ``declared_sectors``, ``declared_label``, ``agrees`` (None when one side is unknown).
        Definitions attached: ``composition``, ``declared_composition``, ``government``.
    """
    members = _member_sectors(data)
    rows = []
    for cid, declared in zip(data.coalitions["id"], data.coalitions["sectors"], strict=True):
        declared = taxonomy.composition_of(_as_list(declared))
        found = taxonomy.composition_of(members.get(str(cid), []))
        if found:
            source, comp = "members", found
        elif declared:
            source, comp = NO_MEMBER_SECTORS, declared
        else:
            source, comp = "none", ()
        agrees = (found == declared) if found and declared else None
        rows.append({"id": cid, "sectors": comp, "label": taxonomy.composition_label(comp),
                     "source": source, "government": "city_government" in comp,
                     "declared_sectors": declared,
                     "declared_label": taxonomy.composition_label(declared),
                     "agrees": agrees})
    df = pd.DataFrame(rows, columns=["id", "sectors", "label", "source", "government",
                                     "declared_sectors", "declared_label", "agrees"])
    df["agrees"] = df["agrees"].astype(object)
    names = dict(zip(data.coalitions["id"], data.coalitions["name"], strict=True))
    df.attrs["warnings"] = [
        _disagreement(cid, names.get(cid), comp, dec)
        for cid, comp, dec, ok in zip(df["id"], df["sectors"], df["declared_sectors"],
                                      df["agrees"], strict=True) if ok is False]
    return attach(df, {"sectors": "composition", "label": "composition",
                       "declared_sectors": "declared_composition",
                       "declared_label": "declared_composition", "government": "government"})


def composition_warnings(data: GraphData) -> list[str]:
    """One sentence per coalition whose members' composition differs from the declared one."""
    return list(composition(data).attrs["warnings"])


def involves_city_government(data: GraphData) -> dict[str, bool]:
    """Coalition id → city government takes part: the ``government`` column of
    :func:`composition` (a city-government member; the declared sectors only for a
    coalition whose members have no sector). The one definition every command uses."""
    comp = composition(data)
    return dict(zip(comp["id"], comp["government"].astype(bool), strict=True))


def _disagreement(cid: str, name: object, members: tuple, declared: tuple) -> str:
    return (f"coalition {name!s} ({cid}): its members make it "
            f"{_readable_composition(members)}, the inventory declares "
            f"{_readable_composition(declared)}; the members' reading is used")


def cluster_table(data: GraphData, by: str = "theme") -> pd.DataFrame:
    """The study's clustering of coalitions by theme, role or actors, as a count table.

    - ``by="theme"``: one row per sub-theme, grouped under its theme cluster (``group``);
      a coalition with two sub-themes counts under both (the study's 52 for 51 coalitions).
      Themes the taxonomy does not know are counted under ``group`` "(not in the study's
      taxonomy)".
    - ``by="role"``: one row per role (the coalition's primary role), ``group`` expressive
      or service; ``cluster`` is the study's wording, ``code`` the role code.
    - ``by="actors"``: one row per actor composition (see :func:`composition`), ``group``
      "with city government" or "without city government".

    Every row of the study's table is listed, also with a count of 0, in the study's order,
    followed by categories the study does not have.

    Parameters
    ----------
    data : GraphData
    by : {"theme", "role", "actors"}

    Returns
    -------
    pandas.DataFrame
        ``group``, ``cluster``, ``count`` (coalitions), ``study_count`` (the published count of the study,
        NA for categories not in the study), ``examples`` (up to three coalition names,
        "; "-separated, in data order); for roles also ``code``.

    Raises
    ------
    UsageError
        Unknown ``by``.
    """
    if by not in CLUSTER_BY:
        raise UsageError(f"Cannot cluster coalitions by {by!r}.",
                         hint="Use one of: " + ", ".join(CLUSTER_BY) + " (or `data`).")
    co = data.coalitions
    names = dict(zip(co["id"], co["name"], strict=True))
    if by == "theme":
        return _theme_table(co, names)
    if by == "role":
        return _role_table(co, names)
    return _actors_table(data, names)


def coalition_features(data: GraphData) -> pd.DataFrame:
    """Binary features of each coalition: its theme clusters, its role, its sectors.

    Columns ``theme:<cluster>`` (one per theme cluster of the study, 1 when the coalition addresses
    it; ``theme:other`` for themes outside the taxonomy), ``role:<code>`` (one-hot primary
    role) and ``sector:<sector>`` (one per composition sector, from :func:`composition`).
    Index: coalition ids, in data order.
    """
    co = data.coalitions
    clusters = list(dict.fromkeys(t.cluster for t in THEMES))
    cols = ([f"theme:{c}" for c in clusters] + ["theme:other"]
            + [f"role:{r.code}" for r in ROLES]
            + [f"sector:{s}" for s in COMPOSITION_SECTORS])
    x = pd.DataFrame(0, index=pd.Index(co["id"], name="id"), columns=cols, dtype=np.int8)
    comp = composition(data).set_index("id")
    for cid, themes, tclusters, role in zip(co["id"], co["themes"], co["theme_clusters"],
                                            co["role"], strict=True):
        for i, _theme in enumerate(_as_list(themes)):
            c = (_as_list(tclusters) + [None] * (i + 1))[i]
            x.at[cid, f"theme:{c}" if c in clusters else "theme:other"] = 1
        if role in _ROLE_KIND:
            x.at[cid, f"role:{role}"] = 1
        for s in comp.at[cid, "sectors"]:
            x.at[cid, f"sector:{s}"] = 1
    # a column no coalition has carries no information
    return x.loc[:, x.any(axis=0)]


def data_clusters(data: GraphData, k: int | None = None,
                  seed: int = 0) -> tuple[pd.DataFrame, dict[str, Any]]:
    """A data-driven clustering of coalitions on theme, role and sector composition.

    Each coalition is a binary vector (:func:`coalition_features`). Distances are Jaccard
    distances between those vectors (1 − shared features / features of either), which
    ignore features two coalitions both lack; the tree is built by average linkage
    (UPGMA) and cut into ``k`` clusters. With ``k=None`` every k from 2 to 8 (at most
    ``n − 1``) is tried and the one with the highest mean silhouette is kept (ties: the
    smaller k).

    The silhouette of coalition i is ``(b − a) / max(a, b)`` with ``a`` its mean distance to
    the rest of its cluster and ``b`` the smallest mean distance to another cluster; 0 for
    a coalition alone in its cluster (Rousseeuw 1987). It lies in [−1, 1]; above about 0.5
    the clusters are well separated, below 0.25 there is little structure.

    Parameters
    ----------
    data : GraphData
    k : int, optional
        Number of clusters; chosen by silhouette when None.
    seed : int
        Recorded in ``info``. Average linkage is deterministic, so the seed does not change
        the result; it is there so that every clustering command takes one.

    Returns
    -------
    assignments : pandas.DataFrame
        ``id``, ``name``, ``city``, ``cluster`` (1..k, numbered by size, largest first),
        ``silhouette`` (per coalition), ``features`` (the coalition's features, "; ").
    info : dict
        ``method``, ``distance``, ``linkage``, ``features`` (names), ``k``, ``k_chosen_by``,
        ``silhouette`` (mean), ``silhouette_by_k`` (when k was chosen), ``seed``,
        ``clusters`` (per cluster: size and the features most of its coalitions share).

    Raises
    ------
    UsageError
        Fewer than three coalitions, or a ``k`` outside 2..n−1.

    References
    ----------
    Rousseeuw, P. J. (1987). Silhouettes: A graphical aid to the interpretation and
    validation of cluster analysis. *Journal of Computational and Applied Mathematics*, 20,
    53–65. https://doi.org/10.1016/0377-0427(87)90125-7

    Sokal, R. R., & Michener, C. D. (1958). A statistical method for evaluating systematic
    relationships. *University of Kansas Science Bulletin*, 38, 1409–1438.
    """
    x = coalition_features(data)
    n = len(x)
    if n < 3:
        raise UsageError(f"A data-driven clustering needs at least 3 coalitions; the scope "
                         f"holds {n}.", hint="Widen the scope (drop --city/--theme).")
    if k is not None and not 2 <= k <= n - 1:
        raise UsageError(f"Cannot make {k} clusters of {n} coalitions.",
                         hint=f"Choose k between 2 and {n - 1}.")
    dist = pdist(x.to_numpy(dtype=bool), metric="jaccard")
    dist = np.nan_to_num(dist, nan=0.0)  # two coalitions without any feature are alike
    tree = linkage(dist, method="average")
    square = squareform(dist)
    scores: dict[int, float] = {}
    if k is None:
        for kk in range(2, min(8, n - 1) + 1):
            labels = fcluster(tree, t=kk, criterion="maxclust")
            if len(set(labels)) < 2:
                continue
            scores[kk] = float(silhouette_samples(square, labels).mean())
        if not scores:
            raise UsageError("The coalitions cannot be split: all have the same features.")
        best = max(scores.values())
        k = min(kk for kk, s in scores.items() if s == best)
        chosen_by = f"highest mean silhouette over k = 2..{max(scores)}"
    else:
        chosen_by = "given"
    labels = _by_size(fcluster(tree, t=k, criterion="maxclust"))
    sil = silhouette_samples(square, labels)
    co = data.coalitions
    feats = ["; ".join(c for c in x.columns if row[c]) for _, row in x.iterrows()]
    assignments = pd.DataFrame({"id": list(x.index), "name": list(co["name"]),
                                "city": list(co["city"]), "cluster": labels,
                                "silhouette": sil, "features": feats})
    described = {}
    for c in sorted(set(labels)):
        sub = x[labels == c]
        share = sub.mean(axis=0)
        described[int(c)] = {
            "size": len(sub),
            "features": [f"{f} ({share[f]:.0%})" for f in
                         share[share >= 0.5].sort_values(ascending=False).index],
        }
    info = {
        "method": "agglomerative hierarchical clustering (scipy.cluster.hierarchy)",
        "distance": "Jaccard distance between binary feature vectors",
        "linkage": "average (UPGMA)",
        "features": list(x.columns),
        "k": int(len(set(labels))),
        "k_chosen_by": chosen_by,
        "silhouette": float(sil.mean()),
        "seed": seed,
        "clusters": described,
    }
    if scores:
        info["silhouette_by_k"] = scores
    return assignments, info


def silhouette_samples(dist: np.ndarray, labels: Iterable[int]) -> np.ndarray:
    """Silhouette of every point from a square distance matrix (Rousseeuw 1987).

    ``s(i) = (b(i) − a(i)) / max(a(i), b(i))``; 0 for points alone in their cluster (the
    convention of scikit-learn's ``silhouette_samples``).
    """
    labels = np.asarray(list(labels))
    ids = np.unique(labels)
    n = len(labels)
    onehot = (labels[:, None] == ids[None, :]).astype(float)
    sums = dist @ onehot  # sums[i, c] = Σ distances from i to cluster c
    sizes = onehot.sum(axis=0)
    own = labels[:, None] == ids[None, :]
    own_size = sizes[np.searchsorted(ids, labels)]
    with np.errstate(divide="ignore", invalid="ignore"):
        a = np.where(own_size > 1, sums[own] / (own_size - 1), 0.0)
        means = sums / sizes[None, :]
    means[own] = np.inf
    b = means.min(axis=1) if len(ids) > 1 else np.zeros(n)
    with np.errstate(divide="ignore", invalid="ignore"):
        s = np.where(np.maximum(a, b) > 0, (b - a) / np.maximum(a, b), 0.0)
    return np.where(own_size > 1, s, 0.0)


def shortlist(data: GraphData, n: int = 5) -> pd.DataFrame:
    """Propose ``n`` case coalitions that together cover the variation of the three clusterings.

    The study chose its five cases from a shortlist "on the basis of variation on the three
    variables of the cluster analysis". Here the variation is the set of categories present
    in the data: theme clusters, role kinds (expressive, service) and actor compositions
    (:func:`composition`). Coalitions are picked greedily: each pick covers the most
    categories not covered yet (maximum coverage, Nemhauser, Wolsey & Fisher 1978); once all
    are covered the coverage starts over, so later picks add variation again.

    Ties are broken, in order, by: a coalition with actor data (members), with a declared
    pivot (membership role pivot or coordinator), in a city not picked yet, more members,
    then its id — the result is deterministic.

    Parameters
    ----------
    data : GraphData
    n : int
        Number of cases (at most the number of coalitions).

    Returns
    -------
    pandas.DataFrame
        ``rank``, ``id``, ``name``, ``city``, ``theme_clusters`` ("; "), ``role``,
        ``role_kind``, ``composition`` (readable), ``n_members``, ``declared_pivot``
        (names, "; "), ``covers`` (the categories new at this pick) and ``why`` — a sentence
        a researcher can quote.

    References
    ----------
    Nemhauser, G. L., Wolsey, L. A., & Fisher, M. L. (1978). An analysis of approximations
    for maximizing submodular set functions—I. *Mathematical Programming*, 14, 265–294.
    https://doi.org/10.1007/BF01588971
    """
    co = data.coalitions
    if n < 1:
        raise UsageError("The shortlist needs at least one case.", hint="Pass N ≥ 1.")
    n = min(n, len(co))
    comp = composition(data).set_index("id")
    members = data.memberships.drop_duplicates(["actor", "coalition"])
    n_members = members.groupby("coalition")["actor"].nunique()
    names = dict(zip(data.actors["id"], data.actors["name"], strict=True))
    pivots = (data.memberships[data.memberships["role"].isin(PIVOT_ROLES)]
              .groupby("coalition")["actor"]
              .agg(lambda s: "; ".join(dict.fromkeys(str(names.get(a, a)) for a in s))))

    candidates = []
    for row in co.itertuples(index=False):
        clusters = [c for c in dict.fromkeys(_as_list(row.theme_clusters)) if c]
        kind = _ROLE_KIND.get(row.role)
        comp_label = _readable_composition(comp.at[row.id, "sectors"])
        cats = {("theme", c) for c in clusters}
        if kind:
            cats.add(("role", kind))
        if comp.at[row.id, "sectors"]:
            cats.add(("actors", comp_label))
        candidates.append({
            "id": row.id, "name": row.name, "city": row.city, "clusters": clusters,
            "role": row.role, "kind": kind, "composition": comp_label, "cats": cats,
            "n_members": int(n_members.get(row.id, 0)), "pivot": pivots.get(row.id, ""),
        })

    universe = set().union(*(c["cats"] for c in candidates)) if candidates else set()
    covered: set = set()
    cities: set = set()
    picked: list[dict] = []
    left = list(candidates)
    round_ = 1
    for rank in range(1, n + 1):
        if universe and covered >= universe:
            covered = set()
            round_ += 1
        best = min(left, key=partial(_pick_key, covered=covered, cities=cities))
        left.remove(best)
        new = best["cats"] - covered
        covered |= best["cats"]
        cities.add(best["city"])
        picked.append({**best, "rank": rank, "new": new, "round": round_})

    rows = []
    for p in picked:
        rows.append({
            "rank": p["rank"], "id": p["id"], "name": p["name"], "city": p["city"],
            "theme_clusters": "; ".join(p["clusters"]), "role": p["role"],
            "role_kind": p["kind"], "composition": p["composition"],
            "n_members": p["n_members"], "declared_pivot": p["pivot"] or None,
            "covers": "; ".join(_cat_words(c) for c in _ordered(p["new"])),
            "why": _why(p),
        })
    columns = ["rank", "id", "name", "city", "theme_clusters", "role", "role_kind",
               "composition", "n_members", "declared_pivot", "covers", "why"]
    return pd.DataFrame(rows, columns=columns)


# helpers


def _pick_key(c: dict, covered: set, cities: set) -> tuple:
    return (-len(c["cats"] - covered), -(c["n_members"] > 0), -bool(c["pivot"]),
            c["city"] in cities, -c["n_members"], str(c["id"]))


def _as_list(value: object) -> list:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return []
    if isinstance(value, list | tuple | np.ndarray):
        return list(value)
    return [value]


def _member_sectors(data: GraphData) -> dict[str, list[str]]:
    """Coalition id → its members' sectors, city government for officials and politicians."""
    sector = dict(zip(data.actors["id"].astype(str), data.actors["sector"], strict=True))
    government = city_government_members(data)
    out: dict[str, list[str]] = {}
    for actor, cid in zip(data.memberships["actor"].astype(str),
                          data.memberships["coalition"].astype(str), strict=True):
        s = sector.get(actor)
        if isinstance(s, str):
            out.setdefault(cid, []).append(s)
        if actor in government:
            out.setdefault(cid, []).append("city_government")
    return out


def _examples(ids: list[str], names: dict[str, str]) -> str:
    return "; ".join(str(names[i]) for i in ids[:N_EXAMPLES])


def _theme_table(co: pd.DataFrame, names: dict) -> pd.DataFrame:
    hits: dict[tuple[str, str], list[str]] = {}
    for cid, themes, clusters in zip(co["id"], co["themes"], co["theme_clusters"],
                                     strict=True):
        themes, clusters = _as_list(themes), _as_list(clusters)
        for t, c in dict.fromkeys(zip(themes, clusters + [None] * len(themes), strict=False)):
            hits.setdefault((c or UNMATCHED, t), []).append(cid)
    rows = []
    for t in THEMES:
        ids = hits.pop((t.cluster, t.name), [])
        rows.append((t.cluster, t.name, len(ids), t.study_count, _examples(ids, names)))
    for (group, theme), ids in sorted(hits.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        rows.append((group, theme, len(ids), pd.NA, _examples(ids, names)))
    df = pd.DataFrame(rows, columns=["group", "cluster", "count", "study_count", "examples"])
    df["study_count"] = df["study_count"].astype("Int64")
    return df


def _role_table(co: pd.DataFrame, names: dict) -> pd.DataFrame:
    hits: dict[str, list[str]] = {}
    for cid, role in zip(co["id"], co["role"], strict=True):
        hits.setdefault(role if role in _ROLE_KIND else NO_ROLE, []).append(cid)
    rows = []
    for r in ROLES:
        ids = hits.pop(r.code, [])
        rows.append((r.kind, r.label, r.code, len(ids), r.study_count, _examples(ids, names)))
    for code, ids in hits.items():
        rows.append((None, code, None, len(ids), pd.NA, _examples(ids, names)))
    df = pd.DataFrame(rows, columns=["group", "cluster", "code", "count", "study_count",
                                     "examples"])
    df["study_count"] = df["study_count"].astype("Int64")
    return df


def _actors_table(data: GraphData, names: dict) -> pd.DataFrame:
    comp = composition(data)
    hits: dict[tuple[str, ...], list[str]] = {}
    for cid, sectors in zip(comp["id"], comp["sectors"], strict=True):
        hits.setdefault(tuple(sectors), []).append(cid)
    rows = []
    for key, label, study_count in COMPOSITIONS:
        ids = hits.pop(key, [])
        rows.append((_gov_group(key), label, len(ids), study_count, _examples(ids, names)))
    for key, ids in sorted(hits.items()):
        label = taxonomy.composition_label(list(key))
        rows.append((_gov_group(key), label, len(ids), pd.NA, _examples(ids, names)))
    df = pd.DataFrame(rows, columns=["group", "cluster", "count", "study_count", "examples"])
    df["study_count"] = df["study_count"].astype("Int64")
    df.attrs["warnings"] = list(comp.attrs["warnings"])
    fallback = int((comp["source"] != "members").sum())
    return attach(df, {"cluster": "composition", "group": "government"},
                  composition_from_declared=f"{fallback} of {len(comp)} coalitions "
                  "(no member sectors)" if fallback else None)


def _gov_group(key: tuple[str, ...]) -> str:
    return WITH_GOVERNMENT if "city_government" in key else WITHOUT_GOVERNMENT


def _by_size(labels: np.ndarray) -> np.ndarray:
    """Renumber clusters 1..k by size (largest first; ties by first appearance)."""
    labels = np.asarray(labels)
    first = {lab: i for i, lab in reversed(list(enumerate(labels)))}
    order = sorted(set(labels), key=lambda lab: (-(labels == lab).sum(), first[lab]))
    new = {lab: i + 1 for i, lab in enumerate(order)}
    return np.array([new[lab] for lab in labels])


def _readable_composition(sectors: Iterable[str]) -> str:
    sectors = [s for s in COMPOSITION_SECTORS if s in set(sectors)]
    if not sectors:
        return "unknown"
    if sectors == ["nonprofit"]:
        return "nonprofit only"
    return " + ".join(_SECTOR_WORDS[s] for s in sectors)


def _ordered(cats: set) -> list:
    order = {"theme": 0, "role": 1, "actors": 2}
    return sorted(cats, key=lambda c: (order[c[0]], c[1]))


def _cat_words(cat: tuple[str, str]) -> str:
    dim, value = cat
    if dim == "role":
        return f"an {value} role" if value == "expressive" else f"a {value} role"
    return value


def _why(p: dict) -> str:
    new = _ordered(p["new"])
    if new:
        words = [_cat_words(c) for c in new]
        text = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
        sentence = (f"covers {text}, not yet covered" if p["round"] == 1 else
                    f"every category is covered by the cases above; round {p['round']} "
                    f"starts over and this case covers {text}")
    else:
        sentence = "adds no category not yet covered"
    extras = []
    if p["pivot"]:
        extras.append(f"declared pivot: {p['pivot']}")
    if p["n_members"]:
        extras.append(f"{p['n_members']} members with actor data")
    else:
        extras.append("no actor data")
    return f"{sentence} ({'; '.join(extras)})."
