"""Numbering markers of clauses: where they stand, their style and number."""

import logging
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple, get_args

import regex

from pipeline import patterns
from pipeline.text import opens_with_ideograph
from schemas.clauses import NumberingStyle

log = logging.getLogger(__name__)


# A named tuple rather than a frozen dataclass: one is made for most
# paragraphs, and a tuple costs a third as much to make.
class Marker(NamedTuple):
    """A numbering marker found in a paragraph's text.

    start and end delimit the marker as printed (its bullet excluded);
    number is None when the numeral cannot be read.
    """

    style: NumberingStyle
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

    groups: tuple[tuple[NumberingStyle, int], ...]  # each style, its group
    numeral: int

    @classmethod
    def of(cls, pattern: regex.Pattern[str],
           styles: tuple[str, ...]) -> "_Branches":
        index = pattern.groupindex
        return cls(tuple((_style(s), index[s]) for s in styles), index["n"])


_STYLES: dict[str, NumberingStyle] = {s: s for s in get_args(NumberingStyle)}


def _style(name: str) -> NumberingStyle:
    """A marker pattern's group name as the clause style it stands for."""
    if name not in _STYLES:
        raise ValueError(f"marker pattern group {name!r} names no style "
                         "of schemas.clauses.NumberingStyle")
    return _STYLES[name]


# What every inline marker starts with: a stop, spaces, then a bracket,
# a digit or a numeral. The standard re module finds it two to three
# times faster than regex finds INLINE_MARKER, and few paragraphs have
# it: the full search is spared for the rest. Characters beyond the BMP
# pass, since regex knows digits of a newer Unicode than re's \d.
# Kept here, not in patterns: it is a pre-check of this module's search
# (tests check it against INLINE_MARKER on every code point).
_INLINE_HINT = re.compile(
    r"[。；;：:！!？?]\s*[（(\d①-⑳一二三四五六七八九十百零〇\U00010000-\U0010FFFF]")

_LEADING = _Branches.of(patterns.LEADING_MARKER, patterns.LEADING_STYLES)
# The ideographs (U+4E00-U+9FFF) that a leading marker can open with: 第
# and the numerals. Most paragraphs open with another ideograph, which
# is no space or bullet either, so that no marker follows: a test of
# the first character spares them the bullet, the strip and the pattern
# (tests check the set against LEADING_MARKER on every ideograph).
_MARKER_IDEOGRAPHS = frozenset("第一二三四五六七八九十百零")
_INLINE = _Branches.of(patterns.INLINE_MARKER, patterns.INLINE_STYLES)


def leading_marker(text: str) -> Marker | None:
    """The marker a paragraph opens with, after a list bullet if any."""
    if opens_with_ideograph(text, but=_MARKER_IDEOGRAPHS):
        return None
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
    # From one character back: a stop right before start leads a marker.
    at = max(0, start - 1)
    if not _INLINE_HINT.search(text, at):
        return []
    found = []
    for match in patterns.INLINE_MARKER.finditer(text, at):
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


_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZEROS = frozenset("零〇")


def chinese_number(numeral: str) -> int | None:
    """A Chinese numeral below 10,000 as an integer: 十一 → 11, 二十三 → 23.

    None for a malformed numeral (十十, 一二, 百一) or one that is
    ambiguous (一百五: 105 or 150). Our own few lines rather than a
    library: clause markers only hold small numbers, and the library
    this was checked against (cn2an, in the tests) takes a fifth of a
    second to import.
    """
    total, digit, unit_before, after_zero = 0, None, 10_000, False
    for char in numeral:
        if char in _DIGITS:
            if digit is not None:
                return None  # two digits in a row
            digit = _DIGITS[char]
        elif char in _UNITS:
            unit = _UNITS[char]
            if unit >= unit_before:
                return None  # units must fall: 十百 is not a number
            if digit is None and not (unit == 10 and total == 0):
                return None  # only 十 may stand alone, for 一十
            total += (1 if digit is None else digit) * unit
            digit, unit_before, after_zero = None, unit, False
        elif char in _ZEROS:
            if digit is not None or total == 0 or after_zero:
                return None  # 零 only stands for skipped places
            after_zero = True
        else:
            return None
    if digit is not None:
        if unit_before not in (10, 10_000) and not after_zero:
            return None  # 一百五 is ambiguous
        total += digit
    if total == 0:
        log.debug("unreadable numeral: %s", numeral)
        return None
    return total


def _matched_style(match: regex.Match[str],
                   branches: _Branches) -> tuple[NumberingStyle, int]:
    """The style whose branch of a combined pattern matched, and where
    its marker starts (a branch that did not match starts at -1).

    The branches are asked in turn, most often only the first few: the
    common styles come early in the pattern.
    """
    for style, group in branches.groups:
        start = match.start(group)
        if start >= 0:
            return style, start
    raise ValueError(f"no style matched: {match.group()}")


def _marker(style: NumberingStyle, numeral: str, text: str, start: int,
            end: int, inline: bool = False, bulleted: bool = False
            ) -> Marker:
    printed = text[start:end].rstrip()
    return Marker(style, marker_number(style, numeral), start,
                  start + len(printed), printed, inline, bulleted)
