r"""Text from the data, made safe to show on a terminal.

Names, ids and cell values come from workbooks other people filled in. Printed as they are, an
escape sequence in a name would drive the terminal (colours, a cleared screen, a fake
prompt), a bidirectional override would show the text in another order than it is stored
("Trojan Source", CVE-2021-42574), and rich would read ``[link=…]`` as a hidden hyperlink,
``[/]`` as a tag (and fail on it) and ``:x:`` as an emoji. :func:`safe_text` answers the
first two; printing the result as plain text (``rich.text.Text``, or ``markup=False,
emoji=False``) answers the rest.

Kept apart from :mod:`coalitions.output` so that the command line can print a message
without importing pandas.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["safe_text"]

# Characters a terminal acts on instead of showing: C0 controls except tab and newline (so
# also ESC, which starts every escape sequence, and CR, which lets a line overwrite itself),
# DEL, C1 controls (U+009B is a one-character CSI on some terminals), the bidirectional
# embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, and lone surrogates
# (which cannot be written as UTF-8 at all).
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def safe_text(value: Any) -> str:
    r"""``str(value)`` with every character a terminal would act on shown as an escape.

    Control characters other than tab and newline (C0, DEL, C1), the bidirectional
    embedding, override and isolate characters U+202A–U+202E and U+2066–U+2069, and lone
    surrogates become ``\xNN`` or ``\uNNNN`` (ESC shows as ``\x1b``, RIGHT-TO-LEFT OVERRIDE
    as ``\u202e``). Everything else is kept, so names in any script read as typed.

    This does not escape rich markup: print the result as plain text (``Text(...)``, or
    ``console.print(..., markup=False, emoji=False)``).
    """
    return UNSAFE.sub(_visible, str(value))


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
