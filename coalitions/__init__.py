"""coalitions — coalitions of actors in cities as a property graph.

Load coalition inventories, find pivot figures and embeddedness, draw offline network maps,
query in Cypher on an embedded LadybugDB store or a shared Neo4j server.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["SAMPLE", "Coalitions", "__version__"]


def __getattr__(name: str):
    # `import coalitions; coalitions.Coalitions.open(...)` in a notebook, without making the
    # command line (which imports this package first) load pandas and the stores at start.
    if name in ("Coalitions", "SAMPLE"):
        from coalitions import api

        return getattr(api, name)
    raise AttributeError(f"module 'coalitions' has no attribute {name!r}")
