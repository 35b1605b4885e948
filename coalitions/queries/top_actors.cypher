// description: The actors (members of at least one coalition) ranked highest on a measure stored by `coalitions analyse` (e.g. betweenness, degree, pagerank, coreness).
// param: measure: actor_measure (required) — a measure name; `coalitions query --list` and the docs list them
// param: limit = 20 — how many actors
// param: city = "" — only actors based in this city (empty: all)
// param: wave = "" — the inventory wave (empty: the latest; `coalitions waves` lists them)
// The measure placeholder (double braces) stands for a property key, which no Cypher dialect takes as a parameter; the runner
// inserts it only after checking it against the fixed list schema.MEASURE_PROPERTIES, so no
// user text reaches the query.
MATCH (a)-[:MEMBER_OF]->(:Coalition)
WHERE a.wave = $wave AND a.{{measure}} IS NOT NULL AND ($city = '' OR toLower(a.city) = toLower($city))
WITH DISTINCT a
// p.wave = $wave rather than = a.wave: LadybugDB 0.22 fails ("Cannot evaluate expression with
// type PROPERTY") on two correlated properties in this EXISTS when the rows are then ordered.
RETURN a.id AS id, a.name AS name,
       CASE WHEN EXISTS { MATCH (p:Person) WHERE p.id = a.id AND p.wave = $wave } THEN 'person'
            ELSE 'organisation' END AS kind,
       a.sector AS sector, a.function AS function, a.city AS city, a.{{measure}} AS value
ORDER BY value DESC, id
LIMIT $limit
