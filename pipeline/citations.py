"""References from a document to others: numbers and titles in 《》.

Found per document (find_citations, from its title and body pieces) and
resolved once over the whole collection (resolve_citations), against
every document's and every part's own number and title.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import TypeAdapter

from pipeline import patterns
from pipeline.docnumbers import DocNumber, find_numbers
from pipeline.text import clean_title
from pipeline.editions import nfkc
from pipeline.paragraphs import BodyParagraph, line_position
from pipeline.parts import FoundPart, part_id
from pipeline.rows import PartRow
from pipeline.segment import DraftDocument, Piece
from schemas import Document
from schemas.citations import Citation

# A number printed within this many characters after a quoted title,
# brackets and spaces only between, is that title's number:
# 《关于…的通知》（国医保电〔2020〕7号）.
NUMBER_AFTER_TITLE = 3
Where = Literal["title", "body"]
# A quoted title has 2 (《通知》) to 150 characters; the longest in the
# dump has 59, so a longer span is stray quotation marks.
MIN_TITLE = 2
MAX_TITLE = 150


@dataclass(frozen=True)
class _Found:
    """A reference within one text: its span, number and title."""

    start: int
    end: int
    number: DocNumber | None
    title: str | None


# 1. Finding, per document -----------------------------------------------

def find_citations(draft: DraftDocument, paragraphs: list[BodyParagraph],
                   parts: list[FoundPart]) -> list[Citation]:
    """Every reference of one document, title first, then body order.

    In the title only quoted titles count (a 令's title holds its own
    number); in the body a number printed alone on its paragraph is the
    part's own number under its heading, not a reference.

    Known limits. A later use of a short name (简称《指引》, then
    《指引》) is kept with the short name as its title, so it does not
    resolve: a per-document alias table would map it to the reference
    that gave the name. A title named without 《》 (政策文件原文:关于…的
    通知, line 4585) is not found; the same row's title quotes it.
    """
    titles = draft.with_role("title")
    heading = _joined(titles)
    found: list[tuple[tuple[int, int, int, int], str, Where, _Found]] = [
        (_place(titles, heading, f), part_id(draft.doc_id, 0), "title", f)
        for f in _references(heading.text) if f.title is not None]
    body = draft.body
    for paragraph in paragraphs:
        if "《" not in paragraph.text and "号" not in paragraph.text:
            continue  # no title, no number: most paragraphs
        references = [r for r in _references(paragraph.text)
                      if r.title is not None
                      or not _stands_alone(paragraph.text, r)]
        if not references:
            continue  # none kept: no part lookup needed
        owner = part_id(draft.doc_id, _part_of(paragraph, parts))
        found += [(_place(body, paragraph, reference), owner, "body",
                   reference) for reference in references]
    return _CITATIONS.validate_python([
        _citation(draft, f"{draft.doc_id}-r{n}", owner, where, place, ref)
        for n, (place, owner, where, ref) in enumerate(found, 1)
    ])


def _references(text: str) -> list[_Found]:
    """Quoted titles with the number inside or right after them, then
    the numbers that belong to no title, in order of position."""
    numbers = find_numbers(text)
    if "《" not in text:  # most paragraphs: no title to pair numbers with
        return [_Found(n.start, n.end, n, None) for n in numbers]
    used: set[int] = set()
    found = []
    for match in patterns.QUOTED_TITLE.finditer(text):
        if not MIN_TITLE <= len(match["title"]) <= MAX_TITLE or \
                patterns.NOT_A_REFERENCE.search(text[:match.start()]):
            continue
        own = next((k for k, n in enumerate(numbers) if k not in used
                    and _belongs(text, match.start(), match.end(), n)), None)
        end = match.end()
        if own is not None:
            used.add(own)
            end = max(end, numbers[own].end)
        found.append(_Found(match.start(), end,
                            numbers[own] if own is not None else None,
                            clean_title(match["title"])))
    found += [_Found(n.start, n.end, n, None)
              for k, n in enumerate(numbers) if k not in used]
    return sorted(found, key=lambda f: f.start)


def _belongs(text: str, start: int, end: int, number: DocNumber) -> bool:
    """A number inside a quoted title, or right after it in brackets."""
    if start <= number.start and number.end <= end:
        return True
    gap = text[end:number.start]
    return (0 <= len(gap) <= NUMBER_AFTER_TITLE
            and not gap.strip(" （(〔[【"))


def _stands_alone(text: str, reference: _Found) -> bool:
    rest = text[:reference.start] + text[reference.end:]
    return not rest.strip(" （()）")


def _part_of(paragraph: BodyParagraph, parts: list[FoundPart]) -> int:
    first = paragraph.pieces[0]
    return next((p.order for p in parts if first in p.span), 0)


def _joined(pieces: list[Piece]) -> BodyParagraph:
    """Title pieces as one text that positions can be traced back in."""
    offsets, text = [], ""
    for piece in pieces:
        offsets.append(len(text))
        text += piece.text
    return BodyParagraph(text, tuple(range(len(pieces))),
                         tuple(offsets) or (0,))


def _place(pieces: list[Piece], text: BodyParagraph,
           reference: _Found) -> tuple[int, int, int, int]:
    """Raw line and character of the reference's start and end."""
    piece, at = text.locate(reference.start)
    line_start, char_start = line_position(pieces, piece, at)
    piece, at = text.locate(reference.end - 1)
    line_end, char_end = line_position(pieces, piece, at + 1, end=True)
    return line_start, line_end, char_start, char_end


