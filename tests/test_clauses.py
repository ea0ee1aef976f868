"""The clause tree: hand-checked trees of the real dump, and its rules."""

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import patterns
from pipeline.clauses import (
    MAX_HEADING, MAX_LEAD, _is_heading_line, _short_lead, _text_items,
    parse_clauses,
)
from pipeline.numbering import chinese_number, inline_markers, leading_marker
from pipeline.paragraphs import body_paragraphs, table_pieces
from pipeline.parts import split_parts
from pipeline.read import RawFile, read_raw
from pipeline.run import Extraction, process_document
from pipeline.segment import DraftDocument, segment
from pipeline.tables import find_tables
from tests.conftest import EXPECTED, REAL_DUMP

TREES = EXPECTED / "liaoning-2020-02.clauses.tsv"


def draft_of(*body: str) -> DraftDocument:
    """A block document whose body paragraphs are `body`, blank lines
    between them (a line of "" leaves two blank lines)."""
    lines = ["标题", "", "2020-02-01", ""]
    for paragraph in body:
        lines += [paragraph, ""]
    raw = RawFile("test.txt", "utf-8", "0" * 64, tuple(lines))
    return segment(raw).documents[0]


def tree_of(*body: str) -> list[tuple[str, str, int | None]]:
    """(path, marker, number) of each clause of a synthetic document."""
    records = process_document(draft_of(*body))["clauses"]
    return [(c.path, c.marker, c.number) for c in records]


def warnings_of(*body: str) -> list[str]:
    return process_document(draft_of(*body))["documents"][0].warnings


# Hand-checked trees of the real dump ------------------------------------

def _expected_trees() -> dict[int, list[dict[str, str]]]:
    with TREES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    trees: dict[int, list[dict[str, str]]] = {}
    for row in rows:
        tree = trees.setdefault(int(row["doc_line"]), [])
        if row["path"]:
            tree.append(row)
    return trees


EXPECTED_TREES = _expected_trees()


@pytest.fixture(scope="module")
def real_drafts() -> dict[int, DraftDocument]:
    return {d.line_start: d for d in segment(read_raw(REAL_DUMP)).documents}


@pytest.mark.parametrize("doc_line", sorted(EXPECTED_TREES))
def test_tree_matches_hand_checked(real_drafts: dict[int, DraftDocument],
                                   doc_line: int) -> None:
    clauses = process_document(real_drafts[doc_line])["clauses"]
    found = [{
        "part": c.part_id.rsplit("-", 1)[1], "path": c.path,
        "level": str(c.level), "marker": c.marker, "number": str(c.number),
        "inline": str(c.inline).lower(), "heading": c.heading or "",
        "line_start": str(c.line_start), "char_start": str(c.char_start),
        "line_end": str(c.line_end), "char_end": str(c.char_end),
        "text_chars": str(len(c.text)),
    } for c in clauses]
    expected = [{k: v for k, v in row.items() if k != "doc_line"}
                for row in EXPECTED_TREES[doc_line]]
    assert found == expected


def test_offsets_point_at_marker_and_text_end(real_run: Extraction) -> None:
    lines = REAL_DUMP.read_text(encoding="utf-8").split("\n")
    for clause in real_run.rows["clauses"]:
        start = lines[clause.line_start - 1][clause.char_start:]
        assert start.startswith(clause.marker), clause.clause_id
        end = lines[clause.line_end - 1][:clause.char_end]
        assert end.endswith(clause.text.replace("\n", "")[-3:]), \
            clause.clause_id


def test_parents_come_first_one_level_up(real_run: Extraction) -> None:
    seen = {}
    for clause in real_run.rows["clauses"]:
        if clause.parent_id is None:
            assert clause.level == 1
        else:
            parent = seen[clause.parent_id]
            assert parent.level == clause.level - 1
            assert parent.part_id == clause.part_id
        seen[clause.clause_id] = clause
    assert len(seen) == len(real_run.rows["clauses"])


