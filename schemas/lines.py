"""The lines dataset: every non-blank raw character, placed in a role."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Role = Literal["title", "date", "body", "header", "separator", "unassigned"]


class LinePiece(BaseModel):
    """A raw line, or one piece of a line that holds several."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: Annotated[str, Field(description="Raw file name.")]
    line: Annotated[int, Field(description="Raw line number (1-based).", ge=1)]
    char_start: Annotated[int, Field(
        description="First character of the piece in its line (0-based).",
        ge=0,
    )]
    char_end: Annotated[int, Field(
        description="Character after the piece's last (0-based, excluded).",
        ge=1,
    )]
    doc_id: Annotated[str | None, Field(
        description="Document the piece belongs to; null for none.",
    )]
    role: Annotated[Role, Field(
        description="What the piece is: title, date, body, header (the "
        "dump's column names), separator (markdown rule rows) or "
        "unassigned (outside every document).",
    )]
    text: Annotated[str, Field(description="The piece's raw characters.")]
