"""Pseudonyms: the documented HMAC construction, stable per store, different across stores,
kept in the store on both engines, and no real name or name-derived id in any export."""

from __future__ import annotations

import hashlib
import hmac
import re
from pathlib import Path

import pandas as pd
import pytest

from coalitions.errors import StoreError
from coalitions.export import FORMATS, export
from coalitions.graph.model import GraphData
from coalitions.loaders import load_inputs
from coalitions.pseudonyms import (
    pseudonym,
    pseudonym_id,
    pseudonymise,
    pseudonymiser,
    store_salt,
)
from tests.conftest import SAMPLE, small_graph

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def crockford40(value: int) -> str:
    """A 40-bit integer as 8 Crockford base32 digits, most significant first."""
    return "".join(CROCKFORD[(value >> shift) & 31] for shift in range(35, -1, -5))


@pytest.fixture(scope="module")
def sample() -> GraphData:
    return load_inputs([SAMPLE]).data


def test_pseudonym_is_the_first_40_bits_of_hmac_sha256_in_crockford_base32():
    # RFC 4231, test case 2: HMAC-SHA256(key="Jefe", "what do ya want for nothing?") =
    # 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843.
    code = crockford40(0x5BDCC146BF)
    assert pseudonym("what do ya want for nothing?", "Jefe") == f"Person {code[:4]}-{code[4:]}"
    assert pseudonym_id("what do ya want for nothing?", "Jefe") == f"person-{code.lower()}"
    # and the digest itself is the RFC's (guards against a changed construction)
    assert hmac.new(b"Jefe", b"what do ya want for nothing?",
                    hashlib.sha256).hexdigest().startswith("5bdcc146bf")


def test_same_person_same_pseudonym_across_calls_and_different_with_another_salt():
    assert pseudonym("per-an", "salt-one") == pseudonym("per-an", "salt-one")
    assert pseudonym("per-an", "salt-one") != pseudonym("per-an", "salt-two")
    assert pseudonym("per-an", "salt-one") != pseudonym("per-bram", "salt-one")


def test_pseudonymiser_hides_persons_and_keeps_organisation_names():
    name_of = pseudonymiser("k")
    assert name_of({"id": "per-an", "kind": "person", "name": "An Peeters"}) == pseudonym(
        "per-an", "k")
    assert name_of({"id": "org-x", "kind": "organisation", "name": "Stad Gent"}) == "Stad Gent"


def test_pseudonymise_replaces_person_names_and_ids_everywhere():
    data = small_graph()
    out = pseudonymise(data, "k")
    persons = out.actors[out.actors["kind"] == "person"]
    assert set(persons["name"]) == {pseudonym("per-an", "k"), pseudonym("per-bram", "k")}
    assert set(persons["id"]) == {pseudonym_id("per-an", "k"), pseudonym_id("per-bram", "k")}
    assert set(out.memberships["actor"]) == {"org-stad-gent", pseudonym_id("per-an", "k"),
                                             pseudonym_id("per-bram", "k")}
    assert list(out.ties["source"]) == [pseudonym_id("per-an", "k")]
    assert list(out.ties["target"]) == [pseudonym_id("per-bram", "k")]
    org = out.actors.set_index("id").loc["org-stad-gent"]
    assert org["name"] == "Stad Gent – Milieudienst"
    # The person's affiliation (an organisation id) is kept.
    assert out.actors.set_index("id").loc[pseudonym_id("per-an", "k"), "organisation"] == (
        "org-stad-gent")
    # The input is not changed.
    assert "An Peeters" in set(data.actors["name"])


def test_store_keeps_one_salt_across_reopening(tmp_path):
    from coalitions.graph.embedded import EmbeddedStore

    path = tmp_path / "s.db"
    with EmbeddedStore(path) as store:
        store.load(small_graph())
        first = store_salt(store)
        assert store_salt(store) == first
        assert len(first) == 64
    with EmbeddedStore(path, read_only=True) as store:
        assert store_salt(store) == first
    with EmbeddedStore(tmp_path / "other.db") as other:
        assert store_salt(other) != first


