"""Arrow schemas and row conversion derived from the pydantic models."""

import datetime as dt
import json
from json.encoder import encode_basestring
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


def csv_text(kind: pa.DataType) -> Callable[[list[Any]], list[Any]] | None:
    """How to write one column's values as CSV text, if Arrow's CSV
    writer would not write them as wanted; None if it would.

    Arrow writes booleans as true/false, dates in ISO form and integers
    as Python does, but lists not at all (they become JSON arrays here)
    and floats in its own way (1.0 as "1"): they are written as Python
    writes them, so that a reader sees 1.0 as a float. A whole column
    is converted at once, for speed.
    """
    if pa.types.is_list(kind) and pa.types.is_string(kind.value_type):
        return lambda values: [_json_texts(v) for v in values]
    if pa.types.is_list(kind):
        return lambda values: [_json_list(v) for v in values]
    if pa.types.is_floating(kind):
        return lambda values: [None if v is None else repr(v)
                               for v in values]
    return None


# One encoder made once: json.dumps with options builds a new one per call.
encode_json = json.JSONEncoder(ensure_ascii=False).encode


def _json_list(values: list[Any] | None) -> str | None:
    if values is None:
        return None
    return encode_json(values) if values else "[]"


def _json_texts(texts: list[str | None] | None) -> str | None:
    """What _json_list gives for a list of texts or nulls, three times
    faster: json.dumps builds a whole encoder on every call."""
    if texts is None:
        return None
    if not texts:
        return "[]"
    items = [encode_basestring(t) if t is not None else "null" for t in texts]
    return "[" + ", ".join(items) + "]"