def test_part_text_found_as_every_paragraph_tested(
        real_drafts: dict[int, DraftDocument]) -> None:
    # Bisection over the paragraphs' first pieces finds what testing each
    # paragraph against the part's span and heading finds.
    headed = 0
    for draft in real_drafts.values():
        tables = [table.span for table in find_tables(draft)]
        paragraphs = body_paragraphs(draft, tables)
        in_tables = table_pieces(tables)
        outside = [k for k, p in enumerate(paragraphs)
                   if in_tables.isdisjoint(p.pieces)]
        starts = [paragraphs[k].pieces[0] for k in outside]
        for part in split_parts(draft, tables):
            expected = [k for k in outside
                        if paragraphs[k].pieces[0] in part.span
                        and (part.heading is None
                             or paragraphs[k].pieces[0] not in part.heading)]
            assert _text_items(part, paragraphs, outside, starts) == \
                expected, (draft.line_start, part.order)
            headed += part.heading is not None and bool(expected)
    assert headed > 10  # attachments and printed documents have headings


# Numbering styles and numbers --------------------------------------------

@pytest.mark.parametrize("text, style, number", [
    ("一、总体要求", "cn_comma", 1),
    ("十一、依法履职", "cn_comma", 11),
    ("（十七）加强单位卫生管理", "cn_paren", 17),
    ("( 二 ) 诫勉", "cn_paren", 2),
    ("12.疫情严重地区", "arabic_dot", 12),
    ("1、居住证签注", "arabic_dot", 1),
    ("2、2020年1月1日前", "arabic_dot", 2),
    ("- 33.民事调解书公证", "arabic_dot", 33),
    ("(3) 对企业", "arabic_paren", 3),
    ("③网上咨询", "circled", 3),
    ("第十条 本办法", "article", 10),
    ("二是延长户口迁移证件有效期限", "cn_shi", 2),
])
def test_leading_marker(text: str, style: str, number: int) -> None:
    marker = leading_marker(text)
    assert marker is not None
    assert (marker.style, marker.number) == (style, number)


@pytest.mark.parametrize("text", [
    "2020年2月1日", "1.5 米以上", "一级响应期间", "第一时间报告", "省司法厅",
])
def test_no_marker(text: str) -> None:
    assert leading_marker(text) is None


@pytest.mark.parametrize("numeral, value", [
    ("十", 10), ("十一", 11), ("二十三", 23), ("三十八", 38), ("十十", None),
])
def test_chinese_numbers(numeral: str, value: int | None) -> None:
    assert chinese_number(numeral) == value


def test_inline_bare_numbers_skip_quantities() -> None:
    text = "二、整合资源。1 全力保障。2 优化方式，自 2 月 3 日起；3 家企业"
    assert [m.number for m in inline_markers(text, 0)] == [1, 2]


# Levels, sequences and warnings -----------------------------------------

def test_levels_follow_each_documents_nesting() -> None:
    # 1. above （一） here, where most documents put （一） above 1.
    assert tree_of("1.总则", "（一）第一款。", "（二）第二款。", "2.分则",
                   "（一）第三款。") == [
        ("1", "1.", 1), ("1.1", "（一）", 1), ("1.2", "（二）", 2),
        ("2", "2.", 2), ("2.1", "（一）", 1),
    ]


def test_numbering_that_runs_on_across_parents_is_one_sequence() -> None:
    body = ("一、甲", "1.子项。", "2.子项。", "二、乙", "3.子项。", "4.子项。")
    assert [p for p, _, _ in tree_of(*body)] == [
        "1", "1.1", "1.2", "2", "2.3", "2.4"]
    assert warnings_of(*body) == []


@pytest.mark.parametrize("body, code", [
    (("一、甲。", "三、丙。"), "clause_number_gap"),
    (("一、甲。", "二、乙。", "二、又乙。"), "clause_number_repeat"),
    (("一、甲", "1.子项。", "2.子项。", "二、乙", "5.子项。"),
     "clause_number_gap"),
])
def test_gaps_and_repeats_become_warnings(body: tuple[str, ...],
                                          code: str) -> None:
    assert code in warnings_of(*body)


def test_repeated_number_keeps_both_clauses_with_unique_ids() -> None:
    records = process_document(draft_of("一、甲。", "一、又甲。"))["clauses"]
    ids = [c.clause_id for c in records]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert ids[1].endswith("-c1-2")


def test_inline_items_need_a_sequence() -> None:
    # "（一）" alone after a colon is a reference, not a list.
    assert tree_of("一、依照本办法第四条：（一）所列情形处理。") == [
        ("1", "一、", 1)]
    assert tree_of("一、包括：（一）甲；（二）乙。") == [
        ("1", "一、", 1), ("1.1", "（一）", 1), ("1.2", "（二）", 2)]


