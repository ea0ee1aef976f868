"""Citations: found per document, resolved over the collection."""

import csv
import unicodedata

import pytest

from pipeline.citations import (
    _Candidates, _choose, _fits, _references, _Target, _targets,
    title_match_key,
)
from pipeline.docnumbers import find_numbers
from pipeline.read import read_raw
from pipeline.rows import PartRow
from pipeline.run import Extraction
from schemas import Document
from schemas.citations import Citation
from tests.conftest import EXPECTED, REAL_DUMP


def _expected() -> list[dict[str, str]]:
    path = EXPECTED / "liaoning-2020-02.citations.tsv"
    with path.open(encoding="utf-8") as handle:
        return [{k: v for k, v in row.items() if k != "checked_in_the_dump"}
                for row in csv.DictReader(handle, delimiter="\t")]


def _by_line(run: Extraction, line: int) -> list[object]:
    return [c for c in run.rows["citations"] if c.line_start == line]


# 1. The real dump -----------------------------------------------------------

def test_every_resolved_citation_is_the_hand_checked_one(
    real_run: Extraction,
) -> None:
    starts = {d.doc_id: d.line_start for d in real_run.documents}
    part_lines = {p.part_id: p.line_start for p in real_run.rows["parts"]}
    found = [
        {"line": str(c.line_start), "char_start": str(c.char_start),
         "cited": c.cited_number or c.cited_title,
         "resolved_line": str(starts[c.resolved_doc_id]),
         "resolved_part_line": str(part_lines[c.resolved_part_id]),
         "resolved_by": c.resolved_by}
        for c in real_run.rows["citations"] if c.resolved_doc_id
    ]
    assert found == _expected()


def test_every_citation_points_at_its_raw_characters(
    real_run: Extraction,
) -> None:
    lines = read_raw(REAL_DUMP).lines
    assert real_run.rows["citations"]
    for c in real_run.rows["citations"]:
        first = lines[c.line_start - 1]
        text = (first[c.char_start:c.char_end] if c.line_start == c.line_end
                else first[c.char_start:]
                + "".join(lines[c.line_start:c.line_end - 1])
                + lines[c.line_end - 1][:c.char_end])
        if c.cited_title is not None:
            assert text.startswith("《"), c
            flat = unicodedata.normalize("NFKC", "".join(text.split()))
            assert title_match_key(c.cited_title) in title_match_key(flat)
        if c.cited_number is not None:
            assert c.cited_number in [n.number for n in find_numbers(text)], c


def test_a_citation_of_a_document_outside_the_collection_stays_open(
    real_run: Extraction,
) -> None:
    # The transport ministry's notice is named, not printed (line 1995).
    cited = _by_line(real_run, 1995)
    assert [(c.cited_number, c.resolved_doc_id) for c in cited] == [
        ("交运明电〔2020〕37号", None)]


def test_a_notice_titled_as_the_one_it_carries_out_does_not_cite_itself(
    real_run: Extraction,
) -> None:
    # 2811 bears the title of the national notice it implements (2817).
    cited = _by_line(real_run, 2817)
    assert [(c.cited_number, c.resolved_doc_id) for c in cited] == [
        ("肺炎机制发〔2020〕14号", None)]


def test_self_mentions_and_short_names_are_no_citations(
    real_run: Extraction,
) -> None:
    # 本《通知》 four times on line 6697. Line 1285 quotes a title, gives
    # it a short name (简称《疫情防控工作指引》), then uses the short name.
    assert _by_line(real_run, 6697) == []
    assert [(c.cited_title, c.char_start) for c in _by_line(real_run, 1285)] \
        == [("地方中小银行机构营业网点新型冠状病毒感染的肺炎疫情防控工作指引", 87),
            ("疫情防控工作指引", 164)]


def test_citations_in_a_carried_document_belong_to_its_part(
    real_run: Extraction,
) -> None:
    # 2892 forwards a national notice (part 1, from line 2906) that cites
    # two more national notices.
    parts = {c.cited_number: c.part_id.rsplit("-", 1)[-1]
             for c in real_run.rows["citations"]
             if c.source == REAL_DUMP.name and 2892 <= c.line_start < 2967
             and c.cited_number}
    assert parts == {"肺炎机制发〔2020〕17号": "p0",
                     "肺炎机制发〔2020〕5号": "p1", "民发〔2020〕9号": "p1"}


