"""The Dutch catalogue: English text as written in the code → Dutch (see :mod:`coalitions.i18n`).

``{name}`` placeholders are filled by :func:`coalitions.i18n._` or, for texts that arrive
formatted, matched by :func:`coalitions.i18n.translate`; the Dutch text must use the same
placeholders (``tests/test_i18n.py`` checks). The study is "het onderzoek" and its cluster
counts the "gepubliceerde aantallen".
"""

from __future__ import annotations

NL: dict[str, str] = {
    # --- measure definitions: normalisation and large networks ---
    # (Definition.normalisation and .large in coalitions/analysis/definitions.py, shown by
    # `explain --lang nl`, Dutch table footers and the report's glossary; formulas unchanged)
    "number of neighbours ÷ (n − 1)": "aantal buren ÷ (n − 1)",
    "none (raw weighted degree)": "geen (ruwe gewogen graad)",
    "÷ (n − 1)(n − 2)/2, the number of pairs of other actors":
        "÷ (n − 1)(n − 2)/2, het aantal paren andere actoren",
    "exact (Brandes) when predicted, by timing 16 sources on the network itself (or from "
    "actors × edges when far from the limit), to take under 60 s (exact_seconds); above, an "
    "unbiased estimate of the same quantity (the simple one-mode network) from uniformly "
    "sampled source actors (Brandes & Pich 2007, linearly scaled dependencies of Geisberger "
    "et al. 2008), adaptive: sources are added until the top 20's half-widths are within 10 % "
    "of their estimates or 60 s pass; every actor gets a 95 % empirical Bernstein interval "
    "(betweenness_low/high). The intervals are pointwise and their range term is estimated, "
    "so 95 % is not a theorem: on a 5,000-actor test network 98-99 % of exact values lay "
    "inside. Outputs state the sources, seed, achieved error and why sampling stopped":
        "exact (Brandes) als dat naar verwachting, gemeten door 16 bronnen op het netwerk zelf "
        "te timen (of uit actoren × verbindingen als de grens ver weg is), minder dan 60 s "
        "duurt (exact_seconds); daarboven een zuivere schatting van dezelfde grootheid (het "
        "enkelvoudige één-modale netwerk) uit uniform getrokken bronactoren (Brandes & Pich "
        "2007, lineair geschaalde afhankelijkheden van Geisberger et al. 2008), adaptief: er "
        "komen bronnen bij tot de halve breedtes van de top 20 binnen 10 % van hun schatting "
        "liggen of 60 s voorbij zijn; elke actor krijgt een empirisch Bernstein-interval van "
        "95 % (betweenness_low/high). De intervallen gelden per actor en hun bereikterm is "
        "geschat, dus 95 % is geen stelling: op een testnetwerk van 5.000 actoren lag 98-99 % "
        "van de exacte waarden erbinnen. De uitvoer vermeldt de bronnen, de seed, de bereikte "
        "fout en waarom de steekproef stopte",
    "classic: (n − 1) ÷ Σ d(v, u); harmonic: Σ 1/d(v, u) ÷ (n − 1)":
        "klassiek: (n − 1) ÷ Σ d(v, u); harmonisch: Σ 1/d(v, u) ÷ (n − 1)",
    "exact under the rule for betweenness; above, the same quantity (classic or harmonic as "
    "the network is connected or not) estimated from the distances to the betweenness "
    "estimate's sampled sources: harmonic as the mean of 1/d, classic as 1 / mean d "
    "(consistent, bias of order 1/sources), with a 95 % empirical Bernstein interval per actor "
    "(closeness_low/high)":
        "exact volgens de regel voor tussenpositie; daarboven dezelfde grootheid (klassiek of "
        "harmonisch naargelang het netwerk samenhangend is of niet), geschat uit de afstanden "
        "tot de getrokken bronnen van de schatting van de tussenpositie: harmonisch als het "
        "gemiddelde van 1/d, klassiek als 1 / gemiddelde d (consistent, vertekening van de orde "
        "1/bronnen), met een empirisch Bernstein-interval van 95 % per actor "
        "(closeness_low/high)",
    "unit Euclidean norm over the whole network; no value (empty) outside the connected "
    "component(s) that carry the leading eigenvector (isolates, smaller components), where it "
    "is 0":
        "Euclidische norm 1 over het hele netwerk; geen waarde (leeg) buiten de samenhangende "
        "component(en) die de eerste eigenvector dragen (geïsoleerde actoren, kleinere "
        "componenten), waar ze 0 is",
    "sums to 1 over the network; α = 0.85": "som 1 over het netwerk; α = 0,85",
    "none (an integer)": "geen (een geheel getal)",
    "none (a count)": "geen (een aantal)",
    "degree ÷ size of the other mode": "graad ÷ omvang van de andere modus",
    "÷ the two-mode maximum ½[m²(s+1)² + m(s+1)(2t−s−1) − t(2s−t+3)], s, t = divmod(n−1, m)":
        "÷ het twee-modale maximum ½[m²(s+1)² + m(s+1)(2t−s−1) − t(2s−t+3)], "
        "s, t = divmod(n−1, m)",
    "estimated from sampled sources above the exact limit, with its standard error":
        "boven de grens voor exact geschat uit getrokken bronnen, met de standaardfout",
    "classic: (m + 2(n−1)) ÷ Σ d; harmonic: Σ 1/d ÷ (m + (n−1)/2)":
        "klassiek: (m + 2(n−1)) ÷ Σ d; harmonisch: Σ 1/d ÷ (m + (n−1)/2)",
    "unit Euclidean norm within each mode": "Euclidische norm 1 binnen elke modus",
    "sums to 1 over actors and coalitions together":
        "som 1 over actoren en coalities samen",
    "Σ_j (p_ij + Σ_q p_iq p_qj)², proportions p from the weights":
        "Σ_j (p_ij + Σ_q p_iq p_qj)², aandelen p uit de gewichten",
    "n − Σ_j Σ_q p_iq m_jq (weighted); contacts when unweighted":
        "n − Σ_j Σ_q p_iq m_jq (gewogen); aantal contacten als ongewogen",
    "triangles ÷ (k(k − 1)/2); 0 below two contacts":
        "driehoeken ÷ (k(k − 1)/2); 0 onder twee contacten",
    "1 − Σ p_s² over the contacts' sectors": "1 − Σ p_s² over de sectoren van de contacten",
    "none (a count); share_active_elsewhere = shared_members ÷ members":
        "geen (een aantal); share_active_elsewhere = shared_members ÷ members",
    "shared_members ÷ members; empty for a coalition without members":
        "shared_members ÷ members; leeg voor een coalitie zonder leden",
    "none (a count); z-score in z_coordinator": "geen (een aantal); z-score in z_coordinator",
    "none (a count); z-score in z_itinerant": "geen (een aantal); z-score in z_itinerant",
    "none (a count); z-score in z_representative":
        "geen (een aantal); z-score in z_representative",
    "none (a count); z-score in z_gatekeeper": "geen (een aantal); z-score in z_gatekeeper",
    "none (a count); z-score in z_liaison": "geen (een aantal); z-score in z_liaison",
    "none (a count); see brokerage_normalised and z_total":
        "geen (een aantal); zie brokerage_normalised en z_total",
    "total ÷ (d_in · d_out − r), r = neighbours linked both ways; 0 when there is no "
    "two-path; on an undirected network 1 − local clustering":
        "totaal ÷ (d_in · d_out − r), r = buren die in beide richtingen verbonden zijn; 0 "
        "als er geen tweepad is; op een ongericht netwerk 1 − lokale clustering",
    "z; empty where the expected standard deviation is 0":
        "z; leeg waar de verwachte standaardafwijking 0 is",
    "labels ordered by size": "labels geordend naar grootte",
    "Q = (1/2m) Σ_ij (A_ij − γ k_i k_j / 2m) δ(c_i, c_j), γ = resolution":
        "Q = (1/2m) Σ_ij (A_ij − γ k_i k_j / 2m) δ(c_i, c_j), γ = resolutie",
    "none (a set of sectors; the study's six categories and others)":
        "geen (een verzameling sectoren; de zes categorieën van het onderzoek en andere)",
    "none (cluster number 1..k, largest cluster first)":
        "geen (clusternummer 1..k, grootste cluster eerst)",
    "none; lies in [−1, 1] (above 0.5 well separated, below 0.25 little structure)":
        "geen; ligt in [−1, 1] (boven 0,5 goed gescheiden, onder 0,25 weinig structuur)",
    "none (a set of sectors)": "geen (een verzameling sectoren)",
    "yes/no per coalition; shares are over the coalitions in scope":
        "ja/nee per coalitie; aandelen gelden over de coalities in de afbakening",
    "betweenness as defined for 'betweenness', on the city's scope":
        "tussenpositie zoals gedefinieerd voor 'betweenness', op de afbakening van de stad",
    "edges ÷ n(n − 1)/2, n = actors stated beside it":
        "verbindingen ÷ n(n − 1)/2, n = het ernaast vermelde aantal actoren",
    "Σ (d_max − d_i) ÷ ((n − 1)(n − 2)); needs n ≥ 3":
        "Σ (d_max − d_i) ÷ ((n − 1)(n − 2)); vraagt n ≥ 3",
    "edges ÷ k(k − 1)/2, k members; needs k ≥ 2":
        "verbindingen ÷ k(k − 1)/2, k leden; vraagt k ≥ 2",
    "Σ (d_max − d_i) ÷ ((k − 1)(k − 2)); needs k ≥ 3":
        "Σ (d_max − d_i) ÷ ((k − 1)(k − 2)); vraagt k ≥ 3",
    "none (a category)": "geen (een categorie)",
    "none (a category); the study's role table counts the primary role":
        "geen (een categorie); de rollentabel van het onderzoek telt de primaire rol",
    "none (categories; a coalition may count more than once)":
        "geen (categorieën; een coalitie kan meer dan eens tellen)",
    "count ÷ the city's coalitions (0 to 1)": "aantal ÷ de coalities van de stad (0 tot 1)",
    # how betweenness and closeness were computed (facts under a table, built at run time in
    # coalitions/analysis/centrality.py and twomode.py; translated on screen only)
    "sampled on the actor network": "geschat uit een steekproef op het actorennetwerk",
    "harmonic, sampled on the actor network":
        "harmonisch, geschat uit een steekproef op het actorennetwerk",
    "classic, sampled on the actor network":
        "klassiek, geschat uit een steekproef op het actorennetwerk",
    "top-{k} betweenness": "top {k} naar tussenpositie",
    "sources chosen by the betweenness rule: top-{k} betweenness":
        "top {k} naar tussenpositie (bronnen gekozen volgens de regel voor tussenpositie)",
    "target reached": "doel bereikt",
    "source limit": "bronnenlimiet",
    "time budget": "tijdsbudget",
    "every source: exact": "elke bron: exact",
    "{method}, estimate of the exact quantity: {sources} of {vertices} source actors (uniform, "
    "seed {seed}); {confidence} interval per actor; {top} half-widths within {error} of the "
    "estimates ({stopped})":
        "{method}, schatting van de exacte grootheid: {sources} van {vertices} bronactoren "
        "(uniform, seed {seed}); {confidence}-interval per actor; halve breedtes van de {top} "
        "binnen {error} van de schattingen ({stopped})",
    "{method}, estimate of the exact quantity: {sources} of {vertices} source actors (uniform, "
    "seed {seed}); {confidence} interval per actor; {top} half-widths within {error} of the "
    "estimates ({stopped}); exact predicted {predicted} s":
        "{method}, schatting van de exacte grootheid: {sources} van {vertices} bronactoren "
        "(uniform, seed {seed}); {confidence}-interval per actor; halve breedtes van de {top} "
        "binnen {error} van de schattingen ({stopped}); exact voorspeld: {predicted} s",
    "betweenness_low/high, closeness_low/high: each actor's {confidence} confidence interval "
    "({interval})":
        "betweenness_low/high, closeness_low/high: het {confidence}-betrouwbaarheidsinterval "
        "van elke actor ({interval})",
    "per actor, empirical Bernstein (variance and largest value of the per-source values, "
    "finite-population corrected; pointwise, not simultaneous)":
        "per actor, empirisch Bernstein (variantie en grootste waarde van de waarden per bron, "
        "gecorrigeerd voor eindige populatie; per actor, niet simultaan)",
    "sampled on the two-mode network: {samples} sources, seed {seed}, mean standard error "
    "{error}":
        "geschat uit een steekproef op het twee-modale netwerk: {samples} bronnen, seed "
        "{seed}, gemiddelde standaardfout {error}",
    "{method}: {samples} source actors, seed {seed}, mean standard error {error}":
        "{method}: {samples} bronactoren, seed {seed}, gemiddelde standaardfout {error}",
    "{method}: {samples} source actors, seed {seed}":
        "{method}: {samples} bronactoren, seed {seed}",
    # the method note of `clusters --by data` (coalitions/analysis/clusters.py), on screen
    "method": "methode",
    "distance": "afstand",
    "linkage": "koppeling",
    "k_chosen_by": "k gekozen op",
    "k_bounds": "grenzen voor k",
    "silhouette": "silhouet",
    "agglomerative hierarchical clustering (scipy.cluster.hierarchy)":
        "agglomeratieve hiërarchische clustering (scipy.cluster.hierarchy)",
    "Jaccard distance between binary feature vectors":
        "Jaccard-afstand tussen binaire kenmerkvectoren",
    "average (UPGMA)": "gemiddelde koppeling (UPGMA)",
    "highest mean silhouette over k = {low}..{high} (bounds: at least 2 clusters, at most "
    "min(8, n ÷ 3) with n = {n} coalitions, so that clusters hold three coalitions on average; "
    "ties: the smaller k)":
        "hoogste gemiddelde silhouet over k = {low}..{high} (grenzen: minstens 2 clusters, "
        "hoogstens min(8, n ÷ 3) met n = {n} coalities, zodat een cluster gemiddeld drie "
        "coalities bevat; bij gelijke scores: de kleinere k)",
    "given (k = {given} of at most n − 1 = {most})":
        "opgegeven (k = {given} van hoogstens n − 1 = {most})",

    # --- added for waves, fields, hardening, figures (issue 20 merge) ---
    # command help
    "Export the network for Gephi, visone/yEd, Pajek, UCINET or pandas (one wave, or with "
    "--timeline every wave in one dynamic GEXF).":
        "Exporteer het netwerk voor Gephi, visone/yEd, Pajek, UCINET of pandas (één golf, of "
        "met --timeline elke golf in één dynamisch GEXF-bestand).",
    "Add the maps' node coordinates (GEXF viz:position, GraphML/CSV x and y, Pajek 0..1); by "
    "default for networks of up to 5,000 nodes.":
        "Voeg de knoopcoördinaten van de kaarten toe (GEXF viz:position, GraphML/CSV x en y, "
        "Pajek 0..1); standaard voor netwerken tot 5.000 knopen.",
    "Every wave in one dynamic GEXF file: nodes and edges carry the waves they exist in as "
    "spells, which Gephi's timeline plays.":
        "Elke golf in één dynamisch GEXF-bestand: knopen en verbindingen dragen de golven "
        "waarin ze bestaan als intervallen (spells), die de tijdlijn van Gephi afspeelt.",
    "The inventory wave to read (default: the latest; see `coalitions waves`).":
        "De inventarisgolf die gelezen wordt (standaard: de laatste; zie `coalitions waves`).",
    "One self-contained HTML report for a city (or a PDF): profile, pivots, brokers, "
    "clusterings, map, figures, definitions and provenance.":
        "Eén zelfstandig HTML-rapport voor een stad (of een PDF): profiel, spilfiguren, "
        "makelaars, clusteringen, kaart, figuren, definities en herkomst.",
    "File to write: .html (one self-contained page) or .pdf (A4 pages).":
        "Te schrijven bestand: .html (één zelfstandige pagina) of .pdf (A4-pagina's).",
    "How brokerage reads the ties: --directed every tie source → target, --undirected every "
    "tie both ways. Default: as recorded (symmetric types such as works_with undirected, "
    "directional ones such as funds directed, or the ties sheet's directed column).":
        "Hoe het makelaarschap de banden leest: --directed elke band van bron → doel, "
        "--undirected elke band in beide richtingen. Standaard: zoals vastgelegd "
        "(symmetrische soorten zoals works_with ongericht, gerichte zoals funds gericht, of "
        "de kolom directed van het blad ties).",
    "A static figure for a paper where a table is harder to read: the city profiles side by "
    "side, or the ego network of one actor (a pivot, a broker).":
        "Een vaste figuur voor een artikel, waar een tabel moeilijker te lezen is: de "
        "stadsprofielen naast elkaar, of het egonetwerk van één actor (een spilfiguur, een "
        "makelaar).",
    "cities (the city profiles side by side) or ego (one actor's coalitions, co-members and "
    "ties).":
        "cities (de stadsprofielen naast elkaar) of ego (de coalities, medeleden en banden "
        "van één actor).",
    "Figure to write: .svg, .png (300 dpi) or .pdf.":
        "Te schrijven figuur: .svg, .png (300 dpi) of .pdf.",
    "For ego: the actor's id or name.": "Voor ego: de id of naam van de actor.",
    "For ego: measure that sizes actors.": "Voor ego: maat die de grootte van actoren bepaalt.",
    "What changed between two waves: coalitions founded and stopped, members who joined and "
    "left, role and pivot changes, actors who rose or fell, how each city's measures moved.":
        "Wat er veranderde tussen twee golven: opgerichte en gestopte coalities, leden die "
        "toetraden en vertrokken, veranderde rollen en spilfiguren, actoren die stegen of "
        "daalden, hoe de maten van elke stad bewogen.",
    "The earlier wave.": "De vroegere golf.",
    "The later wave (default: the latest).": "De latere golf (standaard: de laatste).",
    "Show only the first N actors who rose or fell.":
        "Toon alleen de eerste N actoren die stegen of daalden.",
    "Compute the measures on one wave of the graph (default: the latest) and write them to its "
    "nodes as properties (degree, betweenness, …, constraint, community), to query them in "
    "Cypher.":
        "Bereken de maten op één golf van de graaf (standaard: de laatste) en schrijf ze als "
        "eigenschappen in de knopen van die golf (degree, betweenness, …, constraint, "
        "community), om ze in Cypher te bevragen.",
    "The study's follow-up grid: per type of coalition, the role of city actors, government "
    "presence and the relations between actors; or, with --per-city, the counts and shares of "
    "each type per city.":
        "Het vervolgrooster van het onderzoek: per type coalitie de rol van stedelijke "
        "actoren, de aanwezigheid van de overheid en de relaties tussen actoren; of, met "
        "--per-city, de aantallen en aandelen van elk type per stad.",
    "Typology axis: government, theme, role (primary), roles (all), composition, relation, "
    "origin or status; several joined by commas cross them (relation,theme).":
        "As van de typologie: government, theme, role (de primaire), roles (alle), "
        "composition, relation, origin of status; meerdere, gescheiden door komma's, worden "
        "gekruist (relation,theme).",
    "Count the coalitions of each type per city, with their share of the city's coalitions, "
    "instead of the grid.":
        "Tel de coalities van elk type per stad, met hun aandeel in de coalities van de stad, "
        "in plaats van het rooster.",
    "Number of clusters for --by data (default: best silhouette for k in 2..min(8, n÷3)).":
        "Aantal clusters voor --by data (standaard: beste silhouet voor k in 2..min(8, n÷3)).",
    "Gould & Fernandez (1989) brokerage roles per actor, with z-scores as R's sna reports and "
    "the share of each actor's two-paths it brokers (normalised).":
        "Makelaarsrollen van Gould & Fernandez (1989) per actor, met z-scores zoals R's sna "
        "ze geeft en het aandeel van de tweepaden via elke actor waarin die makelaar is "
        "(genormaliseerd).",
    "Betweenness and closeness exact when predicted to take under this many seconds, else "
    "estimated with intervals (default 60; 0 always estimates, a large number always computes "
    "exactly).":
        "Betweenness en closeness exact als dat naar verwachting minder dan zoveel seconden "
        "duurt, anders geschat met intervallen (standaard 60; 0 schat altijd, een groot getal "
        "berekent altijd exact).",
    "Time budget of the estimate: it stops adding sources after about this many seconds, or "
    "earlier when the top 20 are within 10 % (default 60).":
        "Tijdsbudget van de schatting: ze voegt na ongeveer zoveel seconden geen bronnen meer "
        "toe, of eerder als de top 20 binnen 10 % ligt (standaard 60).",
    "Load the bundled sample's two waves, print the top pivot actors per city and what changed "
    "between the waves, write maps and reports.":
        "Laad de twee golven van het meegeleverde voorbeeld, toon de belangrijkste "
        "spilfiguren per stad en wat er tussen de golven veranderde, schrijf kaarten en "
        "rapporten.",
    "The inventory waves in the store, in the order they were first loaded; commands read the "
    "latest unless --wave says otherwise.":
        "De inventarisgolven in de opslag, in de volgorde waarin ze voor het eerst geladen "
        "zijn; opdrachten lezen de laatste, tenzij --wave iets anders zegt.",
    "Nodes per label and relationships per type in one wave (default: the latest), in a "
    "stable order.":
        "Knopen per label en relaties per type in één golf (standaard: de laatste), in een "
        "vaste volgorde.",
    "Validate input files and load them into the store as one inventory wave (idempotent, all "
    "or nothing).":
        "Controleer invoerbestanden en laad ze in de opslag als één inventarisgolf "
        "(idempotent, alles of niets).",
    "Empty the wave first (the other waves stay).":
        "Maak de golf eerst leeg (de andere golven blijven).",
    "Load as this inventory wave, e.g. 2026 (default: wave 1). Each wave is a complete "
    "snapshot; commands read the latest unless --wave says otherwise.":
        "Laad als deze inventarisgolf, bv. 2026 (standaard: golf 1). Elke golf is een "
        "volledige momentopname; opdrachten lezen de laatste, tenzij --wave iets anders zegt.",

    # errors, hints and notes
    "A vertex asked for is not in the network.": "Een gevraagde knoop zit niet in het netwerk.",
    "Cannot group brokerage by {by}.": "Kan makelaarschap niet groeperen volgens {by}.",
    "Brokerage of {n} actors in a network of {m} arcs needs about {work} multiplications "
    "(limit {limit}): every open two-path is checked for closure.":
        "Makelaarschap van {n} actoren in een netwerk van {m} pijlen vraagt ongeveer {work} "
        "vermenigvuldigingen (grens {limit}): elk open tweepad wordt op sluiting gecontroleerd.",
    "Scope it to a city or a region (e.g. --city), or ask for fewer actors.":
        "Beperk de afbakening tot een stad of een regio (bv. --city), of vraag minder actoren.",
    "The network has no vertex attribute {group} to group by.":
        "Het netwerk heeft geen knoopattribuut {group} om op te groeperen.",
    "Attributes: {attributes}": "Attributen: {attributes}",
    "{n} group values for {m} vertices.": "{n} groepswaarden voor {m} knopen.",
    "{name} (--{option}) must be a number of seconds ≥ 0 (got {value}).":
        "{name} (--{option}) moet een aantal seconden ≥ 0 zijn (gekregen: {value}).",
    "exact_seconds 0 always estimates betweenness and closeness, a large value always computes "
    "them exactly; budget_seconds bounds the estimate.":
        "exact_seconds 0 schat betweenness en closeness altijd, een grote waarde berekent ze "
        "altijd exact; budget_seconds begrenst de schatting.",
    "Cannot cross {by}: an axis is named twice.": "Kan {by} niet kruisen: een as staat er twee keer in.",
    "Name each axis once, e.g. relation,theme.": "Noem elke as één keer, bv. relation,theme.",
    "Cannot cluster coalitions by {by}.": "Kan coalities niet clusteren volgens {by}.",
    "Use one of: {values} (or `data`).": "Gebruik een van: {values} (of `data`).",
    "A data-driven clustering needs at least 3 coalitions; the scope holds {n}.":
        "Een clustering uit de data vraagt minstens 3 coalities; de afbakening bevat er {n}.",
    "Widen the scope (drop --city/--theme).": "Verruim de afbakening (laat --city/--theme weg).",
    "Cannot make {k} clusters of {n} coalitions.": "Kan geen {k} clusters maken van {n} coalities.",
    "Choose k between 2 and {high}.": "Kies k tussen 2 en {high}.",
    "Too few coalitions to choose a number of clusters: the scope holds {n}; choosing k needs "
    "at least {need} (k from {low} to min(8, n ÷ 3), so that clusters hold three coalitions on "
    "average).":
        "Te weinig coalities om een aantal clusters te kiezen: de afbakening bevat er {n}; k "
        "kiezen vraagt er minstens {need} (k van {low} tot min(8, n ÷ 3), zodat een cluster "
        "gemiddeld drie coalities bevat).",
    "Widen the scope, or give the number of clusters: --k 2 (up to {high}).":
        "Verruim de afbakening, of geef het aantal clusters: --k 2 (tot {high}).",
    "The shortlist needs at least one case.": "De shortlist vraagt minstens één case.",
    "Pass N ≥ 1.": "Geef N ≥ 1.",
    "The coalitions cannot be split: all have the same features.":
        "De coalities kunnen niet gesplitst worden: ze hebben allemaal dezelfde kenmerken.",
    "embeddedness of {n} actors with {pairs} co-membership pairs needs about {work} "
    "multiplications (limit {limit}): constraint, effective size and clustering look at every "
    "pair of an actor's contacts":
        "inbedding van {n} actoren met {pairs} paren met gedeeld lidmaatschap vraagt ongeveer "
        "{work} vermenigvuldigingen (grens {limit}): beperking, effectieve omvang en clustering "
        "bekijken elk paar contacten van een actor",
    "scope it to a city or region (e.g. --city), or use pivots, which scale to the whole "
    "network":
        "beperk de afbakening tot een stad of regio (bv. --city), of gebruik pivots, dat tot "
        "het hele netwerk schaalt",
    "Give a Scope or scope keywords, not both.":
        "Geef een Scope of afbakening met trefwoorden, niet allebei.",
    "Use None, 'actors', 'coalitions' or 'ties'.": "Gebruik None, 'actors', 'coalitions' of 'ties'.",
    "exact_seconds and budget_seconds apply to the actor network.":
        "exact_seconds en budget_seconds gelden voor het actorennetwerk.",
    "two_mode uses its own fixed sample above 3,000 nodes.":
        "two_mode gebruikt boven 3.000 knopen een eigen vaste steekproef.",
    "No figure {kind} (with actor {actor}).": "Geen figuur {kind} (met actor {actor}).",
    "Use 'cities', or 'ego' with actor=ID.": "Gebruik 'cities', of 'ego' met actor=ID.",
    "--exact-seconds and --budget-seconds apply to the actor network.":
        "--exact-seconds en --budget-seconds gelden voor het actorennetwerk.",
    "--two-mode uses its own fixed sample above 3,000 nodes; leave them out, or leave out "
    "--two-mode.":
        "--two-mode gebruikt boven 3.000 knopen een eigen vaste steekproef; laat ze weg, of "
        "laat --two-mode weg.",
    "No figure called {kind}.": "Geen figuur met de naam {kind}.",
    "Use cities or ego.": "Gebruik cities of ego.",
    "Say whose ego network to draw: --actor ID.":
        "Zeg van wie het egonetwerk getekend moet worden: --actor ID.",
    "Cannot write a report as {suffix}.": "Kan geen rapport schrijven als {suffix}.",
    "a file without suffix": "een bestand zonder extensie",
    "Name the file .html or .pdf (a figure alone: coalitions map --out NAME.svg|png|pdf).":
        "Geef het bestand de extensie .html of .pdf (alleen een figuur: coalitions map --out "
        "NAAM.svg|png|pdf).",
    "Load two waves first.": "Laad eerst twee golven.",
    "--timeline writes every wave as a dynamic GEXF file.":
        "--timeline schrijft elke golf in een dynamisch GEXF-bestand.",
    "Use it with --format gexf and without --wave.":
        "Gebruik het met --format gexf en zonder --wave.",
    "Load data first: coalitions load FILE.": "Laad eerst gegevens: coalitions load BESTAND.",
    # (the hint "Formats: …" is too short to be a pattern: its one text is listed whole)
    "Formats: gexf, graphml, pajek, dl, csv": "Formaten: gexf, graphml, pajek, dl, csv",
    "Leave it out for the two-mode network, or use: {values}":
        "Laat het weg voor het twee-modale netwerk, of gebruik: {values}",
    "Pseudonymising needs the store's pseudonym salt (pass salt=store).":
        "Pseudonimiseren vraagt de pseudoniemsleutel (salt) van de opslag (geef salt=store).",
    "The measures table has no 'id' column to match nodes by.":
        "De tabel met maten heeft geen kolom 'id' om knopen aan te koppelen.",
    # (output_error's "Cannot {what} {path}: {reason}." in its two uses: a pattern with
    # {what} would also take "Cannot open the store …" apart)
    "Cannot write {path}: {reason}.": "Kan {path} niet schrijven: {reason}.",
    "Cannot make the folder {path}: {reason}.": "Kan de map {path} niet maken: {reason}.",
    "the disk is full": "de schijf is vol",
    "the disk quota is exceeded": "het schijfquotum is overschreden",
    "the file is larger than this system allows (file size limit)":
        "het bestand is groter dan dit systeem toelaat (grens voor de bestandsgrootte)",
    "the name is too long for the file system (at most 255 bytes per name)":
        "de naam is te lang voor het bestandssysteem (hoogstens 255 bytes per naam)",
    "permission denied": "toegang geweigerd",
    "the file system is read-only": "het bestandssysteem is alleen-lezen",
    "it is a folder, not a file": "het is een map, geen bestand",
    "a part of the path is a file, not a folder": "een deel van het pad is een bestand, geen map",
    "the file size limit was reached": "de grens voor de bestandsgrootte is bereikt",
    "the disk refused a write": "de schijf weigerde een schrijfbewerking",
    "Free some space or choose another place with --out; any previous file there was left as "
    "it was.":
        "Maak wat ruimte vrij of kies een andere plaats met --out; een eerder bestand daar is "
        "gebleven zoals het was.",
    "Choose a shorter name with --out.": "Kies een kortere naam met --out.",
    "Give --out the name of a file (inside that folder, if you like).":
        "Geef --out de naam van een bestand (in die map, als u wilt).",
    "Cannot write into {folder}: it is a file, not a folder.":
        "Kan niet schrijven in {folder}: het is een bestand, geen map.",
    "Give a folder with --out.": "Geef een map met --out.",
    "{variable} must be a number of seconds, not {raw}.":
        "{variable} moet een aantal seconden zijn, niet {raw}.",
    "note: the log of the store {path} ends in an incomplete write (a load that stopped: the "
    "process ended or the disk was full); reading what was committed before it.":
        "opmerking: het logboek van de opslag {path} eindigt in een onvolledige "
        "schrijfbewerking (een laadbeurt die stopte: het proces eindigde of de schijf was vol); "
        "wat daarvoor vastgelegd was, wordt gelezen.",
    "note: waiting for a load into {path} to finish committing (up to {wait} s)…":
        "opmerking: wachten tot een laadbeurt in {path} klaar is met vastleggen (hoogstens "
        "{wait} s)…",
    "note: recovered the store {path}: a load had stopped while committing (the process ended "
    "or the disk was full).":
        "opmerking: de opslag {path} is hersteld: een laadbeurt was gestopt tijdens het "
        "vastleggen (het proces eindigde of de schijf was vol).",
    "Cannot open the store {path}: {reason}": "Kan de opslag {path} niet openen: {reason}",
    "Cannot open the store {path}: a load stopped while committing (the process ended or the "
    "disk was full), and finishing that failed (is the disk full?).":
        "Kan de opslag {path} niet openen: een laadbeurt stopte tijdens het vastleggen (het "
        "proces eindigde of de schijf was vol), en die afmaken mislukte (is de schijf vol?).",
    "Cannot open the store {path}: a load stopped while committing (the process ended or the "
    "disk was full), and finishing that failed: {reason}":
        "Kan de opslag {path} niet openen: een laadbeurt stopte tijdens het vastleggen (het "
        "proces eindigde of de schijf was vol), en die afmaken mislukte: {reason}",
    "Free disk space if the disk is full, then run the command again. Do not delete the files "
    "next to the store (.wal, .shadow): they may hold committed data.":
        "Maak schijfruimte vrij als de schijf vol is en voer de opdracht dan opnieuw uit. "
        "Verwijder de bestanden naast de opslag (.wal, .shadow) niet: ze kunnen vastgelegde "
        "gegevens bevatten.",
    "Is it a coalitions store? Pass another path with --store.":
        "Is het een opslag van coalitions? Geef een ander pad met --store.",
    "Pass another path with --store.": "Geef een ander pad met --store.",
    "The store {path} is in use by another process.":
        "De opslag {path} is in gebruik door een ander proces.",
    "The store {path} is in use by another process{who}.":
        "De opslag {path} is in gebruik door een ander proces{who}.",
    " (process {pid})": " (proces {pid})",
    "Wait until that command has finished, or use another store with --store PATH. Read-only "
    "commands such as `query` can run alongside.":
        "Wacht tot die opdracht klaar is, of gebruik een andere opslag met --store PAD. "
        "Alleen-lezen opdrachten zoals `query` kunnen ernaast lopen.",
    "A load into the store {path} is being committed by another process; it did not finish "
    "within {wait} s.":
        "Een laadbeurt in de opslag {path} wordt door een ander proces vastgelegd; ze was niet "
        "klaar binnen {wait} s.",
    "A load into the store {path} is being committed by another process{who}; it did not "
    "finish within {wait} s.":
        "Een laadbeurt in de opslag {path} wordt door een ander proces{who} vastgelegd; ze was "
        "niet klaar binnen {wait} s.",
    "Try again when that load has finished (read-only commands wait for it up to {variable} "
    "seconds, default {default}).":
        "Probeer opnieuw als die laadbeurt klaar is (alleen-lezen opdrachten wachten er tot "
        "{variable} seconden op, standaard {default}).",
    "The query failed on LadybugDB: {reason}": "De query mislukte op LadybugDB: {reason}",
    "LadybugDB cannot take the query's parameters: {reason}":
        "LadybugDB kan de parameters van de query niet aannemen: {reason}",
    "A list parameter must hold values of one type.":
        "Een lijstparameter moet waarden van één type bevatten.",
    "The load failed: {reason} while writing the store {path}, and the store cannot be "
    "reopened to see what it holds ({error}).":
        "Het laden mislukte: {reason} bij het schrijven van de opslag {path}, en de opslag kan "
        "niet heropend worden om te zien wat erin zit ({error}).",
    "Free some space, then check the store with `coalitions stats`; load again with --replace "
    "if it is not as expected.":
        "Maak wat ruimte vrij en controleer dan de opslag met `coalitions stats`; laad opnieuw "
        "met --replace als ze niet is zoals verwacht.",
    "The load failed: {reason} while writing the store {path}. Nothing was loaded: the store "
    "has the same nodes and relationships as before (reopened and counted).":
        "Het laden mislukte: {reason} bij het schrijven van de opslag {path}. Er is niets "
        "geladen: de opslag heeft dezelfde knopen en relaties als voorheen (heropend en "
        "geteld).",
    "Free some space and load again (loading twice is harmless).":
        "Maak wat ruimte vrij en laad opnieuw (twee keer laden kan geen kwaad).",
    "The load may be incomplete: {reason} while writing the store {path}. Reopened, the store "
    "has the numbers of nodes and relationships the load should give ({held}), but the engine "
    "could not finish writing it.":
        "Het laden is misschien onvolledig: {reason} bij het schrijven van de opslag {path}. "
        "Heropend heeft de opslag de aantallen knopen en relaties die het laden moet geven "
        "({held}), maar de engine kon het schrijven niet afmaken.",
    "The load failed: {reason} while writing the store {path}, and the store was left neither "
    "as it was nor as loaded: reopened, {held}.":
        "Het laden mislukte: {reason} bij het schrijven van de opslag {path}, en de opslag is "
        "noch zoals voorheen, noch zoals geladen: heropend, {held}.",
    # ("it holds {counts}" alone is too short to be a pattern)
    "The load failed: {reason} while writing the store {path}, and the store was left neither "
    "as it was nor as loaded: reopened, it holds {counts}.":
        "Het laden mislukte: {reason} bij het schrijven van de opslag {path}, en de opslag is "
        "noch zoals voorheen, noch zoals geladen: heropend bevat ze {counts}.",
    "The load may be incomplete: {reason} while writing the store {path}. Reopened, the store "
    "has the numbers of nodes and relationships the load should give (it holds {counts}), but "
    "the engine could not finish writing it.":
        "Het laden is misschien onvolledig: {reason} bij het schrijven van de opslag {path}. "
        "Heropend heeft de opslag de aantallen knopen en relaties die het laden moet geven "
        "(ze bevat {counts}), maar de engine kon het schrijven niet afmaken.",
    "it is empty": "ze is leeg",
    "Free some space, then load all the inputs again with --replace (or restore the store from "
    "a backup).":
        "Maak wat ruimte vrij en laad dan alle invoer opnieuw met --replace (of zet de opslag "
        "terug uit een back-up).",
    "The query failed on Neo4j: {reason}": "De query mislukte op Neo4j: {reason}",
    "LOAD CSV FROM 'file:///name.csv' reads name.csv from the Neo4j server's import folder (server.directories.import), not from this machine's paths; copy the file there, or give an http(s) URL.":
        "LOAD CSV FROM 'file:///name.csv' leest name.csv uit de importmap van de Neo4j-server "
        "(server.directories.import), niet uit de paden van deze machine; kopieer het bestand "
        "daarheen, of geef een http(s)-URL.",
    "Neo4j at {uri} refused the load: another load or write ran at the same time and created "
    "a node with the same key first; nothing was written.":
        "Neo4j op {uri} weigerde het laden: een andere laadbeurt of schrijfbewerking liep "
        "tegelijk en maakte eerst een knoop met dezelfde sleutel; er is niets geschreven.",
    "Neo4j at {uri} gave up the load while waiting for another load or write that ran at the "
    "same time ({code}); nothing was written.":
        "Neo4j op {uri} gaf het laden op tijdens het wachten op een andere laadbeurt of "
        "schrijfbewerking die tegelijk liep ({code}); er is niets geschreven.",
    "Run the load again: it will start from what the other load left.":
        "Laad opnieuw: het laden begint bij wat de andere laadbeurt achterliet.",
    "Neo4j at {uri} refused the credentials of user {user}.":
        "Neo4j op {uri} weigerde de inloggegevens van gebruiker {user}.",
    "Check NEO4J_USERNAME and NEO4J_PASSWORD.": "Controleer NEO4J_USERNAME en NEO4J_PASSWORD.",
    "Cannot reach Neo4j at {uri}: {detail}.": "Kan Neo4j op {uri} niet bereiken: {detail}.",
    "Is the server running (`scripts/neo4j-local start` or `docker compose up -d`) and is "
    "NEO4J_URI right?":
        "Draait de server (`scripts/neo4j-local start` of `docker compose up -d`) en klopt "
        "NEO4J_URI?",
    "Lost the connection to Neo4j at {uri}: {reason}":
        "De verbinding met Neo4j op {uri} is verloren: {reason}",
    "Lost the connection to Neo4j at {uri} during the load, and retrying did not help; nothing "
    "was written.":
        "De verbinding met Neo4j op {uri} is verloren tijdens het laden, en opnieuw proberen "
        "hielp niet; er is niets geschreven.",
    "Check that the server is up and load again ({error}).":
        "Controleer of de server draait en laad opnieuw ({error}).",
    "Neo4j at {uri} could not complete the load ({code}); nothing was written.":
        "Neo4j op {uri} kon het laden niet voltooien ({code}); er is niets geschreven.",
    "Check the server log (memory, disk) and load again.":
        "Controleer het logboek van de server (geheugen, schijf) en laad opnieuw.",
    "Unknown sector {sector}.": "Onbekende sector {sector}.",
    "The query's {what} statement {reason}; without --write a query may only read the store.":
        "De instructie {what} van de query {reason}; zonder --write mag een query de opslag "
        "alleen lezen.",
    "copies data between the store and files (COPY … TO writes a file)":
        "kopieert gegevens tussen de opslag en bestanden (COPY … TO schrijft een bestand)",
    "writes the database to files": "schrijft de database naar bestanden",
    "reads a database from files into the store": "leest een database uit bestanden in de opslag",
    "downloads and installs an extension": "downloadt en installeert een extensie",
    "removes an installed extension": "verwijdert een geïnstalleerde extensie",
    "downloads a new version of an extension": "downloadt een nieuwe versie van een extensie",
    "loads an extension's code into the program": "laadt de code van een extensie in het programma",
    "opens another database": "opent een andere database",
    "closes an attached database": "sluit een gekoppelde database",
    "switches to an attached database": "schakelt over naar een gekoppelde database",
    "writes the store's files (and on a read-only connection leaves the store needing "
    "recovery)":
        "schrijft de bestanden van de opslag (en laat op een alleen-lezenverbinding een opslag "
        "achter die hersteld moet worden)",
    "recomputes the store's statistics (maintenance, which the engine lets a read-only "
    "connection start)":
        "berekent de statistieken van de opslag opnieuw (onderhoud, dat de engine ook op een "
        "alleen-lezenverbinding laat starten)",
    "is not known to leave everything outside the store unchanged":
        "laat niet met zekerheid alles buiten de opslag ongewijzigd",
    "Run it again with --write if that is what you mean.":
        "Voer ze opnieuw uit met --write als u dat bedoelt.",
    "The store {path} cannot be used as it is. {detail}":
        "De opslag {path} is zo niet bruikbaar. {detail}",
    "It was made by an earlier version of coalitions, before inventory waves (nodes without a "
    "wave).":
        "Ze is gemaakt door een eerdere versie van coalitions, van vóór de inventarisgolven "
        "(knopen zonder golf).",
    "Load your inventory again with --replace, which removes the earlier version's data (add "
    "--wave NAME to label it).":
        "Laad uw inventaris opnieuw met --replace, dat de gegevens van de eerdere versie "
        "verwijdert (voeg --wave NAAM toe om de golf een naam te geven).",
    "No wave {wave} in the store {path}.": "Geen golf {wave} in de opslag {path}.",
    "Waves there: {waves}": "Golven in de opslag: {waves}",
    "The store holds no wave yet: load one first.":
        "De opslag bevat nog geen golf: laad er eerst een.",
    "A wave needs a name.": "Een golf heeft een naam nodig.",
    "E.g. --wave 2026.": "Bv. --wave 2026.",
    "The wave name {name}… is longer than {n} characters.":
        "De golfnaam {name}… is langer dan {n} tekens.",
    "Use a short label such as 2026.": "Gebruik een korte naam zoals 2026.",
    "The wave name {name} contains a control character.":
        "De golfnaam {name} bevat een stuurteken.",
    "Use letters, digits, '-' or '_', e.g. 2026.": "Gebruik letters, cijfers, '-' of '_', bv. 2026.",
    "{variable}={raw} is not a positive whole number":
        "{variable}={raw} is geen positief geheel getal",
    "unset it to use the default, {default}":
        "maak ze leeg om de standaardwaarde te gebruiken, {default}",
    "(no input)": "(geen invoer)",
    "This store has no pseudonym key yet, and it is open read-only.":
        "Deze opslag heeft nog geen pseudoniemsleutel, en ze is alleen-lezen geopend.",
    "Run the command once without read-only access (the key is made on first use and kept in "
    "the store).":
        "Voer de opdracht één keer uit zonder alleen-lezentoegang (de sleutel wordt bij het "
        "eerste gebruik gemaakt en in de opslag bewaard).",
    "Two persons would get the same pseudonym.":
        "Twee personen zouden hetzelfde pseudoniem krijgen.",
    "Report this; it should practically never happen.":
        "Meld dit; het zou zo goed als nooit mogen gebeuren.",
    "An empty pseudonym salt would make pseudonyms guessable.":
        "Een lege pseudoniemsleutel (salt) zou pseudoniemen raadbaar maken.",
    "There is no named query {name}.": "Er is geen benoemde query {name}.",
    "Named queries: {names} (`coalitions query --list` describes them).":
        "Benoemde query's: {names} (`coalitions query --list` beschrijft ze).",
    "The named query {name} has no parameter {params}.":
        "De benoemde query {name} heeft geen parameter {params}.",
    "The named query {name} needs the parameter {param} ({help}).":
        "De benoemde query {name} heeft de parameter {param} nodig ({help}).",
    "Types: {types} (e.g. -p k:int=2).": "Types: {types} (bv. -p k:int=2).",
    "Unknown measure {value} for the named query {query}.":
        "Onbekende maat {value} voor de benoemde query {query}.",
    "Measures: {measures}. Run `coalitions analyse` first to store them.":
        "Maten: {measures}. Voer eerst `coalitions analyse` uit om ze te bewaren.",
    "The parameter {name} of the named query {query} must be {kind}, not {value}.":
        "De parameter {name} van de benoemde query {query} moet {kind} zijn, niet {value}.",
    "Pass it as --param {name}=VALUE.": "Geef ze als --param {name}=WAARDE.",
    "--param {item}: {value} is not {what}.":
        "--param {item}: {value} is geen geldige waarde; verwacht: {what}.",
    "an integer": "een geheel getal",
    "a number": "een getal",
    "true or false": "true of false",
    "a JSON value": "een JSON-waarde",
    "text": "tekst",
    "a float": "een getal (float)",
    "a bool": "true of false (bool)",
    "a str": "tekst (str)",
    "--max-nodes must be at least 1 (got {n}).": "--max-nodes moet minstens 1 zijn (gekregen: {n}).",
    "Two actors would get the same pseudonymous id.":
        "Twee actoren zouden dezelfde pseudonieme id krijgen.",
    "vis-network is missing from the pyvis installation ({lib}).":
        "vis-network ontbreekt in de installatie van pyvis ({lib}).",
    "Reinstall pyvis: pip install --force-reinstall pyvis":
        "Installeer pyvis opnieuw: pip install --force-reinstall pyvis",
    "Cannot size the figure by {by}: no such actor measure.":
        "Kan de grootte in de figuur niet bepalen met {by}: geen zo'n actormaat.",
    "Nothing to draw: no city profile in scope.":
        "Niets te tekenen: geen stadsprofiel in de afbakening.",
    "No single actor with id or name {actor}.": "Geen unieke actor met id of naam {actor}.",
    "`coalitions pivots -f csv` lists the actors' ids.":
        "`coalitions pivots -f csv` toont de id's van de actoren.",
    "Cannot write a figure as {suffix}.": "Kan geen figuur schrijven als {suffix}.",
    "Name the file .svg, .png or .pdf.": "Geef het bestand de extensie .svg, .png of .pdf.",

    # problems in input files
    'byte 0x{byte} in "{cell}" is not UTF-8, though the rest of the file is; {advice}':
        'byte 0x{byte} in "{cell}" is geen UTF-8, hoewel de rest van het bestand dat wel is; '
        '{advice}',
    "byte 0x{byte} on line {line} is not UTF-8, though the rest of the file is; {advice}":
        "byte 0x{byte} op regel {line} is geen UTF-8, hoewel de rest van het bestand dat wel "
        "is; {advice}",
    "correct the cell and save the file as CSV UTF-8, or, if the whole file is in the Windows "
    "encoding, pass --encoding cp1252":
        "verbeter de cel en bewaar het bestand als CSV UTF-8, of geef --encoding cp1252 als het "
        "hele bestand in de Windows-codering staat",
    "id {id} differs from id {other} in {where} only in upper and lower case; ids must differ "
    "in more than case":
        "id {id} verschilt van id {other} in {where} alleen in hoofdletters en kleine letters; "
        "id's moeten in meer verschillen dan dat",
    "ids are matched exactly, and {id} differs only in upper and lower case":
        "id's worden exact vergeleken, en {id} verschilt alleen in hoofdletters en kleine "
        "letters",
    "the cell holds the invisible control character U+{code} ({name}) at character {at}; such "
    "characters make text show differently from what it holds (or not at all): remove it":
        "de cel bevat het onzichtbare stuurteken U+{code} ({name}) op teken {at}; zulke tekens "
        "tonen tekst anders dan wat hij bevat (of helemaal niet): verwijder het",
    "a control character": "een stuurteken",
    "tie type {type} is not known to be directional or symmetric; its ties are read as "
    "undirected (fill the directed column with yes or no to say otherwise)":
        "van het bandtype {type} is niet bekend of het gericht of symmetrisch is; de banden "
        "ervan worden als ongericht gelezen (vul de kolom directed met yes of no om iets "
        "anders op te geven)",
    "{value} is not a direction; expected yes or no (true/false, ja/nee, 1/0), or an empty "
    "cell to go by the tie type":
        "{value} is geen richting; verwacht: yes of no (true/false, ja/nee, 1/0), of een lege "
        "cel om het bandtype te volgen",
    "refused: the part {part} unpacks {packed} bytes into {unpacked} (compressed {ratio}:1, "
    "as a decompression bomb is); {limit}":
        "geweigerd: het onderdeel {part} pakt {packed} bytes uit tot {unpacked} (gecomprimeerd "
        "{ratio}:1, zoals een decompressiebom); {limit}",
    "refused: the workbook unpacks to more than {mb} MB; {limit}":
        "geweigerd: de werkmap pakt uit tot meer dan {mb} MB; {limit}",
    "refused: the sheet has more than {max_rows} rows ({rows}); {limit}":
        "geweigerd: het blad heeft meer dan {max_rows} rijen ({rows}); {limit}",
    "refused: the sheet has more than {max_rows} rows; at most {most} rows per sheet are "
    "accepted (Excel's own limit; set {variable} to raise it, or give the table as a CSV file)":
        "geweigerd: het blad heeft meer dan {max_rows} rijen; hoogstens {most} rijen per blad "
        "worden aanvaard (de grens van Excel zelf; zet {variable} om ze te verhogen, of geef "
        "de tabel als CSV-bestand)",
    "refused: a cell holds more than {mb} MB of text; at most {chars} characters are accepted "
    "(Excel's own limit for a cell)":
        "geweigerd: een cel bevat meer dan {mb} MB tekst; hoogstens {chars} tekens worden "
        "aanvaard (de grens van Excel zelf voor een cel)",
    "refused: a cell{part} holds more than {mb} MB of text; at most {chars} characters are "
    "accepted (Excel's own limit for a cell)":
        "geweigerd: een cel{part} bevat meer dan {mb} MB tekst; hoogstens {chars} tekens "
        "worden aanvaard (de grens van Excel zelf voor een cel)",
    " (in the part {part})": " (in het onderdeel {part})",
    "at most {mb} MB are accepted (set {variable} to raise the limit)":
        "hoogstens {mb} MB wordt aanvaard (zet {variable} om de grens te verhogen)",
    "at most {ratio}:1 is accepted (set {variable} to raise the limit)":
        "hoogstens {ratio}:1 wordt aanvaard (zet {variable} om de grens te verhogen)",
    "at most {rows} rows per sheet are accepted (Excel's own limit; set {variable} to raise "
    "it, or give the table as a CSV file)":
        "hoogstens {rows} rijen per blad worden aanvaard (de grens van Excel zelf; zet "
        "{variable} om ze te verhogen, of geef de tabel als CSV-bestand)",
    "the sheet is {how}; its {kind} are loaded like those of a visible sheet":
        "het blad is {how}; de {kind} erop worden geladen zoals die van een zichtbaar blad",
    "very hidden (only a macro can show it)":
        "zeer verborgen (alleen een macro kan het tonen)",
    "hidden (Excel: right-click a sheet tab, Unhide)":
        "verborgen (Excel: klik met de rechtermuisknop op een bladtab, Zichtbaar maken)",
    "ties": "banden",
    "sheet cannot be read: {reason}": "blad kan niet gelezen worden: {reason}",
    "unknown encoding {encoding}; try utf-8 or cp1252":
        "onbekende codering {encoding}; probeer utf-8 of cp1252",
    "cannot be decoded as {encoding} (byte 0x{byte} at position {position}); pass the file's "
    "real encoding with --encoding":
        "kan niet gedecodeerd worden als {encoding} (byte 0x{byte} op positie {position}); "
        "geef de echte codering van het bestand met --encoding",
    # (the codec twice: a pattern needs two names)
    "starts with a {codec} byte-order mark but is not valid {again}; save it again as CSV "
    "UTF-8 or pass --encoding":
        "begint met een {codec}-bytevolgordemarkering (BOM) maar is geen geldige {again}; "
        "bewaar het opnieuw als CSV UTF-8 of geef --encoding",
    "not a well-formed CSV file ({detail}); check quotes and separators (separator used: "
    "{sep})":
        "geen goed gevormd CSV-bestand ({detail}); controleer aanhalingstekens en "
        "scheidingstekens (gebruikt scheidingsteken: {sep})",
    "not a readable CSV file ({reason})": "geen leesbaar CSV-bestand ({reason})",
    "no coalitions, actors, memberships or ties table was found":
        "er is geen tabel coalitions, actors, memberships of ties gevonden",
    "(no extension)": "(geen extensie)",
    "{value} is too large; expected a count below {limit}":
        "{value} is te groot; verwacht: een aantal onder {limit}",
    "the year the member left": "het jaar waarin het lid vertrok",
    "could not tell which sectors take part from {value}; expected words such as Stad, "
    "Provincie, vzw, vrijwilligers or bedrijven, or fill the sectors column":
        "kon niet opmaken welke sectoren deelnemen uit {value}; verwacht: woorden zoals Stad, "
        "Provincie, vzw, vrijwilligers of bedrijven, of vul de kolom sectors in",
    "relation year {year} without a relation; fill the relation column ({allowed}) or leave "
    "the year empty":
        "relatiejaar {year} zonder relatie; vul de kolom relation in ({allowed}) of laat het "
        "jaar leeg",
    "relation year {year} lies outside the coalition's life (Leeftijd, einde); check the year":
        "relatiejaar {year} ligt buiten het bestaan van de coalitie (Leeftijd, einde); "
        "controleer het jaar",
    "{value} holds no year; expected the year the coalition ended, such as 2016":
        "{value} bevat geen jaar; verwacht: het jaar waarin de coalitie eindigde, zoals 2016",
    "end year: {problem}": "eindjaar: {problem}",
    "end year {end} is before the founding year {founded} (Leeftijd); expected an end year "
    "from the founding year on":
        "eindjaar {end} ligt voor het oprichtingsjaar {founded} (Leeftijd); verwacht: een "
        "eindjaar vanaf het oprichtingsjaar",
    "end year {end} is before the founding year {founded}":
        "eindjaar {end} ligt voor het oprichtingsjaar {founded}",
    "status {status} but the coalition has an end year; expected stopped or merged (Dutch: "
    "gestopt, opgegaan in), or no end year":
        "status {status} maar de coalitie heeft een eindjaar; verwacht: stopped of merged (in "
        "het Nederlands: gestopt, opgegaan in), of geen eindjaar",
    "{allowed} (or the study's Dutch labels); several separated by ; with the primary role "
    "first":
        "{allowed} (of de Nederlandse benamingen van het onderzoek); meerdere gescheiden door "
        "; met de primaire rol eerst",
    "left in {until}, before joining in {since}; expected a year from the year of joining on":
        "vertrokken in {until}, voor de toetreding in {since}; verwacht: een jaar vanaf het "
        "jaar van toetreding",
    "member {what} in {year}, after the coalition ended in {end}; check the year or the "
    "coalition's end year":
        "lid {what} in {year}, nadat de coalitie eindigde in {end}; controleer het jaar of het "
        "eindjaar van de coalitie",
    "joined": "toegetreden",
    "left": "vertrokken",
    "duplicate coalition: same city and name as {where} (id {id}); fill the id column to tell "
    "them apart":
        "dubbele coalitie: dezelfde stad en naam als {where} (id {id}); vul de kolom id in om "
        "ze te onderscheiden",

    # named queries (query --list)
    "The coalitions an actor (organisation or person) sits in, with the role, the year it "
    "joined and the year it left (empty: still a member).":
        "De coalities waarin een actor (organisatie of persoon) zit, met de rol, het jaar van "
        "toetreden en het jaar van vertrek (leeg: nog lid).",
    "Each coalition over time: founded, ended, status, its roles (primary first) and its "
    "relation to city government with the year that relation held.":
        "Elke coalitie door de tijd: opgericht, beëindigd, status, haar rollen (de primaire "
        "eerst) en haar relatie tot de stedelijke overheid, met het jaar waarin die relatie "
        "gold.",
    "The coalitions in the store, with city, founding and end year, status, role, relation to "
    "city government and number of members.":
        "De coalities in de opslag, met stad, oprichtings- en eindjaar, status, rol, relatie "
        "tot de stedelijke overheid en aantal leden.",
    "The members of one coalition, grouped by sector (organisations and persons, with their "
    "membership role and period).":
        "De leden van één coalitie, per sector (organisaties en personen, met hun rol als lid "
        "en hun periode).",

    # titles, notes, the report, the index and the map
    "What changed from wave 1 to wave 2 (coalitions changes --from 1)":
        "Wat er veranderde van golf 1 naar golf 2 (coalitions changes --from 1)",
    "warning: {message}": "waarschuwing: {message}",
    "loading the sample's two waves": "de twee golven van het voorbeeld laden",
    "comparing the waves": "de golven vergelijken",
    "wave": "golf",
    "waves": "golven",
    "as in `coalitions cities` ({mapping}; see coalitions explain)":
        "zoals in `coalitions cities` ({mapping}; zie coalitions explain)",
    "; provenance in full with --format csv, json, latex or markdown":
        "; volledige herkomst met --format csv, json, latex of markdown",
    "Waves": "Golven",
    "Coalitions per city by {by}": "Coalities per stad volgens {by}",
    "{table} (wave {a} → {b})": "{table} (golf {a} → {b})",
    "Wrote {path}: waves {waves} as times {times}":
        "{path} geschreven: golven {waves} als tijden {times}",
    "coalitions founded": "opgerichte coalities",
    "coalitions stopped": "gestopte coalities",
    "members joined": "toegetreden leden",
    "members left": "vertrokken leden",
    "roles changed": "veranderde rollen",
    "pivots": "spilfiguren",
    "cities": "steden",
    "actor area ∝ {label} (largest {top})": "oppervlak van een actor ∝ {label} (grootste {top})",
    "; coalition area ∝ number of members": "; oppervlak van een coalitie ∝ aantal leden",
    "actors all the same size: {label} is not known for any of them":
        "actoren allemaal even groot: {label} is voor geen enkele bekend",
    "actors all the same size: {label} is {value} for every actor shown":
        "actoren allemaal even groot: {label} is {value} voor elke getoonde actor",
    "… normalised: mean share of their two-paths they broker":
        "… genormaliseerd: gemiddeld aandeel van hun tweepaden waarin ze makelaar zijn",
    "Recorded": "Vastgelegd",
    "What the study records about each coalition":
        "Wat het onderzoek over elke coalitie vastlegt",
    "The study's questions 2 and 3, as recorded in the inventory: the in-between space (are "
    "officials and politicians visible in and between coalitions?), the coalition's autonomy, "
    "its dependence on resources, and its evaluation.":
        "Onderzoeksvragen 2 en 3 van het onderzoek, zoals vastgelegd in de inventaris: de "
        "tussenruimte (zijn ambtenaren en politici zichtbaar in en tussen coalities?), de "
        "autonomie van de coalitie, haar afhankelijkheid van middelen en haar evaluatie.",
    "No tussenruimte, autonomy, resource dependence or evaluation recorded for this city's "
    "coalitions.":
        "Geen tussenruimte, autonomie, afhankelijkheid van middelen of evaluatie vastgelegd "
        "voor de coalities van deze stad.",
    "Open the map on its own page": "Open de kaart op een eigen pagina",
    "Roles: the primary role first. Relation to city government (complementary, "
    "supplementary, adversarial; Young 2000) with the year it was recorded for.":
        "Rollen: de primaire rol eerst. Relatie tot de stedelijke overheid (complementair, "
        "supplementair, tegenstrevend; Young 2000) met het jaar waarvoor ze vastgelegd is.",
    "actor network: co-membership and symmetric ties both ways, directed ties source → target "
    "(ties {reading}: {n} of {m} directed)":
        "actorennetwerk: gedeeld lidmaatschap en symmetrische banden in beide richtingen, "
        "gerichte banden van bron → doel (banden {reading}: {n} van {m} gericht)",
    "as recorded": "zoals vastgelegd",
    "all directed": "alle gericht",
    "all undirected": "alle ongericht",
    # facts under a table ("{key}, as computed here: {value}")
    "exact on the actor network": "exact op het actorennetwerk",
    "exact on the two-mode network": "exact op het twee-modale netwerk",
    "exact on the actor network (predicted {seconds} s)":
        "exact op het actorennetwerk (voorspeld: {seconds} s)",
    "harmonic": "harmonisch",
    "classic": "klassiek",
    "per coalition: the actor network of its city (members of the city's coalitions in scope, "
    "and their ties)":
        "per coalitie: het actorennetwerk van haar stad (de leden van de coalities van de stad "
        "in de afbakening, en hun banden)",
    "per city: the members of its coalitions in scope, linked by shared coalitions and "
    "explicit ties":
        "per stad: de leden van haar coalities in de afbakening, verbonden door gedeelde "
        "coalities en expliciete banden",
    "the actor network of {city}: members of its coalitions and their ties":
        "het actorennetwerk van {city}: de leden van haar coalities en hun banden",
    "city actors' degree, betweenness and brokerage: per type, the actor network of the "
    "coalitions of that type (all cities in scope); member density and centralisation: per "
    "coalition, averaged":
        "graad, tussenpositie en makelaarschap van stedelijke actoren: per type, het "
        "actorennetwerk van de coalities van dat type (alle steden in de afbakening); "
        "dichtheid en centralisatie van het ledennetwerk: per coalitie, gemiddeld",
    "per city: its coalitions; (all cities): every coalition with a city":
        "per stad: haar coalities; (alle steden): elke coalitie met een stad",
    "sum over the officials and politicians in two or more of the city's coalitions, each as "
    "`brokers --city` counts it (sectors as groups)":
        "som over de ambtenaren en politici in twee of meer coalities van de stad, elk zoals "
        "`brokers --city` het telt (sectoren als groepen)",
    "mean over the same officials and politicians of their normalised brokerage":
        "gemiddelde over dezelfde ambtenaren en politici van hun genormaliseerde makelaarschap",
    "k = {k}, highest mean silhouette over k = {low}..{high} (bounds: at least 2 clusters, at "
    "most min(8, n ÷ 3) with n = {n} coalitions, so that clusters hold three coalitions on "
    "average; ties: the smaller k)":
        "k = {k}, hoogste gemiddelde silhouet over k = {low}..{high} (grenzen: minstens 2 "
        "clusters, hoogstens min(8, n ÷ 3) met n = {n} coalities, zodat een cluster gemiddeld "
        "drie coalities bevat; bij gelijke scores: de kleinere k)",
    "k = {k}, given (k = {given} of at most n − 1 = {most})":
        "k = {k}, opgegeven (k = {given} van hoogstens n − 1 = {most})",
    # a coalition whose members' composition differs from the declared one
    "coalition {name} ({id}): its members make it {members}, the inventory declares "
    "{declared}; the members' reading is used":
        "coalitie {name} ({id}): volgens haar leden is ze {members}, de inventaris geeft "
        "{declared} op; de lezing volgens de leden wordt gebruikt",
    "nonprofit only": "alleen nonprofit",
    "unknown": "onbekend",
    "city government + other government": "stedelijke overheid + andere overheid",
    "city government + nonprofit": "stedelijke overheid + nonprofit",
    "city government + private": "stedelijke overheid + privé",
    "other government + nonprofit": "andere overheid + nonprofit",
    "other government + private": "andere overheid + privé",
    "nonprofit + private": "nonprofit + privé",
    "city government + other government + nonprofit":
        "stedelijke overheid + andere overheid + nonprofit",
    "city government + other government + private":
        "stedelijke overheid + andere overheid + privé",
    "city government + nonprofit + private": "stedelijke overheid + nonprofit + privé",
    "other government + nonprofit + private": "andere overheid + nonprofit + privé",
    "city government + other government + nonprofit + private":
        "stedelijke overheid + andere overheid + nonprofit + privé",
    # the map's coalition facts
    "ended": "beëindigd",
    "status": "status",
    "roles": "rollen",
    " into {name}": " in {name}",
    "active": "actief",
    "stopped": "gestopt",
    "merged": "opgegaan",
    "Random seed: {seed}.": "Toevalsgetal (seed): {seed}.",
    "Wave: {wave}.": "Golf: {wave}.",
    "A <b>report</b> holds the city's profile, its coalitions, declared and structural pivots, "
    "brokers, the three clusterings, figures and the embedded map, with the input files and "
    "software versions it was made from. A <b>map</b> shows actors (dots: organisations, "
    "triangles: persons) and the coalitions they belong to (squares); hover or click for "
    "details, search and filter in the panel. Every page works offline: nothing is fetched "
    "from the internet.":
        "Een <b>rapport</b> bevat het profiel van de stad, haar coalities, opgegeven en "
        "structurele spilfiguren, makelaars, de drie clusteringen, figuren en de ingebedde "
        "kaart, met de invoerbestanden en softwareversies waaruit het gemaakt is. Een "
        "<b>kaart</b> toont actoren (bollen: organisaties, driehoeken: personen) en de "
        "coalities waartoe ze behoren (vierkanten); beweeg erover of klik voor details, zoek "
        "en filter in het paneel. Elke pagina werkt offline: er wordt niets van het internet "
        "gehaald.",

    # --- command help (typer reads it at import; cli.main translates it) ----------------
    "Coalitions of actors in cities as a property graph: load inventories, find pivot "
    "figures and brokers, draw offline network maps, query in Cypher.":
        "Coalities van actoren in steden als eigenschappengraaf: inventarissen inlezen, "
        "spilfiguren en makelaars vinden, offline netwerkkaarten tekenen, bevragen in Cypher.",
    "Coalitions of actors in cities as a property graph.":
        "Coalities van actoren in steden als eigenschappengraaf.",
    "Language of what you read: en or nl (default: COALITIONS_LANG, else the locale).":
        "Taal van wat u leest: en of nl (standaard: COALITIONS_LANG, anders de locale).",
    "Embedded store path (default ./coalitions.db; env COALITIONS_STORE).":
        "Pad van de ingebouwde opslag (standaard ./coalitions.db; omgeving COALITIONS_STORE).",
    "Use the Neo4j server at this URI (credentials from NEO4J_USERNAME / NEO4J_PASSWORD; "
    "database NEO4J_DATABASE). NEO4J_URI set in the environment has the same effect unless "
    "--store is given.":
        "Gebruik de Neo4j-server op deze URI (inloggegevens uit NEO4J_USERNAME / "
        "NEO4J_PASSWORD; database NEO4J_DATABASE). NEO4J_URI in de omgeving doet hetzelfde, "
        "tenzij --store gegeven is.",
    "Check input files and report every problem; writes nothing.":
        "Controleer invoerbestanden en meld elk probleem; schrijft niets.",
    "Workbook (.xlsx), folder of CSVs, or CSV files.":
        "Werkmap (.xlsx), map met CSV-bestanden, of CSV-bestanden.",
    "Text encoding of CSV files (default: detect; e.g. cp1252).":
        "Tekstcodering van CSV-bestanden (standaard: herkennen; bv. cp1252).",
    "Output format.": "Uitvoerformaat.",
    "Validate input files and load them into the store (idempotent, all or nothing).":
        "Controleer invoerbestanden en laad ze in de opslag (idempotent, alles of niets).",
    "Empty the store first.": "Maak de opslag eerst leeg.",
    "Nodes per label and relationships per type, in a stable order.":
        "Knopen per label en relaties per type, in een vaste volgorde.",
    "Run Cypher on the store: read-only unless --write is given.":
        "Voer Cypher uit op de opslag: alleen lezen, tenzij --write gegeven is.",
    "A Cypher query.": "Een Cypher-query.",
    "Query parameter name=value, repeatable. The value is text; name:TYPE=value gives it a "
    "type: int, float, bool, json or str (-p k:int=2, -p ids:json='[\"a\", \"b\"]').":
        "Queryparameter naam=waarde, herhaalbaar. De waarde is tekst; naam:TYPE=waarde geeft "
        "ze een type: int, float, bool, json of str (-p k:int=2, -p ids:json='[\"a\", \"b\"]').",
    "Allow the query to change the store, or files and extensions outside it (read-only "
    "otherwise).":
        "Sta de query toe de opslag te wijzigen, of bestanden en extensies daarbuiten "
        "(anders alleen lezen).",
    "Run a named query (see --list).": "Voer een benoemde query uit (zie --list).",
    "List the named queries.": "Toon de benoemde query's.",
    "Write the blank workbook a city fills in (Dutch headers, drop-down lists, an example row).":
        "Schrijf de lege werkmap die een stad invult (Nederlandse kolomkoppen, keuzelijsten, "
        "een voorbeeldrij).",
    "Where to write the workbook (.xlsx).": "Waar de werkmap (.xlsx) komt.",
    "Load the bundled sample, print the top pivot actors per city, write maps and reports.":
        "Laad het meegeleverde voorbeeld, toon de belangrijkste spilfiguren per stad, schrijf "
        "kaarten en rapporten.",
    "Folder for the maps and reports.": "Map voor de kaarten en rapporten.",
    "Pivot figures: centrality of every actor, ranked (default: betweenness).":
        "Spilfiguren: centraliteit van elke actor, gerangschikt (standaard: betweenness).",
    "Show only the first N rows.": "Toon alleen de eerste N rijen.",
    "Rank by this measure: {measures}": "Rangschik op deze maat: {measures}",
    "Compute on the actor × coalition network (Borgatti & Everett 1997 normalisations); rows "
    "for actors and coalitions.":
        "Bereken op het actor × coalitie-netwerk (normalisaties van Borgatti & Everett 1997); "
        "rijen voor actoren en coalities.",
    "Per coalition: the structural pivot beside the declared pivot, with explanations.":
        "Per coalitie: de structurele spilfiguur naast de opgegeven spilfiguur, met uitleg.",
    "Seed for sampled betweenness on large networks.":
        "Toevalsgetal (seed) voor de steekproef-betweenness op grote netwerken.",
    "Only this city.": "Alleen deze stad.",
    "Scope": "Afbakening",
    "Only this coalition (id or name).": "Alleen deze coalitie (id of naam).",
    "Only coalitions with this sub-theme or theme cluster.":
        "Alleen coalities met dit subthema of deze themacluster.",
    "Only actors of this sector.": "Alleen actoren uit deze sector.",
    "Only coalitions founded in or after this year.":
        "Alleen coalities opgericht in of na dit jaar.",
    "Only coalitions founded in or before this year.":
        "Alleen coalities opgericht in of voor dit jaar.",
    "What each measure means: the network it runs on, its normalisation, its reference and "
    "what happens on large networks, in plain words (English, or Dutch with --lang nl).":
        "Wat elke maat betekent: het netwerk waarop ze berekend wordt, de normalisatie, de "
        "bron en wat er op grote netwerken gebeurt, in gewone woorden (Nederlands met "
        "--lang nl, Engels met --lang en).",
    "One measure (default: all).": "Eén maat (standaard: alle).",
    "Language of the definitions: en or nl (default: the global --lang).":
        "Taal van de definities: en of nl (standaard: de algemene --lang).",
    "How embedded actors are: coreness, Burt's constraint and effective size, clustering, "
    "sector diversity of the ego network (or, with --coalitions, how embedded coalitions are).":
        "Hoe ingebed actoren zijn: kerngetal, Burts beperking en effectieve omvang, "
        "clustering, sectordiversiteit van het egonetwerk (of, met --coalitions, hoe ingebed "
        "coalities zijn).",
    "Per coalition: overlap, government presence, members active elsewhere.":
        "Per coalitie: overlap, aanwezigheid van de overheid, leden die elders actief zijn.",
    "Rank by this measure, highest first (default: coreness; with --coalitions: overlap).":
        "Rangschik op deze maat, hoogste eerst (standaard: coreness; met --coalitions: overlap).",
    "Gould & Fernandez (1989) brokerage roles per actor, with z-scores as R's sna reports.":
        "Makelaarsrollen van Gould & Fernandez (1989) per actor, met z-scores zoals R's sna "
        "ze geeft.",
    "Groups: sector, city, kind or function.": "Groepen: sector, city, kind of function.",
    "Leiden communities of the actor network (seeded), with modularity.":
        "Leiden-gemeenschappen van het actorennetwerk (met vaste seed), met modulariteit.",
    "List every actor's community instead of the summary.":
        "Toon de gemeenschap van elke actor in plaats van de samenvatting.",
    "Leiden resolution.": "Resolutie van Leiden.",
    "Random seed (results are reproducible).":
        "Toevalsgetal (seed; de resultaten zijn herhaalbaar).",
    "The study's clusterings of coalitions (theme, role, actor composition) as count tables.":
        "De clusteringen van coalities uit het onderzoek (thema, rol, actorsamenstelling) "
        "als teltabellen.",
    "theme, role, actors (the study's three clusterings) or data (data-driven).":
        "theme, role, actors (de drie clusteringen van het onderzoek) of data (uit de data).",
    "Number of clusters for --by data (default: best silhouette in 2..8).":
        "Aantal clusters voor --by data (standaard: beste silhouet in 2..8).",
    "Propose N case studies that together cover the variation over the three clusterings.":
        "Stel N casestudies voor die samen de variatie over de drie clusteringen dekken.",
    "How many cases to propose.": "Hoeveel cases voorgesteld worden.",
    "Per city: coalitions, government involvement, officials and politicians in between.":
        "Per stad: coalities, betrokkenheid van de overheid, ambtenaren en politici "
        "daartussen.",
    "The analysis table of one coalition.": "De analysetabel van één coalitie.",
    "Coalition id or name.": "Id of naam van de coalitie.",
    "The study's follow-up grid: per type of coalition, the role of city actors, government "
    "presence and the relations between actors.":
        "Het vervolgrooster van het onderzoek: per type coalitie de rol van stedelijke "
        "actoren, de aanwezigheid van de overheid en de relaties tussen actoren.",
    "government, theme, role or actors.": "government, theme, role of actors.",
    "Compute the measures on the whole graph and write them to the store as node properties "
    "(degree, betweenness, …, constraint, community), to query them in Cypher.":
        "Bereken de maten op de hele graaf en schrijf ze als knoopeigenschappen in de opslag "
        "(degree, betweenness, …, constraint, community), om ze in Cypher te bevragen.",
    "Seed for sampled measures and Leiden.":
        "Toevalsgetal (seed) voor steekproefmaten en Leiden.",
    "An interactive, offline network map (one HTML file) of a city, a coalition or the region.":
        "Een interactieve, offline netwerkkaart (één HTML-bestand) van een stad, een "
        "coalitie of de regio.",
    "File to write: .html for the interactive map; .svg, .png (300 dpi) or .pdf for a static "
    "figure.":
        "Te schrijven bestand: .html voor de interactieve kaart; .svg, .png (300 dpi) of .pdf "
        "voor een vaste figuur.",
    "The whole region (every city).": "De hele regio (elke stad).",
    "Measure that sizes actors.": "Maat die de grootte van actoren bepaalt.",
    "sector, community or theme.": "sector, community of theme.",
    "Above this many nodes, show a reduced view and say what was left out.":
        "Boven zoveel knopen: toon een beperkte weergave en zeg wat weggelaten is.",
    "Replace person names by stable pseudonyms (the same person gets the same one in every "
    "output of this store).":
        "Vervang namen van personen door vaste pseudoniemen (dezelfde persoon krijgt "
        "hetzelfde in elke uitvoer van deze opslag).",
    "One self-contained HTML report for a city: profile, pivots, brokers, clusterings, map, "
    "figures and provenance.":
        "Eén zelfstandig HTML-rapport voor een stad: profiel, spilfiguren, makelaars, "
        "clusteringen, kaart, figuren en herkomst.",
    "The city to report on.": "De stad van het rapport.",
    "HTML file to write.": "Te schrijven HTML-bestand.",
    "Export the network for Gephi, visone/yEd, Pajek, UCINET or pandas.":
        "Exporteer het netwerk voor Gephi, visone/yEd, Pajek, UCINET of pandas.",
    "gexf (Gephi), graphml (visone, yEd), pajek, dl (UCINET) or csv (a folder with nodes.csv "
    "and edges.csv).":
        "gexf (Gephi), graphml (visone, yEd), pajek, dl (UCINET) of csv (een map met "
        "nodes.csv en edges.csv).",
    "File (or folder for csv) to write.": "Te schrijven bestand (of map voor csv).",
    "actors or coalitions: a weighted one-mode network instead of the two-mode one.":
        "actors of coalitions: een gewogen één-modaal netwerk in plaats van het twee-modale.",
    "Add the actors' centrality measures as node attributes.":
        "Voeg de centraliteitsmaten van de actoren toe als knoopattributen.",
    "Show this message and exit.": "Toon deze hulp en stop.",
    # typer's and click's own headings
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Arguments": "Argumenten",
    "Usage:": "Gebruik:",
    "Missing command.": "Er ontbreekt een opdracht.",
    "No such option: {name}": "Onbekende optie: {name}",
    "Missing option {name}.": "Optie {name} ontbreekt.",
    "Missing argument {name}.": "Argument {name} ontbreekt.",
    "Got unexpected extra argument(s) ({args})": "Onverwacht(e) extra argument(en) ({args})",
    "Invalid value for {hint}: {message}": "Ongeldige waarde voor {hint}: {message}",
    "Error": "Fout",
    "[default: {}]": "[standaard: {}]",
    "[env var: {}]": "[omgevingsvariabele: {}]",
    "[required]": "[verplicht]",
    "Aborted.": "Afgebroken.",
    "(deprecated) ": "(verouderd) ",
    "Try [blue]'{command_path} {help_option}'[/] for help.":
        "Probeer [blue]'{command_path} {help_option}'[/] voor hulp.",

    # --- table titles, notes and messages of the CLI ----------------------------------
    "Hint": "Tip",
    "warning": "waarschuwing",
    "Input is valid": "De invoer is geldig",
    "Loaded into {where}": "Geladen in {where}",
    "Nothing changed in {where}": "Niets gewijzigd in {where}",
    "{engine} store {location}": "{engine}-opslag {location}",
    "Wrote {path}": "{path} geschreven",
    "Top pivot actors per city (betweenness on the city's actor network)":
        "Belangrijkste spilfiguren per stad (betweenness op het actorennetwerk van de stad)",
    "Sample loaded into {where}; {n} pages written to {out}/ (open {index})":
        "Voorbeeld geladen in {where}; {n} pagina's geschreven in {out}/ (open {index})",
    "Structural vs declared pivot per coalition":
        "Structurele en opgegeven spilfiguur per coalitie",
    "Pivot figures by {by}": "Spilfiguren volgens {by}",
    "Definitions": "Definities",
    "Brokers between groups of {group_by}": "Makelaars tussen groepen volgens {group_by}",
    "Communities (Leiden)": "Gemeenschappen (Leiden)",
    "modularity {modularity}; resolution {resolution}; seed {seed}":
        "modulariteit {modularity}; resolutie {resolution}; seed {seed}",
    "Data-driven clusters of coalitions": "Clusters van coalities uit de data",
    "Coalitions by {by}": "Coalities volgens {by}",
    "{n} proposed cases": "{n} voorgestelde cases",
    "City profiles": "Stadsprofielen",
    "Coalitions compared by {by}": "Coalities vergeleken volgens {by}",
    "Measures written to the store": "Maten geschreven in de opslag",
    "Coalition {coalition}": "Coalitie {coalition}",
    "Coalitions in {city}": "Coalities in {city}",
    "Coalitions in the region": "Coalities in de regio",
    "Wrote {path}: {nodes} nodes, {edges} edges.":
        "{path} geschreven: {nodes} knopen, {edges} verbindingen.",
    "Wrote {path}: {nodes} nodes, {edges} edges, {labels} labels ({unlabelled} left out where "
    "they would overlap).":
        "{path} geschreven: {nodes} knopen, {edges} verbindingen, {labels} labels "
        "({unlabelled} weggelaten waar ze zouden overlappen).",
    "by sector": "per sector",
    "members": "leden",
    "position": "positie",
    "Definitions in full: coalitions explain": "Volledige definities: coalitions explain",
    "{column}: {name} on the {network}; {normalisation}":
        "{column}: {name} (netwerk: {network}); {normalisation}",
    "{key}, as computed here: {value}": "{key}, zoals hier berekend: {value}",

    "loading": "laden",
    "demo": "demo",
    "analysing": "analyseren",
    "drawing": "tekenen",
    "writing the report": "rapport schrijven",
    "loading the sample": "voorbeeld laden",
    "analysing {city}": "{city} analyseren",
    "drawing the region": "de regio tekenen",
    "writing the report for {city}": "rapport voor {city} schrijven",
    "Coalitions in the 13 centre cities and Brussels":
        "Coalities in de 13 centrumsteden en Brussel",

    # --- errors (coalitions.errors and where they are raised) -------------------------
    "{n} problem in the input; nothing was written":
        "{n} probleem in de invoer; er is niets geschreven",
    "{n} problems in the input; nothing was written":
        "{n} problemen in de invoer; er is niets geschreven",
    "… and {n} more (`coalitions validate --format csv` lists them all)":
        "… en nog {n} (`coalitions validate --format csv` toont ze allemaal)",
    "sheet": "blad",
    "row": "rij",
    "column": "kolom",
    "No city named {city} in the store.": "Geen stad met de naam {city} in de opslag.",
    "Known cities: {cities}": "Bekende steden: {cities}",
    "No coalition with id or name {coalition}.": "Geen coalitie met id of naam {coalition}.",
    "`coalitions query --name coalitions` lists them.":
        "`coalitions query --name coalitions` toont ze.",
    "The name {name} is not unique ({ids}).": "De naam {name} is niet uniek ({ids}).",
    "Pass the coalition id instead.": "Geef in de plaats de id van de coalitie.",
    "The store is empty.": "De opslag is leeg.",
    "Load data first: coalitions load FILE (or coalitions demo).":
        "Laad eerst gegevens: coalitions load BESTAND (of coalitions demo).",
    "No store at {path}.": "Geen opslag op {path}.",
    "Load data first (`coalitions load FILE`) or pass --store.":
        "Laad eerst gegevens (`coalitions load BESTAND`) of geef --store.",
    "This store was opened read-only.": "Deze opslag is alleen-lezen geopend.",
    "Pass --write.": "Geef --write.",
    "Pass --write to allow changes.": "Geef --write om wijzigingen toe te staan.",
    "This store was opened read-only; it cannot be loaded.":
        "Deze opslag is alleen-lezen geopend; er kan niets in geladen worden.",
    "No coalition with id {coalition} in scope.":
        "Geen coalitie met id {coalition} in de afbakening.",
    "Cannot compare coalitions by {by}.": "Kan coalities niet vergelijken volgens {by}.",
    "`coalitions clusters --by theme` lists coalitions by name.":
        "`coalitions clusters --by theme` toont de coalities bij naam.",
    "--param {item} is not of the form name=value.":
        "--param {item} heeft niet de vorm naam=waarde.",
    "--param {item}: unknown type {kind}.": "--param {item}: onbekend type {kind}.",
    "explicit ties between actors, read as directed arcs (weights and tie types ignored)":
        "expliciete banden tussen actoren, gelezen als gerichte pijlen (gewichten en soorten "
        "banden genegeerd)",
    "Cannot rank by {by}.": "Kan niet rangschikken volgens {by}.",
    "Use one of: {values}": "Gebruik een van: {values}",
    "Use one of: {values}.": "Gebruik een van: {values}.",
    "No language {lang}.": "Geen taal {lang}.",
    "Use --lang en or --lang nl.": "Gebruik --lang en of --lang nl.",
    "No measure called {measure}.": "Geen maat met de naam {measure}.",
    "Known measures: {measures}": "Bekende maten: {measures}",
    "Cannot cluster by {by}.": "Kan niet clusteren volgens {by}.",
    "Use theme, role, actors or data.": "Gebruik theme, role, actors of data.",
    "Give a Cypher query, or --name NAME, or --list.":
        "Geef een Cypher-query, of --name NAAM, of --list.",
    "Say what to draw: --city NAME, --coalition ID or --region.":
        "Zeg wat getekend moet worden: --city NAAM, --coalition ID of --region.",
    "A static figure is coloured by sector.": "Een vaste figuur is gekleurd per sector.",
    "Leave out --color-by, or write .html for other colourings.":
        "Laat --color-by weg, of schrijf .html voor andere kleuringen.",
    "Cannot write a map as {suffix}.": "Kan geen kaart schrijven als {suffix}.",
    "Name the file .html (interactive) or .svg, .png, .pdf (static).":
        "Geef het bestand de extensie .html (interactief) of .svg, .png, .pdf (vast).",
    "Unknown export format {fmt}.": "Onbekend exportformaat {fmt}.",
    "Use gexf, graphml, pajek, dl or csv.": "Gebruik gexf, graphml, pajek, dl of csv.",
    "Unknown projection {projection}.": "Onbekende projectie {projection}.",
    "Use actors or coalitions.": "Gebruik actors of coalitions.",
    "Cannot colour the map by {by}.": "Kan de kaart niet kleuren volgens {by}.",
    "Cannot size the map by {by}: no such actor measure.":
        "Kan de grootte op de kaart niet bepalen met {by}: geen zo'n actormaat.",
    "The query tries to write, and the store is open read-only.":
        "De query probeert te schrijven, en de opslag is alleen-lezen geopend.",
    "The query tries to write, and it ran in read-only mode.":
        "De query probeert te schrijven, en ze liep in alleen-lezenmodus.",

    # --- problems in input files (coalitions.loaders) ---------------------------------
    "no input files were given": "er zijn geen invoerbestanden gegeven",
    "file or folder not found": "bestand of map niet gevonden",
    "file is empty": "bestand is leeg",
    "cannot be read: {reason}": "kan niet gelezen worden: {reason}",
    "empty cell; every {what} needs {needs}": "lege cel; een {what} heeft altijd {needs} nodig",
    "a name": "een naam", "a city": "een stad", "an id": "een id", "a kind": "een soort",
    "an actor": "een actor", "a coalition": "een coalitie", "a source": "een bron",
    "a target": "een doel", "actor": "actor", "membership": "lidmaatschap", "tie": "band",
    "kind": "soort",
    "unknown {vocabulary} {value}; allowed: {allowed}":
        "onbekende waarde {value} voor {vocabulary}; toegestaan: {allowed}",
    "{allowed} (Dutch: {dutch})": "{allowed} (in het Nederlands: {dutch})",
    "{value} is not a number; expected {what}": "{value} is geen getal; verwacht: {what}",
    "{value} is not a whole number; expected {what}":
        "{value} is geen geheel getal; verwacht: {what}",
    "{value} is negative; expected {what}": "{value} is negatief; verwacht: {what}",
    "impossible year {year}; expected a year from {first} to {last}":
        "onmogelijk jaar {year}; verwacht: een jaar van {first} tot {last}",
    "duplicate id {id}; it first appears in {where}":
        "dubbele id {id}; die komt eerst voor in {where}",
    "unknown theme {theme}, kept without a cluster; known themes: {known}":
        "onbekend thema {theme}, bewaard zonder cluster; bekende thema's: {known}",
    "could not read a founding year in {value}; expected {what}":
        "kon geen oprichtingsjaar lezen in {value}; verwacht: {what}",
    "unknown sector {sector}; allowed: {allowed}":
        "onbekende sector {sector}; toegestaan: {allowed}",
    "actor {actor} is not an id in the actors table":
        "actor {actor} is geen id in de tabel actors",
    "source {actor} is not an id in the actors table":
        "bron (source) {actor} is geen id in de tabel actors",
    "target {actor} is not an id in the actors table":
        "doel (target) {actor} is geen id in de tabel actors",
    "organisation {actor} is not an id in the actors table":
        "organisatie {actor} is geen id in de tabel actors",
    "duplicate membership: actor {actor} is already a member of this coalition in {where}; "
    "give one row per member and coalition (a member who left and came back: one row with the "
    "current period; an earlier period stays in the wave that recorded it)":
        "dubbel lidmaatschap: actor {actor} is al lid van deze coalitie in {where}; geef één "
        "rij per lid en coalitie (een lid dat vertrok en terugkwam: één rij met de huidige "
        "periode; een eerdere periode blijft in de golf die ze optekende)",
    "Input files: not recorded in the store for this wave.":
        "Invoerbestanden: niet opgetekend in de opslag voor deze golf.",
    "coalition {coalition} is neither a coalition id nor the name of a coalition in the "
    "coalitions table":
        "coalitie {coalition} is geen id en geen naam van een coalitie in de tabel coalitions",
    "coalition name {name} is ambiguous: it names coalitions {ids}; use the id":
        "coalitienaam {name} is dubbelzinnig: ze noemt de coalities {ids}; gebruik de id",
    "tie from {source} to itself; source and target must differ":
        "band van {source} naar zichzelf; bron en doel moeten verschillen",
    "{weight} is not a number; expected a weight of 0 or more":
        "{weight} is geen getal; verwacht: een gewicht van 0 of meer",
    "{weight} is negative; expected a weight of 0 or more":
        "{weight} is negatief; verwacht: een gewicht van 0 of meer",
    "duplicate tie: same source, target and type as {where}":
        "dubbele band: dezelfde bron, hetzelfde doel en type als {where}",
    "row {row}": "rij {row}",
    "row {row} of {place}": "rij {row} van {place}",
    "missing column {column}": "kolom {column} ontbreekt",
    "ignored: a CSV file in a folder must be named coalitions, actors, memberships or ties "
    "(Dutch: coalities, actoren, lidmaatschappen, banden); pass a workbook {rest}":
        "genegeerd: een CSV-bestand in een map moet coalitions, actors, memberships of ties "
        "heten (in het Nederlands: coalities, actoren, lidmaatschappen, banden); geef een "
        "werkmap {rest}",
    "unsupported file type {suffix}; expected .xlsx, .csv or a folder of CSV files":
        "niet ondersteund bestandstype {suffix}; verwacht: .xlsx, .csv of een map met "
        "CSV-bestanden",
    "not a text/CSV file (it contains binary data); export the sheet as CSV UTF-8":
        "geen tekst-/CSV-bestand (het bevat binaire gegevens); exporteer het blad als CSV UTF-8",
    "not a text/CSV file: it is a zip archive, probably an Excel workbook; give it the .xlsx "
    "extension":
        "geen tekst-/CSV-bestand: het is een zip-archief, waarschijnlijk een Excel-werkmap; "
        "geef het de extensie .xlsx",
    "row has {saw} cells but the header has {expected}; a cell that contains the separator "
    "{sep} must be in double quotes":
        "rij heeft {saw} cellen maar de kopregel {expected}; een cel met het scheidingsteken "
        "{sep} moet tussen dubbele aanhalingstekens staan",
    "sheet ignored: not one of coalitions, actors, memberships, ties":
        "blad genegeerd: niet een van coalitions, actors, memberships, ties",
    "unknown column ignored; the {kind} columns are: {columns}":
        "onbekende kolom genegeerd; de kolommen van {kind} zijn: {columns}",
    "(not in the study's taxonomy)": "(niet in de taxonomie van het onderzoek)",
    "a count of 0 or more": "een aantal van 0 of meer",
    "a year": "een jaar",
    "a year such as °1994, sinds 2008 or 1999": "een jaar zoals °1994, sinds 2008 of 1999",
    "{allowed} (or the study's Dutch labels)":
        "{allowed} (of de Nederlandse benamingen van het onderzoek)",
    "not UTF-8; read as {codec}. If accented letters look wrong, pass the right encoding with "
    "--encoding, or save the file as CSV UTF-8":
        "geen UTF-8; gelezen als {codec}. Zien letters met accenten er verkeerd uit, geef dan "
        "de juiste codering met --encoding, of bewaar het bestand als CSV UTF-8",
    "columns {a} and {b} both give the {what}; keep one":
        "de kolommen {a} en {b} geven allebei {what}; houd er één",
    "negative size in {value}; expected counts of 0 or more":
        "negatieve omvang in {value}; verwacht: aantallen van 0 of meer",
    "could not read a size in {value}; expected counts such as {example}":
        "kon geen omvang lezen in {value}; verwacht: aantallen zoals {example}",
    "size in {value} is too large; expected counts below {limit}":
        "omvang in {value} is te groot; verwacht: aantallen onder {limit}",
    "organisation {actor} is a person; expected the id of an organisation":
        "organisatie {actor} is een persoon; verwacht: de id van een organisatie",
    "organisation {actor} is not an id in the actors table; expected the id of the "
    "organisation this person works for":
        "organisatie {actor} is geen id in de tabel actors; verwacht: de id van de organisatie "
        "waar deze persoon werkt",
    "not a text/CSV file (no text encoding fits its bytes); export the sheet as CSV UTF-8":
        "geen tekst-/CSV-bestand (geen enkele tekstcodering past bij de bytes); exporteer het "
        "blad als CSV UTF-8",
    "cell has {n} characters; at most {limit} are accepted (Excel's own limit for a cell)":
        "cel heeft {n} tekens; hoogstens {limit} worden aanvaard (de grens van Excel zelf voor "
        "een cel)",
    "could not tell the text encoding: the file is not UTF-8 and the best guess, {guess}, is "
    "uncertain; pass --encoding (for example --encoding cp1252) or save the file as {rest}":
        "kon de tekstcodering niet bepalen: het bestand is geen UTF-8 en de beste gok, {guess}, "
        "is onzeker; geef --encoding (bijvoorbeeld --encoding cp1252) of bewaar het bestand "
        "als {rest}",
    "required column is missing; accepted headers: {headers}":
        "verplichte kolom ontbreekt; aanvaarde kopteksten: {headers}",
    "{suffix} files cannot be read; save the workbook as .xlsx (Excel workbook) or export each "
    "sheet as CSV":
        "{suffix}-bestanden kunnen niet gelezen worden; bewaar de werkmap als .xlsx "
        "(Excel-werkmap) of exporteer elk blad als CSV",
    "not a readable Excel workbook (.xlsx): {reason}":
        "geen leesbare Excel-werkmap (.xlsx): {reason}",
    "no sheet named coalitions, actors, memberships or ties (Dutch: coalities, actoren, "
    "lidmaatschappen, banden); sheets found: {sheets}":
        "geen blad met de naam coalitions, actors, memberships of ties (in het Nederlands: "
        "coalities, actoren, lidmaatschappen, banden); gevonden bladen: {sheets}",
    "no coalitions.csv, actors.csv, memberships.csv or ties.csv in this folder (Dutch names "
    "coalities, actoren, lidmaatschappen, banden are accepted too)":
        "geen coalitions.csv, actors.csv, memberships.csv of ties.csv in deze map (de "
        "Nederlandse namen coalities, actoren, lidmaatschappen, banden mogen ook)",
    "two sheets hold the {kind} table ({a} and {b}); keep one":
        "twee bladen bevatten de tabel {kind} ({a} en {b}); houd er één",

    # --- sentences and words the analyses write in their tables ---------------------
    "sits in 1 coalition": "zit in 1 coalitie",
    "sits in {k} coalitions": "zit in {k} coalities",
    "reaches {n} sectors through {m} contacts": "bereikt {n} sectoren via {m} contacten",
    "reaches 1 sector through {m} contacts": "bereikt 1 sector via {m} contacten",
    "reaches 1 sector through 1 contact": "bereikt 1 sector via 1 contact",
    "has no contacts in this network": "heeft geen contacten in dit netwerk",
    "betweenness 0: on no shortest path between other actors":
        "betweenness 0: op geen enkel kortste pad tussen andere actoren",
    "betweenness {b}, rank {r} of {t} actors": "betweenness {b}, rang {r} van {t} actoren",
    "betweenness {b}, rank {r} of {t} actors (tied with 1 other)":
        "betweenness {b}, rang {r} van {t} actoren (gelijk met 1 andere)",
    "betweenness {b}, rank {r} of {t} actors (tied with {o} others)":
        "betweenness {b}, rang {r} van {t} actoren (gelijk met {o} andere)",
    "the only link between {s} and {n} {t}": "de enige schakel tussen {s} en {n} {t}",
    "{n} members tied at betweenness {b} (rank {r} of {t} actors): {names}; each {fact}":
        "{n} leden met gelijke betweenness {b} (rang {r} van {t} actoren): {names}; elk "
        "{fact}",
    "{n} members tied at betweenness {b} (rank {r} of {t} actors): {rest}":
        "{n} leden met gelijke betweenness {b} (rang {r} van {t} actoren): {rest}",
    "no member lies on a shortest path between other actors of the city (highest "
    "betweenness 0)":
        "geen lid ligt op een kortste pad tussen andere actoren van de stad (hoogste "
        "betweenness 0)",
    "no members": "geen leden",
    "no pivot declared": "geen spilfiguur opgegeven",
    "with city government": "met stedelijke overheid",
    "without city government": "zonder stedelijke overheid",
    "expressive": "expressief",
    "service": "dienstverlenend",

    # --- the named queries (query --list) ----------------------------------------------
    "The coalitions an actor (organisation or person) sits in, with the role and year it "
    "joined.":
        "De coalities waarin een actor (organisatie of persoon) zit, met de rol en het jaar van "
        "toetreden.",
    "Actors (organisations and persons) in k or more coalitions of a city: the ones that link "
    "the city's coalitions.":
        "Actoren (organisaties en personen) in k of meer coalities van een stad: zij die de "
        "coalities van de stad verbinden.",
    "The coalitions in the store, with city, founding year, role, relation to city government "
    "and number of members.":
        "De coalities in de opslag, met stad, oprichtingsjaar, rol, relatie tot de stedelijke "
        "overheid en aantal leden.",
    "Coalitions founded in a period (both years included); coalitions with an unknown founding "
    "year are left out.":
        "Coalities opgericht in een periode (beide jaren inbegrepen); coalities met een "
        "onbekend oprichtingsjaar vallen weg.",
    "Pairs of coalitions that share members, with the number of shared actors (the "
    "coalition–coalition projection).":
        "Paren coalities met gedeelde leden, met het aantal gedeelde actoren (de projectie "
        "coalitie–coalitie).",
    "Coalitions without city government involvement: no member of the city_government sector, "
    "no official or politician among the members, and city_government not among the declared "
    "sectors.":
        "Coalities zonder betrokkenheid van de stedelijke overheid: geen lid uit de sector "
        "city_government, geen ambtenaar of politicus onder de leden, en city_government niet "
        "bij de opgegeven sectoren.",
    "Officials and politicians who sit in two or more coalitions (research question 3: is city "
    "government present in and between coalitions?).":
        "Ambtenaren en politici die in twee of meer coalities zitten (onderzoeksvraag 3: is de "
        "stedelijke overheid aanwezig in en tussen coalities?).",
    "The members of one coalition, grouped by sector (organisations and persons, with their "
    "membership role).":
        "De leden van één coalitie, per sector (organisaties en personen, met hun rol als lid).",
    "The shortest chains between two actors through shared coalitions (actor > coalition > "
    "actor > …), every chain of the shortest length.":
        "De kortste ketens tussen twee actoren via gedeelde coalities (actor > coalitie > "
        "actor > …), elke keten van de kortste lengte.",
    "Per city, the themes its coalitions address (theme cluster, sub-theme, number of "
    "coalitions).":
        "Per stad de thema's van haar coalities (themacluster, subthema, aantal coalities).",
    "The actors (members of at least one coalition) ranked highest on a measure stored by "
    "`coalitions analyse` (e.g. betweenness, degree, pagerank, coreness).":
        "De actoren (lid van minstens één coalitie) die het hoogst scoren op een maat die "
        "`coalitions analyse` bewaarde (bv. betweenness, degree, pagerank, coreness).",
    "The coalitions ranked highest on a measure stored by `coalitions analyse` (e.g. degree, "
    "betweenness, overlap, government_presence).":
        "De coalities die het hoogst scoren op een maat die `coalitions analyse` bewaarde (bv. "
        "degree, betweenness, overlap, government_presence).",

    # --- the city report ---------------------------------------------------------------
    "Coalitions, their pivots and brokers, and how city government takes part.":
        "Coalities, hun spilfiguren en makelaars, en hoe de stedelijke overheid deelneemt.",
    "Profile": "Profiel",
    "Coalitions": "Coalities",
    "Map": "Kaart",
    "Pivots": "Spilfiguren",
    "Brokers": "Makelaars",
    "Central actors": "Centrale actoren",
    "Clusterings": "Clusteringen",
    "Figures": "Figuren",
    "Provenance": "Herkomst",
    "Officials and politicians spanning coalitions":
        "Ambtenaren en politici over coalities heen",
    "name": "naam",
    "function": "functie",
    "coalitions": "coalities",
    "which": "welke",
    "No official or politician sits in two or more of this city's coalitions.":
        "Geen ambtenaar of politicus zit in twee of meer coalities van deze stad.",
    "Network map": "Netwerkkaart",
    "Actors (dots: organisations, triangles: persons) and coalitions (squares). Hover for "
    "details; the panel on the left filters and searches.":
        "Actoren (bollen: organisaties, driehoeken: personen) en coalities (vierkanten). "
        "Beweeg erover voor details; het paneel links filtert en zoekt.",
    "Network map of {city}": "Netwerkkaart van {city}",
    "The declared pivot (role pivot or coordinator) beside the structural pivot: the member "
    "with the highest betweenness in this city's actor network (the members of its "
    "coalitions, linked by co-membership and ties). Members tied at the top are all named; "
    "there is none when the highest betweenness is 0; a mismatch means every declared pivot "
    "ranks strictly lower.":
        "De opgegeven spilfiguur (rol spilfiguur of coördinator) naast de structurele "
        "spilfiguur: het lid met de hoogste betweenness in het actorennetwerk van deze stad "
        "(de leden van haar coalities, verbonden door gedeeld lidmaatschap en banden). Leden "
        "met dezelfde hoogste score worden allemaal genoemd; er is er geen als de hoogste "
        "betweenness 0 is; een verschil (mismatch) betekent dat elke opgegeven spilfiguur "
        "strikt lager staat.",
    "The ten actors with the highest {measure} in this city's network.":
        "De tien actoren met de hoogste {measure} in het netwerk van deze stad.",
    "Members of each coalition by sector": "Leden van elke coalitie per sector",
    "Distribution of {measure}": "Verdeling van {measure}",
    "Distribution of {measure} over {n} actors": "Verdeling van {measure} over {n} actoren",
    "actors": "actoren",
    "other or unknown": "ander of onbekend",
    "What each measure on this page means: the network it is computed on, its normalisation "
    "and its reference (the same text as":
        "Wat elke maat op deze pagina betekent: het netwerk waarop ze berekend is, de "
        "normalisatie en de bron (dezelfde tekst als",
    "Network:": "Netwerk:",
    "Normalisation:": "Normalisatie:",
    "Large networks:": "Grote netwerken:",
    "Reference:": "Bron:",
    "By theme": "Volgens thema",
    "By role": "Volgens rol",
    "By actor composition": "Volgens actorsamenstelling",
    "Generated {when}.": "Gemaakt op {when}.",
    "input file": "invoerbestand",
    "parameter": "parameter",
    "value": "waarde",
    "software": "software",
    "version": "versie",
    "Not available in this installation ({name}).":
        "Niet beschikbaar in deze installatie ({name}).",
    "Nothing to show for this city.": "Niets te tonen voor deze stad.",
    "Gould & Fernandez roles between sectors; network read: {network}.":
        "Rollen van Gould & Fernandez tussen sectoren; gelezen netwerk: {network}.",
    "Composition read from the members' sectors (citizens and knowledge institutions count "
    "as nonprofit; officials and politicians as city government).":
        "Samenstelling gelezen uit de sectoren van de leden (burgers en kennisinstellingen "
        "tellen als nonprofit; ambtenaren en politici als stedelijke overheid).",
    " Where the inventory declares otherwise: {warnings}.":
        " Waar de inventaris iets anders opgeeft: {warnings}.",
    "actors in them": "actoren erin",
    "memberships": "lidmaatschappen",
    "coalitions with city government taking part": "coalities met de stedelijke overheid",
    "{k} of {n} ({share})": "{k} van {n} ({share})",
    "{k} of {n}": "{k} van {n}",
    "coalitions with a declared pivot": "coalities met een opgegeven spilfiguur",
    "officials and politicians in two or more coalitions":
        "ambtenaren en politici in twee of meer coalities",
    "brokerage by those officials and politicians (Gould–Fernandez total, sectors as groups)":
        "makelaarschap van die ambtenaren en politici (totaal volgens Gould–Fernandez, "
        "sectoren als groepen)",
    "… of which between different sectors": "… waarvan tussen verschillende sectoren",
    "density of the city's actor network": "dichtheid van het actorennetwerk van de stad",
    "degree centralisation of the city's actor network (Freeman)":
        "graadcentralisatie van het actorennetwerk van de stad (Freeman)",
    ", on {n} actors and {m} links": ", op {n} actoren en {m} banden",
    "not defined for a city with one coalition (its members are all linked by it)":
        "niet bepaald voor een stad met één coalitie (haar leden zijn er allemaal door "
        "verbonden)",
    "Coalitions: city reports and maps": "Coalities: stadsrapporten en kaarten",
    "city": "stad",
    "report": "rapport",
    "map": "kaart",
    "The whole region": "De hele regio",
    "One report and one interactive map per city": "Eén rapport en één interactieve kaart per stad",
    ", and a map of the whole region": ", en een kaart van de hele regio",
    "Cities": "Steden",
    "Map of all cities (region)": "Kaart van alle steden (regio)",

    # --- the map page --------------------------------------------------------------------
    "Search": "Zoeken",
    "Name of an actor or coalition": "Naam van een actor of coalitie",
    "Search by name": "Zoeken op naam",
    "Show whole network": "Toon het hele netwerk",
    "Filter": "Filter",
    "Legend": "Legende",
    "organisation": "organisatie",
    "person": "persoon",
    "coalition": "coalitie",
    "declared pivot or coordinator": "opgegeven spilfiguur of coördinator",
    "member of": "lid van",
    "pivot / coordinator of": "spilfiguur / coördinator van",
    "direct tie": "rechtstreekse band",
    "Coalition colour: theme cluster": "Kleur van coalities: themacluster",
    "Size": "Grootte",
    "Details": "Details",
    "organisations": "organisaties",
    "persons": "personen",
    "sector not given": "sector niet opgegeven",
    "community {n}": "gemeenschap {n}",
    "{n} smaller communities": "{n} kleinere gemeenschappen",
    "actor area ∝ {label} (largest {top}); coalition area ∝ number of members":
        "oppervlak van een actor ∝ {label} (grootste {top}); oppervlak van een coalitie ∝ "
        "aantal leden",
    "Actor colour: sector": "Kleur van actoren: sector",
    "Actor colour: community": "Kleur van actoren: gemeenschap",
    "Actor colour: main theme cluster of its coalitions":
        "Kleur van actoren: belangrijkste themacluster van hun coalities",
    "{nodes} nodes, {edges} edges": "{nodes} knopen, {edges} verbindingen",
    "organisation ": "organisatie ",
    "declared pivot of": "opgegeven spilfiguur van",
    "themes": "thema's",
    "founded": "opgericht",
    "role": "rol",
    "relation": "relatie",
    "origin": "oorsprong",
    "declared pivot": "opgegeven spilfiguur",
    "none declared": "geen opgegeven",
    "Member of {n} coalition:": "Lid van {n} coalitie:",
    "Member of {n} coalitions:": "Lid van {n} coalities:",
    "{n} member:": "{n} lid:",
    "{n} members:": "{n} leden:",
    "Click a node to see its details.": "Klik op een knoop om de details te zien.",
    "No node matches.": "Geen knoop gevonden.",
    "{shown} of {total} nodes shown": "{shown} van {total} knopen getoond",
    "{actors} actors · {coalitions} coalitions · {links} links":
        "{actors} actoren · {coalitions} coalities · {links} banden",
    " (of {actors} actors and {coalitions} coalitions)":
        " (van {actors} actoren en {coalitions} coalities)",
    "city government": "stedelijke overheid",
    "other government": "andere overheid",
    "nonprofit": "nonprofit",
    "private": "privé",
    "citizens": "burgers",
    "knowledge institution": "kennisinstelling",
    "other or unknown theme": "ander of onbekend thema",
    "degree": "graad",
    "strength": "sterkte",
    "betweenness": "tussenpositie",
    "closeness": "nabijheid",
    "eigenvector": "eigenvector",
    "PageRank": "PageRank",
    "coreness": "kerngetal",
    "Reduced view: the network has {total} nodes, more than the limit of {limit}. Shown are "
    "the {actors} actors with the highest {label} and the {coalitions} coalitions they belong "
    "to; left out are {left_a} actors and {left_c} coalitions, and the links to them. To see "
    "them, draw one city or coalition, or raise the limit:":
        "Beperkte weergave: het netwerk heeft {total} knopen, meer dan de grens van {limit}. "
        "Getoond zijn de {actors} actoren met de hoogste {label} en de {coalitions} coalities "
        "waartoe ze behoren; weggelaten zijn {left_a} actoren en {left_c} coalities, en de "
        "banden met hen. Om ze te zien: teken één stad of coalitie, of verhoog de grens:",
    "+ {n} more": "+ nog {n}",
    # --- titles, figures and pages added since (waves, fields, paper-ready outputs) ---------
    "wave {wave} of the {where}": "golf {wave} van de {where}",
    " · wave {wave}": " · golf {wave}",
    # the timeline map (coalitions.viz.timeline.STRINGS)
    "Every wave in one page: the union laid out once, a control to show one wave at a time, "
    "what is new and what left marked.":
        "Elke golf op één pagina: het geheel één keer geschikt, een knop om één golf tegelijk "
        "te tonen, wat nieuw is en wat verdween gemarkeerd.",
    "A timeline shows every wave; wave= picks one.":
        "Een tijdlijn toont elke golf; wave= kiest er één.",
    "Leave out wave=, or leave out timeline=True to draw that wave.":
        "Laat wave= weg, of laat timeline=True weg om die golf te tekenen.",
    "--timeline shows every wave; --wave picks one.":
        "--timeline toont elke golf; --wave kiest er één.",
    "Leave out --wave, or leave out --timeline to draw that wave.":
        "Laat --wave weg, of laat --timeline weg om die golf te tekenen.",
    "A timeline map cannot be a static figure ({suffix}): it switches between waves in the "
    "browser.":
        "Een tijdlijnkaart kan geen statische figuur zijn ({suffix}): ze wisselt in de browser "
        "tussen golven.",
    "Name the file .html, or draw one wave as a figure: coalitions map --wave W --out "
    "FILE{suffix}":
        "Noem het bestand .html, of teken één golf als figuur: coalitions map --wave W --out "
        "BESTAND{suffix}",
    "Cannot write a timeline map as {what}.": "Kan een tijdlijnkaart niet schrijven als {what}.",
    "Name the file .html.": "Noem het bestand .html.",
    "A timeline needs two waves or more; the store holds {held}.":
        "Een tijdlijn heeft twee golven of meer nodig; de opslag bevat {held}.",
    "one wave ({name})": "één golf ({name})",
    "no wave": "geen golf",
    "Load the next inventory as a new wave (coalitions load FILE --wave NAME), or draw the one "
    "wave: coalitions map without --timeline.":
        "Laad de volgende inventaris als nieuwe golf (coalitions load BESTAND --wave NAAM), of "
        "teken de ene golf: coalitions map zonder --timeline.",
    "Nothing to draw: no wave holds a coalition or actor in this scope.":
        "Niets te tekenen: geen golf bevat een coalitie of actor binnen deze afbakening.",
    "`coalitions waves` lists the waves; widen the scope.":
        "`coalitions waves` toont de golven; verruim de afbakening.",
    "Wave": "Golf",
    "Arrow keys step through the waves.": "De pijltjestoetsen lopen door de golven.",
    "Between waves": "Tussen golven",
    "new since the previous wave (magenta halo)": "nieuw sinds de vorige golf (magenta rand)",
    "left since the previous wave: shown faded (what left earlier is hidden)":
        "verdwenen sinds de vorige golf: vervaagd getoond (wat eerder verdween is verborgen)",
    "link new since the previous wave": "band nieuw sinds de vorige golf",
    "link gone since the previous wave (faded)": "band verdwenen sinds de vorige golf (vervaagd)",
    " · waves {first} to {last}": " · golven {first} tot {last}",
    "{waves} waves · {actors} actors · {coalitions} coalitions · {links} links over all waves":
        "{waves} golven · {actors} actoren · {coalitions} coalities · {links} banden over "
        "alle golven",
    "Wave {wave}, the first: coalitions {coalitions}, actors {actors}.":
        "Golf {wave}, de eerste: coalities {coalitions}, actoren {actors}.",
    "Wave {wave}: coalitions {coalitions}, actors {actors}. Since wave {previous} "
    "(coalitions changes --from {previous} --to {wave}): coalitions founded {founded}, "
    "stopped {stopped}; members joined {joined}, left {left}.":
        "Golf {wave}: coalities {coalitions}, actoren {actors}. Sinds golf {previous} "
        "(coalitions changes --from {previous} --to {wave}): coalities opgericht {founded}, "
        "gestopt {stopped}; leden toegetreden {joined}, vertrokken {left}.",
    "in waves": "in golven",
    "{name} (wave {waves})": "{name} (golf {waves})",
    "{name} (waves {waves})": "{name} (golven {waves})",
    "Member of {n} coalition(s) in one wave or more:":
        "Lid van {n} coalitie(s) in één golf of meer:",
    "{n} member(s) in one wave or more:": "{n} lid/leden in één golf of meer:",
    "in the latest wave it is in": "in de laatste golf waarin hij voorkomt",
    "{shown} of the {present} nodes of this wave shown":
        "{shown} van de {present} knopen van deze golf getoond",
    "; {left} that left shown faded": "; {left} verdwenen vervaagd getoond",
    "Wrote {path}: waves {waves}; {nodes} nodes, {edges} edges over all waves.":
        "{path} geschreven: golven {waves}; {nodes} knopen, {edges} verbindingen over alle "
        "golven.",
    "inputs": "invoer",
    "The inventory waves in the store, in the order they were first loaded, with the files "
    "each was loaded from; commands read the latest unless --wave says otherwise.":
        "De inventarisgolven in de opslag, in de volgorde waarin ze eerst geladen werden, met "
        "de bestanden waaruit elk geladen werd; opdrachten lezen de laatste, tenzij --wave "
        "anders zegt.",
    "seed": "toevalsgetal",
    "in the network of {city}": "in het netwerk van {city}",
    "in the whole network": "in het hele netwerk",
    "Definitions and provenance": "Definities en herkomst",
    "The declared pivot beside the structural pivot (the member with the highest "
    "betweenness), with the reason.":
        "De opgegeven spilfiguur naast de structurele spilfiguur (het lid met de hoogste "
        "tussenpositie), met de reden.",
    "Clustering: {name}": "Clustering: {name}",
    "City profiles (coalitions in scope in brackets)":
        "Stadsprofielen (coalities binnen de afbakening tussen haakjes)",
    "Officials and politicians in 2+ coalitions": "Ambtenaren en politici in 2+ coalities",
    "the actor": "de actor",
    "Ego network of {name}: {k} coalitions, {n} others":
        "Egonetwerk van {name}: {k} coalities, {n} anderen",
    "coalition: {cluster}": "coalitie: {cluster}",
    "explicit tie": "expliciete band",
    "Coalitions demo: city reports and maps": "Demo van coalitions: stadsrapporten en kaarten",
    "Made by `coalitions demo` from the bundled sample: {cities} cities, {coalitions} "
    "coalitions, {actors} actors.":
        "Gemaakt met `coalitions demo` uit het meegeleverde voorbeeld: {cities} steden, "
        "{coalitions} coalities, {actors} actoren.",
}

