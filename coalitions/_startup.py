"""Start-up cost the command line does not need to pay.

python-igraph imports ``matplotlib.pyplot`` when it is imported, for plotting through igraph,
which this package never does: about 0.9 s of every command's start-up, more than the whole
analysis of 20,000 memberships. (A lazy module does not help: the import system touches
``__spec__`` of a module found in ``sys.modules``, which executes it.)
"""

from __future__ import annotations

import sys

__all__ = ["import_igraph_without_plotting"]

_PLOTTING = ("matplotlib", "matplotlib.pyplot", "cairo", "cairocffi")


def import_igraph_without_plotting() -> None:
    """Import igraph with its plotting back-ends hidden, so that it skips them.

    For the command line only: in that process igraph's own ``plot`` cannot use matplotlib
    (nothing here calls it; our figures import matplotlib themselves and are unaffected).
    Library users keep the normal import. Does nothing if igraph is imported already.
    """
    if "igraph" in sys.modules:
        return
    hidden = [name for name in _PLOTTING if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` fail
    try:
        import igraph  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]
