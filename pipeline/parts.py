"""Parts of a document: the letter, attachments, forwarded documents.

A notice (the letter, part 0) may carry other documents in its body
after its signature: attachments (附件, 附件1 …, or a titled text after
the signature), the document a 转发 notice forwards, or the document an
印发 notice publishes. Each carried document has its own title, often
its own number and signature, and may carry documents in turn (a
forwarded 印发 notice and the plan it publishes).
"""

from dataclasses import dataclass

from pipeline import patterns
from pipeline.docnumbers import find_numbers
from pipeline.numbering import leading_marker
from pipeline.paragraphs import table_pieces
from pipeline.segment import DraftDocument, Piece
from pipeline.structure import Span
from pipeline.text import clean_title
from schemas.parts import PartKind

# A title line is short: the longest in the dump has 39 characters; the
# first half of a paragraph cut by a page break has 54 or more.
MAX_TITLE_LINE = 50
# Titles wrap over at most three blank-separated lines in the dump; a
# wrapped line has 11 characters or more, a table's header cells under a
# title (序号, 市别) have fewer than 6.
MAX_TITLE_PIECES = 3
MIN_TITLE_CONTINUATION = 6


@dataclass(frozen=True)
class FoundPart:
    """One part of a document: its order, kind and body pieces.

    kind is letter (part 0), attachment, forwarded (what a 转发 notice
    forwards) or printed (what an 印发 notice publishes). heading holds
    the pieces of the part's label, title and number, which are no
    clauses; carrier is the order of the part that carries this one.
    """

    order: int
    kind: PartKind
    span: Span
    title: str | None = None
    heading: Span | None = None
    carrier: int | None = None
    label: str | None = None
    doc_number: str | None = None


def part_id(doc_id: str, order: int) -> str:
    """Stable id of a document's part: the letter is part 0."""
    return f"{doc_id}-p{order}"


def split_parts(draft: DraftDocument, tables: list[Span]) -> list[FoundPart]:
    """The parts of a document, in order, covering its whole body.

    A part starts at a bare attachment label (附件, 附件1), or after a
    signature when a title follows it. Tables are never split.

    Known shortcoming: parts split only between body pieces. Where a row
    puts a signature and the next part's title in one <p> (line 6347:
    辽宁省卫生健康委 2020年2月9日 辽宁省……专家组人员名单), the title is
    read from that piece but the piece stays in the letter; splitting a
    piece in two would need pieces below the <p> level.
    """
    body = draft.body
    letter = FoundPart(0, "letter", Span(0, len(body) - 1),
                       clean_title("".join(p.text for p in
                                           draft.with_role("title"))))
    parts = [letter]
    in_tables = table_pieces(tables)
    i = 0
    while i < len(body):
        start = _next_part_start(body, i, in_tables)
        if start is None:
            break
        first, title_hint = start
        parts[-1] = _ending_before(parts[-1], first)
        parts.append(_part(body, first, title_hint, parts))
        i = first + 1
    return parts


def _next_part_start(body: list[Piece], i: int,
                     in_tables: set[int]) -> tuple[int, str | None] | None:
    """Where the next part starts at or after piece i, and a title given
    with its signature (a row runs the attachment's title on)."""
    # A for loop over the pieces, not a while loop that counts: this
    # test runs on every piece of every body.
    for k in range(i, len(body)):
        if k in in_tables:
            continue
        text = body[k].text
        # The label needs 附 and a signature's date 年: cheap tests that
        # spare most pieces both patterns.
        if k > 0 and "附" in text and patterns.ATTACHMENT_LABEL.match(text):
            return k, None
        signature = patterns.SIGNATURE.match(text) if "年" in text else None
        if signature:
            after = _skip_notes(body, k + 1)
            rest = signature.group("rest").strip()
            if rest and after < len(body):
                return after, rest
            if after < len(body) and _opens_part(body[after].text):
                return after, None
    return None


def _opens_part(text: str) -> bool:
    """What follows a signature opens a part if it is a title or a label."""
    if patterns.ATTACHMENT_LABEL.match(text) or \
            patterns.ATTACHMENT_LIST.match(text):
        return True
    return _title_like(text)


