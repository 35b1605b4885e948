// description: Coalitions without city government involvement: no member of the city_government sector, no official or politician among the members, and city_government not among the declared sectors.
// param: city = "" — only coalitions of this city (empty: all cities)
// param: wave = "" — the inventory wave (empty: the latest; `coalitions waves` lists them)
MATCH (c:Coalition)
WHERE c.wave = $wave AND ($city = '' OR toLower(c.city) = toLower($city))
  AND NOT ('city_government' IN coalesce(c.sectors, []))
  AND NOT EXISTS { MATCH (a)-[:MEMBER_OF]->(c) WHERE a.sector = 'city_government' }
  AND NOT EXISTS { MATCH (p:Person)-[:MEMBER_OF]->(c)
                   WHERE p.function IN ['official', 'politician'] }
OPTIONAL MATCH (m)-[:MEMBER_OF]->(c)
RETURN c.id AS id, c.name AS name, c.city AS city, c.founded_year AS founded_year,
       c.relation AS relation, c.origin AS origin, count(DISTINCT m) AS n_members
ORDER BY city, name, id
