"""Held records in less memory: one set of field names for many records.

pydantic keeps on each model instance the set of the fields it was given
(model_fields_set): for a document, 28 names in a set of about 2 KB, a
third of the memory the held records take. Records given the same
fields can share one set. The models are frozen, and model_copy copies
the set before it adds to it, so a shared set never changes; pickled,
it goes once per file.
"""

from collections.abc import Iterable
from typing import TypeVar

from pydantic import BaseModel

Record = TypeVar("Record", bound=BaseModel)


def sharing_field_names(records: Iterable[Record]) -> list[Record]:
    """The records, those given the same fields sharing one set of
    their names. Given a generator, each record's own set is freed as
    soon as it is made, so that a stage making many records never holds
    all their sets at once."""
    shared: dict[frozenset[str], set[str]] = {}
    kept = []
    for record in records:
        names = record.__pydantic_fields_set__
        object.__setattr__(record, "__pydantic_fields_set__",
                           shared.setdefault(frozenset(names), names))
        kept.append(record)
    return kept
