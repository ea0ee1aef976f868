"""Numbered clauses of a document, as one tree per part (issue 4).

Levels are not fixed per numbering style: each part's own nesting
decides them. A marker whose style is already open on the path from the
top is a sibling of that clause; any other marker opens a child of the
innermost open clause. So 一、 > （一） > 1. in one document and
一、 > 1. in another both come out right, and 1.–36. running on under
二 to 十一 stay one sequence (their numbers are checked as one).

A clause's text is its first paragraph after the marker and the
unnumbered paragraphs that follow it, until the next marker. After a
part's last numbered paragraph, paragraphs go on a clause only while
they could be its text: not a closing formula (特此通知, 本通知自……),
a contact line, a signature or an attachment list; and only when the
clause is a bare heading or its siblings also took paragraphs.

Known shortcomings:
- A closing paragraph that starts with no formula (当前疫情防控形势依然
  严峻…… at line 2991, after 四、加强疫情信息报告 and its text; also
  lines 4625 and 7391) is taken as the last clause's text when the
  clauses above it are headings with text paragraphs; telling it apart
  needs a reading of what the paragraph says.
- Two inline lists under one clause that both start at 1 (（1）…（5）
  under 低风险地区 and again under 中风险地区, lines 7381 and 7383) get
  the same paths; their clause_ids differ by the -2 suffix. Giving the
  unnumbered lead paragraph a node of its own would separate them.
"""

import bisect
import logging
from dataclasses import dataclass, field
from typing import Any

import regex

from pipeline import patterns
from pipeline.numbering import Marker, inline_markers, leading_marker
from pipeline.paragraphs import BodyParagraph, line_position, table_pieces
from pipeline.parts import FoundPart, part_id
from pipeline.rows import ClauseRow
from pipeline.segment import DraftDocument, Piece
from pipeline.structure import Span
from pipeline.text import opens_with_ideograph

log = logging.getLogger(__name__)

# A heading line is short: the longest in the dump has 27 characters
# (一、做好建筑工地疫情防控是企业开复工的首要任务); a line of 50 or more
# is prose (see paragraphs.MIN_BROKEN_LENGTH). A lead phrase is shorter
# still: 合理配置营业窗口。, 高度重视，周密部署。; a first sentence of 30
# characters or more is a statement, not a lead. Articles (第一条) of
# rules have no lead phrases.
MAX_HEADING = 50
MAX_LEAD = 30
# Names above a signature date: at most four lines of issuers.
MAX_SIGNATURE_NAMES = 4
# A colon ends a lead phrase only when the phrase names a subject, not
# when it introduces a list (问责方式为：, 包括：).
_LEAD_IN_ENDINGS = ("为", "如下", "包括", "是", "有", "下列")

Key = tuple[str, bool]  # numbering style, inline


