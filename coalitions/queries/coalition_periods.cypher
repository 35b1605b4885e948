// description: Each coalition over time: founded, ended, status, its roles (primary first) and its relation to city government with the year that relation held.
// param: status = "" — only coalitions with this status: active, stopped or merged (empty: all)
// param: city = "" — only coalitions of this city (empty: all cities)
// param: wave = "" — the inventory wave (empty: the latest; `coalitions waves` lists them)
MATCH (c:Coalition)
WHERE c.wave = $wave AND ($status = '' OR c.status = $status)
  AND ($city = '' OR toLower(c.city) = toLower($city))
RETURN c.id AS id, c.name AS name, c.city AS city, c.founded_year AS founded_year,
       c.end_year AS end_year, c.status AS status, c.merged_into AS merged_into,
       c.roles AS roles,
       c.relation AS relation, c.relation_year AS relation_year, c.origin AS origin
ORDER BY city, name, id
