"""Numbering markers of clauses: where they stand, their style and number."""

import dataclasses
import functools
import logging
import unicodedata
from dataclasses import dataclass

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


def leading_marker(text: str) -> Marker | None:
    """The marker a paragraph opens with, after a list bullet if any."""
    bullet = patterns.LIST_BULLET.match(text)
    at = bullet.end() if bullet else len(text) - len(text.lstrip())
    if not patterns.MARKER_START.match(text, at):
        return None
    for style, pattern in patterns.MARKER_STYLES.items():
        if style == "arabic_bare":
            continue  # a bare number opens many a sentence (2020年…)
        match = pattern.match(text, at)
        if match:
            found = _marker(style, match.group("n"), text, at, match.end())
            return dataclasses.replace(found, bulleted=bullet is not None)
    return None


def inline_markers(text: str, start: int) -> list[Marker]:
    """Every marker that stands after a sentence's end, from start on.

    These are candidates only: whether one really numbers an item
    depends on its neighbours (see clauses), since 1 or （一） may also
    stand in running text.
    """
    found = []
    for lead in patterns.INLINE_LEAD.finditer(text, start):
        for style in patterns.INLINE_STYLES:
            match = patterns.MARKER_STYLES[style].match(text, lead.end())
            if match:
                found.append(_marker(style, match.group("n"), text,
                                     lead.end(), match.end(), inline=True))
                break
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


def _marker(style: str, numeral: str, text: str, start: int, end: int,
            inline: bool = False) -> Marker:
    printed = text[start:end].rstrip()
    return Marker(style, marker_number(style, numeral), start,
                  start + len(printed), printed, inline)
