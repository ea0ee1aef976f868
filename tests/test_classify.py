"""Kind, issuers and signed date of every document, checked by hand."""

import csv
import datetime as dt

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import patterns
from pipeline.classify import (Shares, date_warnings, decide_kind, describe,
                               opens_with_marker)
from pipeline.metadata import Signature
from pipeline.paragraphs import body_paragraphs
from pipeline.read import RawFile
from pipeline.run import Extraction
from pipeline.segment import segment
from tests.conftest import EXPECTED, REAL_DUMP


def _expected() -> list[dict[str, str]]:
    path = EXPECTED / "liaoning-2020-02.metadata.tsv"
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _found(real_run: Extraction) -> dict[int, dict[str, str]]:
    return {
        d.line_start: {"kind": d.kind or "", "issuers": "|".join(d.issuers),
                       "signed_date": str(d.signed_date or "")}
        for d in real_run.documents
    }


@pytest.mark.parametrize("field", ["kind", "issuers", "signed_date"])
def test_every_document_has_its_hand_checked_value(
        real_run: Extraction, field: str) -> None:
    found = _found(real_run)
    expected = _expected()
    assert sorted(found) == sorted(int(row["line_start"]) for row in expected)
    wrong = [(row["line_start"], row[field], found[int(row["line_start"])][field])
             for row in expected
             if found[int(row["line_start"])][field] != row[field]]
    assert not wrong, f"(line, expected, found): {wrong}"


def test_shares_add_up_and_reasons_are_given(real_run: Extraction) -> None:
    for doc in real_run.documents:
        total = doc.table_share + doc.item_share + doc.prose_share
        assert total == pytest.approx(1, abs=0.002) or (
            total == 0 and not doc.body), doc.line_start
        assert doc.kind_reason


def test_signed_dates_are_plausible_in_the_dump(real_run: Extraction) -> None:
    for doc in real_run.documents:
        if doc.signed_date and doc.publish_date:
            assert doc.signed_date <= doc.publish_date, doc.line_start
            assert (doc.publish_date - doc.signed_date).days <= 5
    codes = {w for d in real_run.documents for w in d.warnings}
    assert not codes & {"signed_after_listing", "signed_long_before_listing",
                        "invalid_signed_date"}


# The rules on their own -------------------------------------------------------

PROSE = Shares(0.0, 0.1, 0.9, 0)
LISTED = Shares(0.0, 0.8, 0.2, 0)
CONTACTS = Shares(0.95, 0.0, 0.05, 160)


@pytest.mark.parametrize("title, texts, shares, attachments, kind", [
    ("辽宁省新型冠状病毒肺炎疫情防控指挥部令第6号", [], PROSE, [], "order"),
    ("(最新)某标题", ["各市委：", "经研究决定，下达命令如下："], LISTED, [], "order"),
    ("全省救助管理机构办公地址、救助电话", [], CONTACTS, [], "directory"),
    ("专家组名单", [], Shares(0.9, 0.0, 0.1, 0), [], "notice"),
    ("关于印发企业及员工疫情防控措施20条的通知", [], LISTED, [], "policy_list"),
    ("关于印发《某某工作方案》的通知", [], LISTED, [], "policy_list"),
    ("关于印发某某诊疗方案（试行第六版）的通知", ["内容详见附件。"], PROSE, [],
     "notice"),
    ("关于加强某某工作的通知", [], LISTED, ["某某工作指引"], "policy_list"),
    ("关于某某事项的通告", [], Shares(0.0, 0.4, 0.6, 0), ["某某清单"], "notice"),
    ("省某局等七部门关于印发《关于某某的若干...",
     ["各市：", "现将《关于某某的若干措施》印发给你们，请认真组织落实。"],
     LISTED, [], "policy_list"),
    ("关于做好某某工作的通知", [], LISTED, [], "notice"),
])
def test_kind_rules(title: str, texts: list[str], shares: Shares,
                    attachments: list[str], kind: str) -> None:
    assert decide_kind(title, texts, shares, attachments)[0] == kind


def _signed(day: dt.date | None) -> Signature:
    return Signature(0, 1, ["辽宁省司法厅"], day, "")