def test_text_after_inline_list_returns_to_its_clause() -> None:
    records = process_document(draft_of(
        "一、要求", "如下：（1）甲；（2）乙。", "其他要求。", "二、其他"))["clauses"]
    first = records[0]
    assert first.text == "要求\n如下：\n其他要求。"
    assert [c.path for c in records] == ["1", "1.1", "1.2", "2"]


def test_closing_paragraphs_are_not_clause_text() -> None:
    records = process_document(draft_of(
        "一、第一项措施。", "二、第二项措施。", "特此通知。", "某某厅",
        "2020年2月1日"))["clauses"]
    assert records[-1].text == "第二项措施。"


def test_heading_and_lead_phrase() -> None:
    records = process_document(draft_of(
        "一、总体要求", "正文段落。", "（一）切实做好组织实施。城乡社区要落实。",
        "（二）瞒报、漏报、迟报、虚报重要信息的；"))["clauses"]
    assert [c.heading for c in records] == [
        "总体要求", "切实做好组织实施", None]


def lead_by_pattern(own: str) -> tuple[str, str] | None:
    """The plain rule: LEAD_PHRASE on the whole text, lead length tested."""
    match = patterns.LEAD_PHRASE.match(own)
    if not match or len(match["lead"]) >= MAX_LEAD:
        return None
    return match["lead"], match["stop"]


def heading_line_by_pattern(own: str) -> bool:
    return 0 < len(own) < MAX_HEADING and \
        not patterns.FULL_STOP_END.search(own)


def real_texts() -> list[str]:
    """Every body piece of the real dump and its stripped tails, as
    clause texts start after a marker."""
    pieces = [p.text for d in segment(read_raw(REAL_DUMP)).documents
              for p in d.body]
    return [t[at:].strip() for t in pieces for at in (0, 2, 4)]


def test_short_lead_and_heading_line_as_patterns_on_the_dump() -> None:
    texts = real_texts()
    assert [_short_lead(t) for t in texts] == \
        [lead_by_pattern(t) for t in texts]
    assert [_is_heading_line(t) for t in texts] == \
        [heading_line_by_pattern(t) for t in texts]
    assert sum(_short_lead(t) is not None for t in texts) > 300


def test_no_publication_note_opens_with_an_ideograph() -> None:
    """The reader skips the note pattern for such paragraphs."""
    ideographs = [chr(c) for c in range(0x4E00, 0xA000)]
    assert not [c for c in ideographs
                if patterns.PUBLICATION_NOTE.match(c, partial=True)]


# Stops, spaces that strip drops (and \x1c, which regex's \s does not
# match), a newline, other characters; long enough to pass MAX_LEAD.
CLAUSE_TEXT = st.text(alphabet=st.sampled_from(list(
    "。；;：:！!？?…）” \t\u3000\n\x1c甲乙x")), max_size=60)


@settings(max_examples=1000, deadline=None)
@given(CLAUSE_TEXT)
def test_short_lead_and_heading_line_as_patterns(text: str) -> None:
    own = text.strip()
    assert _short_lead(own) == lead_by_pattern(own)
    assert _is_heading_line(own) == heading_line_by_pattern(own)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="一二三十（）()1.、：；。是第条①- 甲乙",
                        max_size=30), max_size=8))
def test_odd_numbering_never_crashes(body: list[str]) -> None:
    draft = draft_of(*[b for b in body if b.strip()] or ["甲"])
    paragraphs = body_paragraphs(draft, [])
    parse_clauses(draft, paragraphs, [], split_parts(draft, []))


def test_expected_file_is_where_the_test_reads_it() -> None:
    assert Path(TREES).exists() and len(EXPECTED_TREES) >= 10


def test_documents_leave_nothing_to_the_cyclic_collector() -> None:
    """Each document's records are made without reference cycles (the
    clause trees are broken up once read), so that garbage collection
    between files has nothing to find."""
    import gc

    drafts = segment(read_raw(REAL_DUMP)).documents
    for draft in drafts:  # patterns compiled, caches filled
        process_document(draft)
    gc.collect()
    gc.disable()
    try:
        for draft in drafts:
            process_document(draft)
        assert gc.collect() == 0
    finally:
        gc.enable()
