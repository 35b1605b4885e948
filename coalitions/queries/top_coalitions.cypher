// description: The coalitions ranked highest on a measure stored by `coalitions analyse` (e.g. degree, betweenness, overlap, government_presence).
// param: measure: coalition_measure (required) — a coalition measure name
// param: limit = 20 — how many coalitions
// param: city = "" — only coalitions of this city (empty: all)
// param: wave = "" — the inventory wave (empty: the latest; `coalitions waves` lists them)
// The measure placeholder stands for a property key (see top_actors.cypher): validated against
// schema.MEASURE_PROPERTIES by the runner before it is inserted.
MATCH (c:Coalition)
WHERE c.wave = $wave AND c.{{measure}} IS NOT NULL AND ($city = '' OR toLower(c.city) = toLower($city))
RETURN c.id AS id, c.name AS name, c.city AS city, c.{{measure}} AS value
ORDER BY value DESC, id
LIMIT $limit
