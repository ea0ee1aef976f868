"""Arrow schemas and row conversion derived from the pydantic models."""

import datetime as dt
import json
import types
import typing
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


def csv_value(value: Any) -> str:
    """One CSV cell: lists as JSON arrays, dates in ISO form, null empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
