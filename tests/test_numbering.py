"""The shortcuts of the marker and paragraph code find what the plain
definitions find: each style tried in turn, every stop looked behind,
the whole text searched, every offset scanned."""

import re
import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import patterns
from pipeline.numbering import (
    _INLINE_HINT, _MARKER_IDEOGRAPHS, inline_markers, leading_marker,
)
from pipeline.paragraphs import (
    _SENTENCE_END_CHARS, BodyParagraph, _cut_mid_sentence,
)
from pipeline.read import read_raw
from pipeline.segment import segment
from tests.conftest import REAL_DUMP

STOPS = "。；;：:！!？?"

# Characters that markers, stops, spaces and their look-arounds use.
MARKER_TEXT = st.text(
    alphabet=st.sampled_from(list(
        "第一二三四五六七八九十百零〇是要条、．.（()）①⑳12390０ \t\u3000"
        "-。；;：:！!？?年月家人“《x\n\x1c\U00010d40"
    )),
    max_size=16,
)


def styles_in_turn(text: str, at: int,
                   styles: tuple[str, ...]) -> tuple[str, int] | None:
    """The first style whose own pattern matches at `at`, and its end."""
    for style in styles:
        match = patterns.MARKER_STYLES[style].match(text, at)
        if match:
            return style, match.end()
    return None


def leading_in_turn(text: str) -> tuple[str, int] | None:
    """Every style in MARKER_STYLES order but a bare number."""
    bullet = patterns.LIST_BULLET.match(text)
    at = bullet.end() if bullet else len(text) - len(text.lstrip())
    styles = tuple(s for s in patterns.MARKER_STYLES if s != "arabic_bare")
    return styles_in_turn(text, at, styles)


def inline_in_turn(text: str, start: int) -> list[tuple[str, int, int]]:
    """Markers after every stop at or after start - 1, spaces skipped."""
    found = []
    for stop in range(max(0, start - 1), len(text)):
        if text[stop] not in STOPS:
            continue
        at = stop + 1
        while at < len(text) and patterns.WHITESPACE_RUN.match(text[at]):
            at += 1
        hit = styles_in_turn(text, at, patterns.INLINE_STYLES)
        if hit:
            found.append((hit[0], at, hit[1]))
    return found


@pytest.fixture(scope="module")
def real_texts() -> list[str]:
    """Every raw line and every body piece of the real dump."""
    raw = read_raw(REAL_DUMP)
    pieces = [p.text for d in segment(raw).documents for p in d.body]
    return list(raw.lines) + pieces


def test_leading_marker_as_styles_in_turn(real_texts: list[str]) -> None:
    found = 0
    for text in real_texts:
        expected = leading_in_turn(text)
        marker = leading_marker(text)
        assert (marker is None) == (expected is None), text
        if marker is not None and expected is not None:
            assert marker.style == expected[0], text
            assert text[marker.end:expected[1]].strip() == "", text
            found += 1
    assert found > 1000  # the dump numbers well over a thousand lines


def test_inline_markers_as_stops_looked_behind(real_texts: list[str]) -> None:
    found = 0
    for text in real_texts:
        markers = inline_markers(text, 0)
        assert [(m.style, m.start) for m in markers] == \
            [(s, at) for s, at, _ in inline_in_turn(text, 0)], text
        found += len(markers)
    assert found > 100


@settings(max_examples=1000, deadline=None)
@given(MARKER_TEXT, st.integers(min_value=0, max_value=18))
def test_markers_on_any_text(text: str, start: int) -> None:
    marker = leading_marker(text)
    expected = leading_in_turn(text)
    assert (marker.style if marker else None) == \
        (expected[0] if expected else None)
    assert [(m.style, m.start) for m in inline_markers(text, start)] == \
        [(s, at) for s, at, _ in inline_in_turn(text, start)]


EVERY_CHARACTER = [chr(c) for c in range(sys.maxunicode + 1)]


def test_inline_hint_stops_are_inline_markers_stops() -> None:
    stops = _INLINE_HINT.pattern.split("]")[0] + "]"
    assert patterns.INLINE_MARKER.pattern.startswith(stops + r"\s*+")


def test_inline_hint_spaces_hold_every_space_of_regex() -> None:
    space, hint_space = regex.compile(r"\s"), re.compile(r"\s")
    missed = [c for c in EVERY_CHARACTER
              if space.match(c) and not hint_space.match(c)]
    assert missed == []


def test_inline_hint_lets_every_marker_start_through() -> None:
    """A character that may begin an inline style's match (a partial
    match of it alone) follows a stop in the hint too."""
    styles = regex.compile(patterns._first_of(patterns.INLINE_STYLES))
    missed = [c for c in EVERY_CHARACTER
              if styles.match(c, partial=True) and not _INLINE_HINT.match("。" + c)]
    assert missed == []


def test_other_ideographs_open_no_leading_marker() -> None:
    """An ideograph out of _MARKER_IDEOGRAPHS begins no leading style's
    match (a partial match of it alone), and is no space or bullet."""
    ideographs = [chr(c) for c in range(0x4E00, 0xA000)]
    openers = [c for c in ideographs
               if patterns.LEADING_MARKER.match(c, partial=True)
               or patterns.LIST_BULLET.match(c, partial=True) or c.isspace()]
    assert sorted(openers) == sorted(_MARKER_IDEOGRAPHS)


def cut_searched_whole(text: str) -> bool:
    return len(text) >= 50 and not patterns.SENTENCE_END.search(text)


def test_sentence_end_chars_end_a_sentence() -> None:
    assert all(patterns.SENTENCE_END.search("甲" + c)
               for c in _SENTENCE_END_CHARS)


def test_cut_mid_sentence_on_the_dump(real_texts: list[str]) -> None:
    cut = [t for t in real_texts if _cut_mid_sentence(t)]
    assert cut == [t for t in real_texts if cut_searched_whole(t)]
    assert cut  # page breaks cut some paragraphs


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(
    "。；;！!？?：:…）)”』」》]】a中 \t\n\u3000\x1c\x85\xa0")),
    min_size=40, max_size=70))
def test_cut_mid_sentence_as_whole_text_searched(text: str) -> None:
    assert _cut_mid_sentence(text) == cut_searched_whole(text)


@given(st.lists(st.integers(min_value=0, max_value=20), min_size=1,
                max_size=5),
       st.integers(min_value=0, max_value=25))
def test_locate_as_offsets_scanned(rest: list[int], position: int) -> None:
    offsets = (0, *sorted(rest)[1:])
    paragraph = BodyParagraph("x" * 30, tuple(range(len(offsets))), offsets)
    k = max(i for i, at in enumerate(offsets) if at <= position)
    assert paragraph.locate(position) == (k, position - offsets[k])


def test_chinese_numbers_agree_with_cn2an_up_to_9999() -> None:
    import cn2an

    from pipeline.numbering import chinese_number

    wrong = [n for n in range(1, 10_000)
             if chinese_number(cn2an.an2cn(n)) != n]
    assert wrong == []


@pytest.mark.parametrize("numeral", [
    "十十", "一二", "百一", "百", "一百五", "零", "一千零零五", "十百", "", "x",
])
def test_malformed_chinese_numbers_are_none(numeral: str) -> None:
    from pipeline.numbering import chinese_number

    assert chinese_number(numeral) is None
