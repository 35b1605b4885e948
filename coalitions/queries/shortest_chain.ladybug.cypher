// LadybugDB variant of shortest_chain.cypher (same parameters, same columns). Why it differs:
// LadybugDB has no allShortestPaths() (it writes `* ALL SHORTEST`), no list comprehensions
// or reduce() (list_transform, list_reduce), and `(a:Person:Organisation)` means either label.
// The lists are built inline: list_reduce over a list carried through WITH fails to bind
// ("Cannot evaluate expression with type PROPERTY", ladybug 0.22.0).
MATCH p = (a:Person:Organisation)-[:MEMBER_OF* ALL SHORTEST 1..20]-(b:Person:Organisation)
WHERE (a.id = $source OR toLower(a.name) = toLower($source))
  AND (b.id = $target OR toLower(b.name) = toLower($target))
  AND a.id <> b.id AND a.wave = $wave AND b.wave = $wave
RETURN length(p) / 2 AS coalitions,
       list_reduce(list_transform(nodes(p), n -> n.name), (s, x) -> s + ' > ' + x) AS chain,
       list_reduce(list_transform(nodes(p), n -> n.id), (s, x) -> s + ' > ' + x) AS ids
ORDER BY coalitions, ids
LIMIT $limit