# Column headers as a person reads them (terminal, Markdown, LaTeX); CSV and JSON keep the
# English keys. Measure columns not listed here take their definition's Dutch name.
COLUMNS: dict[str, str] = {
    # --- added for waves, fields, hardening, figures (issue 20 merge) ---
    "wave": "golf", "ended": "beëindigd", "number": "nummer", "loaded_at": "geladen op", "latest": "laatste",
    "coalition": "coalitie", "coalition_name": "naam coalitie", "actor_name": "naam actor",
    "theme": "thema", "share": "aandeel", "n_city_coalitions": "coalities in de stad",
    "linked_coalitions": "verbonden coalities", "this": "deze coalitie",
    "member_degree": "graad ledennetwerk", "possible": "mogelijk",
    "normalised": "genormaliseerd",
    "inbetween_brokerage_normalised": "makelaarschap tussenfiguren genormaliseerd",
    # changes between waves
    "before": "voor", "after": "na", "change": "verandering",
    "role_before": "rol voor", "role_after": "rol na",
    "declared_before": "opgegeven spilfiguur voor", "declared_after": "opgegeven spilfiguur na",
    "structural_before": "structurele spilfiguur voor",
    "structural_after": "structurele spilfiguur na",
    "rank_before": "rang voor", "rank_after": "rang na", "rank_change": "verandering rang",
    "betweenness_before": "tussenpositie voor", "betweenness_after": "tussenpositie na",
    "brokerage_before": "makelaarschap voor", "brokerage_after": "makelaarschap na",
    "brokerage_change": "verandering makelaarschap",
    "name": "naam", "id": "id", "city": "stad", "sector": "sector", "mode": "modus",
    "kind": "soort", "function": "functie", "group": "groep", "cluster": "cluster",
    "code": "code", "count": "aantal", "study_count": "gepubliceerd aantal",
    "examples": "voorbeelden", "table": "tabel", "rows": "rijen", "label": "label",
    "type": "type", "file": "bestand", "sheet": "blad", "row": "rij", "column": "kolom",
    "level": "niveau", "message": "melding", "field": "veld", "value": "waarde",
    "rank": "rang", "composition": "samenstelling", "why": "waarom",
    "coalitions": "coalities", "actors": "actoren", "members": "leden",
    "memberships": "lidmaatschappen", "ties": "banden", "nodes": "knopen",
    "relationships": "relaties", "created": "aangemaakt", "updated": "bijgewerkt",
    "unchanged": "ongewijzigd", "removed": "verwijderd",
    "structural_pivot_names": "structurele spilfiguur",
    "declared_pivot_names": "opgegeven spilfiguur", "mismatch": "verschil",
    "structural_explanation": "uitleg", "coordinator": "coördinator",
    "itinerant": "rondtrekkend", "representative": "vertegenwoordiger",
    "gatekeeper": "poortwachter", "liaison": "verbinder", "total": "totaal",
    "z_total": "z totaal", "community": "gemeenschap", "size": "omvang",
    "themes": "thema's", "founded_year": "opgericht", "role": "rol",
    "relation": "relatie", "origin": "oorsprong", "measure": "maat",
    "definition": "definitie", "network": "netwerk", "normalisation": "normalisatie",
    "reference": "bron", "large_networks": "grote netwerken",
    "n_coalitions": "coalities", "n_actors": "actoren", "n_edges": "banden",
    "query": "query", "description": "beschrijving", "parameters": "parameters",
    "properties": "eigenschappen",
    "founded": "opgericht", "declared pivot": "opgegeven spilfiguur",
    "structural_pivot": "structurele spilfiguur",
    # measures: short headers (the footer and `coalitions explain` give the full names)
    "degree": "graad", "strength": "sterkte", "betweenness": "tussenpositie",
    "closeness": "nabijheid", "eigenvector": "eigenvector", "pagerank": "pagerank",
    "coreness": "kerngetal", "constraint": "beperking", "effective_size": "effectieve omvang",
    "clustering": "clustering", "sector_diversity": "sectordiversiteit", "overlap": "overlap",
    "share_active_elsewhere": "aandeel elders actief", "modularity": "modulariteit",
    "density": "dichtheid", "centralisation": "centralisatie",
    # city profiles, comparisons, cases
    "cities": "steden", "n_with_government": "met overheid",
    "share_with_government": "aandeel met overheid", "n_inbetween": "aantal tussenfiguren",
    "inbetween": "tussenfiguren", "inbetween_brokerage": "makelaarschap tussenfiguren",
    "inbetween_brokerage_between_sectors": "waarvan tussen sectoren",
    "n_city_actors": "stedelijke actoren", "n_members": "leden",
    "city_actor_betweenness": "tussenpositie stedelijke actoren",
    "city_actor_brokerage": "makelaarschap stedelijke actoren",
    "city_actor_degree": "graad stedelijke actoren",
    "city_government_organisations": "organisaties stedelijke overheid",
    "officials": "ambtenaren", "politicians": "politici",
    "government_presence": "aanwezigheid overheid",
    "government_share_of_members": "aandeel overheid onder leden",
    "mean_member_centralisation": "gem. centralisatie ledennetwerk",
    "mean_member_density": "gem. dichtheid ledennetwerk",
    "declared_betweenness": "tussenpositie opgegeven", "declared_explanation": "uitleg opgegeven",
    "declared_pivot": "opgegeven spilfiguur", "declared_pivots": "opgegeven spilfiguren (id)",
    "structural_betweenness": "tussenpositie structureel",
    "structural_pivots": "structurele spilfiguren (id)", "role_kind": "soort rol",
    "shared_members": "gedeelde leden", "sectors": "sectoren", "theme_clusters": "themaclusters",
    "with_government": "met overheid", "covers": "dekt", "features": "kenmerken",
    "silhouette": "silhouet", "params": "parameters",
    "z_coordinator": "z coördinator", "z_gatekeeper": "z poortwachter",
    "z_itinerant": "z rondtrekkend", "z_liaison": "z verbinder",
    "z_representative": "z vertegenwoordiger",
    "files": "bestanden", "sha256": "SHA-256",
}
