"""Kind and metadata of a document (issue 3)."""

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pipeline import patterns
from pipeline.issuers import title_issuers
from pipeline.metadata import (
    Signature, clean_text, genre_of, read_letter, recover_title, serial_of,
)
from pipeline.paragraphs import BodyParagraph
from pipeline.parts import FoundPart
from pipeline.segment import DraftDocument, Piece
from pipeline.structure import Description, Span
from pipeline.tables import FoundTable
from pipeline.text import listing_date, opens_with_ideograph

log = logging.getLogger(__name__)

Kind = Literal["notice", "order", "directory", "policy_list"]

# A flattened table the tables stage has not claimed still counts as
# table: a run of at least this many short cell-like paragraphs. The
# dump's smallest flattened table has 14 rows of 3 cells; its signature
# blocks and attachment lists have at most 4 lines.
MIN_CELL_RUN = 8
# A cell holds a name, an address or a number: the longest cell of the
# dump's directories has 28 characters. A longer one only cuts a run.
MAX_CELL_CHARS = 30
# A directory's body is mostly tables (the dump's four: 0.87 to 1.0)
# that hold phone numbers or addresses (the fewest: 102). Below: a
# forwarding notice with a phone list (0.50) and an expert list with no
# contacts (0.68).
DIRECTORY_TABLE_SHARE = 0.6
DIRECTORY_MIN_CONTACTS = 10
# A list that the title names is there in full when its items are at
# least this share of the body: the dump's lists have 0.37 and more, the
# notices that only name an attached list (内容详见附件) 0.
LIST_ITEM_SHARE = 0.3
# A list named only by an attachment must be the main content: the
# dump's 指引 has 0.85; a 通告 with a 清单 of services 0.39 and a notice
# with a question-and-answer 指南 0.26 stay notices.
ATTACHED_LIST_ITEM_SHARE = 0.5
# The letter that publishes or forwards a text names it in its first
# paragraphs: 现将《X》印发给你们.
PUBLISHING_WINDOW = 4
# The command formula stands in an order's first paragraphs.
COMMAND_WINDOW = 3
# A signing date more than this before the listing date is implausible:
# the dump's widest gap is 5 days.
MAX_SIGNING_LEAD = dt.timedelta(days=180)


@dataclass(frozen=True)
class Shares:
    """How a body's characters divide between tables, items and prose."""

    tables: float
    items: float
    prose: float
    contacts: int  # phone numbers and street addresses in the tables


def describe(draft: DraftDocument, paragraphs: list[BodyParagraph],
             tables: list[FoundTable], parts: list[FoundPart],
             clauses: list[Any]) -> Description:
    """Kind, genre, issuers, dates and numbers of one document.

    A title cut off with ... and recovered from the body becomes the
    document's title (Description.title); title_raw keeps the printed
    one. parts and clauses are not used yet: the extractors read the whole
    body and take what comes first, which is the letter's.
    """
    texts = [p.text for p in paragraphs]
    body = draft.body
    printed = _printed_title(draft)
    recovered = recover_title(printed, texts)
    title = recovered.title if recovered else printed
    letter = read_letter(texts)
    signature, recipients = letter.signature, letter.recipients
    shares = measure(body, paragraphs, [t.span for t in tables])
    kind, reason = decide_kind(title, texts, shares, letter.attachments)
    issuers, source = _issuers(signature, title)
    columns: dict[str, Any] = {
        "kind": kind,
        "kind_reason": reason,
        "table_share": shares.tables,
        "item_share": shares.items,
        "prose_share": shares.prose,
        "genre": genre_of(title),
        "issuers": issuers,
        "issuers_source": source,
        "signed_date": signature.date if signature else None,
        "signature_line": (_first_line(body, paragraphs[signature.index])
                           if signature else None),
        "serial_no": serial_of(title),
        "doc_numbers": letter.doc_numbers,
        "own_doc_number": _order_number(title) or letter.own_doc_number,
        "recipients": recipients.names if recipients else [],
        "disclosure": letter.disclosure,
        "attachments": letter.attachments,
        "title_source": "recovered" if recovered else "printed",
        "title_source_line": (_first_line(body, paragraphs[recovered.index])
                              if recovered else None),
    }
    warnings = date_warnings(signature, _listing_date(draft))
    log.debug("describe %s: %s (%s)", draft.doc_id, kind, reason)
    return Description(columns, warnings,
                       title=recovered.title if recovered else None)


