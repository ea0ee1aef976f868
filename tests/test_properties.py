"""Properties that hold for any input, and for mutations of the real dump.

Examples are capped and derandomised so that runs are quick and repeat.
"""

import random
from collections import defaultdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.read import RawFile, read_raw
from pipeline.run import Extraction, extract_raw
from tests.conftest import REAL_DUMP

QUICK = settings(max_examples=150, derandomize=True, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])

# Fragments the dumps are made of, so that examples reach every shape.
FRAGMENTS = st.sampled_from([
    "\n", "\n\n", "\t", "\r\n", "\r", " ", "　", "2020-02-01", "2020-02-30",
    "标题\t时间\t文本", "<p>", "</p>", "<br>", "<http://x.cn>", "&amp;",
    "---", "|", "- ", "序号", "序 号", "1", "2", "12", "关于", "的通知",
    "。", "：", "...", "令 第 4 号", "一、", "（一）", "附件", "政", "x",
])
DUMP_TEXT = st.lists(
    st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=60,
).map("".join)


def _extract(text: str) -> Extraction:
    lines = tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return extract_raw(RawFile("dump.txt", "utf-8", "", lines))


@QUICK
@given(DUMP_TEXT)
def test_any_text_is_extracted_without_error(text: str) -> None:
    result = _extract(text)
    assert all(d.line_start <= d.line_end for d in result.documents)


@QUICK
@given(DUMP_TEXT)
def test_every_non_blank_character_is_placed_exactly_once(text: str) -> None:
    result = _extract(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    covered: dict[int, list[int]] = defaultdict(list)
    for piece in result.lines:
        covered[piece.line].extend(range(piece.char_start, piece.char_end))
    for number, line in enumerate(lines, 1):
        chars = covered[number]
        assert len(chars) == len(set(chars))
        assert all(i in chars for i, c in enumerate(line) if not c.isspace())


@QUICK
@given(DUMP_TEXT)
def test_extraction_is_deterministic(text: str) -> None:
    assert _extract(text).rows == _extract(text).rows


# Mutations of the real dump, moving whole documents ------------------

def _blocks() -> tuple[list[str], list[list[str]]]:
    """The dump's lines before the first document, and each document's."""
    raw = read_raw(REAL_DUMP)
    documents = extract_raw(raw).documents
    head = list(raw.lines[:documents[0].line_start - 1])
    blocks = [list(raw.lines[d.line_start - 1:d.line_end]) for d in documents]
    return head, blocks


HEAD, BLOCKS = _blocks()


def _join(blocks: list[list[str]]) -> str:
    return "\n\n".join("\n".join(b) for b in [HEAD, *blocks])


def _titles(text: str) -> list[str]:
    return [d.title for d in _extract(text).documents]


MUTATION = settings(max_examples=12, derandomize=True, deadline=None)


@MUTATION
@given(st.sets(st.integers(0, len(BLOCKS) - 1), max_size=10))
def test_dropped_documents_are_missing_and_nothing_else(drop: set[int]) -> None:
    kept = [b for i, b in enumerate(BLOCKS) if i not in drop]
    assert len(_titles(_join(kept))) == len(BLOCKS) - len(drop)


@MUTATION
@given(st.lists(st.integers(0, len(BLOCKS) - 1), max_size=5))
def test_duplicated_documents_are_counted_again(repeat: list[int]) -> None:
    mutated = BLOCKS + [BLOCKS[i] for i in repeat]
    result = _extract(_join(mutated)).documents
    assert len(result) == len(BLOCKS) + len(repeat)
    assert len({d.doc_id for d in result}) == len(result)


@MUTATION
@given(st.randoms(use_true_random=False))
def test_shuffled_documents_keep_their_titles(rng: random.Random) -> None:
    shuffled = list(BLOCKS)
    rng.shuffle(shuffled)
    assert sorted(_titles(_join(shuffled))) == sorted(_titles(_join(BLOCKS)))