def _title_like(text: str) -> bool:
    """A short line with no sentence punctuation; an edition in brackets
    may end it: 指南（第一版）."""
    bare = patterns.TITLE_EDITION.sub("", text)
    return (0 < len(text) < MAX_TITLE_LINE
            and not patterns.TITLE_BREAKER.search(bare)
            and not patterns.SENTENCE_END.search(bare)
            and not patterns.CLOSING_LEAD.match(text)
            and not patterns.SIGNATURE.match(text)
            and not _is_doc_number(text))


def _skip_notes(body: list[Piece], i: int) -> int:
    while i < len(body) and patterns.PUBLICATION_NOTE.match(body[i].text):
        i += 1
    return i


def _ending_before(part: FoundPart, first: int) -> FoundPart:
    return FoundPart(part.order, part.kind, Span(part.span.first, first - 1),
                     part.title, part.heading, part.carrier, part.label,
                     part.doc_number)


def _part(body: list[Piece], first: int, title_hint: str | None,
          parts: list[FoundPart]) -> FoundPart:
    """The part from piece `first` to the body's end (cut later)."""
    text = body[first].text
    label = patterns.ATTACHMENT_LABEL.match(text)
    listed = patterns.ATTACHMENT_LIST.match(text)
    carrier = _carrier(parts)
    if label or listed:
        kind: PartKind = "attachment"
        label_text = clean_title(text)
        title_first = first + 1
    else:
        kind = _carried_kind(parts[carrier].title or "")
        label_text = None
        title_first = first
    titles: list[int] = []
    title: str | None
    if title_hint is not None:
        title = title_hint
    elif listed and not label:
        title = clean_title(listed.group("rest"))
    else:
        titles = _title_pieces(body, title_first)
        title = clean_title("".join(body[k].text for k in titles)) or None
    last_heading = titles[-1] if titles else (first if label_text else None)
    number = _doc_number(body, last_heading + 1 if last_heading is not None
                         else first)
    if number is not None:
        last_heading = number[0]
    heading = Span(first, last_heading) if last_heading is not None else None
    return FoundPart(len(parts), kind, Span(first, len(body) - 1), title,
                     heading, carrier, label_text,
                     number[1] if number else None)


def _carrier(parts: list[FoundPart]) -> int:
    """The latest part that is not an attachment carries the next one."""
    return next(p.order for p in reversed(parts) if p.kind != "attachment")


def _carried_kind(carrier_title: str) -> PartKind:
    if patterns.FORWARDS.search(carrier_title):
        return "forwarded"
    if patterns.PUBLISHES_DOC.search(carrier_title):
        return "printed"
    return "attachment"


def _title_pieces(body: list[Piece], first: int) -> list[int]:
    """The pieces of a wrapped title: title-like lines until the title
    ends with its genre word, and an edition line under it."""
    found: list[int] = []
    k = first
    while k < len(body) and len(found) < MAX_TITLE_PIECES:
        text = body[k].text
        if not _title_like(text) or leading_marker(text):
            break
        edition = patterns.EDITION_LINE.match(text)
        if found and not edition and (
                patterns.TITLE_COMPLETE.search(_joined(body, found))
                or len(text.replace(" ", "")) < MIN_TITLE_CONTINUATION):
            break
        found.append(k)
        k += 1
    return found


def _joined(body: list[Piece], pieces: list[int]) -> str:
    return "".join(body[k].text for k in pieces)


def _doc_number(body: list[Piece], k: int) -> tuple[int, str] | None:
    """The piece right after a title when it holds only a 发文字号."""
    if k < len(body) and _is_doc_number(body[k].text):
        return k, find_numbers(body[k].text)[0].number
    return None


def _is_doc_number(text: str) -> bool:
    numbers = find_numbers(text)
    return len(numbers) == 1 and numbers[0].kind == "document" and \
        len(text.strip()) - (numbers[0].end - numbers[0].start) <= 1