# A document's citations are validated in one call, as its clauses are:
# building each record with Citation(...) pays the model's call overhead
# once per citation, and the records are the same.
_CITATIONS = TypeAdapter(list[Citation])


def _citation(draft: DraftDocument, citation_id: str, owner: str,
              where: Where, place: tuple[int, int, int, int],
              reference: _Found) -> dict[str, Any]:
    """The fields of a citation record."""
    line_start, line_end, char_start, char_end = place
    number = reference.number
    return {
        "citation_id": citation_id, "doc_id": draft.doc_id,
        "source": draft.source, "part_id": owner, "found_in": where,
        "cited_number": number.number if number else None,
        "number_kind": number.kind if number else None,
        "cited_title": reference.title,
        "line_start": line_start, "line_end": line_end,
        "char_start": char_start, "char_end": char_end,
    }


# 2. Resolving, over the collection ---------------------------------------

@dataclass(frozen=True)
class _Target:
    """A document, or a part of one, that a citation can point to."""

    doc_id: str
    part_id: str
    order: tuple[dt.date, str, int]
    is_copy: bool
    number: str | None


@dataclass(frozen=True)
class _Candidates:
    """The targets of one number or title, ranked as _choose prefers them
    (no copy first, then by listing order), in all and per document."""

    ranked: list[_Target]
    by_doc: dict[str, list[_Target]]


def resolve_citations(citations: Sequence[Citation],
                      documents: Sequence[Document],
                      parts: Sequence[PartRow]) -> list[Citation]:
    """Each citation with the cited document when the collection holds it:
    by its number first, then by its title (exact, layout aside)."""
    numbers, titles = _targets(documents, parts)
    resolved = []
    for citation in citations:
        by_number = numbers.get(citation.cited_number or "")
        by_title = titles.get(title_match_key(citation.cited_title or ""))
        target = _choose(citation, by_number)
        how = "number"
        if target is None:
            target, how = _choose(citation, by_title), "title"
        if target is None:
            resolved.append(citation)
            continue
        resolved.append(citation.model_copy(update={
            "resolved_doc_id": target.doc_id,
            "resolved_part_id": target.part_id,
            "resolved_by": how,
        }))
    return resolved


def title_match_key(title: str) -> str:
    """A title as compared for resolution: NFKC, no spaces, quotes or
    brackets (令（第5号） is 令第5号, 〈〉 is 《》)."""
    return patterns.TITLE_MARKS.sub("", nfkc(title))


def _targets(documents: Sequence[Document], parts: Sequence[PartRow],
             ) -> tuple[dict[str, _Candidates], dict[str, _Candidates]]:
    """What each number and each title can resolve to."""
    by_doc = {d.doc_id: d for d in documents}
    numbers: dict[str, list[_Target]] = defaultdict(list)
    titles: dict[str, list[_Target]] = defaultdict(list)
    for document in documents:
        target = _target(document, part_id(document.doc_id, 0),
                         document.own_doc_number)
        if document.own_doc_number:
            numbers[document.own_doc_number].append(target)
        if document.title:
            titles[title_match_key(document.title)].append(target)
    for part in parts:
        owner = by_doc.get(part.doc_id)
        if owner is None or part.part_no == 0:
            continue  # the letter stands for its document, above
        target = _target(owner, part.part_id, part.doc_number)
        if part.doc_number:
            numbers[part.doc_number].append(target)
        if part.title:
            titles[title_match_key(part.title)].append(target)
    return _ranked(numbers), _ranked(titles)


def _ranked(found: dict[str, list[_Target]]) -> dict[str, _Candidates]:
    """The targets of each key, ranked once for all the citations."""
    ranked: dict[str, _Candidates] = {}
    for key, targets in found.items():
        order = sorted(targets, key=lambda t: (t.is_copy, t.order, t.part_id))
        by_doc: dict[str, list[_Target]] = defaultdict(list)
        for target in order:
            by_doc[target.doc_id].append(target)
        ranked[key] = _Candidates(order, dict(by_doc))
    return ranked


def _target(document: Document, part: str, number: str | None) -> _Target:
    return _Target(
        document.doc_id, part,
        (document.publish_date or dt.date.max, document.source,
         document.line_start),
        document.duplicate_of is not None or document.body_same_as is not None,
        number,
    )


def _choose(citation: Citation,
            candidates: _Candidates | None) -> _Target | None:
    """Another part of the citing document first (a letter naming what
    it forwards), then the earliest listing that is no copy.

    Never the part that holds the citation: a provincial notice titled
    as the national one it carries out (line 2811) names that one, not
    itself. Nor, by title, a target whose own number differs from the
    cited one.
    """
    if candidates is None:
        return None
    # The candidates are ranked: the first that fits is the best, so a
    # number listed by many copies costs no scan of them all.
    for target in candidates.by_doc.get(citation.doc_id, []):
        if _fits(citation, target):
            return target
    return next((t for t in candidates.ranked if _fits(citation, t)), None)


def _fits(citation: Citation, target: _Target) -> bool:
    return target.part_id != citation.part_id and (
        citation.cited_number is None or target.number is None
        or target.number == citation.cited_number)