def test_salt_lives_in_the_store_on_both_engines_and_survives_a_replacing_load(fresh_store):
    fresh_store.load(small_graph())
    salt = store_salt(fresh_store)
    fresh_store.load(small_graph(), replace=True)
    assert store_salt(fresh_store) == salt
    name_of = pseudonymiser(fresh_store)
    assert name_of({"id": "per-an", "kind": "person"}) == pseudonym("per-an", salt)
    # The salt node is no part of the graph the store reads back.
    stats = fresh_store.stats().set_index("name")["count"]
    assert (stats["Person"], stats["Organisation"]) == (2, 1)  # small_graph's actors
    assert len(fresh_store.read_graph().actors) == len(small_graph().actors)


def test_a_read_only_store_without_a_salt_says_what_to_do(tmp_path):
    from coalitions.graph.embedded import EmbeddedStore

    path = tmp_path / "s.db"
    with EmbeddedStore(path) as store:
        store.load(small_graph())
    with EmbeddedStore(path, read_only=True) as store, pytest.raises(StoreError) as exc:
        store_salt(store)
    assert "no pseudonym key yet" in str(exc.value)
    assert "without read-only" in str(exc.value)


def test_empty_salt_is_refused():
    with pytest.raises(StoreError, match="empty pseudonym salt"):
        pseudonymiser("")


def _files(path: Path) -> list[Path]:
    return sorted(path.iterdir()) if path.is_dir() else [path]


@pytest.mark.parametrize("projection", [None, "actors"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_no_real_person_name_or_id_leaks_into_a_pseudonymised_export(sample, tmp_path, fmt,
                                                                      projection):
    measures = pd.DataFrame({"id": sample.actors["id"], "name": sample.actors["name"],
                             "degree": range(len(sample.actors))})
    path = export(sample, fmt, tmp_path / f"x.{fmt}", projection=projection, measures=measures,
                  pseudonymise=True, salt="secret")
    text = "\n".join(p.read_text(encoding="utf-8") for p in _files(path)).lower()
    persons = sample.actors[sample.actors["kind"] == "person"]
    assert len(persons) > 100
    leaked = [n for n in persons["name"] if n.lower() in text]
    leaked += [i for i in persons["id"] if i.lower() in text]
    assert leaked == []
    orgs = sample.actors[sample.actors["kind"] == "organisation"]
    if fmt in ("pajek", "dl"):
        # These formats label nodes with names: pseudonyms for persons, organisations'
        # names as they are; no id is in the file.
        assert len(set(re.findall(r"person [0-9a-z]{4}-[0-9a-z]{4}", text))) == len(persons)
        assert orgs["name"].iloc[0].lower() in text
        return
    # The pseudonymous ids are there instead, and organisations keep their ids.
    assert pseudonym_id(persons["id"].iloc[0], "secret") in text
    assert orgs["id"].iloc[0].lower() in text


def test_same_person_same_pseudonym_in_two_exports_of_one_store(sample, tmp_path):
    from coalitions.graph.embedded import EmbeddedStore

    with EmbeddedStore(tmp_path / "s.db") as store:
        store.load(sample)
        data = store.read_graph()
        # (the actor projection: networkx cannot read the two-mode GEXF, whose directed
        # ties sit among undirected memberships)
        gexf = export(data, "gexf", tmp_path / "a.gexf", projection="actors",
                      pseudonymise=True, salt=store)
        csv = export(data, "csv", tmp_path / "b", pseudonymise=True, salt=store)
    import networkx as nx

    g = nx.read_gexf(gexf)
    from_gexf = {n: a["label"] for n, a in g.nodes(data=True) if a.get("kind") == "person"}
    nodes = pd.read_csv(csv / "nodes.csv", keep_default_na=False)
    from_csv = dict(zip(nodes.loc[nodes["kind"] == "person", "id"],
                        nodes.loc[nodes["kind"] == "person", "label"], strict=True))
    assert len(from_gexf) == (sample.actors["kind"] == "person").sum()
    assert from_gexf == from_csv
    assert all(label.startswith("Person ") for label in from_gexf.values())
