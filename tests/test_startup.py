"""The command line's start-up: igraph without its plotting back-ends, numpy without its
tools, a frozen heap at exit."""

import subprocess
import sys
import textwrap


def _run(code: str) -> str:
    # A fresh interpreter: the test process has imported igraph and matplotlib already.
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)],
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_igraph_is_imported_without_matplotlib_and_matplotlib_still_works_afterwards():
    out = _run("""
        import sys
        from coalitions._startup import import_igraph_without_plotting
        import_igraph_without_plotting()
        print("igraph" in sys.modules, "matplotlib.pyplot" in sys.modules,
              sys.modules.get("matplotlib", 0) is None)
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots()
        ax.plot([0, 1], [1, 0])
        print(len(ax.lines))
    """)
    assert out.splitlines() == ["True False False", "1"]


def test_an_igraph_imported_earlier_is_left_alone():
    out = _run("""
        import sys
        import igraph
        from coalitions._startup import import_igraph_without_plotting
        import_igraph_without_plotting()
        print("matplotlib.pyplot" in sys.modules)
    """)
    assert out == "True"  # the normal import loads pyplot; nothing was hidden or undone


def test_the_command_line_leaves_the_heap_frozen_for_exit_and_its_output_complete():
    # gc.freeze in main(): shutdown's collections skip the frozen objects (see _startup).
    out = _run("""
        import gc, sys
        from coalitions.cli import main
        sys.argv = ["coalitions", "query", "--help"]
        try:
            main()
        except SystemExit as stop:
            print("exit", stop.code, "frozen", gc.get_freeze_count() > 1000)
    """)
    assert out.splitlines()[-1] == "exit 0 frozen True"
    assert "Usage" in out


def test_help_and_usage_errors_answer_without_loading_pandas_or_numpy():
    # The analysis stack (pandas, numpy, scipy, igraph, the engines) is about a second of
    # imports; the commands import it themselves, so --help and usage errors skip it.
    out = _run("""
        import sys
        from coalitions.cli import main
        for argv in (["coalitions", "--help"], ["coalitions", "pivots", "--by", "nonsense"]):
            sys.argv = argv
            try:
                main()
            except SystemExit as stop:
                print("exit", stop.code)
        print(sorted(m for m in ("pandas", "numpy", "scipy", "igraph", "ladybug", "neo4j")
                     if m in sys.modules))
    """)
    lines = out.splitlines()
    assert "pivots" in out and "load" in out  # the command list was printed
    assert lines[-3:] == ["exit 0", "exit 1", "[]"]


def test_numpy_tools_stay_unexecuted_through_scipy_and_still_work_when_used():
    # scipy's `from numpy import *` binds numpy.f2py and numpy.testing; deferred, binding
    # them executes nothing (see defer_numpy_tools), and using them loads them as usual.
    out = _run("""
        import sys
        from coalitions._startup import defer_numpy_tools
        defer_numpy_tools()
        print("numpy" in sys.modules)
        import scipy.sparse
        import scipy.sparse.linalg
        print("numpy.f2py.f2py2e" in sys.modules, "numpy.testing._private" in sys.modules)
        import numpy
        numpy.testing.assert_array_equal(numpy.arange(3), [0, 1, 2])
        import numpy.f2py
        print("numpy.f2py.f2py2e" in sys.modules, "numpy.testing._private" in sys.modules,
              type(numpy.__spec__.loader).__name__, callable(numpy.f2py.run_main))
    """)
    assert out.splitlines() == ["False", "False False", "True True SourceFileLoader True"]


def test_numpy_tools_are_deferred_when_numpy_came_first_too():
    out = _run("""
        import sys
        import numpy
        from coalitions._startup import defer_numpy_tools
        defer_numpy_tools()
        import scipy.sparse
        print("numpy.f2py.f2py2e" in sys.modules, "numpy.testing._private" in sys.modules)
    """)
    assert out == "False False"


def test_the_pivots_command_runs_without_numpy_tools_or_igraph_plotting(tmp_path):
    # the whole command in a fresh interpreter, on the demo data (loaded in another one:
    # `demo` draws figures, which import matplotlib themselves)
    store = str(tmp_path / "s.db")
    run = """
        import sys
        from coalitions.cli import main
        sys.argv = {argv!r}
        try:
            main()
        except SystemExit as stop:
            assert not stop.code, stop.code
        print("numpy.f2py.f2py2e" in sys.modules, "numpy.testing._private" in sys.modules,
              "igraph" in sys.modules, "matplotlib.pyplot" in sys.modules,
              sys.modules.get("matplotlib", 0) is None)
    """
    _run(run.format(argv=["coalitions", "--store", store, "demo"]))
    lines = _run(run.format(argv=["coalitions", "--store", store, "pivots", "--format",
                                  "csv"])).splitlines()
    # igraph came in with the analysis, its plotting back-ends hidden only while it loaded
    assert lines[-1] == "False False True False False"
    assert any(line.startswith("id,name,kind,") and ",betweenness," in line for line in lines)


