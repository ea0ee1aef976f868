"""The documents dataset: one record per document found in a raw dump."""

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from schemas.warnings import WARNING_CODES


class Document(BaseModel):
    """One official notice as listed in a raw dump."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_id: Annotated[str, Field(
        description="Stable id: raw file stem, a hash of the raw title "
        "lines and listing date, and -2, -3 for repeats in one file.",
        examples=["liaoning-2020-02-1c9a4e0b"],
        pattern=r"^[\w.\-]+-[0-9a-f]{8}(-\d+)?$",
    )]
    source: Annotated[str, Field(
        description="Name of the raw file the document comes from.",
        examples=["liaoning-2020-02.txt"],
    )]
    line_start: Annotated[int, Field(
        description="First raw line of the document (1-based).", ge=1,
    )]
    line_end: Annotated[int, Field(
        description="Last raw line of the document (1-based, included).",
        ge=1,
    )]
    layout: Annotated[Literal["block", "row"], Field(
        description="How the dump lists it: 'block' (title lines, a date "
        "line, paragraphs) or 'row' (a tab-separated row with <p> HTML).",
    )]
    title: Annotated[str, Field(
        description="Title with wrapped lines joined, HTML parsed and "
        "layout spaces removed.",
        examples=["关于行政事业单位实行弹性工作制的通知"],
    )]
    title_raw: Annotated[str, Field(
        description="Title as printed: the raw lines joined by newlines, "
        "or the raw title cell of a row.",
    )]
    publish_date: Annotated[dt.date | None, Field(
        description="Listing date given by the dump (not the signing "
        "date); null when the printed date is impossible.",
    )]
    body: Annotated[str, Field(
        description="Plain text of the document without title and date, "
        "one paragraph per line.",
    )]
    warnings: Annotated[list[str], Field(
        description="Stable warning codes (see the README).",
        examples=[["title_displaced"]],
    )]

    # Classification and metadata (issue 3) go here.

    # Relations between documents (issue 6) go here.

    @field_validator("warnings")
    @classmethod
    def _known_codes(cls, codes: list[str]) -> list[str]:
        unknown = [code for code in codes if code not in WARNING_CODES]
        if unknown:
            raise ValueError(f"unknown warning codes: {unknown}")
        return codes