@dataclass
class ParsedClauses:
    """The clause rows of one document (checked against Clause when
    encoded) and the warnings they raise."""

    records: list[ClauseRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# Slotted: a part's reading makes one node and one segment per clause,
# and reads their fields at every marker.
@dataclass(slots=True)
class _Segment:
    """Text of a clause: characters start..end of one paragraph."""

    paragraph: int
    start: int
    end: int


@dataclass(slots=True)
class _Node:
    """A clause while its part is read."""

    marker: Marker
    # The marker's style and inline flag. Kept, not a property: the key
    # is compared for every open clause at every marker.
    key: Key
    parent: "_Node | None"
    segments: list[_Segment]
    children: list["_Node"] = field(default_factory=list)
    continued: int = 0  # unnumbered paragraphs taken after the first


def parse_clauses(draft: DraftDocument, paragraphs: list[BodyParagraph],
                  tables: list[Span], parts: list[FoundPart]) -> ParsedClauses:
    """The clause records of one document, part by part."""
    warnings: list[str] = []
    rows: list[ClauseRow] = []
    body = draft.body
    outside = _outside_tables(paragraphs, tables)
    starts = [paragraphs[k].pieces[0] for k in outside]
    for part in parts:
        reader = _PartReader(paragraphs,
                             _text_items(part, paragraphs, outside, starts))
        roots = reader.read()
        warnings += reader.warnings
        rows += _rows(draft, body, paragraphs, part, roots)
        _release(roots)
    return ParsedClauses(rows, sorted(set(warnings)))


def _release(nodes: list[_Node]) -> None:
    """Break the cycles of the nodes with their children, so that a tree
    is freed as soon as its rows are made: left to the cyclic collector,
    a file's trees cost it a few milliseconds."""
    for node in nodes:
        _release(node.children)
        node.children.clear()


def clause_counts(rows: dict[str, list[Any]]) -> str:
    """Golden figures: clauses per document and level, one row each."""
    counts: dict[str, dict[int, int]] = {}
    for clause in rows.get("clauses", []):
        levels = counts.setdefault(clause.doc_id, {})
        levels[clause.level] = levels.get(clause.level, 0) + 1
    depth = max((lv for c in counts.values() for lv in c), default=0)
    header = ["source", "line_start", "clauses"]
    header += [f"level_{lv}" for lv in range(1, depth + 1)]
    lines = ["\t".join(header)]
    for d in rows["documents"]:
        levels = counts.get(d.doc_id, {})
        cells = [d.source, str(d.line_start), str(sum(levels.values()))]
        cells += [str(levels.get(lv, 0)) for lv in range(1, depth + 1)]
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def _outside_tables(paragraphs: list[BodyParagraph],
                    tables: list[Span]) -> list[int]:
    """The paragraphs that share no piece with a table."""
    in_tables = table_pieces(tables)
    if not in_tables:
        return list(range(len(paragraphs)))  # most documents: no test
    return [k for k, p in enumerate(paragraphs)
            if in_tables.isdisjoint(p.pieces)]


def _text_items(part: FoundPart, paragraphs: list[BodyParagraph],
                outside: list[int], starts: list[int]) -> list[int]:
    """The paragraphs (of `outside`) of the part's text, not of its
    heading: those whose first piece lies in the part's span.

    starts holds their first pieces, which rise from one paragraph to
    the next: the span's paragraphs are found by bisection, not by a
    test of every paragraph for every part.
    """
    low = bisect.bisect_left(starts, part.span.first)
    high = bisect.bisect_right(starts, part.span.last)
    heading = part.heading
    if heading is None:
        return outside[low:high]
    return [k for k in outside[low:high]
            if paragraphs[k].pieces[0] not in heading]


class _PartReader:
    """Reads one part's paragraphs into clause trees."""

    def __init__(self, paragraphs: list[BodyParagraph], items: list[int]):
        self.paragraphs = paragraphs
        self.items = items
        self.roots: list[_Node] = []
        self.stack: list[_Node] = []
        self.warnings: list[str] = []
        self.last_number: dict[Key, int] = {}  # runs on across parents
        self.closed = False
        self.in_attachment_list = False
        self.leading: dict[int, Marker | None] = {}
        self.signatures: dict[int, regex.Match[str] | None] = {}

    def read(self) -> list[_Node]:
        self.leading = {k: leading_marker(self.paragraphs[k].text)
                        for k in self.items}
        # Items rise: the last marked one, found from the end.
        last_marked = next((k for k in reversed(self.items)
                            if self.leading[k]), -1)
        if last_marked < 0:
            return self.roots  # only a numbered paragraph opens a clause
        self.signatures = {k: _signature(self.paragraphs[k].text)
                           for k in self.items}
        names = self._signature_names()
        for k in self.items:
            text = self.paragraphs[k].text
            if self._ends_clauses(k, text, k > last_marked, k in names):
                self.stack.clear()
                self.closed = True
                continue
            if self.in_attachment_list:
                continue
            self._read_paragraph(k, text, k > last_marked)
            while self.stack and self.stack[-1].marker.inline:
                self.stack.pop()  # an inline list ends with its paragraph
        return self.roots

    def _read_paragraph(self, k: int, text: str, trailing: bool) -> None:
        marker = self.leading[k]
        if marker and not self._weak_accepted(marker, text):
            marker = None
        if marker:
            self._place(marker, k, len(text))
            scan_from = marker.end
        elif self.stack and not self.closed:
            while self.stack and self.stack[-1].marker.bulleted:
                self.stack.pop()  # a markdown list ends with its bullets
            if not self.stack:
                return
            owner = self.stack[-1]
            if trailing and not _takes_trailing(owner, self.paragraphs):
                self.stack.clear()
                self.closed = True
                return
            owner.segments.append(_Segment(k, 0, len(text)))
            owner.continued += 1
            scan_from = 0
        else:
            return  # before the first clause, or after the last
        self._read_inline(k, text, scan_from)

    def _ends_clauses(self, k: int, text: str, trailing: bool,
                      name: bool) -> bool:
        """Signatures, notes, attachment lists and, after the last
        numbered paragraph, closing formulas and contacts end the clauses."""
        # Both attachment patterns need 附: a cheap test first.
        attachment = "附" in text
        if attachment and patterns.ATTACHMENT_LIST.match(text):
            self.in_attachment_list = True
            return True
        if self.signatures[k] or name:
            self.in_attachment_list = False
            return True
        # A note opens with a bracket, after spaces if any.
        if (not opens_with_ideograph(text)
                and patterns.PUBLICATION_NOTE.match(text)) or \
                (attachment and patterns.ATTACHMENT_LABEL.match(text)):
            return True
        return trailing and bool(patterns.CLOSING_LEAD.match(text))

    def _signature_names(self) -> set[int]:
        """Paragraphs of issuer names right above a signature date."""
        names: set[int] = set()
        for n, k in enumerate(self.items):
            signature = self.signatures[k]
            if not signature or signature.group("names").strip():
                continue
            for back in self.items[max(0, n - MAX_SIGNATURE_NAMES):n][::-1]:
                if not _is_name_line(self.paragraphs[back].text):
                    break
                names.add(back)
        return names

    def _weak_accepted(self, marker: Marker, text: str) -> bool:
        """一是 opens a clause as the first of a run, or the next in one."""
        if marker.style not in patterns.WEAK_STYLES:
            return True
        if marker.number == 1:
            return True
        return any(n.key == (marker.style, False)
                   and n.marker.number == _previous(marker)
                   for n in self.stack)

    def _read_inline(self, k: int, text: str, start: int) -> None:
        candidates = inline_markers(text, start)
        for n, marker in enumerate(candidates):
            if not self.stack:
                return
            if self._continues_line_run(marker):
                marker = Marker(marker.style, marker.number, marker.start,
                                marker.end, marker.text, inline=False)
                self._place(marker, k, len(text))
            elif self._inline_accepted(marker, candidates[n + 1:]):
                self._place(marker, k, len(text))

    def _continues_line_run(self, marker: Marker) -> bool:
        """一要……；二要……: a paragraph's own run goes on inside it."""
        top = self.stack[-1]
        return (top.key == (marker.style, False)
                and top.marker.number is not None
                and marker.number == top.marker.number + 1)

    def _inline_accepted(self, marker: Marker, later: list[Marker]) -> bool:
        """An inline marker numbers an item when it continues an open
        inline run, when it opens one with 1 and 2 follows, or when it
        runs on from the part's previous run of its style."""
        key = (marker.style, True)
        open_run = next((n for n in reversed(self.stack) if n.key == key),
                        None)
        if open_run is not None:
            return marker.number == _next(open_run.marker)
        if marker.number == 1:
            return any(m.style == marker.style and m.number == 2
                       for m in later)
        return (key in self.last_number
                and marker.number == self.last_number[key] + 1)

    def _place(self, marker: Marker, k: int, length: int) -> None:
        """Open a clause for a marker: a sibling of the open clause of its
        style, else a child of the innermost open clause."""
        self._cut_owner(k, marker.start)
        key = (marker.style, marker.inline)
        depth = self._open_depth(key)
        if depth is not None:
            parent = self.stack[depth].parent
            del self.stack[depth:]
        else:
            parent = self.stack[-1] if self.stack else None
        node = _Node(marker, key, parent,
                     [_Segment(k, marker.start, length)])
        siblings = parent.children if parent else self.roots
        self._check_number(node, siblings)
        siblings.append(node)
        self.stack.append(node)
        self.closed = False
        if marker.number is not None:
            self.last_number[key] = marker.number

    def _open_depth(self, key: Key) -> int | None:
        """Where the innermost open clause of a style stands in the stack."""
        # A loop, not next() over a generator: this runs at every marker,
        # and making the generator costs more than the search.
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].key == key:
                return depth
        return None

    def _cut_owner(self, k: int, at: int) -> None:
        """The clause whose text runs in paragraph k stops at a marker."""
        for node in reversed(self.stack):
            last = node.segments[-1]
            if last.paragraph == k and last.start <= at < last.end:
                last.end = at
                return

    def _check_number(self, node: _Node, siblings: list[_Node]) -> None:
        """Numbers run on by one from the previous sibling of the same
        style, or start at 1, or run on from the previous parent's."""
        number = node.marker.number
        if number is None:
            self.warnings.append("clause_number_unreadable")
            return
        before = _last_of(siblings, node.key)
        if before is not None and before.marker.number is not None:
            expected = before.marker.number + 1
            if number == before.marker.number:
                self._warn("clause_number_repeat", node)
            elif number not in (expected, 1):
                self._warn("clause_number_gap", node)
        elif before is None and number != 1:
            if self.last_number.get(node.key, number - 1) + 1 != number:
                self._warn("clause_number_gap", node)

    def _warn(self, code: str, node: _Node) -> None:
        log.debug("%s: marker %s", code, node.marker.text)
        self.warnings.append(code)


