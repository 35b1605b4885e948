"""Text and JSON put into pages cannot become markup or end a script element."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from coalitions.viz.escape import html_text, json_for_script, srcdoc
from tests.viz.conftest import HOSTILE


def test_html_text_escapes_markup_and_both_quotes():
    assert html_text(HOSTILE) == (
        "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;&quot;&#x27;&lt;/script&gt;"
        "&lt;!--&amp;amp;")
    assert html_text(None) == ""
    assert html_text(3) == "3"


def test_json_for_script_cannot_close_the_script_or_open_a_comment():
    text = json_for_script({"name": HOSTILE, "sep": "a\u2028b"})
    for forbidden in ("<", ">", "&", "\u2028"):
        assert forbidden not in text
    assert json.loads(text) == {"name": HOSTILE, "sep": "a\u2028b"}


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
                    max_leaves=20))
def test_json_for_script_round_trips_any_value(value):
    text = json_for_script(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value


def test_srcdoc_escapes_a_document_for_a_double_quoted_attribute():
    assert srcdoc('<p title="x">a & b</p>') == "&lt;p title=&quot;x&quot;&gt;a &amp; b&lt;/p&gt;"
