"""Segmentation of each layout, on small dumps written for the case."""

import pytest

from pipeline.documents import build_document, line_pieces
from pipeline.paragraphs import body_paragraphs
from pipeline.patterns import DATE_LINE
from pipeline.read import RawFile, read_raw
from pipeline.segment import DraftDocument, read_unit, segment
from schemas import Document, LinePiece
from tests.conftest import REAL_DUMP


def documents_of(text: str) -> list[Document]:
    raw = RawFile("dump.txt", "utf-8", "", tuple(text.split("\n")))
    return [build_document(d, body_paragraphs(d, tables=[]))
            for d in segment(raw).documents]


BLOCK = """\
辽宁省人力资源
和社会保障厅关于
暂停接待群众
来访的公告

2020-02-01

为全面落实联防联控要求，现公告如下。

辽宁省人力资源和社会保障厅

2020 年 2 月 1 日

关于做好住房公积金服务工作的通知

2020-02-02

各市住房公积金管理中心：
"""


def test_block_layout_joins_wrapped_titles() -> None:
    first, second = documents_of(BLOCK)
    assert first.title == "辽宁省人力资源和社会保障厅关于暂停接待群众来访的公告"
    assert first.title_raw.count("\n") == 3
    assert (first.line_start, first.line_end) == (1, 12)
    assert str(first.publish_date) == "2020-02-01"
    assert first.body.splitlines()[-1] == "2020 年 2 月 1 日"
    assert (second.line_start, second.line_end) == (14, 18)
    assert second.body == "各市住房公积金管理中心："


ROWS = (
    "标题\t时间\t文本\n"
    "<p>关于成立 专家组的通知</p>\t<p>2020-02-10</p>\t"
    "<p>各市：</p> <p>详见<http://www.x.cn>。</p>\n"
    "---\t----\t---\n"
    "\t\t<p>续前文。</p>\n"
)


def test_rows_parse_html_and_take_continuations() -> None:
    (doc,) = documents_of(ROWS)
    assert doc.layout == "row"
    assert doc.title == "关于成立专家组的通知"
    assert doc.body == "各市：\n详见<http://www.x.cn>。\n续前文。"
    assert (doc.line_start, doc.line_end) == (2, 4)


def test_date_without_title_starts_an_untitled_document() -> None:
    (first, second) = documents_of(BLOCK.replace(
        "关于做好住房公积金服务工作的通知\n", ""))
    assert second.title == ""
    assert "missing_title" in second.warnings


def test_impossible_date_is_null_with_a_warning() -> None:
    (doc, _) = documents_of(BLOCK.replace("2020-02-01", "2020-02-30"))
    assert doc.publish_date is None
    assert "invalid_publish_date" in doc.warnings


def test_document_with_no_body() -> None:
    text = "高校毕业生...\n\n2020-02-10\n\n" + BLOCK
    first = documents_of(text)[0]
    assert first.body == ""
    assert set(first.warnings) == {"empty_body", "title_truncated"}


DISPLACED = """\
关于行政复议的通告

2020-02-03

特此通告。

现将各救助管理机构公示如下：

序号

名称

1

沈阳市救助管理站

全省救助管理机构办公地址

2020-02-03

2

大连市救助管理站
"""


def test_displaced_title_takes_back_its_first_rows() -> None:
    first, second = documents_of(DISPLACED)
    assert first.line_end == 5
    assert second.line_start == 7
    assert second.title == "全省救助管理机构办公地址"
    assert second.body.splitlines()[:3] == [
        "现将各救助管理机构公示如下：", "序号", "名称",
    ]
    assert second.warnings == ["title_displaced"]


def test_displaced_title_after_more_rows_than_a_title_runs_to() -> None:
    # Six rows before the title: more lines than MAX_TITLE_LINES lie
    # between the table's intro and the title's date.
    rows = "".join(f"{n}\n\n第{n}救助管理站\n\n" for n in range(1, 7))
    dump = DISPLACED.replace("1\n\n沈阳市救助管理站\n\n", rows)
    dump = dump.replace("\n2\n\n大连市", "\n7\n\n大连市")
    first, second = documents_of(dump)
    assert second.line_start == 7
    assert second.title == "全省救助管理机构办公地址"
    assert "第6救助管理站" in second.body
    assert second.warnings == ["title_displaced"]


def test_table_that_does_not_continue_is_left_alone() -> None:
    first, second = documents_of(DISPLACED.replace("\n2\n", "\n7\n"))
    assert second.line_start == 17  # its own title line
    assert second.warnings == []


def test_sentence_before_a_date_is_not_a_title() -> None:
    docs = documents_of("正文结束。\n2020-02-01\n\n内容\n")
    assert docs[0].title == ""
    assert docs[0].line_start == 2


def test_pipe_rows_unwrap_to_paragraphs() -> None:
    text = (BLOCK + "- | | | |\n|--|--|\n"
            "| | <p>9.必须听从。</p> <p>10.必须接受。</p> |\n")
    last = documents_of(text)[-1]
    assert last.body.splitlines()[-2:] == ["9.必须听从。", "10.必须接受。"]


# The fast paths, checked against the full rules on the real dump.

@pytest.fixture(scope="module")
def real_raw() -> RawFile:
    return read_raw(REAL_DUMP)


@pytest.fixture(scope="module")
def real_drafts(real_raw: RawFile) -> list[DraftDocument]:
    return segment(real_raw).documents


def test_date_precheck_rejects_no_date_line(real_raw: RawFile) -> None:
    read = [(line, read_unit(n, line))
            for n, line in enumerate(real_raw.lines, 1)
            if line.strip() and line.count("\t") < 2]
    dates = [line for line, unit in read if unit and unit.kind == "date"]
    assert dates == [line for line, _ in read if DATE_LINE.match(line)]
    assert len(dates) == 75


def test_only_title_lines_change_role_in_a_draft(real_raw: RawFile) -> None:
    """_draft keeps the role read_unit gave date and separator lines."""
    units = [u for n, line in enumerate(real_raw.lines, 1)
             if (u := read_unit(n, line)) is not None]
    for unit in units:
        if unit.kind in ("date", "separator", "header"):
            assert {p.role for p in unit.pieces} == {unit.kind}, unit
    kinds = {p.line: u.kind for u in units for p in u.pieces}
    for draft in segment(real_raw).documents:
        for piece in draft.pieces:
            if piece.role == "title" and draft.layout == "block":
                assert kinds[piece.line] == "text", piece


def test_pieces_by_role_are_the_filtered_pieces(
    real_drafts: list[DraftDocument],
) -> None:
    roles = ("title", "date", "body", "header", "separator", "unassigned")
    for draft in real_drafts:
        for role in roles:
            assert draft.with_role(role) == [
                p for p in draft.pieces if p.role == role]
        assert draft.body == draft.with_role("body")


def test_line_pieces_are_the_records_built_one_by_one(
    real_drafts: list[DraftDocument],
) -> None:
    """The rows hold what LinePiece records built one by one would."""
    for draft in real_drafts:
        rows = line_pieces(draft)
        assert [LinePiece(**r._asdict()) for r in rows] == [
            LinePiece(source=draft.source, line=p.line, char_start=p.start,
                      char_end=p.end, doc_id=draft.doc_id, role=p.role,
                      text=p.raw)
            for p in draft.pieces
        ]
