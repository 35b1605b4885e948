"""Start-up and exit cost the command line does not need to pay.

python-igraph imports ``matplotlib.pyplot`` when it is imported, for plotting through igraph,
which this package never does: about 0.9 s of every command's start-up, more than the whole
analysis of 20,000 memberships. (A lazy module does not help: the import system touches
``__spec__`` of a module found in ``sys.modules``, which executes it.)

At exit, Python 3.11 runs full cyclic garbage collections while it tears the modules down;
with pandas, scipy and igraph loaded that took 0.25-0.37 s of a 2.2 s ``coalitions pivots``
at 20,000 memberships, for memory the operating system takes back anyway.
"""

from __future__ import annotations

import gc
import sys

__all__ = ["import_igraph_without_plotting", "spare_exit_collections"]

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


def spare_exit_collections() -> None:
    """Move every live object out of the collector's reach (``gc.freeze``) once the command
    is done, so that the collections of interpreter shutdown have nothing to walk.

    For the end of the command-line process only: stores, drivers and files are closed by
    then (each command closes what it opens), and nothing after this allocates much.
    """
    gc.freeze()
