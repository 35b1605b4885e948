"""Start-up and exit cost the command line does not need to pay.

python-igraph imports ``matplotlib.pyplot`` when it is imported, for plotting through igraph,
which this package never does: about 0.9 s of every command's start-up, more than the whole
analysis of 20,000 memberships. The command line hides the plotting back-ends while igraph
executes, when a command first imports it (see :func:`igraph_without_plotting_when_imported`).

scipy imports ``numpy.f2py`` and ``numpy.testing`` (about 0.1 s) without using them: its
array-API layer runs ``from numpy import *``, and numpy's ``__all__`` names those modules,
which numpy imports on first attribute access. The command line hands numpy lazy modules
for the two before scipy asks, so that the star-import binds them without executing them
(see :func:`defer_numpy_tools`).

At exit, Python 3.11 runs full cyclic garbage collections while it tears the modules down;
with pandas, scipy and igraph loaded that took 0.25-0.37 s of a 2.2 s ``coalitions pivots``
at 20,000 memberships, for memory the operating system takes back anyway.
"""

from __future__ import annotations

import gc
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from collections.abc import Callable, Sequence
from types import ModuleType

__all__ = ["defer_numpy_tools", "igraph_without_plotting_when_imported",
           "import_igraph_without_plotting", "spare_exit_collections"]

_PLOTTING = ("matplotlib", "matplotlib.pyplot", "cairo", "cairocffi")


def import_igraph_without_plotting() -> None:
    """Import igraph with its plotting back-ends hidden, so that it skips them.

    For the command line only: in that process igraph's own ``plot`` cannot use matplotlib
    (nothing here calls it; our figures import matplotlib themselves and are unaffected).
    Library users keep the normal import. Does nothing if igraph is imported already.
    """
    if "igraph" in sys.modules:
        return
    restore = _hide_plotting()
    try:
        import igraph  # noqa: F401
    finally:
        restore(None)


def igraph_without_plotting_when_imported() -> None:
    """:func:`import_igraph_without_plotting` at the moment something imports igraph,
    instead of now: commands that never touch igraph (``--help``, ``load``, ``query``)
    skip its 0.08 s. For the command line only (see :func:`defer_numpy_tools` for how)."""
    if "igraph" not in sys.modules:
        _on_import("igraph", _hide_plotting)


def _hide_plotting() -> Callable[[ModuleType | None], None]:
    # A submodule whose package is imported already is left visible: igraph imports
    # matplotlib.pyplot once it finds matplotlib, and hiding only the submodule would make
    # that import fail (as it did when a PDF report had imported matplotlib before igraph).
    hidden = [name for name in _PLOTTING if name not in sys.modules
              and name.rpartition(".")[0] not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` fail

    def restore(module: ModuleType | None) -> None:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]

    return restore


_NUMPY_TOOLS = ("f2py", "testing")


def defer_numpy_tools() -> None:
    """Once numpy is imported, make ``numpy.f2py`` and ``numpy.testing`` lazy modules: they
    execute on their first use (an attribute read or an ``import`` statement), not when a
    star-import of numpy merely binds them.

    For the command line only, called before anything imports numpy, so that ``--help``
    still runs without numpy: a finder at the front of ``sys.meta_path`` waits for numpy's
    import and removes itself after it. (A lazy module in ``sys.modules`` alone is no use:
    numpy looks its submodules up with an ``import`` statement, and the import system reads
    ``__spec__`` of a module it finds, which executes it; an attribute on numpy is found
    first.)
    """
    if "numpy" in sys.modules:
        _defer_into(sys.modules["numpy"])
    else:
        _on_import("numpy", lambda: _then_defer)


def _then_defer(numpy: ModuleType | None) -> None:
    if numpy is not None:  # (None: numpy's own import failed)
        _defer_into(numpy)


def _defer_into(numpy: ModuleType) -> None:
    for short in _NUMPY_TOOLS:
        name = f"numpy.{short}"
        if name in sys.modules or short in vars(numpy):
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            continue
        spec.loader = importlib.util.LazyLoader(spec.loader)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        setattr(numpy, short, module)


# A finder at the front of sys.meta_path for one top-level module: it finds the module as the
# path finder does, removes itself, and runs ``around()`` while the module executes:
# ``around()`` is called before, and the function it returns after, with the module (or None
# if executing it failed).
Around = Callable[[], Callable[[ModuleType | None], None]]


def _on_import(name: str, around: Around) -> None:
    if not any(isinstance(f, _OnImport) and f.name == name for f in sys.meta_path):
        sys.meta_path.insert(0, _OnImport(name, around))


class _OnImport(importlib.abc.MetaPathFinder):
    def __init__(self, name: str, around: Around) -> None:
        self.name = name
        self.around = around

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname != self.name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _Around(spec.loader, self.around)
        return spec


class _Around(importlib.abc.Loader):
    def __init__(self, inner: importlib.abc.Loader, around: Around) -> None:
        self.inner = inner
        self.around = around

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        # the module's own loader back in its spec first: packages read files through it
        module.__spec__.loader = module.__loader__ = self.inner
        after = self.around()
        try:
            self.inner.exec_module(module)
        except BaseException:
            after(None)
            raise
        after(module)


def spare_exit_collections() -> None:
    """Move every live object out of the collector's reach (``gc.freeze``) once the command
    is done, so that the collections of interpreter shutdown have nothing to walk.

    For the end of the command-line process only: stores, drivers and files are closed by
    then (each command closes what it opens), and nothing after this allocates much.
    """
    gc.freeze()
