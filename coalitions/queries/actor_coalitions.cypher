// description: The coalitions an actor (organisation or person) sits in, with the role, the year it joined and the year it left (empty: still a member).
// param: actor (required) — the actor's id, or its name (case-insensitive)
// param: wave = "" — the inventory wave (empty: the latest; `coalitions waves` lists them)
MATCH (a)-[m:MEMBER_OF]->(c:Coalition)
WHERE c.wave = $wave AND (a.id = $actor OR toLower(a.name) = toLower($actor))
RETURN a.id AS actor, a.name AS actor_name, c.id AS coalition, c.name AS name,
       c.city AS city, m.role AS role, m.since AS since, m.until AS until
ORDER BY actor, city, name, coalition
