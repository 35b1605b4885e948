// description: Per city, the themes its coalitions address (theme cluster, sub-theme, number of coalitions).
// param: city = "" — only this city (empty: all cities)
// param: wave = "" — the inventory wave (empty: the latest; `coalitions waves` lists them)
MATCH (c:Coalition)-[:IN_CITY]->(ci:City), (c)-[:ADDRESSES]->(t:Theme)
WHERE c.wave = $wave AND ($city = '' OR toLower(ci.name) = toLower($city))
RETURN ci.name AS city, t.cluster AS cluster, t.name AS theme, count(DISTINCT c) AS n_coalitions
ORDER BY city, cluster, theme
