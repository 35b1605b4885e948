"""Command-line query parameters: text unless typed, typed values checked."""

from __future__ import annotations

import pytest

from coalitions.errors import UsageError
from coalitions.queries import parse_params


def test_an_untyped_value_stays_text_even_when_it_looks_like_a_number():
    assert parse_params(["actor=007", "k=2", "x=1.5", "flag=true", "empty=", "eq=a=b"]) == {
        "actor": "007", "k": "2", "x": "1.5", "flag": "true", "empty": "", "eq": "a=b"}


def test_typed_values_are_converted():
    got = parse_params(["k:int=007", "x:float=-0.5", "b:bool=False", "y:bool=yes",
                        "s:str=12", 'ids:json=["a", 1, null]', "m:json={\"a\": 2.5}"])
    assert got == {"k": 7, "x": -0.5, "b": False, "y": True, "s": "12",
                   "ids": ["a", 1, None], "m": {"a": 2.5}}
    assert type(got["k"]) is int and type(got["x"]) is float


@pytest.mark.parametrize(("item", "message"), [
    ("nonsense", "--param 'nonsense' is not of the form name=value."),
    ("k:int=seven", "--param 'k:int=seven': 'seven' is not an integer."),
    ("k:int=1.5", "--param 'k:int=1.5': '1.5' is not an integer."),
    ("x:float=abc", "--param 'x:float=abc': 'abc' is not a number."),
    ("b:bool=maybe", "--param 'b:bool=maybe': 'maybe' is not true or false."),
    ("j:json=NaN", "--param 'j:json=NaN': 'NaN' is not a JSON value."),
    ("j:json=[1,", "--param 'j:json=[1,': '[1,' is not a JSON value."),
    ("d:date=2020", "--param 'd:date=2020': unknown type 'date'."),
])
def test_a_bad_typed_value_is_a_usage_error_that_says_what_was_expected(item, message):
    with pytest.raises(UsageError) as info:
        parse_params([item])
    assert info.value.message == message
