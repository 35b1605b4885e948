"""Putting user-supplied text into HTML pages without letting it run.

Names, themes and goals come from spreadsheets typed by city staff; a cell such as
``<img src=x onerror=alert(1)>`` must show as those characters and never become markup.
Three places need three different treatments:

- element text and attribute values: :func:`html_text` (``html.escape`` with quotes);
- JSON inside a ``<script>`` element: :func:`json_for_script` — ``json.dumps`` leaves ``<``,
  ``>`` and ``&`` as they are, so a name containing ``</script>`` or ``<!--`` would end or
  confuse the script element; they become ``\\u003c`` etc., which JSON.parse and JavaScript
  read back as the same characters;
- a whole HTML document inside ``<iframe srcdoc="…">``: :func:`srcdoc` (attribute escaping of
  an already safe document).

Inside the page, JavaScript only ever puts data into the DOM with ``textContent`` (never
``innerHTML``), and vis-network tooltips are given DOM elements, not HTML strings.
"""

from __future__ import annotations

import html
import json
from typing import Any

__all__ = ["html_text", "json_for_script", "srcdoc"]

# Characters that could end a <script> element, open an HTML comment or start an entity, plus
# the two line separators that older JavaScript engines reject inside string literals.
_SCRIPT_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def html_text(value: Any) -> str:
    """``value`` as text safe in HTML element content and quoted attribute values.

    ``None`` becomes the empty string; everything else goes through ``str`` first.
    """
    if value is None:
        return ""
    return html.escape(str(value), quote=True)


def json_for_script(value: Any) -> str:
    """``value`` as JSON that can sit verbatim inside a ``<script>`` element.

    Non-finite floats are refused (``allow_nan=False``) because ``NaN`` is not JSON; callers
    turn missing measures into ``None`` first.
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    for char, escaped in _SCRIPT_UNSAFE.items():
        text = text.replace(char, escaped)
    return text


def srcdoc(document: str) -> str:
    """An HTML document escaped for the ``srcdoc`` attribute of an ``<iframe>``."""
    return html.escape(document, quote=True)
