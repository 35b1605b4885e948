"""The study's taxonomy: themes, roles and actor composition of coalitions.

Facts from the Ghent University presentation (September 2007) that the design is based on
(``shared/seed``): the cluster analysis of 51 coalitions in the 13 Flemish centre cities and
Brussels. The counts are the study's and are used by the tests to check that the bundled
sample reproduces its three tables exactly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = [
    "COMPOSITIONS",
    "COMPOSITION_SECTORS",
    "ROLES",
    "THEMES",
    "Role",
    "Theme",
    "composition_of",
    "composition_label",
    "match_role",
    "match_theme",
    "normalise_text",
]


@dataclass(frozen=True)
class Theme:
    name: str  # the sub-theme, as the study writes it
    cluster: str  # the study's theme cluster
    study_count: int  # number of the study's 51 coalitions with this sub-theme
    aliases: tuple[str, ...] = ()


THEMES: tuple[Theme, ...] = (
    Theme("Woonzorgbeleid", "Zorg & Welzijn", 1, ("woonzorg", "ouderen", "ageing")),
    Theme("Welzijn", "Zorg & Welzijn", 3, ("welfare", "wellbeing")),
    Theme("Diversiteit", "Zorg & Welzijn", 1, ("diversity",)),
    Theme(
        "Ontwikkelingssamenwerking en Noord-Zuid",
        "Zorg & Welzijn",
        4,
        ("OS", "Noord-Zuid", "Noord-Zuid problematiek", "ontwikkelingssamenwerking",
         "Ontwikkelingssamenwerking en Noord-Zuid problematiek", "development cooperation",
         "north-south"),
    ),
    Theme("Kinderen en Jeugd", "Zorg & Welzijn", 6, ("jeugd", "kinderen", "youth", "children")),
    Theme("Justitie", "Zorg & Welzijn", 1, ("justice",)),
    Theme("Wonen", "Zorg & Welzijn", 1, ("housing", "cohousing")),
    Theme("Milieuvraagstukken", "Milieu en ecologie", 3, ("milieu", "environment", "water")),
    Theme("Duurzaamheid", "Milieu en ecologie", 4, ("sustainability",)),
    Theme("Duurzame economie", "Milieu en ecologie", 1, ("sustainable economy",)),
    Theme("Voeding", "Milieu en ecologie", 2, ("food",)),
    Theme("Energie", "Milieu en ecologie", 3, ("energy",)),
    Theme("Sociale cohesie", "Buurtontwikkeling, publieke ruimte en sociale cohesie", 3,
          ("social cohesion",)),
    Theme("Mobiliteit en publieke ruimte", "Buurtontwikkeling, publieke ruimte en sociale cohesie",
          7, ("mobiliteit", "publieke ruimte", "mobility", "public space")),
    Theme("Stadsontwikkeling en opwaardering buurten",
          "Buurtontwikkeling, publieke ruimte en sociale cohesie", 7,
          ("stadsontwikkeling", "buurtontwikkeling", "urban development")),
    Theme("Creatieve economie / maakeconomie", "Economie", 1,
          ("creatieve economie", "maakeconomie", "creative economy")),
    Theme("Ondernemen", "Economie", 1, ("entrepreneurship",)),
    Theme("Stimuleren economische ontwikkeling", "Economie", 1,
          ("economische ontwikkeling", "economic development")),
    Theme("Bestuurlijke vernieuwing / ICT", "Bestuurlijke vraagstukken", 1,
          ("bestuurlijke vernieuwing", "ICT", "open data", "e-government")),
    Theme("Beleidsparticipatie / inspraak", "Bestuurlijke vraagstukken", 1,
          ("beleidsparticipatie", "inspraak", "participation")),
)


@dataclass(frozen=True)
class Role:
    code: str
    label: str  # the study's wording
    kind: str  # "expressive" or "service"
    study_count: int
    aliases: tuple[str, ...] = ()


ROLES: tuple[Role, ...] = (
    Role("sensitising", "Sensibilisering, informatie-uitwisseling en duiding", "expressive", 20,
         ("sensibiliseren", "sensibilisering", "informatie-uitwisseling", "duiding",
          "awareness", "expressive")),
    Role("public_space", "Concrete acties inzake gebruik en opwaardering (publieke) ruimte",
         "service", 6, ("publieke ruimte", "public space")),
    Role("innovation", "Innovatie en profilering, creatie stimuleren", "service", 10,
         ("innovatie", "profilering", "creatie")),
    Role("cooperation", "Samenwerking, cohesie en participatie stimuleren", "service", 10,
         ("samenwerking", "cohesie", "participatie", "collaboration")),
    Role("services", "Concrete diensten leveren, coöperatie", "service", 5,
         ("diensten", "dienstverlening", "cooperatie", "coöperatie", "service delivery")),
)

# The study's actor-composition table is over four sectors. Citizens' groups and knowledge
# institutions are civil society in the study's reading and count as the nonprofit sector here.
COMPOSITION_SECTORS: tuple[str, ...] = (
    "city_government", "other_government", "nonprofit", "private",
)
_COMPOSITION_OF_SECTOR = {
    "city_government": "city_government",
    "other_government": "other_government",
    "nonprofit": "nonprofit",
    "citizens": "nonprofit",
    "knowledge": "nonprofit",
    "private": "private",
}

# (composition as a sorted tuple of sectors, the study's label, its count in the study)
COMPOSITIONS: tuple[tuple[tuple[str, ...], str, int], ...] = (
    (("city_government", "nonprofit"), "Stedelijke overheid + nonprofit sector", 10),
    (("city_government", "nonprofit", "other_government"),
     "Stedelijke overheid + andere overheid + nonprofit sector", 7),
    (("city_government", "nonprofit", "private"),
     "Stedelijke overheid + nonprofit sector + private sector", 11),
    (("city_government", "nonprofit", "other_government", "private"),
     "Stedelijke overheid + andere overheid + nonprofit sector + private sector", 2),
    (("nonprofit", "private"), "Nonprofit sector + private sector", 3),
    (("nonprofit",), "Enkel nonprofit sector", 18),
)


def normalise_text(text: str) -> str:
    """Lower case, accents and punctuation removed, whitespace collapsed (for matching)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w]+", " ", text.lower())
    return " ".join(text.split())


_THEME_INDEX: dict[str, Theme] = {}
for _t in THEMES:
    for _key in (_t.name, *_t.aliases):
        _THEME_INDEX[normalise_text(_key)] = _t

_ROLE_INDEX: dict[str, Role] = {}
for _r in ROLES:
    for _key in (_r.code, _r.label, *_r.aliases):
        _ROLE_INDEX[normalise_text(_key)] = _r


def match_theme(text: str) -> Theme | None:
    """The study's sub-theme a free-text theme names, or None when it names none."""
    return _THEME_INDEX.get(normalise_text(text))


def match_role(text: str) -> Role | None:
    """The study's role a code, the study's label or a common Dutch word names, or None."""
    return _ROLE_INDEX.get(normalise_text(text))


def composition_of(sectors: list[str] | tuple[str, ...] | set[str]) -> tuple[str, ...]:
    """Map actor sectors to the study's four composition sectors, sorted and unique."""
    return tuple(sorted({_COMPOSITION_OF_SECTOR[s] for s in sectors if s in _COMPOSITION_OF_SECTOR}))


def composition_label(sectors: list[str] | tuple[str, ...] | set[str]) -> str:
    """The study's label for a composition, or a readable one for combinations it lacks."""
    comp = composition_of(sectors)
    for key, label, _count in COMPOSITIONS:
        if key == comp:
            return label
    return " + ".join(comp) if comp else "unknown"