def _last_of(nodes: list[_Node], key: Key) -> _Node | None:
    """The last of the nodes with a numbering style (a loop, as in
    _open_depth: it runs at every marker)."""
    for node in reversed(nodes):
        if node.key == key:
            return node
    return None


def _signature(text: str) -> regex.Match[str] | None:
    """A signature's match; its date needs 年, a cheap test first."""
    return patterns.SIGNATURE.match(text) if "年" in text else None


def _previous(marker: Marker) -> int | None:
    return None if marker.number is None else marker.number - 1


def _next(marker: Marker) -> int | None:
    return None if marker.number is None else marker.number + 1


def _is_name_line(text: str) -> bool:
    """An issuer's name: short, no punctuation, no marker."""
    bare = patterns.LIST_BULLET.sub("", text)
    return (0 < len(bare) <= 40 and not patterns.TITLE_BREAKER.search(bare)
            and not patterns.SENTENCE_END.search(bare)
            and leading_marker(bare) is None) or \
        bool(patterns.PUBLICATION_NOTE.match(text))


def _takes_trailing(node: _Node, paragraphs: list[BodyParagraph]) -> bool:
    """Whether a paragraph after the part's last numbered one still
    belongs to its last clause: a bare heading needs its text, and a
    clause whose siblings took paragraphs may take one too."""
    if _heading_only(node, paragraphs):
        return True
    siblings = node.parent.children if node.parent else []
    return any(s.continued for s in siblings if s is not node)


