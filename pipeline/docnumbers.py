"""Document numbers (发文字号) and order numbers (令第N号) in text.

A 发文字号 is the issuer's code, the year in brackets and a serial:
辽政办明电〔2020〕6号. Dumps print the brackets as 〔〕, [], （）, () or
【】 and scatter layout spaces; the normal form uses 〔〕 and no spaces.
"""

from dataclasses import dataclass

import regex

# An issuer code is a short run of Han characters; a wider run before
# the bracket is cut back to the code (see _issuer_code).
MAX_RUN = 16
_NUMBER = regex.compile(
    rf"(?P<code>\p{{Han}}{{1,{MAX_RUN}}})\s*[〔\[［（(【]\s*"
    r"(?P<year>(?:19|20)\d\d)\s*[〕\]］）)】]\s*第?\s*(?P<serial>\d{1,5})\s*号"
)
# The bracketed year and serial that every 发文字号 ends with. Scanning
# text for _NUMBER tries a run of Han characters at every position, ten
# times slower than scanning for this tail and matching _NUMBER only
# where a tail has a run before it (_numbers_before_tails).
_NUMBER_TAIL = regex.compile(
    r"[〔\[［（(【]\s*(?:19|20)\d\d\s*[〕\]］）)】]\s*第?\s*\d{1,5}\s*号"
)
# The Han run (at most MAX_RUN long) and the spaces that stand before a
# bracket, matched backwards from it in one call (the reverse flag (?r)
# anchors a match at its end) instead of one call per character.
_RUN_BEFORE = regex.compile(rf"(?r)(?P<run>\p{{Han}}{{0,{MAX_RUN}}})\s*")
_ORDER = regex.compile(r"令\s*第\s*(?P<serial>\d{1,4})\s*号")

# Words that stand before a cited number in running text, never inside
# an issuer code: the code starts after the last of them.
_LEAD_INS = regex.compile(
    r".*(?:按照|依照|根据|依据|参照|按|据|照|见|印发|转发|下发|发布|和|及|与|的)"
)
# Longest codes seen: 国中医药办医政函, 辽营商小组办发.
MAX_CODE = 10


@dataclass(frozen=True)
class DocNumber:
    """A number found in text: its normal form and character span."""

    number: str
    start: int
    end: int
    kind: str  # "document" (发文字号) or "order" (令第N号)


def normalize(code: str, year: str, serial: str) -> str:
    """The normal form: code〔year〕serial号, no spaces, no leading zero."""
    return f"{code}〔{year}〕{int(serial)}号"


def find_numbers(text: str) -> list[DocNumber]:
    """Every 发文字号 and 令第N号 in text, in order of position."""
    # Both kinds end with 号, which most paragraphs lack: testing for it
    # first spares the patterns' scan of every paragraph.
    if "号" not in text:
        return []
    found = [_document_number(m) for m in _numbers_before_tails(text)]
    if "令" in text:
        found += [
            DocNumber(f"令第{int(m['serial'])}号", m.start(), m.end(),
                      "order")
            for m in _ORDER.finditer(text)
        ]
        found.sort(key=lambda n: n.start)
    return found


def _numbers_before_tails(text: str) -> list[regex.Match[str]]:
    """The matches of _NUMBER.finditer(text), found from their tails.

    A match ends with a tail and starts where the Han run before the
    tail's spaces does, or MAX_RUN characters before the run's end (a
    longer run cannot match from an earlier start); never inside the
    previous match.
    """
    matches = []
    end = 0  # of the previous match
    for tail in _NUMBER_TAIL.finditer(text):
        start = _run_start(text, tail.start(), end)
        match = _NUMBER.match(text, start) if start is not None else None
        if match:
            matches.append(match)
            end = match.end()
    return matches


def _run_start(text: str, bracket: int, floor: int) -> int | None:
    """Start of the Han run (at most MAX_RUN long, from floor on) that
    stands before a bracket, spaces between; None when there is none."""
    before = _RUN_BEFORE.match(text, floor, bracket)
    return before.start("run") if before and before["run"] else None


def _document_number(match: regex.Match[str]) -> DocNumber:
    code = _issuer_code(match["code"])
    start = match.start("code") + len(match["code"]) - len(code)
    number = normalize(code, match["year"], match["serial"])
    return DocNumber(number, start, match.end(), "document")


def _issuer_code(run: str) -> str:
    """Cut a run of Han characters back to the issuer code it ends with."""
    lead = _LEAD_INS.match(run)
    code = run[lead.end():] if lead and lead.end() < len(run) else run
    return code[-MAX_CODE:]
