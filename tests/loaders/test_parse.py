"""Free-text parsing of the inventory template (coalitions/loaders/parse.py)."""

from __future__ import annotations

import doctest

import pytest

from coalitions.loaders import parse


def test_doctests_pass():
    result = doctest.testmod(parse)
    assert result.attempted >= 15
    assert result.failed == 0


@pytest.mark.parametrize(("text", "year"), [
    ("°1994 (eerste Casa del Mundo)", 1994),
    ("sinds 2008", 2008),
    ("2011", 2011),
    ("opgericht in 1999", 1999),
    ("± 2005", 2005),
    ("Sinds 1987; heropgericht in 2004", 1987),
    ("lang geleden", None),
    ("°94", None),
    ("12345", None),
    (None, None),
])
def test_founded_year_is_the_first_four_digit_number(text, year):
    assert parse.parse_founded(text) == year


@pytest.mark.parametrize(("text", "size"), [
    ("16 vzw’s (+ 100 vrijwilligers)", (16, 100)),  # curly apostrophe, as in the study
    ("16 vzw's (+ 100 vrijwilligers)", (16, 100)),  # straight apostrophe
    ("16 vzw’s (+ 100 vrijwilligers) Sinds enkele jaren verenigd in een Werkgroep Casa del "
     "Mundo", (16, 100)),
    ("8 organisaties", (8, None)),
    ("12 partners", (12, None)),
    ("30 vrijwilligers", (None, 30)),
    ("30 Vrijwilligers en 4 VZW'S", (4, 30)),  # capitals: the words are compared lower-case
    ("5 lokale verenigingen", (5, None)),
    ("ca. 1.200 vrijwilligers en 40 organisaties", (40, 1200)),
    ("-5 vzw's", (-5, None)),
    ("16", (16, None)),
    ("veel", None),
    ("sinds 2005", None),
    (None, None),
])
def test_size_counts_organisations_and_volunteers(text, size):
    assert parse.parse_size(text) == size


def test_themes_deduplicate_aliases_of_one_sub_theme():
    # "OS" and "Noord-Zuid" are both aliases of the study's sub-theme (taxonomy.THEMES).
    assert parse.parse_themes("OS, Noord-Zuid") == (
        ["Ontwikkelingssamenwerking en Noord-Zuid"], ["Zorg & Welzijn"], [])


def test_themes_split_on_semicolons_and_keep_unknown_ones_without_cluster():
    themes, clusters, unknown = parse.parse_themes("Energie; Klimaat ,Mobiliteit")
    assert themes == ["Energie", "Klimaat", "Mobiliteit en publieke ruimte"]
    assert clusters == ["Milieu en ecologie", None,
                        "Buurtontwikkeling, publieke ruimte en sociale cohesie"]
    assert unknown == ["Klimaat"]


def test_whole_theme_name_with_slash_is_one_theme():
    assert parse.parse_themes("Creatieve economie / maakeconomie")[0] == [
        "Creatieve economie / maakeconomie"]


@pytest.mark.parametrize(("text", "sectors"), [
    ("Werkgroep (Stad, vzw’s, NGO’s, vrijwilligers)", ["city_government", "nonprofit"]),
    ("stedelijke diensten, schepen van cultuur", ["city_government"]),
    ("Provincie Antwerpen, Vlaamse overheid, VMM, federale politie", ["other_government"]),
    ("bewoners, burgers, school, universiteit", ["nonprofit"]),
    ("bedrijven, KMO's, private partners, handelaars", ["private"]),
    ("Stad, Provincie, middenveld en bedrijven",
     ["city_government", "other_government", "nonprofit", "private"]),
    ("een werkgroep", []),
])
def test_actor_text_gives_the_studys_composition_sectors(text, sectors):
    assert parse.parse_actor_sectors(text) == sectors


def test_sector_codes_accept_dutch_and_report_unknown():
    assert parse.parse_sector_codes("vzw; stad, knowledge") == (
        ["city_government", "nonprofit", "knowledge"], [])
    assert parse.parse_sector_codes("kerk, private") == (["private"], ["kerk"])


def test_slug_is_ascii_lower_hyphenated():
    assert parse.slugify("Sint-Niklaas", "  Één Café / Zelfoogsttuin ") == (
        "sint-niklaas-een-cafe-zelfoogsttuin")
