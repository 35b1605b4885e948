// description: Pairs of coalitions that share members, with the number of shared actors (the coalition–coalition projection).
// param: city = "" — only pairs with at least one coalition in this city (empty: all pairs)
// param: min_shared = 1 — the least number of shared actors
// param: wave = "" — the inventory wave (empty: the latest; `coalitions waves` lists them)
MATCH (c1:Coalition)<-[:MEMBER_OF]-(a)-[:MEMBER_OF]->(c2:Coalition)
WHERE c1.wave = $wave AND c1.id < c2.id
  AND ($city = '' OR toLower(c1.city) = toLower($city) OR toLower(c2.city) = toLower($city))
WITH c1, c2, count(DISTINCT a) AS shared
WHERE shared >= $min_shared
RETURN c1.id AS coalition_1, c1.name AS name_1, c1.city AS city_1,
       c2.id AS coalition_2, c2.name AS name_2, c2.city AS city_2, shared
ORDER BY shared DESC, coalition_1, coalition_2
