// description: The coalitions in the store, with city, founding and end year, status, role, relation to city government and number of members.
// param: city = "" — only coalitions of this city (empty: all cities)
// param: wave = "" — the inventory wave (empty: the latest; `coalitions waves` lists them)
MATCH (c:Coalition)
WHERE c.wave = $wave AND ($city = '' OR toLower(c.city) = toLower($city))
OPTIONAL MATCH (a)-[:MEMBER_OF]->(c)
RETURN c.id AS id, c.name AS name, c.city AS city, c.founded_year AS founded_year,
       c.end_year AS end_year, c.status AS status, c.role AS role,
       c.relation AS relation, c.origin AS origin,
       count(DISTINCT a) AS n_members
ORDER BY city, name, id
