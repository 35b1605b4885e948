// description: Coalitions founded in a period (both years included); coalitions with an unknown founding year are left out.
// param: since = 0 — first year of the period
// param: until = 9999 — last year of the period
// param: city = "" — only coalitions of this city (empty: all cities)
// param: wave = "" — the inventory wave (empty: the latest; `coalitions waves` lists them)
MATCH (c:Coalition)
WHERE c.wave = $wave AND c.founded_year IS NOT NULL AND c.founded_year >= $since AND c.founded_year <= $until
  AND ($city = '' OR toLower(c.city) = toLower($city))
RETURN c.id AS id, c.name AS name, c.city AS city, c.founded_year AS founded_year,
       c.raw_founded AS raw_founded
ORDER BY founded_year, city, name, id
