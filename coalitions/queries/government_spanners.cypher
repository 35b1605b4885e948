// description: Officials and politicians who sit in two or more coalitions (research question 3: is city government present in and between coalitions?).
// param: city = "" — count only coalitions of this city (empty: all cities)
// param: k = 2 — the least number of coalitions
// param: wave = "" — the inventory wave (empty: the latest; `coalitions waves` lists them)
MATCH (p:Person)-[:MEMBER_OF]->(c:Coalition)
WHERE c.wave = $wave AND p.function IN ['official', 'politician']
  AND ($city = '' OR toLower(c.city) = toLower($city))
WITH p, count(DISTINCT c) AS n_coalitions, count(DISTINCT c.city) AS n_cities
WHERE n_coalitions >= $k
OPTIONAL MATCH (p)-[:AFFILIATED_WITH]->(o:Organisation)
RETURN p.id AS id, p.name AS name, p.function AS function, p.sector AS sector,
       o.name AS organisation, n_coalitions, n_cities
ORDER BY n_coalitions DESC, name, id
