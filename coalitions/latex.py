r"""Tables as LaTeX for a paper: a ``booktabs`` table that compiles with the data in it.

The output is a ``table`` float holding a ``tabular`` with ``\toprule``, ``\midrule`` and
``\bottomrule``: text columns left-aligned, numeric columns right-aligned with one fixed
number of decimals per column (:func:`column_decimals`). The title is the ``\caption``;
the definitions of the measures follow the table in ``\footnotesize``; the provenance
(command, versions, seed, wave, inputs) is in ``%`` comment lines above it.

It needs ``\usepackage{booktabs}``; ``\usepackage[T1]{fontenc}`` is advised (accented names
then hyphenate and copy as typed; the table compiles without it too). LaTeX reads UTF-8 by
default since 2018; ``\usepackage[utf8]{inputenc}`` says so for older ones. Scripts that pdfLaTeX has no glyphs for (Chinese, emoji, …) need XeLaTeX or LuaLaTeX,
or a ``\DeclareUnicodeCharacter``: the text is kept as typed, not transliterated.

Written here rather than with :meth:`pandas.io.formats.style.Styler.to_latex` because
every part of the table — header, cells, caption, notes — has to go through the same
escaping, which also shows control characters and line breaks (:func:`latex_escape`), and
numbers need a per-column precision and a real minus sign; with the Styler each of those is
a separate option or a formatter per column, for a table this simple.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from coalitions.terminal import safe_text

__all__ = ["column_decimals", "latex_escape", "latex_table"]

# The ten characters LaTeX gives a meaning to, plus those OT1 fonts print as other glyphs
# (< > |) and the quotes and backquote that would become ligatures (`` '' ,, "a). The
# straight double quote exists only in T1 fonts: taken from there, so that the table also
# compiles in a document left in LaTeX's default OT1 encoding.
_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "#": r"\#", "$": r"\$", "%": r"\%",
    "&": r"\&", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
    "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}",
    '"': r"\UseTextSymbol{T1}{\textquotedbl}", "'": r"\textquotesingle{}", "`": r"\textasciigrave{}",
}
# Symbols the definitions use that pdfLaTeX's UTF-8 support has no glyph for (it stops with
# "Unicode character … not set up for use with LaTeX"): written as the commands that print
# them. Latin-1 (é, ×, ÷, ², ·, µ) and the dashes and ellipsis it knows are left as UTF-8.
_SYMBOLS = {
    "\u2212": r"\textminus{}", "\u1d40": r"\textsuperscript{T}", "\u207b": r"\textsuperscript{-}",
    "\u03a3": r"$\Sigma$", "\u03b1": r"$\alpha$", "\u03b3": r"$\gamma$", "\u03b4": r"$\delta$",
    "\u03b5": r"$\varepsilon$", "\u03c3": r"$\sigma$", "\u2192": r"$\rightarrow$",
    "\u2194": r"$\leftrightarrow$", "\u21a6": r"$\mapsto$", "\u2208": r"$\in$",
    "\u2218": r"$\circ$", "\u221a": r"$\surd$", "\u221d": r"$\propto$", "\u2260": r"$\neq$",
    "\u2264": r"$\leq$", "\u2265": r"$\geq$",
}
_SPECIAL.update(_SYMBOLS)
_SPECIAL_RE = re.compile("[" + re.escape("".join(_SPECIAL)) + "]")
# Pairs TeX fonts join into one glyph: -- and --- (dashes), ,, (a low quote).
_LIGATURE = re.compile(r"([-,])(?=\1)")
# Line and paragraph breaks: a blank line would end the paragraph (an error inside a
# tabular cell). Shown as a space, as a table cell is one line.
_BREAKS = re.compile("[\t\n\r\u2028\u2029\x85]")


def latex_escape(value: Any) -> str:
    r"""``str(value)`` as LaTeX text that typesets as written and runs nothing.

    Control characters and bidirectional overrides are first shown as escapes
    (:func:`~coalitions.terminal.safe_text`), line breaks and tabs become spaces, then every
    character LaTeX reads as a command, a group, math, a comment, an alignment tab, a
    parameter or a ligature is written as the command that prints it (``\#``, ``\{``,
    ``\textbackslash{}``, …), as are the mathematical symbols the measures' definitions use
    (``≥`` → ``$\geq$``). Other characters, accented letters included, stay as UTF-8.
    """
    text = _BREAKS.sub(" ", safe_text(value))
    text = _SPECIAL_RE.sub(lambda m: _SPECIAL[m.group()], text)
    return _LIGATURE.sub(r"\1{}", text)


def column_decimals(values: pd.Series) -> int:
    """Decimals that give the column's largest magnitude four significant digits (0 for a
    column of whole numbers, at most 6), so the numbers of a column line up."""
    finite = [float(v) for v in values if _is_number(v) and math.isfinite(float(v))]
    if not finite or all(v == int(v) for v in finite):
        return 0
    largest = max(abs(v) for v in finite)
    if largest == 0:
        return 1
    return int(min(6, max(1, 3 - math.floor(math.log10(largest)))))


def latex_table(frame: pd.DataFrame, *, title: str | None = None,
                notes: Sequence[str] = (), comments: Sequence[str] = ()) -> str:
    r"""``frame`` as a booktabs ``table`` (see the module's docstring).

    Parameters
    ----------
    frame
        The table; its index is not written.
    title
        The ``\caption``, escaped.
    notes
        Lines under the table (definitions), escaped, in ``\footnotesize``.
    comments
        Lines written as ``%`` comments above the table (provenance); they must hold no
        line break.
    """
    numeric = [_numeric_column(frame[c]) for c in frame.columns]
    decimals = [column_decimals(frame[c]) if n else 0
                for c, n in zip(frame.columns, numeric, strict=True)]
    lines = [f"% {c}" for c in comments]
    lines += ["\\begin{table}[htbp]", "\\centering"]
    if title:
        lines.append(f"\\caption{{{latex_escape(title)}}}")
    spec = "".join("r" if n else "l" for n in numeric) or "l"
    lines += [f"\\begin{{tabular}}{{{spec}}}", "\\toprule"]
    if len(frame.columns):
        lines.append(" & ".join(latex_escape(c) for c in frame.columns) + " \\\\")
    lines.append("\\midrule")
    for row in frame.itertuples(index=False):
        cells = [_number(v, d) if n else _text(v)
                 for v, n, d in zip(row, numeric, decimals, strict=True)]
        lines.append(" & ".join(cells) + " \\\\")
    lines += ["\\bottomrule", "\\end{tabular}"]
    if notes:
        lines.append("\\par\\medskip\\raggedright\\footnotesize")
        lines += [latex_escape(n) + "\\par" for n in notes]
    lines.append("\\end{table}")
    return "\n".join(lines)


def _is_number(v: Any) -> bool:
    return (isinstance(v, int | float | np.integer | np.floating)
            and not isinstance(v, bool | np.bool_))


def _numeric_column(values: pd.Series) -> bool:
    return (pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values))


def _number(v: Any, decimals: int) -> str:
    if not _is_number(v) or (isinstance(v, float | np.floating) and math.isnan(v)):
        return _text(v)
    x = float(v)
    if math.isinf(x):
        return "$\\infty$" if x > 0 else "$-\\infty$"
    text = f"{abs(x):.{decimals}f}" if decimals or not isinstance(v, int | np.integer) \
        else str(abs(int(v)))
    # A minus sign, not a hyphen; none in front of a number that rounds to zero.
    return ("$-$" + text) if x < 0 and float(text) != 0 else text


def _text(v: Any) -> str:
    from coalitions.output import _cell

    return latex_escape(_cell(v))
