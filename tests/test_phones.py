"""Phone cells of the dump's directories split, validated and formatted."""

import random

import pytest

from pipeline import patterns
from pipeline.phones import is_phone_cell, parsed_e164, split_phones, valid_e164
from tests.conftest import REAL_DUMP


@pytest.mark.parametrize(("cell", "printed", "e164", "extensions"), [
    ("024-62165888", ["024-62165888"], ["+862462165888"], [None]),
    ("024-89566789 13897921213", ["024-89566789", "13897921213"],
     ["+862489566789", "+8613897921213"], [None, None]),
    ("0418-6626960/89", ["0418-6626960", "0418-6626989"],
     ["+864186626960", "+864186626989"], [None, None]),
    ("0411-39888888-8850", ["0411-39888888-8850"], ["+8641139888888"],
     ["8850"]),
    ("0411-84412001—8600", ["0411-84412001—8600"], ["+8641184412001"],
     ["8600"]),
    ("024—46813666", ["024—46813666"], ["+862446813666"], [None]),
    ("0417 - 2929426", ["0417 - 2929426"], ["+864172929426"], [None]),
    ("04293940477", ["04293940477"], ["+864293940477"], [None]),
])
def test_numbers_are_split_and_formatted(
    cell: str, printed: list[str], e164: list[str], extensions: list[str],
) -> None:
    phones = split_phones(cell)
    assert [p.printed for p in phones] == printed
    assert [p.e164 for p in phones] == e164
    assert [p.extension for p in phones] == extensions
    assert all(p.warning is None for p in phones)


@pytest.mark.parametrize(("cell", "code", "extension"), [
    ("0412--7130260", "phone_malformed", None),  # read fine, printed wrong
    ("57722190", "phone_invalid", None),  # no area code
    ("024-2175187", "phone_invalid", None),  # Shenyang numbers have 8 digits
    ("96615-10328", "phone_invalid", "10328"),  # a short service number
])
def test_odd_numbers_are_kept_as_printed_and_flagged(
    cell: str, code: str, extension: str | None,
) -> None:
    [phone] = split_phones(cell)
    assert phone.printed == cell
    assert phone.e164 is None
    assert phone.warning == code
    assert phone.extension == extension


@pytest.mark.parametrize(("text", "is_phone"), [
    ("024-62165888", True),
    ("0419-2693333 15941978588", True),
    ("96615-10328", True),
    ("103", False),  # a 序号
    ("红旗大街54号73", False),
    ("新工街1-3-25A", False),
    ("沈阳市", False),
    # A cell opening with a letter holds more than numbers.
    ("电话024-62165888", False),
    # Full-width digits are digits too.
    ("６２１６５８８８", True),
])
def test_phone_cells_are_told_from_other_cells(text: str,
                                               is_phone: bool) -> None:
    assert is_phone_cell(text) is is_phone


def test_a_cell_without_numbers_gives_none() -> None:
    assert split_phones("") == []


def test_direct_validation_agrees_with_the_library_on_the_dump() -> None:
    """Every number-like run of the raw dump, directory or not, is judged
    alike by the direct reading and by phonenumbers.parse."""
    text = REAL_DUMP.read_text(encoding="utf-8")
    numbers = {(m["area"] or "") + m["local"]
               for m in patterns.PHONE.finditer(text)}
    assert len(numbers) > 400
    judged = {n: valid_e164(n) for n in sorted(numbers)}
    assert judged == {n: parsed_e164(n) for n in sorted(numbers)}
    # Both outcomes occur, so the comparison tests something.
    assert None in judged.values()
    assert any(judged.values())


def _random_digits(rng: random.Random) -> str:
    """Digits shaped like a match of the phone pattern: an optional area
    code and a local number, or a run opening with a prefix that parse
    treats apart (00, 86, carrier codes)."""
    local = "".join(rng.choices("0123456789", k=rng.randint(5, 11)))
    shape = rng.randrange(3)
    if shape == 0:
        return "0" + "".join(rng.choices("0123456789", k=rng.randint(2, 3))) + local
    if shape == 1:
        return rng.choice(["00", "86", "11", "12", "179", "13", "15", "18",
                           "400", "800", "95", "10", "2", "4", "9"]) + local
    return local


def test_direct_validation_agrees_with_the_library_on_random_numbers() -> None:
    rng = random.Random(8)
    numbers = [_random_digits(rng) for _ in range(3000)]
    judged = [valid_e164(n) for n in numbers]
    assert judged == [parsed_e164(n) for n in numbers]
    assert sum(e is not None for e in judged) > 100


@pytest.mark.parametrize("digits", [
    "０２４６２１６５８８８",  # full-width digits go through the library
    "008613897921213",  # international prefix then the country code
    "8613897921213",  # country code without a plus
    "01062165888",  # Beijing: trunk zero then 10
    "021123",  # trunk zero, then too short a number
])
def test_unusual_digits_are_judged_as_the_library_does(digits: str) -> None:
    assert valid_e164(digits) == parsed_e164(digits)
