"""The fields of the study over time (roles, end year, status, relation year, membership
periods, qualitative text) stored and read back by both engines, and queryable in Cypher."""

from __future__ import annotations

from pathlib import Path

import pytest

from coalitions.loaders import load_inputs
from tests.graph.test_store import canonical

FIVE = Path(__file__).parents[1] / "data" / "five_cases"


@pytest.fixture(scope="module")
def five():
    return load_inputs([FIVE]).data


def test_every_field_of_the_five_cases_reads_back_equal(fresh_store, five):
    fresh_store.load(five)
    back = fresh_store.read_graph()
    assert canonical(back) == canonical(five)
    # Order matters for roles (the primary first), so it is compared as a list too.
    assert (back.coalitions.set_index("id")["roles"].to_dict()
            == five.coalitions.set_index("id")["roles"].to_dict())


def test_loading_the_five_cases_twice_changes_nothing(fresh_store, five):
    fresh_store.load(five)
    assert not fresh_store.load(five).changed


def _column(frame, name):
    return sorted(frame[name].tolist())


def test_end_years_statuses_and_periods_are_queryable_in_cypher(fresh_store, five):
    fresh_store.load(five)
    q = fresh_store.query
    ended = q("MATCH (c:Coalition) WHERE c.end_year IS NOT NULL "
              "RETURN c.name AS name, c.end_year AS end_year, c.status AS status")
    # coalities.csv: Klimopjegevel einde 2016 gestopt; Transitie Deurne "einde 2018",
    # opgegaan in; Kritische Massa "°2008 – 2019", no status.
    assert sorted(zip(ended["name"], ended["end_year"], ended["status"], strict=True)) == [
        ("Klimopjegevel", 2016, "stopped"), ("Kritische Massa", 2019, "stopped"),
        ("Transitie Deurne", 2018, "merged")]
    left = q("MATCH (a)-[m:MEMBER_OF]->(c:Coalition) WHERE m.until IS NOT NULL AND "
             "m.until <= 2016 RETURN a.id AS actor, c.name AS coalition, m.since AS since, "
             "m.until AS until")
    # lidmaatschappen.csv: the rows whose tot is 2016 or earlier.
    assert sorted(zip(left["actor"], left["coalition"], left["since"], left["until"],
                      strict=True)) == [
        ("org-bral", "Kritische Massa", 2010, 2014),
        ("org-leefmilieu-brussel", "EGEB (SG Water)", 2013, 2015),
        ("org-stad-sint-niklaas", "Klimopjegevel", 2011, 2016),
        ("per-ambtenaar-sn", "Klimopjegevel", 2011, 2016)]


def test_roles_relation_years_and_qualitative_text_are_queryable(fresh_store, five):
    fresh_store.load(five)
    q = fresh_store.query
    public = q("MATCH (c:Coalition) WHERE 'public_space' IN c.roles RETURN c.name AS name")
    assert _column(public, "name") == ["De Koep", "EGEB (SG Water)", "Energent",
                                       "Klimopjegevel"]
    primary = q("MATCH (c:Coalition {name: 'De Koep'}) RETURN c.roles AS roles, c.role AS role")
    assert list(primary["roles"][0]) == ["cooperation", "services", "public_space"]
    assert primary["role"][0] == "cooperation"
    relation = q("MATCH (c:Coalition) WHERE c.relation = 'adversarial' "
                 "RETURN c.name AS name, c.relation_year AS year")
    assert list(zip(relation["name"], relation["year"], strict=True)) == [
        ("Kritische Massa", 2010)]
    officials = q("MATCH (c:Coalition) WHERE c.in_between CONTAINS 'ambtenaar' "
                  "RETURN c.name AS name")
    assert _column(officials, "name") == ["Energent", "Solied"]
    unfunded = q("MATCH (c:Coalition) WHERE c.resource_dependence STARTS WITH 'Geen' "
                 "RETURN c.name AS name")
    assert _column(unfunded, "name") == ["Kritische Massa", "Transitie Deurne"]


def test_a_store_made_before_these_fields_existed_takes_them(tmp_path, five):
    import ladybug

    from coalitions.graph.embedded import EmbeddedStore
    from coalitions.graph.schema import ADDED_PROPERTIES, ladybug_ddl

    path = tmp_path / "old.db"
    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    # The first release's schema: today's without the properties added since.
    for stmt in ladybug_ddl():
        if stmt.startswith("ALTER"):
            continue
        for table, props in ADDED_PROPERTIES.items():
            if f" {table}(" in stmt:
                for p in props:
                    stmt = stmt.replace(f", {p} STRING[]", "").replace(f", {p} INT64", "")
                    stmt = stmt.replace(f", {p} STRING", "")
        conn.execute(stmt)
    columns = conn.execute("CALL table_info('Coalition') RETURN name").get_as_df()["name"]
    assert "end_year" not in set(columns) and "roles" not in set(columns)
    conn.close()
    db.close()
    store = EmbeddedStore(path)
    try:
        store.load(five)
        assert canonical(store.read_graph()) == canonical(five)
    finally:
        store.close()
