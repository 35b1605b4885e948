"""The bundled sample (coalitions/data/sample) reproduces the study.

The files are read with pandas directly, independent of the project's loader. Expected values
come from the study (Universiteit Gent, September 2007; ``shared/study``): its named examples,
its five cases, its Casa del Mundo template row and its three tables of counts (held in
``coalitions.loaders.taxonomy``).
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

import coalitions
from coalitions.graph.model import (
    COALITION_ORIGINS,
    COALITION_RELATIONS,
    FUNCTIONS,
    GOVERNMENT_FUNCTIONS,
    KINDS,
    MEMBERSHIP_ROLES,
    PIVOT_ROLES,
    SECTORS,
)
from coalitions.loaders.taxonomy import (
    COMPOSITION_SECTORS,
    COMPOSITIONS,
    ROLES,
    THEMES,
    composition_of,
    match_theme,
)

SAMPLE = Path(coalitions.__file__).parent / "data" / "sample"
REPO = Path(__file__).resolve().parents[2]

# The study's "13 Vlaamse centrumsteden en Brussel", in Dutch.
CITIES = {
    "Aalst", "Antwerpen", "Brugge", "Genk", "Gent", "Hasselt", "Kortrijk", "Leuven", "Mechelen",
    "Oostende", "Roeselare", "Sint-Niklaas", "Turnhout", "Brussel",
}

# The study's examples: (city, name, sub-theme it exemplifies). "St. Niklaas" is Sint-Niklaas,
# Cohousing Waasland is in Sint-Niklaas, Zeebrugge and Handmade in Brugge, Brussels Metropolitan
# in Brussel, Apps for Ghent in Gent.
THEME_EXAMPLES = [
    ("Aalst", "Ageing in Place", "Woonzorgbeleid"),
    ("Leuven", "Innovage", "Welzijn"),
    ("Kortrijk", "Leiaarde", "Diversiteit"),
    ("Leuven", "Leuven Zuid", "Ontwikkelingssamenwerking en Noord-Zuid"),
    ("Aalst", "Casa del Mundo", "Ontwikkelingssamenwerking en Noord-Zuid"),
    ("Turnhout", "Pestactieplan", "Kinderen en Jeugd"),
    ("Leuven", "Netwerk Intrafamiliaal geweld", "Justitie"),
    ("Sint-Niklaas", "Cohousing Waasland", "Wonen"),
    ("Brussel", "EGEB", "Milieuvraagstukken"),
    ("Sint-Niklaas", "Solied", "Duurzaamheid"),
    ("Gent", "Torekes", "Duurzame economie"),
    ("Mechelen", "Pure Hubs", "Voeding"),
    ("Gent", "Energent", "Energie"),
    ("Brugge", "Brugse Buurtcomités", "Sociale cohesie"),
    ("Oostende", "Fietseling", "Mobiliteit en publieke ruimte"),
    ("Brugge", "Zeebrugge Open", "Stadsontwikkeling en opwaardering buurten"),
    ("Brugge", "Handmade Brugge", "Creatieve economie / maakeconomie"),
    ("Mechelen", "Startersacademie", "Ondernemen"),
    ("Brussel", "Brussels Metropolitan", "Stimuleren economische ontwikkeling"),
    ("Gent", "Apps for Ghent", "Bestuurlijke vernieuwing / ICT"),
    ("Antwerpen", "Antwerpen aan het Woord", "Beleidsparticipatie / inspraak"),
]
# The study's role examples: (city, name, role code). Transitie Deurne is in Antwerpen.
ROLE_EXAMPLES = [
    ("Brussel", "Kritische Massa", "sensitising"),
    ("Sint-Niklaas", "Klimopjegevel", "public_space"),
    ("Kortrijk", "De Magneet", "innovation"),
    ("Antwerpen", "Transitie Deurne", "cooperation"),
    ("Sint-Niklaas", "Zelfoogsttuin", "services"),
]
# "KORTE VOORSTELLING CASES": Solied St. Niklaas, De Koep Turnhout, Energent Gent, Duurzame
# Haven Antwerpen, EGEB (SG Water) Brussel.
CASES = [
    ("Sint-Niklaas", "Solied"), ("Turnhout", "De Koep"), ("Gent", "Energent"),
    ("Antwerpen", "Duurzame Haven"), ("Brussel", "EGEB"),
]
# The study's inventory template ("STAP 2 … volgend sjabloon … met willekeurig voorbeeld"),
# line breaks of the slide joined with spaces, apostrophes as in the study (’).
CASA_DEL_MUNDO = {
    "Stad": "Aalst",
    "Naam": "Casa del Mundo",
    "Thema": "OS, Noord-Zuid",
    "Doel": "Sensibiliseren, Noord-Zuidproblematiek duiden,…",
    "Acties": "Markt met producten en eetwaren uit de hele wereld. Multiculturele sfeer met "
              "randanimatie en optredens",
    "Leeftijd": "°1994 (eerste Casa del Mundo)",
    "Omvang": "16 vzw’s (+ 100 vrijwilligers) Sinds enkele jaren verenigd in een Werkgroep "
              "Casa del Mundo",
    "Actoren": "Werkgroep (Stad, vzw’s, NGO’s, vrijwilligers)",
}

COALITION_HEADER = ["id", "Stad", "Naam", "Thema", "Doel", "Acties", "Leeftijd", "Omvang",
                    "Actoren", "role", "relation", "origin", "sectors"]


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(SAMPLE / name, dtype=str, keep_default_na=False, encoding="utf-8")


@pytest.fixture(scope="module")
def coalition_table() -> pd.DataFrame:
    return _read("coalitions.csv")


@pytest.fixture(scope="module")
def actors() -> pd.DataFrame:
    return _read("actors.csv")


@pytest.fixture(scope="module")
def memberships() -> pd.DataFrame:
    return _read("memberships.csv")


@pytest.fixture(scope="module")
def ties() -> pd.DataFrame:
    return _read("ties.csv")


def _themes_of(thema: str) -> set[str]:
    found = set()
    for part in thema.split(","):
        theme = match_theme(part.strip())
        assert theme is not None, f"unknown theme {part!r} in {thema!r}"
        found.add(theme.name)
    return found


def _row(table: pd.DataFrame, city: str, name: str) -> pd.Series:
    rows = table[(table["Stad"] == city) & (table["Naam"] == name)]
    assert len(rows) == 1, f"{name} ({city}): {len(rows)} rows"
    return rows.iloc[0]


def _year(text: str) -> int:
    return int(re.search(r"(19|20)\d\d", text).group(0))


# --- the inventory --------------------------------------------------------------------------

def test_coalitions_file_has_the_template_headers_then_coded_columns(coalition_table):
    assert list(coalition_table.columns) == COALITION_HEADER


def test_fifty_one_coalitions_in_exactly_the_fourteen_cities(coalition_table):
    assert len(coalition_table) == 51
    assert set(coalition_table["Stad"]) == CITIES


def test_bigger_cities_have_more_coalitions_than_the_smallest(coalition_table):
    per_city = coalition_table["Stad"].value_counts()
    for big in ("Antwerpen", "Gent", "Brussel"):
        assert per_city[big] > per_city.min()


def test_coalition_ids_are_city_name_slugs(coalition_table):
    for _, row in coalition_table.iterrows():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", row["id"]), row["id"]
        city_slug = row["Stad"].lower()
        assert row["id"].startswith(city_slug + "-"), row["id"]
    assert coalition_table["id"].is_unique


def test_sub_theme_counts_equal_the_study(coalition_table):
    counts = Counter()
    for thema in coalition_table["Thema"]:
        counts.update(_themes_of(thema))
    assert counts == Counter({t.name: t.study_count for t in THEMES})
    assert sum(counts.values()) == 52


def test_role_counts_equal_the_study(coalition_table):
    assert Counter(coalition_table["role"]) == Counter({r.code: r.study_count for r in ROLES})


def test_declared_composition_counts_equal_the_study(coalition_table):
    declared = []
    for sectors in coalition_table["sectors"]:
        parts = sectors.split(";")
        assert set(parts) <= set(COMPOSITION_SECTORS), sectors
        declared.append(composition_of(parts))
    assert Counter(declared) == Counter({key: n for key, _label, n in COMPOSITIONS})


def test_relation_and_origin_use_the_vocabulary_with_some_adversarial(coalition_table):
    assert set(coalition_table["relation"]) <= set(COALITION_RELATIONS)
    assert set(coalition_table["origin"]) <= set(COALITION_ORIGINS)
    relations = Counter(coalition_table["relation"])
    assert relations.most_common(1)[0][0] == "complementary"
    assert relations["adversarial"] >= 1
    assert _row(coalition_table, "Brussel", "Kritische Massa")["relation"] == "adversarial"


def test_founding_years_lie_between_1985_and_2015(coalition_table):
    for leeftijd in coalition_table["Leeftijd"]:
        assert 1985 <= _year(leeftijd) <= 2015, leeftijd


@pytest.mark.parametrize(("city", "name", "theme"), THEME_EXAMPLES)
def test_named_theme_example_in_its_city_with_its_sub_theme(coalition_table, city, name, theme):
    assert theme in _themes_of(_row(coalition_table, city, name)["Thema"])


@pytest.mark.parametrize(("city", "name", "role"), ROLE_EXAMPLES)
def test_named_role_example_in_its_city_with_its_role(coalition_table, city, name, role):
    assert _row(coalition_table, city, name)["role"] == role


@pytest.mark.parametrize(("city", "name"), CASES)
def test_each_case_study_is_present(coalition_table, city, name):
    _row(coalition_table, city, name)


def test_casa_del_mundo_row_is_the_study_template_row(coalition_table):
    row = _row(coalition_table, "Aalst", "Casa del Mundo")
    assert {k: row[k] for k in CASA_DEL_MUNDO} == CASA_DEL_MUNDO
    assert row["id"] == "aalst-casa-del-mundo"
    assert row["role"] == "sensitising"
    assert composition_of(row["sectors"].split(";")) == ("city_government", "nonprofit")


def test_both_apostrophe_styles_occur_in_size_texts(coalition_table):
    text = " ".join(coalition_table["Omvang"])
    assert "vzw’s" in text and "vzw's" in text


# --- the actor network ----------------------------------------------------------------------

def test_several_hundred_actors_both_organisations_and_persons(actors):
    assert len(actors) >= 300
    kinds = Counter(actors["kind"])
    assert kinds["organisation"] >= 100 and kinds["person"] >= 100


def test_actor_ids_unique_and_prefixed_by_kind(actors):
    assert actors["id"].is_unique
    for _, a in actors.iterrows():
        assert a["id"].startswith("org-" if a["kind"] == "organisation" else "per-"), a["id"]


def test_actor_values_use_the_model_vocabularies(actors):
    assert set(actors["kind"]) <= set(KINDS)
    assert set(actors["sector"]) <= set(SECTORS)
    persons = actors[actors["kind"] == "person"]
    organisations = actors[actors["kind"] == "organisation"]
    assert set(persons["function"]) == set(FUNCTIONS)
    assert (organisations["function"] == "").all()
    assert (organisations["organisation"] == "").all()


def test_persons_are_affiliated_to_existing_organisations(actors):
    kind = dict(zip(actors["id"], actors["kind"], strict=True))
    sector = dict(zip(actors["id"], actors["sector"], strict=True))
    for _, p in actors[actors["kind"] == "person"].iterrows():
        if p["function"] in GOVERNMENT_FUNCTIONS:
            assert p["organisation"], p["id"]
            assert sector[p["organisation"]] == "city_government", p["id"]
        if p["organisation"]:
            assert kind.get(p["organisation"]) == "organisation", p["id"]


def test_a_person_name_with_an_apostrophe_or_accent(actors):
    names = actors.loc[actors["kind"] == "person", "name"]
    assert any(re.search(r"[’'À-ÿ]", n) for n in names)


def test_memberships_reference_existing_actors_and_coalitions(memberships, actors,
                                                              coalition_table):
    assert set(memberships["actor"]) <= set(actors["id"])
    assert set(memberships["coalition"]) <= set(coalition_table["id"])
    assert set(memberships["role"]) <= set(MEMBERSHIP_ROLES)
    assert not memberships.duplicated(["actor", "coalition"]).any()


def test_every_coalition_has_five_to_forty_members(memberships, coalition_table):
    sizes = memberships.groupby("coalition").size().reindex(coalition_table["id"], fill_value=0)
    assert sizes.between(5, 40).all(), sizes[~sizes.between(5, 40)]


def test_a_declared_pivot_in_at_least_seventy_percent_of_coalitions(memberships):
    with_pivot = memberships.loc[memberships["role"].isin(PIVOT_ROLES), "coalition"].nunique()
    assert with_pivot / 51 >= 0.70


def test_members_have_exactly_the_declared_composition(memberships, actors, coalition_table):
    sector = dict(zip(actors["id"], actors["sector"], strict=True))
    members = memberships.groupby("coalition")["actor"].apply(list)
    observed = []
    for _, c in coalition_table.iterrows():
        comp = composition_of([sector[a] for a in members[c["id"]]])
        assert comp == composition_of(c["sectors"].split(";")), c["Naam"]
        observed.append(comp)
    assert Counter(observed) == Counter({key: n for key, _label, n in COMPOSITIONS})


def test_membership_years_between_founding_and_2016(memberships, coalition_table):
    founded = {c["id"]: _year(c["Leeftijd"]) for _, c in coalition_table.iterrows()}
    for _, m in memberships.iterrows():
        assert founded[m["coalition"]] <= int(m["since"]) <= 2016, (m["actor"], m["coalition"])


def test_size_text_counts_the_member_organisations(memberships, actors, coalition_table):
    # "N vzw's" counts nonprofit organisations, "N organisaties"/"N partners" all of them.
    org_sector = {a["id"]: a["sector"] for _, a in actors.iterrows()
                  if a["kind"] == "organisation"}
    for _, c in coalition_table.iterrows():
        orgs = [a for a in memberships.loc[memberships["coalition"] == c["id"], "actor"]
                if a in org_sector]
        n = int(re.match(r"\d+", c["Omvang"]).group(0))
        if re.match(r"\d+ vzw", c["Omvang"]):
            assert n == sum(org_sector[o] == "nonprofit" for o in orgs), c["Naam"]
        else:
            assert n == len(orgs), c["Naam"]


def test_city_officials_and_politicians_span_coalitions_of_their_city(memberships, actors,
                                                                      coalition_table):
    # The study's "tussenruimte": officials and politicians visible in and between coalitions.
    city_of = dict(zip(coalition_table["id"], coalition_table["Stad"], strict=True))
    gov = actors[actors["function"].isin(GOVERNMENT_FUNCTIONS)].set_index("id")["city"]
    m = memberships[memberships["actor"].isin(gov.index)].copy()
    m["coalition_city"] = m["coalition"].map(city_of)
    m = m[m["coalition_city"] == m["actor"].map(gov)]
    spanning = m.groupby(["coalition_city", "actor"])["coalition"].nunique()
    spanning = spanning[spanning >= 2].groupby(level=0).size()
    government_coalitions = Counter(
        c["Stad"] for _, c in coalition_table.iterrows() if "city_government" in c["sectors"])
    cities = [city for city, n in government_coalitions.items() if n >= 2]
    assert len(cities) >= 5
    for city in cities:
        assert spanning.get(city, 0) >= 2, city


def test_a_few_regional_actors_in_coalitions_of_several_cities(memberships, actors,
                                                               coalition_table):
    city_of = dict(zip(coalition_table["id"], coalition_table["Stad"], strict=True))
    regional = set(actors.loc[actors["city"] == "", "id"])
    m = memberships[memberships["actor"].isin(regional)]
    spread = m.groupby("actor")["coalition"].apply(lambda cs: len({city_of[c] for c in cs}))
    assert (spread >= 2).sum() >= 3


def test_membership_is_heavy_tailed(memberships):
    per_actor = memberships["actor"].value_counts()
    assert (per_actor == 1).mean() > 0.5  # most actors in one coalition
    assert per_actor.max() >= 8  # a few in many


def test_ties_resolve_without_self_ties_or_duplicates(ties, actors):
    assert 60 <= len(ties) <= 150
    ids = set(actors["id"])
    assert set(ties["source"]) <= ids and set(ties["target"]) <= ids
    assert not (ties["source"] == ties["target"]).any()
    pairs = {frozenset(p) for p in zip(ties["source"], ties["target"], strict=True)}
    assert len(pairs) == len(ties)
    assert set(ties["type"]) <= {"funds", "advises", "collaborates", "reports_to"}
    weights = ties["weight"].astype(float)
    assert ((weights >= 1) & (weights <= 5)).all()


# --- the generator --------------------------------------------------------------------------

def test_files_are_what_the_generator_produces():
    spec = importlib.util.spec_from_file_location("make_sample", REPO / "scripts" /
                                                  "make_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = dict(zip(("coalitions", "actors", "memberships", "ties"), module.build(),
                     strict=True))
    for name, rows in built.items():
        expected = pd.DataFrame(rows).astype(str)
        actual = _read(f"{name}.csv")
        pd.testing.assert_frame_equal(actual, expected[list(actual.columns)],
                                      check_dtype=False)
