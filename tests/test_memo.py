"""Caches that last one raw file: emptied before each file is read."""

from pipeline.memo import clear_file_caches, per_file
from pipeline.run import extract_file
from pipeline.text import listing_date
from tests.conftest import REAL_DUMP


def test_a_per_file_cache_answers_again_until_cleared() -> None:
    calls: list[str] = []

    @per_file(maxsize=8)
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert [shout("a"), shout("a"), shout("b")] == ["A", "A", "B"]
    assert calls == ["a", "b"]
    clear_file_caches()
    assert shout("a") == "A"
    assert calls == ["a", "b", "a"]


def test_extracting_a_file_starts_from_empty_caches() -> None:
    """Only the file's own dates are cached once it is extracted: none
    read before it is left."""
    listing_date("1999-01-01")
    one = extract_file(REAL_DUMP)
    dates = {d.publish_date for d in one.documents if d.publish_date}
    cached = listing_date.cache_info().currsize  # type: ignore[attr-defined]
    assert cached == len(dates) > 1
