// description: Actors (organisations and persons) in k or more coalitions of a city: the ones that link the city's coalitions.
// param: city (required) — the city's name (case-insensitive)
// param: k = 2 — the least number of the city's coalitions an actor sits in
// param: wave = "" — the inventory wave (empty: the latest; `coalitions waves` lists them)
MATCH (a)-[:MEMBER_OF]->(c:Coalition)
WHERE c.wave = $wave AND toLower(c.city) = toLower($city)
WITH a, count(DISTINCT c) AS n_coalitions
WHERE n_coalitions >= $k
// p.wave = $wave rather than = a.wave: LadybugDB 0.22 fails ("Cannot evaluate expression with
// type PROPERTY") on two correlated properties in this EXISTS when the rows are then ordered.
RETURN a.id AS id, a.name AS name,
       CASE WHEN EXISTS { MATCH (p:Person) WHERE p.id = a.id AND p.wave = $wave } THEN 'person'
            ELSE 'organisation' END AS kind,
       a.sector AS sector, a.function AS function, n_coalitions
ORDER BY n_coalitions DESC, name, id
