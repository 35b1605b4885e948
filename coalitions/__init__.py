"""coalitions — coalitions of actors in cities as a property graph.

Load coalition inventories, find pivot figures and embeddedness, draw offline network maps,
query in Cypher on an embedded LadybugDB store or a shared Neo4j server.
"""

from __future__ import annotations

__version__ = "0.1.0"
