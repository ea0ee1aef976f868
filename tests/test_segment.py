"""Segmentation of each layout, on small dumps written for the case."""

from pipeline.documents import build_document
from pipeline.paragraphs import body_paragraphs
from pipeline.read import RawFile
from pipeline.segment import segment
from schemas import Document


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


def test_table_that_does_not_continue_is_left_alone() -> None:
    first, second = documents_of(DISPLACED.replace("\n2\n", "\n7\n"))
    assert second.line_start == 17  # its own title line
    assert second.warnings == []


def test_sentence_before_a_date_is_not_a_title() -> None:
    docs = documents_of("正文结束。\n2020-02-01\n\n内容\n")
    assert docs[0].title == ""
    assert docs[0].line_start == 2


def test_pipe_rows_unwrap_to_paragraphs() -> None:
    text = BLOCK + "- | | | |\n|--|--|\n| | <p>9.必须听从。</p> <p>10.必须接受。</p> |\n"
    last = documents_of(text)[-1]
    assert last.body.splitlines()[-2:] == ["9.必须听从。", "10.必须接受。"]
