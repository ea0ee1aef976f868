"""Text helpers shared by the stages: layout spaces, listing dates and
the first-character test of the fast paths."""

import datetime as dt

import regex

from pipeline import patterns
from pipeline.memo import per_file


def clean_title(text: str) -> str:
    """Join a wrapped title: drop layout spaces, fold the others."""
    return patterns.WHITESPACE_RUN.sub(
        lambda run: _layout_or_space(run, text), text
    ).strip()


def _layout_or_space(run: "regex.Match[str]", text: str) -> str:
    before = text[run.start() - 1:run.start()]
    after = text[run.end():run.end() + 1]
    if patterns.CJK_CHAR.match(before) or patterns.CJK_CHAR.match(after):
        return ""
    return " "


def opens_with_ideograph(text: str,
                         but: frozenset[str] = frozenset()) -> bool:
    """Whether text opens with an ideograph of the basic CJK block
    (U+4E00-U+9FFF) other than those of `but`.

    Most paragraphs do, and most patterns (markers, notes) cannot start
    with one: the test of one character spares them the pattern.
    """
    first = text[:1]
    return "\u4e00" <= first <= "\u9fff" and first not in but


# A dump lists several documents a day, so the same date lines recur; two
# stages read each document's.
@per_file(maxsize=4096)
def listing_date(text: str) -> dt.date | None:
    """The date of a listing date line (2020-02-01); None if impossible."""
    match = patterns.DATE_LINE.match(text)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None
