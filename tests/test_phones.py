"""Phone cells of the dump's directories split, validated and formatted."""

import pytest

from pipeline.phones import is_phone_cell, split_phones


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
