"""Arrow schemas and row conversion derived from the pydantic models."""

import datetime as dt
import json
import types
import typing
from collections.abc import Callable
from typing import Any

import pyarrow as pa
from pydantic import BaseModel

from schemas import SCHEMA_VERSION

_SCALARS: dict[Any, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    dt.date: pa.date32(),
}


def arrow_schema(model: type[BaseModel], dataset: str) -> pa.Schema:
    """Explicit Arrow schema of a model, with each field's description."""
    fields = []
    for name, info in model.model_fields.items():
        kind, nullable = _arrow_type(info.annotation)
        meta = {"description": info.description or ""}
        fields.append(pa.field(name, kind, nullable=nullable, metadata=meta))
    return pa.schema(fields, metadata={
        "dataset": dataset,
        "schema_version": SCHEMA_VERSION,
        "description": (model.__doc__ or "").strip(),
    })


def _arrow_type(annotation: Any) -> tuple[pa.DataType, bool]:
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        inner = next(a for a in args if a is not type(None))
        return _arrow_type(inner)[0], True
    if origin is list:
        # Parquet names a list's items "element"; naming them so here
        # makes a schema read back from a file equal the model's.
        item = pa.field("element", _arrow_type(args[0])[0])
        return pa.list_(item), False
    if origin is typing.Literal:
        return _SCALARS[type(args[0])], False
    return _SCALARS[annotation], False


def csv_column(kind: pa.DataType) -> Callable[[list[Any]], list[Any]]:
    """How to turn one column's values into CSV cells, by Arrow type.

    The csv module already writes None as an empty cell and everything
    else with str() (dates in ISO form), so only lists and booleans need
    converting; a whole column is converted at once, for speed.
    """
    if pa.types.is_list(kind):
        return lambda values: [
            "" if v is None else json.dumps(v, ensure_ascii=False)
            for v in values
        ]
    if pa.types.is_boolean(kind):
        return lambda values: [
            "" if v is None else ("true" if v else "false") for v in values
        ]
    return lambda values: values
