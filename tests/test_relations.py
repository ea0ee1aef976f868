"""Copies and editions among documents, on the real dump and small cases."""

import csv
import datetime as dt
import itertools
import shutil
import unicodedata
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.editions import (
    EDITION_SIMILARITY, MIN_COMPARED_CHARS, Listing, _signature,
    content_hash, link_documents, nfkc, normalise_body, title_key,
)
from pipeline.patterns import BODY_BULLET, BODY_LAYOUT, DASH_BEFORE_SPACE
from pipeline.run import Extraction, extract_all
from tests.conftest import EXPECTED, REAL_DUMP, share_field_names

HOTELS = "辽宁省接待在辽滞留湖北等地游客定点宾馆"


def _expected(name: str) -> list[dict[str, str]]:
    with (EXPECTED / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _lines(run: Extraction) -> dict[str, int]:
    return {d.doc_id: d.line_start for d in run.documents}


# 1. The real dump -----------------------------------------------------------

def test_every_relation_of_the_dump_is_the_hand_checked_one(
    real_run: Extraction,
) -> None:
    line = _lines(real_run)
    found = [
        {"line_start": str(d.line_start),
         "duplicate_of": str(line.get(d.duplicate_of, "")),
         "body_same_as": str(line.get(d.body_same_as, "")),
         "edition_of": str(line.get(d.edition_of, "")),
         "edition": str(d.edition or ""),
         "is_latest": str(d.is_latest).lower()}
        for d in real_run.documents
        if d.duplicate_of or d.body_same_as or d.edition or not d.is_latest
    ]
    expected = [{k: v for k, v in row.items() if k != "checked_in_the_dump"}
                for row in _expected("liaoning-2020-02.relations.tsv")]
    assert found == expected


def test_equal_bodies_share_a_hash_and_only_they(real_run: Extraction) -> None:
    hashes = Counter(d.content_hash for d in real_run.documents)
    by_start = {d.line_start: d for d in real_run.documents}
    assert by_start[1453].content_hash == by_start[1478].content_hash
    assert hashes[by_start[1453].content_hash] == 2
    assert [n for h, n in hashes.items() if h and n > 1] == [2]
    # Only the listing with no text has no hash.
    assert [d.line_start for d in real_run.documents
            if d.content_hash is None] == [6314]


def test_the_copied_body_is_flagged_as_a_warning(real_run: Extraction) -> None:
    flagged = [(w.line, w.code) for w in real_run.rows["warnings"]
               if w.code == "body_copied"]
    assert flagged == [(1478, "body_copied")]


def test_thresholds_separate_the_real_editions_from_every_other_pair(
    real_run: Extraction,
) -> None:
    # All pairs here only to check the threshold; the stage uses LSH.
    bodies = {d.line_start: normalise_body(d.body)
              for d in real_run.documents
              if len(normalise_body(d.body)) >= MIN_COMPARED_CHARS}
    signatures = {k: _signature(b) for k, b in bodies.items()}
    editions = {(6, 5047), (4243, 7535), (6438, 7486)}
    copies = {(1453, 1478)}
    for a, b in itertools.combinations(sorted(signatures), 2):
        similarity = signatures[a].jaccard(signatures[b])
        if (a, b) in editions:
            assert EDITION_SIMILARITY + 0.1 < similarity < 0.9, (a, b)
        elif (a, b) not in copies:
            assert similarity < EDITION_SIMILARITY - 0.1, (a, b, similarity)


def test_hotels_per_city_count_the_latest_edition_only(real_out: Path) -> None:
    documents = pq.read_table(real_out / "documents.parquet").to_pylist()
    entries = pq.read_table(real_out / "directory_entries.parquet").to_pylist()
    directories = {d["doc_id"]: d for d in documents
                   if title_key(d["title"]) == HOTELS}
    assert sorted(d["line_start"] for d in directories.values()) == [
        6, 1478, 5047]
    latest = {k for k, d in directories.items() if d["is_latest"]}
    counted = Counter(e["city"] or e["group_label"] for e in entries
                      if e["doc_id"] in latest)
    expected = {row["city"]: int(row["hotels"])
                for row in _expected("liaoning-2020-02.relations-hotels.tsv")}
    assert dict(counted) == expected
    every_edition = sum(e["doc_id"] in directories for e in entries)
    assert every_edition > sum(expected.values())


def test_a_document_repeated_in_another_raw_file_is_a_duplicate(
    raw_dir: Path,
) -> None:
    shutil.copyfile(REAL_DUMP, raw_dir / REAL_DUMP.name)
    lines = REAL_DUMP.read_text(encoding="utf-8").split("\n")
    # The notice at 4587-4632 again, alone in a later crawl.
    (raw_dir / "liaoning-2020-03.txt").write_text(
        "\n".join(lines[4586:4632]) + "\n", encoding="utf-8")
    run = extract_all(raw_dir)
    again = [d for d in run.documents if d.source == "liaoning-2020-03.txt"]
    original = next(d for d in run.documents
                    if d.source == REAL_DUMP.name and d.line_start == 4587)
    assert [(d.duplicate_of, d.is_latest) for d in again] == [
        (original.doc_id, False)]
    assert original.is_latest
    # The 政策解读 still points to the first listing, not the copy.
    cited = [c.resolved_doc_id for c in run.rows["citations"]
             if c.source == REAL_DUMP.name and c.line_start == 4585]
    assert cited == [original.doc_id]


# 2. The rules on small cases --------------------------------------------------

def _text(seed: int, sentences: int) -> list[str]:
    """Distinct sentences of Han characters, the same for the same seed."""
    state, out = seed, []
    for _ in range(sentences):
        chars = []
        for _ in range(24):
            state = (state * 1103515245 + 12345) % 2**31
            chars.append(chr(0x4E00 + state % 3000))
        out.append("".join(chars) + "。")
    return out


def _listing(doc_id: str, title: str, body: list[str], day: int = 1,
             source: str = "a.txt") -> Listing:
    return Listing.of(doc_id, source, day * 10, dt.date(2020, 2, day),
                      title, "\n".join(body))


BASE = _text(1, 20)
REWORDED = BASE[:14] + _text(2, 6)  # 14 of 20 sentences kept


def test_a_reworded_text_under_a_marked_title_is_the_next_edition() -> None:
    links = link_documents([
        _listing("b", "措施20条（第二版）", REWORDED, day=9),
        _listing("a", "措施20条", BASE, day=2),
    ])
    assert (links["a"].edition, links["a"].edition_of,
            links["a"].is_latest) == (1, None, False)
    assert (links["b"].edition, links["b"].edition_of,
            links["b"].is_latest) == (2, "a", True)


def test_a_similar_text_under_another_title_is_no_edition() -> None:
    links = link_documents([_listing("a", "甲通知", BASE),
                            _listing("b", "乙通知", REWORDED, day=3)])
    assert all(x.edition is None and x.is_latest for x in links.values())


def test_the_same_title_over_another_text_is_no_edition() -> None:
    links = link_documents([_listing("a", "通知", BASE),
                            _listing("b", "(最新)通知", _text(3, 20), day=3)])
    assert all(x.edition is None and x.is_latest for x in links.values())


@pytest.mark.parametrize(("second_title", "column"), [
    ("甲通知", "duplicate_of"), ("(最新) 甲通知", "duplicate_of"),
    ("乙通知", "body_same_as"),
])
def test_an_equal_body_is_a_duplicate_or_a_copied_body(
    second_title: str, column: str,
) -> None:
    body = [" " + s for s in BASE]  # layout differs, text does not
    links = link_documents([
        _listing("b", second_title, ["- " + s for s in BASE], day=5),
        _listing("a", "甲通知", body, day=2),
    ])
    assert getattr(links["b"], column) == "a"
    assert not links["b"].is_latest and links["a"].is_latest
    assert links["a"].content_hash == links["b"].content_hash


def test_empty_and_short_bodies_are_never_linked() -> None:
    links = link_documents([_listing("a", "通知", []),
                            _listing("b", "通知", [], day=2),
                            _listing("c", "通知", ["详见附件。"], day=3),
                            _listing("d", "通知", ["详见附件。"], day=4)])
    assert [x.content_hash is None for x in links.values()] == [
        True, True, False, False]
    assert all(x.duplicate_of is None and x.edition is None
               for x in links.values())


def test_links_do_not_depend_on_the_input_order() -> None:
    listings = [_listing("a", "措施", BASE, day=1),
                _listing("b", "措施（第二版）", REWORDED, day=4),
                _listing("c", "措施（第三版）", REWORDED[:18] + BASE[18:],
                         day=8),
                _listing("d", "其他", BASE, day=6)]
    forward = link_documents(listings)
    backward = link_documents(listings[::-1])
    assert {k: v.columns for k, v in forward.items()} == \
        {k: v.columns for k, v in backward.items()}
    assert [forward[k].edition for k in "abc"] == [1, 2, 3]
    assert forward["d"].body_same_as == "a"


@pytest.mark.parametrize(("title", "key"), [
    ("(最新) 辽宁省接待在辽滞留湖北等地游客定点宾馆", HOTELS),
    ("关于印发企业及员工疫情防控措施 20 条（第二版）的通知",
     "关于印发企业及员工疫情防控措施20条的通知"),
    ("关于印发新型冠状病毒肺炎诊疗方案（试行第六版）的通知",
     "关于印发新型冠状病毒肺炎诊疗方案的通知"),
    ("辽宁省人社厅应对新冠肺炎疫情政策措施清单(按服务对象分类)",
     "辽宁省人社厅应对新冠肺炎疫情政策措施清单(按服务对象分类)"),
])
def test_title_key_drops_edition_marks_only(title: str, key: str) -> None:
    assert title_key(title) == key


def test_content_hash_ignores_layout_but_not_text() -> None:
    assert content_hash("一、甲乙。\n- 1.丙丁") == content_hash("一、甲乙。1.丙丁")
    assert content_hash("| 甲 | 乙 |") == content_hash("甲乙")
    assert content_hash("甲乙") != content_hash("乙甲")
    assert content_hash(" \n ") is None


# 3. Fast paths that must equal their definitions ----------------------------

# Text that NFKC composes across characters (half-width kana and their
# voiced marks, Hangul jamo, combining accents, Oriya vowel signs) or
# folds (full-width letters, circled digits, ligatures).
ODD_TEXTS = ["ｶﾞｷﾞｸﾟ", "가\u11a8", "e\u0301Å\u0323", "\u0b47\u0b3e",
             "①（１）　ＡＢ｜ﬁ\u0301", "ﾊﾟ\u3099"]


def _bodies(run: Extraction) -> list[str]:
    return [d.body for d in run.documents if d.body]


def test_nfkc_is_unicode_nfkc(real_run: Extraction) -> None:
    for text in _bodies(real_run) + ODD_TEXTS:
        assert nfkc(text) == unicodedata.normalize("NFKC", text), text


def test_normalise_body_drops_what_the_patterns_drop(
    real_run: Extraction,
) -> None:
    def by_patterns(body: str) -> str:
        text = unicodedata.normalize("NFKC", body)
        return BODY_LAYOUT.sub("", BODY_BULLET.sub("", text))

    # Separators \x1c-\x1f are whitespace to str.split() only.
    odd = ODD_TEXTS + ["甲\x1c乙\x1f丙 丁", "- 甲\n\u3000- 乙｜丙|丁",
                       "\u00a0甲\u2028乙\x85丙\t-\n丁"]
    for body in _bodies(real_run) + odd:
        assert normalise_body(body) == by_patterns(body), body


def test_bullet_precheck_skips_no_body_with_a_bullet(
    real_run: Extraction,
) -> None:
    texts = [nfkc(body) for body in _bodies(real_run)]
    texts += ["-\u3000甲", "甲\n  -\n乙", "2020-02-01 024-1234"]
    bulleted = [t for t in texts if BODY_BULLET.sub("", t) != t]
    assert len(bulleted) >= 9  # the dump's bodies with list bullets
    assert all(DASH_BEFORE_SPACE.search(t) for t in bulleted)


def test_records_made_at_the_end_share_their_sets_of_field_names() -> None:
    # Relations remakes every document, and the documents' warnings
    # become rows: each new record's own set of field names (2 KB for a
    # document) is dropped as it is made, not once all are.
    from pipeline.problems import document_warnings
    from pipeline.relations import LISTINGS, link
    from pipeline.run import extract_file

    one = extract_file(REAL_DUMP)
    linked = link(one.documents, one.rows[LISTINGS])
    warnings = document_warnings(linked)
    assert share_field_names(linked)
    assert share_field_names(warnings)