def _first_line(body: Sequence[Piece], paragraph: BodyParagraph) -> int:
    """The raw line a paragraph starts on."""
    return body[paragraph.pieces[0]].line


# 1. Measures -----------------------------------------------------------------

def measure(body: Sequence[Piece], paragraphs: Sequence[BodyParagraph],
            table_spans: Sequence[Span]) -> Shares:
    """Shares of the body's characters in tables, items and prose.

    Tables are the tables stage's spans and, where it found none, runs of
    short cell-like paragraphs; items are paragraphs that open with a
    numbering or list marker; prose is the rest.
    """
    in_span = {i for span in table_spans
               for i in range(span.first, min(span.last, len(body) - 1) + 1)}
    free = [p.text for p in paragraphs
            if not in_span or in_span.isdisjoint(p.pieces)]
    items = [opens_with_marker(text) for text in free]  # once per paragraph
    cells = _cell_runs([bool(text) and not item and _is_cell(text)
                        for text, item in zip(free, items)])
    table_text = [body[i].text for i in sorted(in_span)]
    table_text += [text for k, text in enumerate(free) if k in cells]
    # Each paragraph outside tables counted once; characters are counted
    # over joined texts, one call for all (a count of non-space
    # characters adds up over a join).
    loose = [k for k in range(len(free)) if k not in cells]
    table_chars = _chars("".join(table_text))
    loose_chars = _chars("".join([free[k] for k in loose]))
    item_chars = _chars("".join([free[k] for k in loose if items[k]]))
    total = table_chars + loose_chars
    if total == 0:
        return Shares(0.0, 0.0, 0.0, 0)
    tables = round(table_chars / total, 3)
    items_share = round(item_chars / total, 3)
    prose = max(0.0, round(1 - tables - items_share, 3))  # rounding can dip
    return Shares(tables, items_share, prose, _contacts(table_text))


def opens_with_marker(text: str) -> bool:
    """A paragraph that opens with a numbering or list marker."""
    if opens_with_ideograph(text, but=patterns.ITEM_MARKER_IDEOGRAPHS):
        return False
    return bool(patterns.ITEM_MARKER.match(text))


def _contacts(texts: Sequence[str]) -> int:
    """Phone numbers and street addresses in table texts."""
    # Scanned as one string, not one call per cell. The reader refuses
    # NUL bytes, so a NUL joins the cells: it is no space, digit, Han
    # character or dash, so no match spans two cells or changes at one's
    # edge.
    return len(patterns.CONTACT.findall("\0".join(texts)))


def _cell_runs(is_cell: Sequence[bool]) -> set[int]:
    """Indexes of paragraphs in runs of at least MIN_CELL_RUN cells."""
    found: set[int] = set()
    if sum(is_cell) < MIN_CELL_RUN:
        return found  # too few cells for one run: most bodies
    run: list[int] = []
    for index, cell in enumerate([*is_cell, False]):
        if cell:
            run.append(index)
            continue
        if len(run) >= MIN_CELL_RUN:
            found.update(run)
        run = []
    return found


def _is_cell(text: str) -> bool:
    """Short, no sentence punctuation (the caller tests for a marker)."""
    return (len(text.strip()) <= MAX_CELL_CHARS
            and not patterns.SENTENCE_PUNCT.search(text))


def _chars(text: str) -> int:
    return len("".join(text.split()))


# 2. Kind ---------------------------------------------------------------------

