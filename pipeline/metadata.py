"""Metadata of a letter, read from a sequence of its paragraphs.

Every extractor takes the paragraph texts of one part (a whole body, the
letter, an attachment, a forwarded document) and returns what it found
with the index of the paragraph it came from, so that a caller maps it
back to raw lines. None of them sees the draft or the title pieces.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from pipeline import patterns
from pipeline.docnumbers import find_numbers
from pipeline.issuers import is_body, split_bodies
from pipeline.text import clean_title

# Signature names are short: the longest seen is 国务院应对新型冠状病毒
# 感染的 (14); a longer line before a date is prose.
MAX_NAME_LINE = 40
# Joint issuers sign on up to two lines of several names each; four is a
# margin. A wrapped name takes two.
MAX_NAME_LINES = 4
# The 主送机关 line is the first or second paragraph of a letter.
RECIPIENT_WINDOW = 2
# A document number printed under a title stands within its first three
# paragraphs (a title wrapped in two, then the number).
OWN_NUMBER_WINDOW = 3
# A recovered title must share at least this much of the printed one.
MIN_TITLE_OVERLAP = 12
# ... and may add only a few characters: the cut-off type word.
MAX_TITLE_ADDITION = 20
# How the name of an addressed group ends (各有关单位, 省属各医疗机构).
RECIPIENT_ENDINGS = ("单位", "部门", "机构", "企业", "学校", "医院", "机关",
                     "党委", "政府", "管委会", "处室", "兵团", "指挥部",
                     "银行", "公司", "中心", "集团")
# Brackets inside which a separator does not split recipients' names.
OPENING_BRACKETS = "（(〔【《"
CLOSING_BRACKETS = "）)〕】》"


@dataclass(frozen=True)
class Signature:
    """The first signature block: names, date, and where they stand."""

    first: int  # first paragraph of the block (names, or the date)
    index: int  # the paragraph holding the date
    issuers: list[str]
    date: dt.date | None  # null when the written date is impossible
    date_text: str


@dataclass(frozen=True)
class Recipients:
    """The 主送机关 of a letter and the paragraph that names them."""

    index: int
    names: list[str]


@dataclass(frozen=True)
class RecoveredTitle:
    """A cut-off title completed by the body, and where the body says it."""

    title: str
    index: int


@dataclass(frozen=True)
class LetterMetadata:
    """What a letter says of itself, for a document or one of its parts."""

    signature: Signature | None
    recipients: Recipients | None
    disclosure: str | None
    attachments: list[str]
    doc_numbers: list[str]
    own_doc_number: str | None


def read_letter(texts: Sequence[str]) -> LetterMetadata:
    """Every extractor below, run over the paragraphs of one part."""
    return LetterMetadata(
        signature=find_signature(texts),
        recipients=find_recipients(texts),
        disclosure=find_disclosure(texts),
        attachments=find_attachments(texts),
        doc_numbers=find_doc_numbers(texts),
        own_doc_number=find_own_number(texts),
    )


# 1. Signature --------------------------------------------------------------

def find_signature(texts: Sequence[str]) -> Signature | None:
    """The first signature block: the names just before a signing date."""
    for index, text in enumerate(texts):
        if "日" not in text:  # no date: spares the pattern on most prose
            continue
        match = patterns.SIGNATURE_DATE.match(text.strip())
        if not match:
            continue
        names = _signing_names(texts, index, match)
        if names is None:
            continue
        first, issuers = names
        return Signature(first, index, issuers, written_date(match["date"]),
                         " ".join(match["date"].split()))
    return None


def written_date(text: str) -> dt.date | None:
    """The date of 2020年2月1日; None for an impossible one."""
    match = patterns.WRITTEN_DATE.search(text)
    if not match:
        return None
    try:
        return dt.date(int(match["year"]), int(match["month"]),
                       int(match["day"]))
    except ValueError:
        return None


def _signing_names(texts: Sequence[str], index: int, match: regex.Match[str],
                   ) -> tuple[int, list[str]] | None:
    """The first paragraph and the bodies of the block that the date of
    texts[index] closes; None when the date closes no signature.

    It closes one alone, after names on its own line, or before a
    disclosure or seal note.
    """
    names, rest = match["names"].strip(), match["rest"].strip()
    if names:
        # Split once: the bodies both test the line and are the issuers.
        bodies = split_bodies([names])
        if bodies and "".join(bodies) == "".join(names.split()):
            return index, bodies
        return None
    if rest and not patterns.DISCLOSURE.fullmatch(rest):
        return None
    return _names_above(texts, index)


def _names_above(texts: Sequence[str], index: int) -> tuple[int, list[str]]:
    """The bodies named on the lines above the date texts[index], and the
    first of those lines; none when they name no body."""
    lines: list[str] = []
    first = index
    for k in range(index - 1, max(-1, index - 1 - MAX_NAME_LINES), -1):
        line = patterns.BULLET.sub("", texts[k]).strip()
        if patterns.SEAL_NOTE.match(line):
            continue
        if not _could_be_names(line):
            break
        lines.insert(0, line)
        first = k
    bodies = split_bodies(lines)
    return (first, bodies) if bodies else (index, [])


def _could_be_names(line: str) -> bool:
    return (0 < len(line) <= MAX_NAME_LINE
            and not patterns.SENTENCE_PUNCT.search(line)
            and not patterns.ITEM_MARKER.match(line)
            and not line.startswith(("附件", "《")))


# 2. Recipients, disclosure, attachments ---------------------------------

def find_recipients(texts: Sequence[str]) -> Recipients | None:
    """The 主送机关 line (各市人民政府，省直各单位：) split into bodies."""
    for index, text in enumerate(texts[:RECIPIENT_WINDOW]):
        if "：" not in text and ":" not in text:
            continue  # the line ends at a colon: no colon, no pattern run
        match = patterns.RECIPIENTS.match(text)
        if not match or patterns.NOT_RECIPIENTS.search(match["names"]):
            continue
        names = split_recipients(match["names"])
        if names and all(_ends_as_recipient(name) for name in names):
            return Recipients(index, names)
    return None


def split_recipients(text: str) -> list[str]:
    """Names separated by ， and 、, without breaking a name that holds 、.

    A piece before 、 that does not end as a body's name (各区、县（市）
    党委) is the first of several places sharing one name; 、 inside
    brackets (县（市、区）) never separates.
    """
    names = []
    for group in _split_outside_brackets(text, "，,"):
        pending = ""
        for piece in _split_outside_brackets(group, "、"):
            pending = f"{pending}、{piece}" if pending else piece
            if _ends_as_recipient(pending):
                names.append(pending)
                pending = ""
        if pending:
            names.append(pending)
    return [name for name in names if name]


def _ends_as_recipient(name: str) -> bool:
    base = name.rstrip("）)")
    if base != name:  # 联防联控机制（领导小组、指挥部）
        return True
    return is_body(name) or name.endswith(RECIPIENT_ENDINGS)


def _split_outside_brackets(text: str, separators: str) -> list[str]:
    compact = "".join(text.split())
    if not any(bracket in compact for bracket in OPENING_BRACKETS):
        # No bracket opens: every separator splits, as str.split does.
        for separator in separators[1:]:
            compact = compact.replace(separator, separators[0])
        return compact.split(separators[0])
    pieces: list[str] = []
    depth, current = 0, ""
    for char in compact:
        if char in OPENING_BRACKETS:
            depth += 1
        elif char in CLOSING_BRACKETS and depth > 0:
            depth -= 1
        if char in separators and depth == 0:
            pieces.append(current)
            current = ""
        else:
            current += char
    pieces.append(current)
    return pieces


def find_disclosure(texts: Sequence[str]) -> str | None:
    """The first disclosure note, e.g. 此件公开发布, brackets dropped."""
    for text in texts:
        if "此件" not in text and "信息公开形式" not in text:
            continue  # every note holds one of them: no pattern run
        match = patterns.DISCLOSURE.search(text)
        if match:
            note = "".join(match[1].split())
            return note.replace(":", "：")
    return None


def find_attachments(texts: Sequence[str]) -> list[str]:
    """Titles of the first attachment list (附件：1.X 2.Y, or 附件：X)."""
    for index, text in enumerate(texts):
        if "附件" not in text:  # in both lead forms: no pattern run
            continue
        match = patterns.ATTACHMENT_LEAD.match(text)
        if match:
            return _attachment_titles(match["rest"], texts[index + 1:])
    return []


def _attachment_titles(rest: str, after: Sequence[str]) -> list[str]:
    """A numbered list runs while its entries do; an unnumbered one is one
    title, on the 附件 line or (附件： alone) on the next."""
    lines = ([rest] if rest.strip() else []) + list(after)
    if not lines:
        return []
    titles = [lines[0]]
    if patterns.ATTACHMENT_NUMBER.match(lines[0]):
        titles = []
        for line in lines:
            entry = patterns.ATTACHMENT_NUMBER.match(line)
            if not entry:
                break
            titles.append(entry["title"])
    return [_unquote(clean_text(t)) for t in titles]


def clean_text(text: str) -> str:
    """Text with layout spaces dropped as a title's are."""
    return clean_title(text)


