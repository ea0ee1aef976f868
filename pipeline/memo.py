"""Caches of pure functions that last one raw file."""

import functools
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

_CLEARS: list[Callable[[], None]] = []


def per_file(maxsize: int) -> Callable[[F], F]:
    """An lru_cache of maxsize entries, emptied before each raw file.

    A dump repeats many texts (a directory's editions list the same
    hotels and phones), so caching within a file pays. Emptying the
    caches between files keeps a file's cost the same whatever was read
    before it: the benchmark's copies of one dump then measure the
    extraction, not hits on the copy before. Only pure functions may be
    cached, so outputs never depend on it.
    """

    def decorate(func: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(func)
        _CLEARS.append(cached.cache_clear)
        return cached  # type: ignore[return-value]

    return decorate


def clear_file_caches() -> None:
    """Empty every per_file cache: called as a raw file is read."""
    for clear in _CLEARS:
        clear()
