"""The data package and data dictionary, both made from the record models.

`out/datapackage.json` follows the Frictionless Data Package standard:
one resource per dataset with a Table Schema, plus the raw sources and
their digests. `docs/datasets.md` is the same description for people.
Neither holds a timestamp, so reruns stay byte-identical.
"""

import datetime as dt
import json
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from pipeline import __version__
from pipeline.datasets import DATASETS, Dataset
from schemas import SCHEMA_VERSION

_TYPES: dict[Any, str] = {
    str: "string", int: "integer", float: "number", bool: "boolean",
    dt.date: "date",
}


def datapackage(sources: dict[str, str]) -> dict[str, Any]:
    """The descriptor of one output folder, given raw file digests."""
    return {
        "name": "gov-notices",
        "title": "Documents, clauses and tables of Chinese government "
                 "notices",
        "version": SCHEMA_VERSION,
        "pipeline_version": __version__,
        "sources": [
            {"title": name, "path": f"raw/{name}", "hash": f"sha256:{digest}"}
            for name, digest in sorted(sources.items())
        ],
        "resources": [_resource(d) for d in DATASETS],
    }


def write_datapackage(folder: Path, sources: dict[str, str]) -> None:
    text = json.dumps(datapackage(sources), ensure_ascii=False, indent=2)
    (folder / "datapackage.json").write_text(text + "\n", encoding="utf-8")


def _resource(dataset: Dataset) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(n, f) for n, f in dataset.model.model_fields.items()],
    }
    if dataset.primary_key:
        schema["primaryKey"] = list(dataset.primary_key)
    if "doc_id" in dataset.model.model_fields and dataset.name != "documents":
        schema["foreignKeys"] = [{
            "fields": "doc_id",
            "reference": {"resource": "documents", "fields": "doc_id"},
        }]
    return {
        "name": dataset.name,
        "path": f"{dataset.name}.csv",
        "parquet_path": f"{dataset.name}.parquet",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "description": (dataset.model.__doc__ or "").strip(),
        "schema_version": SCHEMA_VERSION,
        "schema": schema,
    }


def _field(name: str, info: FieldInfo) -> dict[str, Any]:
    kind, nullable, allowed = _describe_type(info.annotation)
    field: dict[str, Any] = {
        "name": name, "type": kind, "description": info.description or "",
    }
    constraints: dict[str, Any] = {}
    # Most CSV readers (Frictionless among them) take a null and a quoted
    # "" alike, so a text column that may be empty (a body, a title)
    # cannot be required there; Parquet keeps them apart.
    if not nullable and kind != "string":
        constraints["required"] = True
    if allowed:
        constraints["enum"] = allowed
    if constraints:
        field["constraints"] = constraints
    return field


def _describe_type(annotation: Any) -> tuple[str, bool, list[Any]]:
    """Table Schema type, whether null is allowed, and allowed values."""
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        inner = next(a for a in args if a is not type(None))
        return _describe_type(inner)[0], True, _describe_type(inner)[2]
    if origin is list:
        return "array", False, []
    if origin is typing.Literal:
        return _TYPES[type(args[0])], False, list(args)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "object", False, []
    return _TYPES[annotation], False, []


def data_dictionary() -> str:
    """docs/datasets.md: every dataset and column, from the models."""
    lines = [
        "# Datasets",
        "",
        "Generated from the record models in `schemas/` by",
        "`python -m pipeline docs`; do not edit by hand.",
        f"Schema version {SCHEMA_VERSION}.",
    ]
    for dataset in DATASETS:
        lines += _dataset_section(dataset)
    return "\n".join(lines) + "\n"


def _dataset_section(dataset: Dataset) -> list[str]:
    doc = " ".join((dataset.model.__doc__ or "").split())
    lines = ["", f"## `{dataset.name}`", "", doc, ""]
    if dataset.primary_key:
        key = ", ".join(f"`{c}`" for c in dataset.primary_key)
        lines += [f"Primary key: {key}.", ""]
    lines += ["| column | type | description |", "| --- | --- | --- |"]
    for name, info in dataset.model.model_fields.items():
        kind, nullable, allowed = _describe_type(info.annotation)
        shown = kind + (" or null" if nullable else "")
        text = " ".join((info.description or "").split()).replace("<", "&lt;")
        if allowed:
            text += " One of: " + ", ".join(f"`{a}`" for a in allowed) + "."
        lines.append(f"| `{name}` | {shown} | {text} |")
    return lines
