"""The parts dataset on the real dump: spans, kinds and carried documents."""

import csv
from collections import defaultdict

from pipeline.run import Extraction
from tests.conftest import EXPECTED


def _expected() -> list[dict[str, str]]:
    path = EXPECTED / "liaoning-2020-02.relations-parts.tsv"
    with path.open(encoding="utf-8") as handle:
        return [{k: v for k, v in row.items() if k != "checked_in_the_dump"}
                for row in csv.DictReader(handle, delimiter="\t")]


def test_every_document_has_one_letter_first_and_parts_in_order(
    real_run: Extraction,
) -> None:
    parts = defaultdict(list)
    for part in real_run.rows["parts"]:
        parts[part.doc_id].append(part)
    assert set(parts) == {d.doc_id for d in real_run.documents}
    for document in real_run.documents:
        own = sorted(parts[document.doc_id], key=lambda p: p.part_no)
        assert [p.part_no for p in own] == list(range(len(own)))
        assert own[0].part_kind == "letter"
        assert own[0].line_start == document.line_start
        assert own[0].title == document.title
        spans = [(p.line_start, p.char_start, p.line_end, p.char_end)
                 for p in own]
        assert spans == sorted(spans)
        assert all(document.line_start <= p.line_start <= p.line_end
                   <= document.line_end for p in own)
        for before, after in zip(spans, spans[1:]):
            assert (before[2], before[3]) <= (after[0], after[1])


def test_forwarded_national_notices_carry_their_own_metadata(
    real_run: Extraction,
) -> None:
    starts = {d.doc_id: d.line_start for d in real_run.documents}
    found = [
        {"doc_line": str(starts[p.doc_id]), "part_line": str(p.line_start),
         "part_kind": p.part_kind, "doc_number": p.doc_number or "",
         "issuers": "|".join(p.issuers),
         "signed_date": str(p.signed_date or "")}
        for p in real_run.rows["parts"] if p.part_kind == "forwarded"
    ]
    assert found == _expected()


def test_a_part_carried_by_a_forwarded_notice_names_its_carrier(
    real_run: Extraction,
) -> None:
    # 4698 forwards a notice (part 1) that publishes a plan (part 2).
    starts = {d.doc_id: d.line_start for d in real_run.documents}
    carried = [(p.line_start, p.part_kind, p.carrier_part_id.rsplit("-", 1)[1])
               for p in real_run.rows["parts"]
               if starts[p.doc_id] == 4698 and p.part_no > 0]
    assert carried == [(4715, "forwarded", "p0"), (4731, "printed", "p1")]