def _heading_only(node: _Node, paragraphs: list[BodyParagraph]) -> bool:
    return _is_heading_line(_segment_texts(node, paragraphs)[0])


def _is_heading_line(own: str) -> bool:
    """A clause's own (stripped) first text that reads as a heading:
    short, and no stop at its end."""
    # str.strip drops every space that FULL_STOP_END's \s matches (tests
    # check), so a match can only start at the last character: searched
    # from there, not along the whole text.
    return 0 < len(own) < MAX_HEADING and \
        not patterns.FULL_STOP_END.search(own, len(own) - 1)


# Records -----------------------------------------------------------------

def _rows(draft: DraftDocument, body: list[Piece],
          paragraphs: list[BodyParagraph], part: FoundPart,
          roots: list[_Node]) -> list[ClauseRow]:
    """The part's clause rows, parents first."""
    owner = part_id(draft.doc_id, part.order)
    ids: dict[int, str] = {}
    seen: dict[str, int] = {}
    rows = []
    for node, path in _walk(roots, "", []):
        clause_id = f"{owner}-c{path}"
        seen[clause_id] = seen.get(clause_id, 0) + 1
        if seen[clause_id] > 1:
            clause_id += f"-{seen[clause_id]}"
        ids[id(node)] = clause_id
        parent_id = ids[id(node.parent)] if node.parent else None
        rows.append(_row(draft, body, paragraphs, node, clause_id,
                         parent_id, owner, path))
    return rows