def _unquote(title: str) -> str:
    if title.startswith("《") and title.endswith("》") \
            and title.count("《") == 1:
        return title[1:-1]
    return title


# 3. Numbers ------------------------------------------------------------------

def find_doc_numbers(texts: Sequence[str]) -> list[str]:
    """Every 发文字号 and 令第N号 cited, normalised, in order, once each."""
    numbers: list[str] = []
    for text in texts:
        if "号" not in text:  # every number ends with it: spares the call
            continue
        for found in find_numbers(text):
            if found.number not in numbers:
                numbers.append(found.number)
    return numbers


def find_own_number(texts: Sequence[str]) -> str | None:
    """A document number standing alone under a title, as forwarded texts
    print it (肺炎机制发〔2020〕18号 under 关于设立...的通知)."""
    for text in texts[:OWN_NUMBER_WINDOW]:
        found = find_numbers(text)
        if len(found) == 1 and found[0].kind == "document":
            bare = "".join(text.split()).strip("（()）")
            span = "".join(text[found[0].start:found[0].end].split())
            if bare == span:
                return found[0].number
    return None


# 4. Title --------------------------------------------------------------------

def genre_of(title: str) -> str | None:
    """The type word that ends a title (通知, 通告, 令, ...), if any."""
    if title.endswith(patterns.TRUNCATION_MARKS):
        return None
    bare = patterns.TITLE_TAIL.sub("", title)
    match = patterns.GENRE.search(bare)
    return match["genre"] if match else None


