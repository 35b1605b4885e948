// description: The members of one coalition, grouped by sector (organisations and persons, with their membership role and period).
// param: coalition (required) — the coalition's id, or its name (case-insensitive)
MATCH (a)-[m:MEMBER_OF]->(c:Coalition)
WHERE c.id = $coalition OR toLower(c.name) = toLower($coalition)
// `kind` without labels()/label(), which differ between the engines.
RETURN c.id AS coalition, a.sector AS sector,
       CASE WHEN EXISTS { MATCH (p:Person) WHERE p.id = a.id } THEN 'person'
            ELSE 'organisation' END AS kind,
       a.id AS id, a.name AS name, a.function AS function, m.role AS role, m.since AS since,
       m.until AS until
ORDER BY coalition, sector, kind, name, id