def _walk(nodes: list[_Node], prefix: str,
          found: list[tuple[_Node, str]]) -> list[tuple[_Node, str]]:
    """Nodes in document order (parents first), with their paths, added
    to found: a list, not a generator, which would hand each node up
    through every level above it."""
    for position, node in enumerate(nodes, 1):
        number = node.marker.number
        path = f"{prefix}{number if number is not None else position}"
        found.append((node, path))
        _walk(node.children, path + ".", found)
    return found


def _row(draft: DraftDocument, body: list[Piece],
         paragraphs: list[BodyParagraph], node: _Node, clause_id: str,
         parent_id: str | None, owner: str, path: str) -> ClauseRow:
    texts = _segment_texts(node, paragraphs)
    marker = node.marker
    first, last = node.segments[0], _last_nonempty(node, texts)
    line_start, char_start = _raw(body, paragraphs[first.paragraph],
                                  marker.start, end=False)
    last_paragraph = paragraphs[last.paragraph]
    line_end, char_end = _raw(body, last_paragraph,
                              _text_end(last_paragraph.text, last), end=True)
    # One segment (most clauses): its text, which the join would give.
    text = texts[0] if len(texts) == 1 else "\n".join([t for t in texts if t])
    return ClauseRow(
        clause_id=clause_id, doc_id=draft.doc_id, source=draft.source,
        part_id=owner, parent_id=parent_id, level=path.count(".") + 1,
        path=path, marker=marker.text, style=marker.style,
        inline=marker.inline, number=marker.number,
        heading=_heading(node, texts), text=text,
        line_start=line_start, line_end=line_end,
        char_start=char_start, char_end=char_end,
    )


def _segment_texts(node: _Node, paragraphs: list[BodyParagraph]) -> list[str]:
    """The stripped text of each segment, the first one's after the
    marker."""
    segments = node.segments
    first = segments[0]
    texts = [paragraphs[first.paragraph].text[node.marker.end:first.end]
             .strip()]
    for segment in segments[1:]:
        texts.append(paragraphs[segment.paragraph].text[segment.start:
                                                        segment.end].strip())
    return texts


def _last_nonempty(node: _Node, texts: list[str]) -> _Segment:
    """The last segment after the first that holds text (texts are the
    segments' own, stripped), else the first."""
    for n in range(len(texts) - 1, 0, -1):
        if texts[n]:
            return node.segments[n]
    return node.segments[0]


def _text_end(text: str, segment: _Segment) -> int:
    return segment.start + len(text[segment.start:segment.end].rstrip())


def _raw(body: list[Piece], para: BodyParagraph, position: int,
         end: bool) -> tuple[int, int]:
    """Raw line and character of a position in a paragraph's text."""
    if end and position > 0:
        piece, at = para.locate(position - 1)
        return line_position(body, piece, at + 1, end=True)
    piece, at = para.locate(position)
    return line_position(body, piece, at, end=end)


def _heading(node: _Node, texts: list[str]) -> str | None:
    """The clause's lead phrase, when more text or clauses follow it."""
    own = texts[0]
    more = len(texts) > 1 or bool(node.children)
    if more and _is_heading_line(own):
        return own  # a heading line over paragraphs or items
    if node.marker.style == "article":
        return None
    found = _short_lead(own)
    if found is None:
        return None
    lead, stop = found
    if stop in "：:" and lead.endswith(_LEAD_IN_ENDINGS):
        return None
    if not (more or own[len(lead) + 1:].strip()):
        return None  # the whole clause is one short sentence
    return lead


# Any stop: a lead phrase (patterns.LEAD_PHRASE) holds none, so it runs
# to the first one. Kept here, not in patterns: it is this module's
# shortcut for that pattern (tests check the two agree).
_ANY_STOP = regex.compile(r"[。；;：:！!？?]")


def _short_lead(own: str) -> tuple[str, str] | None:
    """LEAD_PHRASE's lead and stop in a text, when the lead is shorter
    than MAX_LEAD.

    The lead ends at the text's first stop, which must be 。 or a colon
    and stand after two characters or more. Only the first MAX_LEAD
    characters can hold the stop of a short lead: they are searched for
    any stop, less than half the cost of the lazy pattern on the whole
    text.
    """
    stop = _ANY_STOP.search(own, 0, MAX_LEAD)
    if stop is None or stop.start() < 2 or stop.group() not in "。：:":
        return None
    return own[:stop.start()], stop.group()
