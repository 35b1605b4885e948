"""One definition per measure: the single place that says what each number means.

Every measure the package reports has exactly one :class:`Definition` here: the network it is
computed on, its normalisation, its reference, how it behaves on large networks, and a plain
sentence in English and Dutch. Analysis functions attach the definitions they used to the
frames they return (:func:`attach`, stored in ``DataFrame.attrs["definitions"]`` as a mapping
column → key, plus free facts such as the estimator used); every output — terminal table
footer, CSV header comments, JSON metadata, report glossary, ``coalitions explain`` — reads
them back with :func:`used` and :func:`provenance`. A column whose definition is not
registered cannot be attached (a ``KeyError`` at development time, not a silent number).

Networks are named once too (:data:`NETWORKS`), so "the same question" has one meaning.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

__all__ = ["DEFINITIONS", "NETWORKS", "Definition", "attach", "explain", "provenance", "used"]


# The networks measures run on. Keys are what Definition.network refers to.
NETWORKS: dict[str, dict[str, str]] = {
    "actors": {
        "en": "one-mode actor network: two actors are linked when they share a coalition "
              "(co-membership, the product A·Aᵀ of the actor × coalition matrix) or have an "
              "explicit tie; undirected; weight = shared coalitions + tie weights; every "
              "actor in scope is a vertex, isolates included",
        "nl": "één-modaal actorennetwerk: twee actoren zijn verbonden als ze samen in een "
              "coalitie zitten (co-lidmaatschap, A·Aᵀ) of een expliciete band hebben; "
              "ongericht; gewicht = gedeelde coalities + gewicht van de banden; elke actor "
              "in de selectie is een knoop, ook geïsoleerde",
    },
    "two_mode": {
        "en": "two-mode network: actors and coalitions, an actor linked to each coalition "
              "it is a member of; undirected, unweighted",
        "nl": "twee-modaal netwerk: actoren en coalities, een actor verbonden met elke "
              "coalitie waarvan hij lid is; ongericht, ongewogen",
    },
    "coalitions": {
        "en": "one-mode coalition network: two coalitions are linked when they share a "
              "member (Aᵀ·A); weight = shared members",
        "nl": "één-modaal coalitienetwerk: twee coalities zijn verbonden als ze een lid "
              "delen (Aᵀ·A); gewicht = gedeelde leden",
    },
    "members": {
        "en": "the members of one coalition, linked by co-membership (all pairs) and their "
              "explicit ties among themselves",
        "nl": "de leden van één coalitie, verbonden door co-lidmaatschap en hun "
              "onderlinge expliciete banden",
    },
    "inventory": {
        "en": "the coalitions' recorded attributes and their members' kinds and sectors "
              "(no network)",
        "nl": "de geregistreerde kenmerken van de coalities en de soort en sector van hun "
              "leden (geen netwerk)",
    },
}


@dataclass(frozen=True)
class Definition:
    """What one measure means.

    ``network`` is a key of :data:`NETWORKS`; ``large`` says what happens on networks too
    large to compute exactly (``""`` when the measure is always exact).
    """

    key: str
    name: str
    network: str
    en: str
    nl: str
    normalisation: str
    reference: str
    large: str = ""
    name_nl: str = ""

    def as_dict(self, lang: str = "en") -> dict[str, str]:
        return {
            "measure": self.key,
            "name": (self.name_nl or self.name) if lang == "nl" else self.name,
            "definition": self.nl if lang == "nl" else self.en,
            "network": NETWORKS[self.network]["nl" if lang == "nl" else "en"],
            "normalisation": self.normalisation,
            "large_networks": self.large,
            "reference": self.reference,
        }


_BRANDES = "Brandes, U. (2001). J. Math. Sociol. 25(2), 163-177. doi:10.1080/0022250X.2001.9990249"
_FREEMAN = "Freeman, L. C. (1978). Social Networks 1(3), 215-239. doi:10.1016/0378-8733(78)90021-7"

DEFINITIONS: dict[str, Definition] = {d.key: d for d in [
    Definition(
        "degree", "Degree", "actors",
        en="share of the other actors this actor is linked to",
        nl="aandeel van de andere actoren waarmee deze actor verbonden is",
        name_nl="Graad",
        normalisation="number of neighbours ÷ (n − 1)",
        reference=_FREEMAN),
    Definition(
        "strength", "Strength", "actors",
        en="sum of the weights of the actor's links: shared coalitions plus tie weights",
        nl="som van de gewichten van de banden: gedeelde coalities plus gewicht van de banden",
        name_nl="Sterkte",
        normalisation="none (raw weighted degree)",
        reference="Barrat, A. et al. (2004). PNAS 101(11), 3747-3752. doi:10.1073/pnas.0400087101"),
    Definition(
        "betweenness", "Betweenness", "actors",
        en="share of shortest paths between other pairs of actors that pass through this "
           "actor (unweighted)",
        nl="aandeel van de kortste paden tussen andere paren actoren dat via deze actor loopt "
           "(ongewogen)",
        name_nl="Tussenpositie (betweenness)",
        normalisation="÷ (n − 1)(n − 2)/2, the number of pairs of other actors",
        reference=_FREEMAN + "; " + _BRANDES,
        large="exact (Brandes) when predicted, by timing 16 sources on the network itself "
              "(or from actors × edges when far from the limit), to take under 60 s "
              "(exact_seconds); above, an unbiased estimate of the same "
              "quantity (the simple one-mode network) from uniformly sampled source actors "
              "(Brandes & Pich 2007, linearly scaled dependencies of Geisberger et al. "
              "2008), adaptive: sources are added until the top 20's half-widths are within "
              "10 % of their estimates or 60 s pass; every actor gets a 95 % empirical "
              "Bernstein interval (betweenness_low/high). The intervals are pointwise and "
              "their range term is estimated, so 95 % is not a theorem: on a 5,000-actor test "
              "network 98-99 % of exact values lay inside. Outputs state the sources, seed, "
              "achieved error and why sampling stopped"),
    Definition(
        "closeness", "Closeness", "actors",
        en="how near the actor is to all others: classic closeness (n − 1) ÷ sum of "
           "distances when the network is connected, harmonic closeness when it is not",
        nl="hoe dicht de actor bij alle anderen staat: klassieke closeness als het netwerk "
           "samenhangend is, harmonische closeness als het dat niet is",
        name_nl="Nabijheid (closeness)",
        normalisation="classic: (n − 1) ÷ Σ d(v, u); harmonic: Σ 1/d(v, u) ÷ (n − 1)",
        reference="Bavelas, A. (1950). J. Acoust. Soc. Am. 22, 725-730; Marchiori, M. & "
                  "Latora, V. (2000). Physica A 285, 539-546 (harmonic)",
        large="exact under the rule for betweenness; above, the same quantity (classic or "
              "harmonic as the network is connected or not) estimated from the distances to "
              "the betweenness estimate's sampled sources: harmonic as the mean of 1/d, "
              "classic as 1 / mean d (consistent, bias of order 1/sources), with a 95 % "
              "empirical Bernstein interval per actor (closeness_low/high)"),
    Definition(
        "eigenvector", "Eigenvector centrality", "actors",
        en="the actor's share of the leading eigenvector: central when linked to central "
           "actors (unweighted)",
        nl="aandeel in de eerste eigenvector: centraal als verbonden met centrale actoren "
           "(ongewogen)",
        name_nl="Eigenvectorcentraliteit",
        normalisation="unit Euclidean norm over the whole network",
        reference="Bonacich, P. (1987). Am. J. Sociol. 92(5), 1170-1182. doi:10.1086/228631"),
    Definition(
        "pagerank", "PageRank", "actors",
        en="stationary probability of a random walk along weighted links that restarts at "
           "a random actor with probability 0.15",
        nl="kans dat een toevallige wandeling langs gewogen banden bij de actor is "
           "(herstart met kans 0,15)",
        normalisation="sums to 1 over the network; α = 0.85",
        reference="Brin, S. & Page, L. (1998). Comput. Netw. ISDN Syst. 30, 107-117"),
    Definition(
        "coreness", "Coreness", "actors",
        en="the largest k such that the actor belongs to a subnetwork in which every actor "
           "has at least k links (k-core)",
        nl="de grootste k waarvoor de actor in een deelnetwerk zit waarin elke actor minstens "
           "k banden heeft (k-kern)",
        name_nl="Kerngetal (coreness)",
        normalisation="none (an integer)",
        reference="Seidman, S. B. (1983). Social Networks 5(3), 269-287. "
                  "doi:10.1016/0378-8733(83)90028-X"),
    Definition(
        "coalitions", "Coalitions", "two_mode",
        en="number of coalitions the actor is a member of",
        nl="aantal coalities waarvan de actor lid is",
        name_nl="Coalities",
        normalisation="none (a count)",
        reference="Borgatti, S. P. & Everett, M. G. (1997). Social Networks 19(3), 243-269"),
]}


def attach(frame: pd.DataFrame, columns: Mapping[str, str] | Iterable[str],
           **facts: Any) -> pd.DataFrame:
    """Record on ``frame`` which definition each measure column follows.

    ``columns`` maps column name → definition key (or is a list of columns named like their
    key). ``facts`` are free notes shown with the definitions (e.g. ``betweenness="exact"``
    or the estimator's sample size and error). Returns ``frame`` (changed in place).
    """
    mapping = dict(columns) if isinstance(columns, Mapping) else {c: c for c in columns}
    for key in mapping.values():
        if key not in DEFINITIONS:
            raise KeyError(f"no definition registered for measure {key!r}")
    defs = dict(frame.attrs.get("definitions", {}))
    defs.update(mapping)
    frame.attrs["definitions"] = defs
    if facts:
        notes = dict(frame.attrs.get("facts", {}))
        notes.update({k: v for k, v in facts.items() if v is not None})
        frame.attrs["facts"] = notes
    return frame


def used(frame: pd.DataFrame) -> dict[str, Definition]:
    """The definitions behind the columns of ``frame`` still present, column → Definition."""
    defs = frame.attrs.get("definitions", {})
    return {col: DEFINITIONS[key] for col, key in defs.items() if col in frame.columns}


def provenance(frame: pd.DataFrame, *, lang: str = "en") -> dict[str, Any]:
    """The metadata every output of ``frame`` carries: definitions of its measure columns
    (as :meth:`Definition.as_dict`) and the facts recorded with them."""
    meta: dict[str, Any] = {}
    defs = used(frame)
    if defs:
        meta["definitions"] = {col: d.as_dict(lang) for col, d in defs.items()}
    facts = frame.attrs.get("facts")
    if facts:
        meta["facts"] = dict(facts)
    return meta


def explain(measure: str | None = None, *, lang: str = "en") -> pd.DataFrame:
    """Every definition (or one) as a table, in English or Dutch (``lang="nl"``)."""
    if measure is not None and measure not in DEFINITIONS:
        from coalitions.errors import UsageError

        raise UsageError(f"No measure called {measure!r}.",
                         hint="Known measures: " + ", ".join(sorted(DEFINITIONS)))
    keys = [measure] if measure else list(DEFINITIONS)
    return pd.DataFrame([DEFINITIONS[k].as_dict(lang) for k in keys])
