"""Numbering markers of clauses: where they stand, their style and number."""

import functools
import logging
import unicodedata
from dataclasses import dataclass

import regex

from pipeline import patterns

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Marker:
    """A numbering marker found in a paragraph's text.

    start and end delimit the marker as printed (its bullet excluded);
    number is None when the numeral cannot be read.
    """

    style: str
    number: int | None
    start: int
    end: int
    text: str
    inline: bool = False
    bulleted: bool = False  # behind the dump's markdown bullet "- "


@dataclass(frozen=True)
class _Branches:
    """The style branches of a combined marker pattern, by group number:
    spans read by number cost a third of those read by name."""

    styles: tuple[str, ...]
    groups: tuple[int, ...]
    numeral: int

    @classmethod
    def of(cls, pattern: regex.Pattern[str],
           styles: tuple[str, ...]) -> "_Branches":
        index = pattern.groupindex
        return cls(styles, tuple(index[s] for s in styles), index["n"])


_LEADING = _Branches.of(patterns.LEADING_MARKER, patterns.LEADING_STYLES)
_INLINE = _Branches.of(patterns.INLINE_MARKER, patterns.INLINE_STYLES)


def leading_marker(text: str) -> Marker | None:
    """The marker a paragraph opens with, after a list bullet if any."""
    # The bullet needs a dash: a cheap test first, most lines have none.
    bullet = patterns.LIST_BULLET.match(text) if "-" in text else None
    at = bullet.end() if bullet else len(text) - len(text.lstrip())
    match = patterns.LEADING_MARKER.match(text, at)
    if match is None:
        return None
    style, _ = _matched_style(match, _LEADING)
    return _marker(style, match.group(_LEADING.numeral), text, at,
                   match.end(), bulleted=bullet is not None)


def inline_markers(text: str, start: int) -> list[Marker]:
    """Every marker that stands after a sentence's end, from start on.

    These are candidates only: whether one really numbers an item
    depends on its neighbours (see clauses), since 1 or （一） may also
    stand in running text.
    """
    found = []
    # From one character back: a stop right before start leads a marker.
    for match in patterns.INLINE_MARKER.finditer(text, max(0, start - 1)):
        style, at = _matched_style(match, _INLINE)
        found.append(_marker(style, match.group(_INLINE.numeral), text, at,
                             match.end(), inline=True))
    return found


def marker_number(style: str, numeral: str) -> int | None:
    """The integer a marker's numeral stands for; None if unreadable."""
    if numeral.isdecimal():  # not isdigit(): ① counts as a digit there
        return int(numeral)
    if style == "circled":
        return int(unicodedata.numeric(numeral))
    return chinese_number(numeral)


@functools.lru_cache(maxsize=256)
def chinese_number(numeral: str) -> int | None:
    """A Chinese numeral as an integer: 十一 → 11, 二十三 → 23."""
    # Imported here: cn2an takes a sizeable share of a run's start-up,
    # and only documents with Chinese numbering need it.
    import cn2an

    try:
        value = cn2an.cn2an(numeral, "strict")
    except ValueError:
        log.debug("unreadable numeral: %s", numeral)
        return None
    return int(value) if float(value).is_integer() else None


def _matched_style(match: regex.Match[str],
                   branches: _Branches) -> tuple[str, int]:
    """The style whose branch of a combined pattern matched, and where
    its marker starts.

    One call returns every branch's span (several styles, so a tuple of
    spans); a branch that did not match starts at -1.
    """
    spans = match.span(*branches.groups)
    for style, (start, _) in zip(branches.styles, spans):
        if start >= 0:
            return style, start
    raise ValueError(f"no style matched: {match.group()}")


def _marker(style: str, numeral: str, text: str, start: int, end: int,
            inline: bool = False, bulleted: bool = False) -> Marker:
    printed = text[start:end].rstrip()
    return Marker(style, marker_number(style, numeral), start,
                  start + len(printed), printed, inline, bulleted)