def decide_kind(title: str, texts: Sequence[str], shares: Shares,
                attachments: Sequence[str]) -> tuple[Kind, str]:
    """The document's kind and the evidence that decided it.

    In order: an order (令第N号 in the title, or a body that opens with
    下达命令如下); a directory (tables of contacts are most of the body);
    a policy list (the title, the title it publishes or an attachment
    names a list of measures, and the list's items are in the body);
    every other document is a notice.

    The title decides between a list and a letter: an 意见 of numbered
    measures (raw lines 6278, 7591: 具体实施意见, 指导意见) is a notice,
    as are 通知 and 通告 made of numbered items; only 若干意见 names a list.
    """
    order = patterns.ORDER_TITLE.search(title)
    if order:
        return "order", f"title ends with 令第{order['serial']}号"
    if any("下达" in t and patterns.COMMAND_FORMULA.search(t)
           for t in texts[:COMMAND_WINDOW]):  # the formula's first word
        return "order", "body opens with 下达命令如下"
    if (shares.tables >= DIRECTORY_TABLE_SHARE
            and shares.contacts >= DIRECTORY_MIN_CONTACTS):
        return "directory", (f"tables {shares.tables:.2f} of body, "
                             f"{shares.contacts} phone numbers or addresses")
    named = _named_list(title, texts[:PUBLISHING_WINDOW], attachments)
    floor = (ATTACHED_LIST_ITEM_SHARE if named and named[0] == "attachment"
             else LIST_ITEM_SHARE)
    if named and shares.items >= floor:
        return "policy_list", (f"{named[0]} names a {named[1]}, "
                               f"items {shares.items:.2f} of body")
    if named:
        return "notice", (f"{named[0]} names a {named[1]} that the body "
                          f"does not hold (items {shares.items:.2f})")
    return "notice", "a letter: no order, directory or list rule holds"


def _named_list(title: str, opening: Sequence[str],
                attachments: Sequence[str]) -> tuple[str, str] | None:
    """Where a list of measures is named (the title, the title it
    publishes, the text the letter publishes, an attachment) and the word
    that names it."""
    candidates = [("title", title)]
    candidates += [("published title", m["inner"]) for m in
                   patterns.PUBLISHED_TITLE.finditer(title)]
    for text in opening:
        if "现将" not in text:  # the formula's first word: no pattern run
            continue
        for quoted in patterns.PUBLISHES.finditer(text):
            candidates.append(("published text", quoted["inner"]))
            candidates += [("published text", m["inner"]) for m in
                           patterns.PUBLISHED_TITLE.finditer(quoted["inner"])]
    candidates += [("attachment", a) for a in attachments]
    for where, text in candidates:
        match = patterns.LIST_TITLE.search(text)
        if match:
            return where, patterns.TITLE_TAIL.sub("", match[0]).strip()
    return None


# 3. Issuers, numbers, dates ----------------------------------------------

def _issuers(signature: Signature | None,
             title: str) -> tuple[list[str], str | None]:
    """The signature's bodies; else the title's; else none."""
    if signature and signature.issuers:
        return signature.issuers, "signature"
    named = title_issuers(title)
    return (named, "title") if named else ([], None)


def _order_number(title: str) -> str | None:
    """An order's own number, 令第N号, from its title."""
    order = patterns.ORDER_TITLE.search(title)
    return f"令第{int(order['serial'])}号" if order else None


def date_warnings(signature: Signature | None,
                  listed: dt.date | None) -> list[str]:
    """Codes for a signing date that is impossible or out of place."""
    if signature is None:
        return []
    if signature.date is None:
        return ["invalid_signed_date"]
    if listed and signature.date > listed:
        return ["signed_after_listing"]
    if listed and listed - signature.date > MAX_SIGNING_LEAD:
        return ["signed_long_before_listing"]
    return []


def _listing_date(draft: DraftDocument) -> dt.date | None:
    dates = draft.with_role("date")
    return listing_date(dates[0].text) if dates else None


def _printed_title(draft: DraftDocument) -> str:
    """The title as the documents record gives it."""
    return clean_text("".join(p.text for p in draft.with_role("title")))

