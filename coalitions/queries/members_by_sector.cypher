// description: The members of one coalition, grouped by sector (organisations and persons, with their membership role and period).
// param: coalition (required) — the coalition's id, or its name (case-insensitive)
// param: wave = "" — the inventory wave (empty: the latest; `coalitions waves` lists them)
MATCH (a)-[m:MEMBER_OF]->(c:Coalition)
WHERE c.wave = $wave AND (c.id = $coalition OR toLower(c.name) = toLower($coalition))
// `kind` without labels()/label(), which differ between the engines.
// p.wave = $wave rather than = a.wave: LadybugDB 0.22 fails ("Cannot evaluate expression with
// type PROPERTY") on two correlated properties in this EXISTS when the rows are then ordered.
RETURN c.id AS coalition, a.sector AS sector,
       CASE WHEN EXISTS { MATCH (p:Person) WHERE p.id = a.id AND p.wave = $wave } THEN 'person'
            ELSE 'organisation' END AS kind,
       a.id AS id, a.name AS name, a.function AS function, m.role AS role, m.since AS since,
       m.until AS until
ORDER BY coalition, sector, kind, name, id
