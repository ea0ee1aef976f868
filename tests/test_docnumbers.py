"""Document numbers and order numbers found in running text."""

import pytest

from pipeline.docnumbers import find_numbers


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
