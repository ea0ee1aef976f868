"""Relations between documents: copies, editions, citations (issue 6)."""

from typing import Any

Rows = dict[str, list[Any]]


def relate(rows: Rows) -> Rows:
    """Link documents across the whole collection.

    Not yet done: rows pass through unchanged; issue 6 builds this stage.
    """
    return rows