def serial_of(title: str) -> int | None:
    """N of 第N号 at the end of a title."""
    match = patterns.TITLE_SERIAL.search(title)
    return int(match["serial"]) if match else None


def recover_title(title: str, texts: Sequence[str]) -> RecoveredTitle | None:
    """A title cut off with ... completed where the body states it in full.

    The body must hold the printed title's last characters and go on to
    the end of a quotation 《...》 or of its paragraph, adding only the
    cut-off tail; a recovered title still missing a closing 》 is not the
    full title and is not returned.
    """
    if not title.endswith(patterns.TRUNCATION_MARKS):
        return None
    printed = title.rstrip("".join(patterns.TRUNCATION_MARKS)).rstrip()
    for index, text in enumerate(texts):
        tail = _continuation(printed, "".join(text.split()))
        if tail is None:
            continue
        full = printed + tail
        if full.count("《") == full.count("》") and patterns.GENRE.search(full):
            return RecoveredTitle(full, index)
    return None


def _continuation(printed: str, text: str) -> str | None:
    """What text adds after the longest end of printed that it holds."""
    if printed[-MIN_TITLE_OVERLAP:] not in text:
        return None  # every longer end holds this one: none is there
    for size in range(len(printed), MIN_TITLE_OVERLAP - 1, -1):
        at = text.find(printed[-size:])
        if at < 0:
            continue
        after = text[at + size:]
        close = after.find("》")
        tail = after[:close] if close >= 0 else after
        return tail if 0 < len(tail) <= MAX_TITLE_ADDITION else None
    return None