# 2. Finding references in text ------------------------------------------------

@pytest.mark.parametrize(("text", "found"), [
    ("根据《关于X的通知》（国医保电〔2020〕7号）有关要求",
     [("关于X的通知", "国医保电〔2020〕7号")]),
    ("按照《辽宁省指挥部令第 5 号》有关要求", [("辽宁省指挥部令第5号", "令第5号")]),
    ("见辽政办明电〔2020〕6号。", [(None, "辽政办明电〔2020〕6号")]),
    ("《关于印发《甲方案》的通知》和《乙办法》",
     [("关于印发《甲方案》的通知", None), ("乙办法", None)]),
    ("形成了《甲方案《试行第二版）》。", [("甲方案《试行第二版）", None)]),
    ("各单位要将本《通知》转发，以下简称《指引》", []),
    ("《甲乙》（丙〔2020〕1号），见丁〔2020〕2号",
     [("甲乙", "丙〔2020〕1号"), (None, "丁〔2020〕2号")]),
    ("《甲》", []),
])
def test_references_in_a_paragraph(
    text: str, found: list[tuple[str | None, str | None]],
) -> None:
    got = [(r.title, r.number.number if r.number else None)
           for r in _references(text)]
    assert got == found


def test_title_match_key_ignores_brackets_and_quote_styles() -> None:
    assert title_match_key("关于印发〈甲〉的通知") == \
        title_match_key("关于印发《甲》的通知")
    assert title_match_key("指挥部令（第5号）") == title_match_key("指挥部令第5号")
    assert title_match_key("措施20条（第二版）") != title_match_key("措施20条")


def _best(citation: Citation,
          candidates: _Candidates | None) -> _Target | None:
    """The definition: of every target that fits, another part of the
    citing document first, then no copy, then the earliest listing."""
    fitting = [t for t in (candidates.ranked if candidates else [])
               if _fits(citation, t)]
    return min(fitting, default=None, key=lambda t: (
        t.doc_id != citation.doc_id, t.is_copy, t.order, t.part_id))


def _copied(run: Extraction, copy: int,
            ) -> tuple[list[Document], list[PartRow], list[Citation]]:
    """The dump's documents, parts and citations as if crawled again into
    another raw file; the second crawl is flagged as duplicates."""
    def rename(text: str, doc_id: str) -> str:
        return text.replace(doc_id, f"{doc_id}~{copy}", 1)

    source = f"copy{copy}.txt"
    documents = [d.model_copy(update={
        "doc_id": rename(d.doc_id, d.doc_id), "source": source,
        "duplicate_of": d.doc_id if copy == 2 else None,
    }) for d in run.documents]
    parts = [p._replace(
        doc_id=rename(p.doc_id, p.doc_id), source=source,
        part_id=rename(p.part_id, p.doc_id),
    ) for p in run.rows["parts"]]
    citations = [c.model_copy(update={
        "doc_id": rename(c.doc_id, c.doc_id), "source": source,
        "part_id": rename(c.part_id, c.doc_id),
        "citation_id": rename(c.citation_id, c.doc_id),
    }) for c in run.rows["citations"]]
    return documents, parts, citations


def test_the_ranked_choice_is_the_best_target_by_definition(
    real_run: Extraction,
) -> None:
    documents = list(real_run.documents)
    parts = list(real_run.rows["parts"])
    citations = list(real_run.rows["citations"])
    for copy in (2, 3):
        more = _copied(real_run, copy)
        documents += more[0]
        parts += more[1]
        citations += more[2]
    numbers, titles = _targets(documents, parts)
    assert max(len(c.ranked) for c in numbers.values()) >= 3
    chosen = 0
    for citation in citations:
        for candidates in (numbers.get(citation.cited_number or ""),
                           titles.get(title_match_key(
                               citation.cited_title or ""))):
            best = _best(citation, candidates)
            assert _choose(citation, candidates) == best, citation
            chosen += best is not None
    assert chosen > 50
