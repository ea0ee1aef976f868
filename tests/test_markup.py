"""The <p> HTML of tab-separated rows: paragraphs and their spans."""

import pytest

from pipeline.markup import paragraphs


def test_paragraphs_and_spans() -> None:
    cell = "<p>各市：</p> <p>为了 &amp; 做好</p>"
    found = paragraphs(cell)
    assert [p.text for p in found] == ["各市：", "为了 & 做好"]
    assert [cell[p.start:p.end] for p in found] == [
        "<p>各市：</p>", "<p>为了 &amp; 做好</p>",
    ]


def test_angle_bracketed_address_is_text() -> None:
    (found,) = paragraphs("详见<http://www.lnrc.com.cn>网站")
    assert found.text == "详见<http://www.lnrc.com.cn>网站"


@pytest.mark.parametrize("cell", [
    "<p></p> <p>正文</p> <p> </p>",
    "前言<p>正文</p>后记",
    "<p>一<br>二</p>",
    "<p></p>",
    "<p>未闭合",
])
def test_spans_cover_every_non_blank_character_once(cell: str) -> None:
    covered = [0] * len(cell)
    for p in paragraphs(cell):
        for i in range(p.start, p.end):
            covered[i] += 1
    for i, char in enumerate(cell):
        assert covered[i] <= 1, (cell, i)
        assert char.isspace() or covered[i] == 1, (cell, i)
