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

__all__ = ["DEFINITIONS", "NETWORKS", "Definition", "attach", "explain", "provenance", "rank",
           "used"]


# The networks measures run on. Keys are what Definition.network refers to.
NETWORKS: dict[str, dict[str, str]] = {
    "actors": {
        "en": "one-mode actor network: two actors are linked when they share a coalition "
              "(co-membership, the product A·Aᵀ of the actor × coalition matrix) or have an "
              "explicit tie; undirected; weight = shared coalitions + tie weights; every "
              "actor in scope is a vertex, isolates included (a city's scope: the members "
              "of its coalitions)",
        "nl": "één-modaal actorennetwerk: twee actoren zijn verbonden als ze samen in een "
              "coalitie zitten (co-lidmaatschap, A·Aᵀ) of een expliciete band hebben; "
              "ongericht; gewicht = gedeelde coalities + gewicht van de banden; elke actor "
              "in de selectie is een knoop, ook geïsoleerde (voor een stad: de leden van "
              "haar coalities)",
    },
    "actors_directed": {
        "en": "one-mode actor network read as arcs: the actor network (co-membership plus "
              "explicit ties, every actor in scope a vertex) where a shared coalition or a "
              "symmetric tie "
              "(works_with, knows …) links both ways, a directional tie (funds, advises …, "
              "or marked directed in the ties sheet) goes from source to target only; "
              "unweighted; --directed/--undirected read every tie one way",
        "nl": "één-modaal actorennetwerk als pijlen: co-lidmaatschap plus expliciete "
              "banden, waarbij een gedeelde coalitie of een symmetrische band verbindt in beide "
              "richtingen, een gerichte band (financiert, adviseert …) alleen van bron naar "
              "doel; ongewogen",
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
    "member_relations": {
        "en": "the members of one coalition, linked when they are related apart from this "
              "coalition: an explicit tie (either direction) or another coalition they share; "
              "undirected, simple",
        "nl": "de leden van één coalitie, verbonden als ze buiten deze coalitie verbonden "
              "zijn: een expliciete band of een andere gedeelde coalitie; ongericht",
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
        """The definition as a person (``lang``) or a script (``"en"``, the default) reads
        it: in Dutch, the normalisation and large-network texts come from the catalogue
        (:data:`coalitions.locale_nl.NL`), the formulas in them unchanged; the reference
        stays as published."""
        from coalitions.i18n import _

        return {
            "measure": self.key,
            "name": (self.name_nl or self.name) if lang == "nl" else self.name,
            "definition": self.nl if lang == "nl" else self.en,
            "network": NETWORKS[self.network]["nl" if lang == "nl" else "en"],
            "normalisation": _(self.normalisation, lang),
            "large_networks": _(self.large, lang) if self.large else "",
            "reference": self.reference,
        }


_BRANDES = "Brandes, U. (2001). J. Math. Sociol. 25(2), 163-177. doi:10.1080/0022250X.2001.9990249"
_BE97 = ("Borgatti, S. P. & Everett, M. G. (1997). Social Networks 19(3), 243-269. "
         "doi:10.1016/S0378-8733(96)00301-2")
_GF = ("Gould, R. V. & Fernandez, R. M. (1989). Sociological Methodology 19, 89-126. "
       "doi:10.2307/270949")
_SNA = "Butts, C. T. sna (R package), brokerage(). https://CRAN.R-project.org/package=sna"
_STUDY = "Universiteit Gent (2007), the study's presentation of coalitions in Flemish cities"
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
        normalisation="unit Euclidean norm over the whole network; no value (empty) "
                      "outside the connected component(s) that carry the leading "
                      "eigenvector (isolates, smaller components), where it is 0",
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
    # Two-mode: the same names as the one-mode columns, other networks and normalisations.
    Definition(
        "two_mode_degree", "Two-mode degree", "two_mode",
        en="share of the other mode this vertex is linked to (an actor in every coalition, "
           "or a coalition with every actor, scores 1)",
        nl="aandeel van de andere modus waarmee de knoop verbonden is",
        name_nl="Twee-modale graad",
        normalisation="degree ÷ size of the other mode",
        reference=_BE97),
    Definition(
        "two_mode_strength", "Affiliations", "two_mode",
        en="number of affiliations (coalitions of an actor, members of a coalition)",
        nl="aantal affiliaties (coalities van een actor, leden van een coalitie)",
        name_nl="Affiliaties",
        normalisation="none (a count)",
        reference=_BE97),
    Definition(
        "two_mode_betweenness", "Two-mode betweenness", "two_mode",
        en="share of shortest paths in the actor × coalition network through this vertex",
        nl="aandeel van de kortste paden in het actor × coalitie-netwerk via deze knoop",
        name_nl="Twee-modale tussenpositie",
        normalisation="÷ the two-mode maximum ½[m²(s+1)² + m(s+1)(2t−s−1) − t(2s−t+3)], "
                      "s, t = divmod(n−1, m)",
        reference=_BE97 + "; " + _BRANDES,
        large="estimated from sampled sources above the exact limit, with its standard error"),
    Definition(
        "two_mode_closeness", "Two-mode closeness", "two_mode",
        en="how near the vertex is to all others in the actor × coalition network; "
           "harmonic when the network is disconnected",
        nl="hoe dicht de knoop bij alle andere staat in het actor × coalitie-netwerk",
        name_nl="Twee-modale nabijheid",
        normalisation="classic: (m + 2(n−1)) ÷ Σ d; harmonic: Σ 1/d ÷ (m + (n−1)/2)",
        reference=_BE97),
    Definition(
        "two_mode_eigenvector", "Two-mode eigenvector", "two_mode",
        en="leading eigenvector of the actor × coalition adjacency, each mode on its own",
        nl="eerste eigenvector van de actor × coalitie-matrix, per modus genormeerd",
        name_nl="Twee-modale eigenvector",
        normalisation="unit Euclidean norm within each mode",
        reference="Bonacich, P. (1991). Social Networks 13(2), 155-168; " + _BE97),
    Definition(
        "two_mode_pagerank", "Two-mode PageRank", "two_mode",
        en="PageRank (α = 0.85) on the unweighted actor × coalition network",
        nl="PageRank (α = 0,85) op het ongewogen actor × coalitie-netwerk",
        normalisation="sums to 1 over actors and coalitions together",
        reference="Brin, S. & Page, L. (1998). Comput. Netw. ISDN Syst. 30, 107-117"),
    Definition(
        "two_mode_coreness", "Two-mode coreness", "two_mode",
        en="k-core number in the actor × coalition network",
        nl="k-kerngetal in het actor × coalitie-netwerk",
        normalisation="none (an integer)",
        reference="Seidman, S. B. (1983). Social Networks 5(3), 269-287"),
    Definition(
        "members", "Members", "two_mode",
        en="number of members of the coalition",
        nl="aantal leden van de coalitie",
        name_nl="Leden",
        normalisation="none (a count)",
        reference=_BE97),
    # Embeddedness of actors (ego networks in the actor network).
    Definition(
        "constraint", "Burt's constraint", "actors",
        en="how much the actor's contacts are tied to each other, weighted by the actor's "
           "investment in them: high when the actor has no structural holes",
        nl="hoe sterk de contacten van de actor onderling verbonden zijn, gewogen naar de "
           "investering van de actor in hen: hoog zonder structurele gaten",
        name_nl="Burts beperking (constraint)",
        normalisation="Σ_j (p_ij + Σ_q p_iq p_qj)², proportions p from the weights",
        reference="Burt, R. S. (1992). Structural Holes. Harvard University Press"),
    Definition(
        "effective_size", "Effective size", "actors",
        en="number of contacts less the redundancy among them (Burt)",
        nl="aantal contacten min hun onderlinge redundantie (Burt)",
        name_nl="Effectieve omvang",
        normalisation="n − Σ_j Σ_q p_iq m_jq (weighted); contacts when unweighted",
        reference="Burt, R. S. (1992). Structural Holes; Borgatti, S. P. (1997). "
                  "Connections 20(1), 35-38"),
    Definition(
        "clustering", "Clustering", "actors",
        en="share of pairs of the actor's contacts who are linked themselves (unweighted)",
        nl="aandeel van de paren contacten van de actor die zelf verbonden zijn",
        name_nl="Clustering",
        normalisation="triangles ÷ (k(k − 1)/2); 0 below two contacts",
        reference="Watts, D. J. & Strogatz, S. H. (1998). Nature 393, 440-442"),
    Definition(
        "sector_diversity", "Sector diversity (Blau)", "actors",
        en="chance that two of the actor's contacts drawn at random belong to different "
           "sectors",
        nl="kans dat twee willekeurige contacten van de actor tot verschillende sectoren "
           "behoren",
        name_nl="Sectordiversiteit (Blau)",
        normalisation="1 − Σ p_s² over the contacts' sectors",
        reference="Blau, P. M. (1977). Inequality and Heterogeneity. Free Press"),
    # Embeddedness of coalitions among each other.
    Definition(
        "overlap", "Overlap", "coalitions",
        en="number of other coalitions sharing at least one member",
        nl="aantal andere coalities met minstens één gedeeld lid",
        name_nl="Overlap",
        normalisation="none (a count)",
        reference=_BE97 + " (the coalition projection)"),
    Definition(
        "shared_members", "Members active elsewhere", "two_mode",
        en="members of the coalition who are members of at least one other coalition",
        nl="leden van de coalitie die ook lid zijn van minstens één andere coalitie",
        name_nl="Leden ook elders actief",
        normalisation="none (a count); share_active_elsewhere = shared_members ÷ members",
        reference=_BE97),
    Definition(
        "share_active_elsewhere", "Share active elsewhere", "two_mode",
        en="share of the coalition's members who are members of another coalition too",
        nl="aandeel van de leden dat ook lid is van een andere coalitie",
        name_nl="Aandeel ook elders actief",
        normalisation="shared_members ÷ members; empty for a coalition without members",
        reference=_BE97),
    # Brokerage (Gould & Fernandez), one network and one definition in every command.
    *[Definition(
        f"brokerage_{role}", f"Brokerage: {role}", "actors_directed",
        en=f"open two-paths a → b → c (no arc a → c) the actor b brokers as {role} ({pattern}, "
           "the middle letter the actor's group)",
        nl=f"open tweepaden a → b → c (geen pijl a → c) die de actor b als {role_nl} "
           f"overbrugt ({pattern})",
        name_nl=f"Makelaarsrol: {role_nl}",
        normalisation="none (a count); z-score in z_" + role,
        reference=_GF + "; " + _SNA)
      for role, role_nl, pattern in (
          ("coordinator", "coördinator", "A → A → A"),
          ("itinerant", "rondreizende makelaar", "A → B → A"),
          ("representative", "vertegenwoordiger", "A → A → B"),
          ("gatekeeper", "poortwachter", "A → B → B"),
          ("liaison", "verbindingspersoon", "A → B → C"))],
    Definition(
        "brokerage", "Brokerage (Gould–Fernandez total)", "actors_directed",
        en="number of open two-paths a → b → c (a ≠ c, no arc a → c) through the actor, all "
           "five roles together; a link both ways counts in both directions",
        nl="aantal open tweepaden a → b → c (a ≠ c, geen pijl a → c) via de actor, de vijf "
           "rollen samen",
        name_nl="Makelaarschap (totaal)",
        normalisation="none (a count); see brokerage_normalised and z_total",
        reference=_GF + "; " + _SNA),
    Definition(
        "brokerage_possible", "Possible brokered pairs", "actors_directed",
        en="number of two-paths a → b → c through the actor with a ≠ c, open or closed: "
           "d_in · d_out − (neighbours linked both ways)",
        nl="aantal tweepaden a → b → c via de actor met a ≠ c, open of gesloten",
        name_nl="Mogelijke overbrugde paren",
        normalisation="none (a count)",
        reference=_GF),
    Definition(
        "brokerage_normalised", "Brokerage (normalised)", "actors_directed",
        en="share of the two-paths through the actor that it brokers (that are open): "
           "brokerage ÷ possible brokered pairs; comparable across networks of any size",
        nl="aandeel van de tweepaden via de actor dat open is (dat de actor overbrugt): "
           "makelaarschap ÷ mogelijke paren; vergelijkbaar tussen netwerken van elke omvang",
        name_nl="Makelaarschap (genormaliseerd)",
        normalisation="total ÷ (d_in · d_out − r), r = neighbours linked both ways; 0 when "
                      "there is no two-path; on an undirected network 1 − local clustering",
        reference=_GF),
    Definition(
        "brokerage_z", "Brokerage z-score", "actors_directed",
        en="(count − expected) ÷ standard deviation under a random graph with the observed "
           "density and group sizes, as R's sna brokerage() reports it",
        nl="(aantal − verwacht) ÷ standaardafwijking in een toevalsgraaf met dezelfde "
           "dichtheid en groepsgroottes, zoals R sna brokerage() het geeft",
        name_nl="Makelaarschap z-score",
        normalisation="z; empty where the expected standard deviation is 0",
        reference=_SNA),
    # Communities.
    Definition(
        "community", "Community (Leiden)", "actors",
        en="the group the actor falls in when the weighted actor network is split so as to "
           "maximise modularity (Leiden algorithm, seeded); 0 is the largest",
        nl="de groep waarin de actor valt als het gewogen actorennetwerk zo wordt verdeeld "
           "dat de modulariteit maximaal is (Leiden-algoritme, met vaste seed)",
        name_nl="Gemeenschap (Leiden)",
        normalisation="labels ordered by size",
        reference="Traag, V. A., Waltman, L. & van Eck, N. J. (2019). Sci. Rep. 9, 5233. "
                  "doi:10.1038/s41598-019-41695-z"),
    Definition(
        "modularity", "Modularity", "actors",
        en="how much more weight falls inside communities than expected at random (per "
           "community: its contribution; the contributions sum to the partition's Q)",
        nl="hoeveel meer gewicht binnen gemeenschappen valt dan bij toeval verwacht",
        name_nl="Modulariteit",
        normalisation="Q = (1/2m) Σ_ij (A_ij − γ k_i k_j / 2m) δ(c_i, c_j), γ = resolution",
        reference="Traag, V. A., Waltman, L. & van Eck, N. J. (2019). Sci. Rep. 9, 5233. "
                  "doi:10.1038/s41598-019-41695-z; Newman, M. E. J. (2006). PNAS 103, 8577"),
    Definition(
        "composition", "Actor composition", "inventory",
        en="the study's sectors that take part, read from the members: city government, "
           "other government, nonprofit (also citizens and knowledge institutions, as "
           "civil society), private; an official or politician counts as city government; "
           "a coalition without member sectors falls back to its declared composition",
        nl="de deelnemende sectoren volgens de leden: stedelijke overheid, andere overheid, "
           "nonprofit (ook burgers en kennisinstellingen, als middenveld), privé; een "
           "ambtenaar of politicus telt als stedelijke overheid; zonder sectoren van leden "
           "geldt de opgegeven samenstelling",
        name_nl="Actorsamenstelling",
        normalisation="none (a set of sectors; the study's six categories and others)",
        reference="Universiteit Gent (2007), the study's cluster analysis of coalitions, "
                  "actors table (six compositions)"),
    Definition(
        "data_cluster", "Data-driven cluster", "inventory",
        en="group of coalitions alike in themes, role and member sectors: binary feature "
           "vectors, Jaccard distance, average-linkage (UPGMA) tree cut into k clusters; "
           "k chosen by the highest mean silhouette within stated bounds unless given",
        nl="groep coalities die op elkaar lijken in thema's, rol en sectoren van de leden: "
           "binaire kenmerken, Jaccard-afstand, boom met gemiddelde koppeling (UPGMA) "
           "gesneden in k clusters; k gekozen op de hoogste gemiddelde silhouet binnen "
           "vermelde grenzen, tenzij opgegeven",
        name_nl="Datagedreven cluster",
        normalisation="none (cluster number 1..k, largest cluster first)",
        reference="Sokal, R. R. & Michener, C. D. (1958). Univ. Kansas Sci. Bull. 38, "
                  "1409-1438; Rousseeuw, P. J. (1987). J. Comput. Appl. Math. 20, 53-65. "
                  "doi:10.1016/0377-0427(87)90125-7"),
    Definition(
        "silhouette", "Silhouette", "inventory",
        en="how much closer a coalition is to its own cluster than to the nearest other: "
           "(b − a) / max(a, b), a = mean Jaccard distance to its own cluster, b = smallest "
           "mean distance to another cluster; 0 when alone in its cluster",
        nl="hoeveel dichter een coalitie bij haar eigen cluster ligt dan bij de "
           "dichtstbijzijnde andere: (b − a) / max(a, b); 0 als ze alleen in haar cluster "
           "zit",
        name_nl="Silhouet",
        normalisation="none; lies in [−1, 1] (above 0.5 well separated, below 0.25 little "
                      "structure)",
        reference="Rousseeuw, P. J. (1987). J. Comput. Appl. Math. 20, 53-65. "
                  "doi:10.1016/0377-0427(87)90125-7"),
    Definition(
        "declared_composition", "Declared composition", "inventory",
        en="the sectors the inventory says take part: the coded sectors column, or the "
           "sectors read from the free-text Actoren cell, mapped as the composition",
        nl="de sectoren die de inventaris opgeeft: de gecodeerde kolom sectors, of wat uit "
           "de vrije tekst Actoren gelezen is",
        name_nl="Opgegeven samenstelling",
        normalisation="none (a set of sectors)",
        reference="the inventory template (Stad, Naam, …, Actoren)"),
    Definition(
        "government", "Involves city government", "inventory",
        en="city government takes part: the coalition's composition includes city "
           "government (a member of sector city_government, or an official or politician)",
        nl="de stedelijke overheid neemt deel: de samenstelling bevat stedelijke overheid "
           "(een lid uit die sector, of een ambtenaar of politicus)",
        name_nl="Met stedelijke overheid",
        normalisation="yes/no per coalition; shares are over the coalitions in scope",
        reference="Universiteit Gent (2007), actors table (with / without city government)"),
    Definition(
        "structural_pivot", "Structural pivot", "actors",
        en="the member(s) of the coalition with the highest betweenness in the actor "
           "network of the coalition's city; every member tied at the top is named; none "
           "when the top betweenness is 0. A declared pivot is a mismatch only when it "
           "ranks strictly lower",
        nl="het lid (de leden) met de hoogste tussenpositie in het actorennetwerk van de "
           "stad; gelijke scores worden allemaal genoemd; geen als de hoogste score 0 is",
        name_nl="Structurele spilfiguur",
        normalisation="betweenness as defined for 'betweenness', on the city's scope",
        reference=_FREEMAN),
    Definition(
        "city_density", "Density of the city's actor network", "actors",
        en="links ÷ possible links among the members of the city's coalitions (co-membership "
           "or an explicit tie); undefined (empty) for a city with one coalition, where "
           "co-membership links everyone",
        nl="banden ÷ mogelijke banden tussen de leden van de coalities van de stad; niet "
           "bepaald voor een stad met één coalitie",
        name_nl="Dichtheid van het actorennetwerk van de stad",
        normalisation="edges ÷ n(n − 1)/2, n = actors stated beside it",
        reference="Wasserman, S. & Faust, K. (1994). Social Network Analysis, §4.2"),
    Definition(
        "city_centralisation", "Degree centralisation of the city's actor network",
        "actors",
        en="Freeman degree centralisation of the city's actor network: 1 for a star, 0 "
           "when all degrees are equal; undefined for a city with one coalition",
        nl="Freemans graadcentralisatie van het actorennetwerk van de stad; niet bepaald "
           "voor een stad met één coalitie",
        name_nl="Graadcentralisatie van de stad",
        normalisation="Σ (d_max − d_i) ÷ ((n − 1)(n − 2)); needs n ≥ 3",
        reference=_FREEMAN),
    Definition(
        "member_density", "Density of a coalition's member network", "member_relations",
        en="links ÷ possible links among a coalition's members, two members being linked "
           "when they are related apart from this coalition (an explicit tie or another "
           "shared coalition)",
        nl="banden ÷ mogelijke banden tussen de leden, verbonden als ze buiten deze "
           "coalitie verbonden zijn (expliciete band of een andere gedeelde coalitie)",
        name_nl="Dichtheid van het ledennetwerk",
        normalisation="edges ÷ k(k − 1)/2, k members; needs k ≥ 2",
        reference="Wasserman, S. & Faust, K. (1994). Social Network Analysis, §4.2"),
    Definition(
        "member_centralisation", "Degree centralisation of a coalition's member network",
        "member_relations",
        en="Freeman degree centralisation of the member network (links apart from this "
           "coalition)",
        nl="Freemans graadcentralisatie van het ledennetwerk (banden buiten deze coalitie)",
        name_nl="Graadcentralisatie van het ledennetwerk",
        normalisation="Σ (d_max − d_i) ÷ ((k − 1)(k − 2)); needs k ≥ 3",
        reference=_FREEMAN),
    Definition(
        "theme_cluster", "Theme cluster", "inventory",
        en="the study's theme clusters of the coalition's themes (Zorg & Welzijn, Milieu en "
           "ecologie, …); a coalition with themes in two clusters is a type of each",
        nl="de themaclusters van de studie waarin de thema's van de coalitie vallen; een "
           "coalitie met thema's in twee clusters telt bij beide",
        name_nl="Themacluster",
        normalisation="none (a category)",
        reference=_STUDY + ", theme clusters"),
    Definition(
        "primary_role", "Primary role", "inventory",
        en="the coalition's primary role (the first role recorded), in the study's five roles "
           "and goals (expressive: sensitising; service: public space, innovation, "
           "cooperation, services)",
        nl="de primaire rol van de coalitie (de eerst vermelde), volgens de vijf rollen en "
           "doelen van de studie",
        name_nl="Primaire rol",
        normalisation="none (a category); the study's role table counts the primary role",
        reference=_STUDY + ", roles and goals"),
    Definition(
        "roles", "Roles combined", "inventory",
        en="every role the coalition combines (most combine several); a coalition is a type "
           "of each of its roles",
        nl="elke rol die de coalitie combineert; een coalitie telt bij elk van haar rollen",
        name_nl="Gecombineerde rollen",
        normalisation="none (categories; a coalition may count more than once)",
        reference=_STUDY + ", roles and goals"),
    Definition(
        "relation", "Relation to city government", "inventory",
        en="the coalition's relation to city government, as recorded for the year given: "
           "complementary (a partner carrying out, with government and often with its "
           "money, what government wants done), supplementary (doing what government does "
           "not, or no longer, provide), adversarial (pressing government to change its "
           "policy and holding it to account)",
        nl="de relatie van de coalitie met de stedelijke overheid in het opgegeven jaar: "
           "complementair (partner die met de overheid uitvoert wat zij wil), supplementair "
           "(doet wat de overheid niet (meer) doet), adversarial (zet de overheid onder druk "
           "om haar beleid te veranderen en houdt haar verantwoordelijk)",
        name_nl="Relatie met de stedelijke overheid",
        normalisation="none (a category)",
        reference="Young, D. R. (2000). Alternative models of government-nonprofit sector "
                  "relations. Nonprofit and Voluntary Sector Quarterly 29(1), 149-172. "
                  "doi:10.1177/0899764000291009; " + _STUDY + ", part A"),
    Definition(
        "origin", "Origin", "inventory",
        en="how the coalition came about: bottom-up (from citizens and civil society) or "
           "top-down (from government)",
        nl="hoe de coalitie ontstond: bottom-up (van onderuit, burgers en middenveld) of "
           "top-down (van bovenaf, de overheid)",
        name_nl="Oorsprong",
        normalisation="none (a category)",
        reference=_STUDY + ", part B (bottom-up and top-down coalitions)"),
    Definition(
        "status", "Status", "inventory",
        en="whether the coalition still works: active, stopped, or merged (went up in "
           "another coalition); a coalition with an end year and no status recorded has "
           "stopped",
        nl="of de coalitie nog werkt: actief, gestopt, of opgegaan in een andere; met een "
           "eindjaar en zonder status: gestopt",
        name_nl="Status",
        normalisation="none (a category)",
        reference="the inventory template (status, einde)"),
    Definition(
        "type_share", "Share of the city's coalitions", "inventory",
        en="the city's coalitions of this type divided by all the city's coalitions; on "
           "axes where a coalition can be of several types (theme, roles) a city's shares "
           "can add up to more than 1",
        nl="de coalities van dit type in de stad gedeeld door alle coalities van de stad; "
           "waar een coalitie van meerdere types kan zijn (thema, rollen) kan de som boven "
           "1 liggen",
        name_nl="Aandeel in de coalities van de stad",
        normalisation="count ÷ the city's coalitions (0 to 1)",
        reference=_STUDY + ", inventory per city"),
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


def rank(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """``frame`` sorted by its measure column ``by``, highest first, ties by ``id`` (then
    row order), so a ``--top N`` shows the N highest scores a reader expects.

    Raises :class:`~coalitions.errors.UsageError` when ``by`` is not one of the frame's
    measure columns (those with a definition).
    """
    measures = list(used(frame))
    if by not in measures:
        from coalitions.errors import UsageError

        raise UsageError(f"Cannot rank by {by!r}.", hint="Use one of: " + ", ".join(measures))
    keys, ascending = [by], [False]
    if "id" in frame.columns:
        keys.append("id")
        ascending.append(True)
    return frame.sort_values(keys, ascending=ascending, kind="stable", na_position="last")


def explain(measure: str | None = None, *, lang: str = "en") -> pd.DataFrame:
    """Every definition (or one) as a table, in English or Dutch (``lang="nl"``)."""
    if measure is not None and measure not in DEFINITIONS:
        from coalitions.errors import UsageError

        raise UsageError(f"No measure called {measure!r}.",
                         hint="Known measures: " + ", ".join(sorted(DEFINITIONS)))
    keys = [measure] if measure else list(DEFINITIONS)
    return pd.DataFrame([DEFINITIONS[k].as_dict(lang) for k in keys])
