"""Rows of datasets as named tuples, checked column by column.

The large datasets (lines, clauses, cells, entries) run to millions of
records in a collection. Building each as a pydantic model costs more
than all the rest of their writing: pydantic checks the values fast,
but making an instance of a model is slow. So their records are named
tuples with the model's fields, and the encoder checks a file's rows
one column at a time against each field's type and constraints, in
strict mode: a value the model would convert (a number given as text)
is refused rather than converted, so the rows hold what is written.
The parts records are rows too, for memory: they are kept until the
end of the run, and a named tuple takes half a model instance's.
"""

import datetime as dt
import typing
from collections.abc import Sequence
from typing import Annotated, Any, NamedTuple

from pydantic import BaseModel, TypeAdapter, ValidationError

from schemas.clauses import NumberingStyle
from schemas.lines import Role
from schemas.parts import PartKind


class LinePieceRow(NamedTuple):
    """A lines record (schemas.LinePiece) as a row."""

    source: str
    line: int
    char_start: int
    char_end: int
    doc_id: str | None
    role: Role
    text: str


class ClauseRow(NamedTuple):
    """A clauses record (schemas.Clause) as a row."""

    clause_id: str
    doc_id: str
    source: str
    part_id: str
    parent_id: str | None
    level: int
    path: str
    marker: str
    style: NumberingStyle
    inline: bool
    number: int | None
    heading: str | None
    text: str
    line_start: int
    line_end: int
    char_start: int
    char_end: int


class TableCellRow(NamedTuple):
    """A table_cells record (schemas.tables.TableCell) as a row."""

    table_id: str
    doc_id: str
    source: str
    row_no: int
    column_no: int
    column_name: str
    value: str
    line_start: int
    line_end: int
    char_start: int
    char_end: int


class DirectoryEntryRow(NamedTuple):
    """A directory_entries record (schemas.tables.DirectoryEntry) as a
    row."""

    doc_id: str
    table_id: str
    source: str
    row_no: int
    seq: int | None
    group_label: str | None
    city: str | None
    city_code: str | None
    district: str | None
    district_code: str | None
    name: str | None
    address: str | None
    phones: list[str]
    phones_e164: list[str | None]
    phone_extensions: list[str | None]
    line_start: int
    line_end: int
    warnings: list[str]


class PartRow(NamedTuple):
    """A parts record (schemas.parts.Part) as a row: kept until the end
    of the run for relations, where a model instance would take twice
    the memory."""

    part_id: str
    doc_id: str
    source: str
    part_no: int
    part_kind: PartKind
    carrier_part_id: str | None
    label: str | None
    title: str | None
    issuers: list[str]
    signed_date: dt.date | None
    doc_number: str | None
    line_start: int
    line_end: int
    char_start: int
    char_end: int


class ColumnCheck:
    """Checks rows of one model column by column, as the model would."""

    def __init__(self, model: type[BaseModel], row: type[tuple[Any, ...]]):
        _check_row_class(model, row)
        self.model = model
        self.names = list(model.model_fields)
        # The field's own FieldInfo as the item's metadata carries its
        # constraints (ge=1, ...) into the list's items. The item type is
        # made at run time, which a static checker cannot follow: it
        # sees Annotated as Any here.
        annotated: Any = Annotated
        self._adapters = [
            TypeAdapter(list[annotated[info.annotation, info]])
            for info in model.model_fields.values()
        ]

    def columns(self, rows: Sequence[tuple[Any, ...]]) -> dict[str, list[Any]]:
        """Each field's values, checked; ValueError names the first bad
        row and field."""
        values = zip(*rows) if rows else ([] for _ in self.names)
        checked = {}
        for name, adapter, column in zip(self.names, self._adapters,
                                         values):
            try:
                checked[name] = adapter.validate_python(list(column),
                                                        strict=True)
            except ValidationError as err:
                raise ValueError(_first_error(self.model, name, err)) from err
        return checked


def _first_error(model: type[BaseModel], name: str,
                 err: ValidationError) -> str:
    first = err.errors()[0]
    row = first["loc"][0] if first["loc"] else "?"
    return (f"{model.__name__} row {row}, field {name}: {first['msg']} "
            f"(got {first.get('input')!r})")


def _check_row_class(model: type[BaseModel],
                     row: type[tuple[Any, ...]]) -> None:
    """The row must have the model's fields, in order and of its types,
    and the model no validator of its own, which the columns would not
    see: it must state every rule in its fields' types."""
    fields = [(n, f.annotation) for n, f in model.model_fields.items()]
    if list(typing.get_type_hints(row).items()) != fields:
        raise TypeError(f"{row.__name__}: fields differ from "
                        f"{model.__name__}'s")
    decorators = model.__pydantic_decorators__
    if decorators.field_validators or decorators.model_validators:
        raise TypeError(f"{model.__name__}: a row model states its rules "
                        "in its field types (Annotated), not validators")
