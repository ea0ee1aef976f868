"""Document numbers and order numbers found in running text."""

import random
from collections.abc import Iterable

import pytest
import regex

from pipeline.docnumbers import _NUMBER, _numbers_before_tails, find_numbers
from pipeline.read import read_raw
from tests.conftest import REAL_DUMP


@pytest.mark.parametrize("text, number", [
    ("（辽政办明电〔2020〕6号）", "辽政办明电〔2020〕6号"),
    ("（肺炎机制发[2020]17号）", "肺炎机制发〔2020〕17号"),
    ("（辽人社明电〔2020〕2 号）", "辽人社明电〔2020〕2号"),
    ("按辽政办明电（2020）5号执行", "辽政办明电〔2020〕5号"),
    ("格管理规定仍按辽政办明电〔2020〕5号", "辽政办明电〔2020〕5号"),
    ("根据国卫医函【2020】43号", "国卫医函〔2020〕43号"),
    ("《指挥部令第 5 号》", "令第5号"),
    ("令 第 4 号", "令第4号"),
])
def test_numbers_are_found_and_normalised(text: str, number: str) -> None:
    (found,) = find_numbers(text)
    assert found.number == number
    assert text[found.start:found.end].replace(" ", "").endswith("号")


def test_span_starts_at_the_issuer_code() -> None:
    text = "按照辽政发〔2020〕6号和民发〔2020〕13号"
    found = find_numbers(text)
    assert [text[n.start:n.end] for n in found] == [
        "辽政发〔2020〕6号", "民发〔2020〕13号",
    ]


def test_a_year_alone_is_not_a_number() -> None:
    assert find_numbers("2020年2月1日（2020）") == []


# Pieces that generated strings are made of: codes, brackets of every
# kind, years, serials, spaces, Han runs longer than a code, and whole
# numbers that run into each other.
PIECES = list("辽政办发字号第令 　\t〔〕[]［］（）()【】2019a,，") + [
    "2020", "〔2020〕", "辽政办明电", "国卫医函", "1234567", "按照",
    "辽宁省人民政府办公厅关于印发辽宁省", "〔2020〕1号", "  ",
]


def _matches(found: Iterable[regex.Match[str]],
             ) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in found]


def test_numbers_found_from_their_tails_are_those_of_a_full_scan() -> None:
    """The tail-first search matches exactly where _NUMBER.finditer does:
    on every line of the dump and on generated strings (fixed seed)."""
    rng = random.Random(20200201)
    generated = ["".join(rng.choice(PIECES)
                         for _ in range(rng.randint(1, 30)))
                 for _ in range(20000)]
    texts = list(read_raw(REAL_DUMP).lines) + generated
    with_numbers = 0
    for text in texts:
        expected = _matches(_NUMBER.finditer(text))
        assert _matches(_numbers_before_tails(text)) == expected, text
        with_numbers += bool(expected)
    assert with_numbers > 1000  # the strings do exercise the search
