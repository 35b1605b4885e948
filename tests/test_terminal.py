"""safe_text: what a terminal would act on is shown, everything else is kept as typed."""

from __future__ import annotations

import pytest

from coalitions.terminal import safe_text


@pytest.mark.parametrize(("text", "shown"), [
    ("\x1b[31mred\x1b[0m", "\\x1b[31mred\\x1b[0m"),          # an SGR escape sequence (colour)
    ("\x1b]8;;http://evil\x1b\\x\x1b]8;;\x1b\\",             # an OSC 8 hyperlink
     "\\x1b]8;;http://evil\\x1b\\x\\x1b]8;;\\x1b\\"),
    ("a\rb", "a\\x0db"),                                      # CR: a line overwriting itself
    ("bell\x07 nul\x00 del\x7f", "bell\\x07 nul\\x00 del\\x7f"),
    ("csi\x9b2J", "csi\\x9b2J"),                              # C1 CSI (U+009B)
    ("abc\u202edcba", "abc\\u202edcba"),                      # RIGHT-TO-LEFT OVERRIDE
    ("\u202a\u202b\u202c\u202d", "\\u202a\\u202b\\u202c\\u202d"),
    ("\u2066x\u2067y\u2068z\u2069", "\\u2066x\\u2067y\\u2068z\\u2069"),
    ("lone \udc80 surrogate", "lone \\udc80 surrogate"),
])
def test_control_and_bidi_override_characters_are_shown_as_escapes(text, shown):
    assert safe_text(text) == shown


@pytest.mark.parametrize("text", [
    "Bram D’Hondt", "Café – Noord-Zuid", "مدينة", "城市", "👍🏽", "tab\there", "two\nlines",
    "[link=http://x]markup is not safe_text's business[/link] :x:", "\u200dzwj",
])
def test_printable_text_tabs_and_newlines_are_kept(text):
    assert safe_text(text) == text


def test_non_text_values_are_shown_as_their_str():
    assert safe_text(2.5) == "2.5" and safe_text(None) == "None"
