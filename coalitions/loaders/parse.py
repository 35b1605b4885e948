"""Free text of the inventory template, as city staff typed it, turned into values.

Pure functions, one per template column: :func:`parse_founded` (``Leeftijd``),
:func:`parse_size` (``Omvang``), :func:`parse_themes` (``Thema``), :func:`parse_actor_sectors`
(``Actoren``), plus :func:`parse_sector_codes` for the coded ``sectors`` column and
:func:`slugify` for coalition ids. Each returns ``None`` (or an empty result) for text it
cannot read; the caller decides whether that is a warning.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

from coalitions.graph.model import SECTORS, canonical
from coalitions.loaders.taxonomy import match_theme, normalise_text

__all__ = [
    "coalition_id",
    "parse_actor_sectors",
    "parse_founded",
    "parse_sector_codes",
    "parse_size",
    "parse_themes",
    "slugify",
    "split_list",
]


def parse_founded(text: str | None) -> int | None:
    """The founding year in a ``Leeftijd`` cell: the first four-digit number.

    The year is returned as written, even when impossible; checking the range is
    validation's job. Text without a four-digit number gives ``None``.

    Examples
    --------
    >>> parse_founded("°1994 (eerste Casa del Mundo)")
    1994
    >>> parse_founded("sinds 2008"), parse_founded("2011"), parse_founded("opgericht in 1999")
    (2008, 2011, 1999)
    >>> parse_founded("± 2005"), parse_founded("2003-01-01")
    (2005, 2003)
    >>> parse_founded("lang geleden") is None, parse_founded("15 jaar") is None
    (True, True)
    """
    if text is None:
        return None
    match = re.search(r"(?<!\d)(\d{4})(?!\d)", str(text))
    return int(match.group(1)) if match else None


# Words after a number that say what was counted, as normalise_text leaves them.
_VOLUNTEER_WORDS = re.compile(r"^(vrijwillig\w*|volunteer\w*)$")
_ORGANISATION_WORDS = re.compile(
    r"^(vzw\w*|ngo\w*|organisatie\w*|organi[sz]ation\w*|partner\w*|vereniging\w*|"
    r"lidorganisatie\w*|members?|leden|bedrijven|bedrijf|kmo\w*|scholen|school|"
    r"instellingen|instelling|diensten|actoren|partijen|associations?|groepen|groups?)$"
)
_NUMBER = re.compile(r"(-\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:\s*-?\s*tal\b)?")
_WORD = re.compile(r"[^\W\d_]+")
_ONLY_NUMBER = re.compile(r"-?\s*\d+")


@functools.lru_cache(maxsize=4096)
def _counts(word: str) -> str | None:
    """What a word after a number counts: "volunteers", "organisations" or None.
    (Cached: an inventory repeats a handful of words in thousands of cells.)"""
    word = word.lower()
    if _VOLUNTEER_WORDS.match(word):
        return "volunteers"
    if _ORGANISATION_WORDS.match(word):
        return "organisations"
    return None


def parse_size(text: str | None) -> tuple[int | None, int | None] | None:
    """Member organisations and volunteers in an ``Omvang`` cell.

    Each number is read with the first counting word in the three words after it:
    volunteers (``vrijwilligers``) or organisations (``vzw's``, ``organisaties``,
    ``partners``, ``verenigingen``, ``leden`` …). A cell that is only a number counts
    organisations. Dutch thousands separators (``1.200``) and ``-tal`` (``20-tal``) are
    understood; a minus sign is kept so that validation can refuse it. Returns
    ``(n_organisations, n_volunteers)`` with ``None`` for what the text does not say, or
    ``None`` when it says neither.

    Examples
    --------
    >>> parse_size("16 vzw’s (+ 100 vrijwilligers)")
    (16, 100)
    >>> parse_size("16 vzw's (+ 100 vrijwilligers)")
    (16, 100)
    >>> parse_size("8 organisaties"), parse_size("12 partners"), parse_size("30 vrijwilligers")
    ((8, None), (12, None), (None, 30))
    >>> parse_size("een 20-tal lokale verenigingen en 1.200 vrijwilligers")
    (20, 1200)
    >>> parse_size("16"), parse_size("veel") is None
    ((16, None), True)
    """
    if text is None:
        return None
    raw = str(text).strip()
    if _ONLY_NUMBER.fullmatch(raw):
        return (int(raw.replace(" ", "")), None)
    organisations = volunteers = None
    numbers = list(_NUMBER.finditer(raw))
    for i, match in enumerate(numbers):
        end = numbers[i + 1].start() if i + 1 < len(numbers) else len(raw)
        value = int(match.group(2).replace(".", ""))
        if match.group(1):
            value = -value
        for word in _WORD.findall(raw, match.end(), min(end, match.end() + 80))[:3]:
            counted = _counts(word)
            if counted == "volunteers":
                volunteers = value if volunteers is None else volunteers
                break
            if counted == "organisations":
                organisations = value if organisations is None else organisations
                break
    if organisations is None and volunteers is None:
        return None
    return (organisations, volunteers)


def split_list(text: str | None) -> list[str]:
    """Items of a cell separated by ``,``, ``;`` or line breaks, stripped, blanks dropped.

    >>> split_list("OS, Noord-Zuid;  Welzijn\\n")
    ['OS', 'Noord-Zuid', 'Welzijn']
    """
    if text is None:
        return []
    return [part.strip() for part in re.split(r"[,;\n\r]+", str(text)) if part.strip()]


def parse_themes(text: str | None) -> tuple[list[str], list[str | None], list[str]]:
    """Themes in a ``Thema`` cell, matched to the study's taxonomy.

    The cell is split on ``,`` and ``;``; each part is matched with
    :func:`~coalitions.loaders.taxonomy.match_theme` (the whole cell first, since a sub-theme
    could contain a separator). Parts naming the same sub-theme count once, so ``OS,
    Noord-Zuid`` is one theme. Returns ``(themes, clusters, unknown)``: sub-theme names,
    their clusters (parallel; ``None`` for an unknown theme, which is kept as written), and
    the parts that matched no theme.

    Examples
    --------
    >>> parse_themes("OS, Noord-Zuid")
    (['Ontwikkelingssamenwerking en Noord-Zuid'], ['Zorg & Welzijn'], [])
    >>> parse_themes("Energie; Klimaat")
    (['Energie', 'Klimaat'], ['Milieu en ecologie', None], ['Klimaat'])
    """
    if text is None:
        return [], [], []
    whole = match_theme(str(text))
    parts = [str(text).strip()] if whole is not None else split_list(text)
    themes: list[str] = []
    clusters: list[str | None] = []
    unknown: list[str] = []
    for part in parts:
        theme = match_theme(part)
        name, cluster = (theme.name, theme.cluster) if theme else (part, None)
        if name in themes:
            continue
        themes.append(name)
        clusters.append(cluster)
        if theme is None:
            unknown.append(part)
    return themes, clusters, unknown


# Words in the Actoren text and the sector they show takes part; the study's composition
# table has four sectors, so citizens and knowledge institutions count as nonprofit.
_SECTOR_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("city_government", re.compile(
        r"\b(stad|steden|stedelijke?\w*|stads(bestuur|diensten?|administratie|bestuur)\w*|"
        r"schepen\w*|burgemeester\w*|gemeente\w*|ocmw|city|municipality|lokaal bestuur|"
        r"lokale overheid)\b")),
    ("other_government", re.compile(
        r"\b(provincie\w*|provinciale?|vlaamse (overheid|gemeenschap|regering|regio)|"
        r"vlaanderen|vmm|federale?|federaal|overheidsagentschap\w*|agentschap\w*|"
        r"gewest\w*|brussels hoofdstedelijk\w*|europese?|eu)\b")),
    ("nonprofit", re.compile(
        r"\b(vzw\w*|v z w|ngo\w*|middenveld\w*|vrijwillig\w*|bewoner\w*|burger\w*|"
        r"buurtcomit\w*|vereniging\w*|school|scholen|universiteit\w*|hogeschool\w*|"
        r"kennisinstelling\w*|nonprofit|non profit|citizens?|residents?|volunteers?|"
        r"universit\w*|jeugdbeweging\w*|welzijnsorganisatie\w*|middenveldorganisatie\w*)\b")),
    ("private", re.compile(
        r"\b(bedrijf|bedrijven|kmo\w*|private?|priv[eé]|handelaars?|ondernemer\w*|"
        r"winkeliers?|horeca|firms?|compan(y|ies)|business\w*|zelfstandigen)\b")),
)


def parse_actor_sectors(text: str | None) -> list[str]:
    """Sectors that take part, read from an ``Actoren`` cell, in :data:`SECTORS` order.

    ``Stad``, ``stedelijke diensten``, ``schepen`` → ``city_government``; ``Provincie``,
    ``Vlaamse overheid``, ``VMM``, ``federale`` → ``other_government``; ``vzw``, ``NGO``,
    ``middenveld``, ``vrijwilligers``, ``bewoners``, ``burgers``, ``school``,
    ``universiteit`` → ``nonprofit`` (the study's composition reading); ``bedrijven``,
    ``KMO``, ``private``, ``handelaars`` → ``private``.

    Examples
    --------
    >>> parse_actor_sectors("Werkgroep (Stad, vzw’s, NGO’s, vrijwilligers)")
    ['city_government', 'nonprofit']
    >>> parse_actor_sectors("Provincie, VMM, lokale KMO's en bewoners")
    ['other_government', 'nonprofit', 'private']
    >>> parse_actor_sectors("een werkgroep")
    []
    """
    if text is None:
        return []
    words = normalise_text(str(text))
    return [sector for sector, pattern in _SECTOR_PATTERNS if pattern.search(words)]


def parse_sector_codes(text: str | None) -> tuple[list[str], list[str]]:
    """Sector codes in a coded ``sectors`` cell (``;`` or ``,`` separated), Dutch accepted.

    Returns ``(sectors, unknown)``: canonical codes in :data:`SECTORS` order, and the parts
    that name no sector.

    >>> parse_sector_codes("nonprofit; Stad, private")
    (['city_government', 'nonprofit', 'private'], [])
    >>> parse_sector_codes("nonprofit;kerk")
    (['nonprofit'], ['kerk'])
    """
    found: set[str] = set()
    unknown: list[str] = []
    for part in split_list(text):
        code = canonical("sector", part)
        if code is None:
            unknown.append(part)
        else:
            found.add(code)
    return [s for s in SECTORS if s in found], unknown


def slugify(*parts: str) -> str:
    """A stable ASCII id from text: accents dropped, lower case, runs of other characters → ``-``.

    >>> slugify("Aalst", "Casa del Mundo")
    'aalst-casa-del-mundo'
    >>> slugify("Sint-Niklaas", "Klimopjegevel!"), slugify("Brussel", "Één café")
    ('sint-niklaas-klimopjegevel', 'brussel-een-cafe')
    """
    text = "-".join(str(p) for p in parts)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def coalition_id(city: str, name: str) -> str:
    """The id of a coalition without one: ``city-name`` as a slug.

    A name with nothing ASCII can keep (Cyrillic, Greek, only punctuation) gets a short hash
    of its text instead, so that the id stays ASCII, stable and distinct per name.

    >>> coalition_id("Aalst", "Casa del Mundo")
    'aalst-casa-del-mundo'
    >>> cid = coalition_id("Gent", "Журнал")
    >>> cid == "gent-" + hashlib.sha1("Журнал".encode("utf-8")).hexdigest()[:10]
    True
    """
    name_slug = slugify(name)
    if not name_slug:
        name_slug = hashlib.sha1(str(name).strip().encode("utf-8")).hexdigest()[:10]
    return "-".join(p for p in (slugify(city), name_slug) if p)