@pytest.mark.parametrize("signed, listed, codes", [
    (dt.date(2020, 2, 1), dt.date(2020, 2, 2), []),
    (dt.date(2020, 2, 3), dt.date(2020, 2, 2), ["signed_after_listing"]),
    (dt.date(2019, 2, 3), dt.date(2020, 2, 2), ["signed_long_before_listing"]),
    (None, dt.date(2020, 2, 2), ["invalid_signed_date"]),
    (dt.date(2020, 2, 3), None, []),
])
def test_date_warnings(signed: dt.date | None, listed: dt.date | None,
                       codes: list[str]) -> None:
    assert date_warnings(_signed(signed), listed) == codes
    assert date_warnings(None, listed) == []


def _describe_all(text: str) -> list[tuple[dict, list[str]]]:
    raw = RawFile("odd.txt", "utf-8", "0" * 64, tuple(text.split("\n")))
    found = []
    for draft in segment(raw).documents:
        description = describe(draft, body_paragraphs(draft, []), [], [], [])
        found.append((description.columns, description.warnings))
    return found


@pytest.mark.parametrize("signed, date, code", [
    ("2020年2月30日", None, "invalid_signed_date"),
    ("2020年3月1日", dt.date(2020, 3, 1), "signed_after_listing"),
])
def test_odd_signed_dates_are_kept_or_nulled_and_flagged(
        signed: str, date: dt.date | None, code: str) -> None:
    text = f"关于某事的通知\n\n2020-02-02\n\n各市司法局：\n\n辽宁省司法厅\n\n{signed}\n"
    ((columns, warnings),) = _describe_all(text)
    assert columns["signed_date"] == date
    assert columns["issuers"] == ["辽宁省司法厅"]
    assert warnings == [code]


@pytest.mark.parametrize("text", [
    "某事...\n\n2020-02-31\n\n附件：\n\n2020年2月1日\n",
    "\n\n2020-02-02\n\n：：、、（（\n\n- \n\n2020年0月0日\n",
    "关于\n\n2020-02-02\n\n附件：1.\n\n序号\n" + "1\n" * 20,
])
def test_odd_input_gives_a_kind_not_a_crash(text: str) -> None:
    for columns, _ in _describe_all(text):
        assert columns["kind"] in ("notice", "order", "directory",
                                   "policy_list")


# The pre-check before ITEM_MARKER --------------------------------------------

def test_only_the_listed_ideographs_open_a_marker() -> None:
    # Every ideograph of the range, before each way a marker goes on.
    tails = ["、", "．", ".", "是", "条", "一条", "1条", "十、", "十是", "百、"]
    openers = {chr(c) for c in range(0x4E00, 0xA000) for tail in tails
               if patterns.ITEM_MARKER.match(chr(c) + tail)}
    assert openers == patterns.ITEM_MARKER_IDEOGRAPHS


def test_marker_pre_check_agrees_on_every_line_of_the_dump() -> None:
    lines = REAL_DUMP.read_text(encoding="utf-8").splitlines()
    judged = [opens_with_marker(line) for line in lines]
    assert judged == [bool(patterns.ITEM_MARKER.match(t)) for t in lines]
    assert sum(judged) > 500  # markers are common, so this tests something


# The lookahead before CONTACT's branches --------------------------------------

# CONTACT without the lookahead in front of both branches, which each
# branch implies: a digit first, or a street word's first character second.
CONTACT_BY_BRANCHES = regex.compile(
    r"(?=\d)(?:\d{3,4}\s*-\s*\d{7,8}|(?<!\d)1[3-9]\d{9}(?!\d)"
    r"|(?<!\d)\d{7,8}(?!\d))"
    r"|\p{Han}(?:路|街|大街|大道|胡同|巷)\s*\d+\s*号"
)


def test_contacts_as_branches_on_the_dump() -> None:
    text = REAL_DUMP.read_text(encoding="utf-8")
    found = patterns.CONTACT.findall(text)
    assert found == CONTACT_BY_BRANCHES.findall(text)
    assert len(found) > 500  # the directories' phone numbers


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(
    "0123456789１- \t\n\0甲乙路街大道胡同巷号x")), max_size=30))
def test_contacts_as_branches(text: str) -> None:
    assert patterns.CONTACT.findall(text) == \
        CONTACT_BY_BRANCHES.findall(text)
