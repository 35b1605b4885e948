// description: The shortest chains between two actors through shared coalitions (actor > coalition > actor > …), every chain of the shortest length.
// param: source (required) — an actor's id, or its name (case-insensitive)
// param: target (required) — another actor's id, or its name
// param: limit = 25 — at most this many chains
// param: wave = "" — the inventory wave (empty: the latest; `coalitions waves` lists them)
// Written for Neo4j (allShortestPaths, list comprehensions, reduce); LadybugDB runs
// shortest_chain.ladybug.cypher, which says why.
MATCH (a), (b)
WHERE (a:Person OR a:Organisation) AND (b:Person OR b:Organisation)
  AND (a.id = $source OR toLower(a.name) = toLower($source))
  AND (b.id = $target OR toLower(b.name) = toLower($target))
  AND a.id <> b.id AND a.wave = $wave AND b.wave = $wave
MATCH p = allShortestPaths((a)-[:MEMBER_OF*..20]-(b))
WITH p, [n IN nodes(p) | n.name] AS names, [n IN nodes(p) | n.id] AS keys
RETURN length(p) / 2 AS coalitions,
       reduce(s = head(names), x IN tail(names) | s + ' > ' + x) AS chain,
       reduce(s = head(keys), x IN tail(keys) | s + ' > ' + x) AS ids
ORDER BY coalitions, ids
LIMIT $limit
