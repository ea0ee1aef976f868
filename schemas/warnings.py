"""Stable warning codes recorded on documents and in the outputs."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

# Each code is part of the datasets' contract: never rename one, only add.
WARNING_CODES: dict[str, str] = {
    "title_displaced": (
        "The document's title stands after part of its own content "
        "(the first rows of its table); that content was moved back "
        "into the document."
    ),
    "title_truncated": (
        "The listed title is cut off with '...' or '…'."
    ),
    "missing_title": (
        "A listing date stands with no title before it; the document "
        "has an empty title."
    ),
    "invalid_publish_date": (
        "The listing date is not a real calendar date (e.g. 2020-02-30); "
        "publish_date is null."
    ),
    "missing_publish_date": (
        "A row lists a title with no date; publish_date is null."
    ),
    "empty_body": "The document has a title and a date but no text.",
    "orphan_continuation": (
        "A continuation row (empty title and date) or content stands "
        "before any document; its lines are kept as unassigned."
    ),
}


class WarningRecord(BaseModel):
    """One recoverable problem met during a run, and where."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: Annotated[str, Field(description="Raw file name.")]
    line: Annotated[int, Field(
        description="Raw line the problem is at: the document's first "
        "line for a problem of a whole document.", ge=1,
    )]
    doc_id: Annotated[str | None, Field(
        description="Document concerned; null for none.",
    )]
    code: Annotated[str, Field(
        description="Stable warning code (see the README).",
    )]
    message: Annotated[str, Field(description="What the code means.")]

    @field_validator("code")
    @classmethod
    def _known_code(cls, code: str) -> str:
        if code not in WARNING_CODES:
            raise ValueError(f"unknown warning code: {code}")
        return code