def test_igraph_imported_after_the_hook_skips_plotting_and_matplotlib_still_works():
    out = _run("""
        import sys
        from coalitions._startup import igraph_without_plotting_when_imported
        igraph_without_plotting_when_imported()
        print("igraph" in sys.modules)
        import igraph
        g = igraph.Graph(n=3, edges=[(0, 1), (1, 2)])
        print(g.betweenness(), "matplotlib.pyplot" in sys.modules,
              sys.modules.get("matplotlib", 0) is None, type(igraph.__spec__.loader).__name__)
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        print(len(plt.subplots()[1].plot([0, 1])))
    """)
    assert out.splitlines() == ["False", "[0.0, 1.0, 0.0] False False SourceFileLoader", "1"]


def test_igraph_imported_after_matplotlib_under_the_hook_loads_and_pyplot_works():
    # A PDF report imports matplotlib before the measures import igraph: igraph then finds
    # matplotlib and imports pyplot, which the hook must not hide on its own.
    out = _run("""
        from coalitions._startup import igraph_without_plotting_when_imported
        igraph_without_plotting_when_imported()
        import matplotlib
        matplotlib.use("Agg")
        import igraph
        import matplotlib.pyplot as plt
        print(igraph.Graph(n=2, edges=[(0, 1)]).ecount(), len(plt.subplots()[1].plot([0, 1])))
    """)
    assert out == "1 1"


def test_a_hooked_import_that_fails_leaves_nothing_hidden(tmp_path):
    (tmp_path / "brokenmod.py").write_text("raise RuntimeError('boom')\n")
    out = _run(f"""
        import sys
        sys.path.insert(0, {str(tmp_path)!r})
        from coalitions import _startup
        _startup._on_import("brokenmod", _startup._hide_plotting)
        try:
            import brokenmod
        except RuntimeError as exc:
            print("failed", exc)
        print("matplotlib" in sys.modules, any(isinstance(f, _startup._OnImport)
                                              for f in sys.meta_path))
        import matplotlib
        print(matplotlib.__name__)
    """)
    assert out.splitlines() == ["failed boom", "False False", "matplotlib"]


def test_sampled_pivots_never_import_igraph_and_exact_ones_still_do():
    # When exact betweenness is ruled out (exact_seconds=0, or a network whose predicted
    # cost is above the measured bounds) every measure is computed on sparse matrices: igraph's import
    # (3-4 % of a 20,000-membership `coalitions pivots`) is not needed, so not made.
    out = _run("""
        import sys
        from coalitions.analysis.centrality import actor_measures
        from coalitions.analysis import pivots, twomode  # noqa: F401 (the command's imports)
        from pathlib import Path
        import coalitions
        from coalitions.loaders import load_inputs
        data = load_inputs([Path(coalitions.__file__).parent / "data" / "sample"]).data
        print("igraph" in sys.modules)
        sampled = actor_measures(data, exact_seconds=0, seed=1)
        print("igraph" in sys.modules, sampled.attrs["betweenness_detail"]["method"])
        exact = actor_measures(data)
        print("igraph" in sys.modules, exact.attrs["betweenness_detail"]["method"])
    """)
    assert out.splitlines() == ["False", "False sampled", "True exact"]


def test_reading_commands_import_the_taxonomy_without_the_workbook_readers_and_loaders_resolve_on_use():
    # Scopes match names through coalitions.loaders.taxonomy; the readers, validators and
    # template writer (some 10 ms of start-up) load only when a name of the package is used.
    out = _run("""
        import sys
        import coalitions.graph.scope  # noqa: F401
        print(sorted(m for m in sys.modules if m.startswith("coalitions.loaders")))
        from coalitions.loaders import load_inputs, LoadResult, SourceFile, write_template
        print(load_inputs.__module__, LoadResult.__module__, SourceFile.__module__,
              write_template.__module__)
        import coalitions.loaders as loaders
        try:
            loaders.no_such_name
        except AttributeError as exc:
            print("AttributeError", "no_such_name" in str(exc))
    """)
    assert out.splitlines() == [
        "['coalitions.loaders', 'coalitions.loaders.taxonomy']",
        "coalitions.loaders.workbook coalitions.loaders.workbook coalitions.loaders.readers "
        "coalitions.loaders.template",
        "AttributeError True",
    ]
