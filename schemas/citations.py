"""The citations dataset: one record per reference to another document."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Citation(BaseModel):
    """A document number or a quoted title that a document (or part) cites."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    citation_id: Annotated[str, Field(
        description="Stable id: the citing document's id, r and the "
        "citation's place in the document (title first, then body).",
        examples=["liaoning-2020-02-1c9a4e0b-r3"],
        pattern=r"^[\w.\-]+-r\d+$",
    )]
    doc_id: Annotated[str, Field(
        description="The citing document.",
        examples=["liaoning-2020-02-1c9a4e0b"],
    )]
    source: Annotated[str, Field(
        description="Raw file name.", examples=["liaoning-2020-02.txt"],
    )]
    part_id: Annotated[str, Field(
        description="The part of the citing document the reference stands "
        "in (p0, the letter, for a reference in the title).",
        examples=["liaoning-2020-02-1c9a4e0b-p0"],
    )]
    found_in: Annotated[Literal["title", "body"], Field(
        description="Whether the reference stands in the listed title or "
        "in the body.",
    )]
    cited_number: Annotated[str | None, Field(
        description="The cited document number, normalised (〔〕 brackets, "
        "no spaces), or an order number 令第N号; null when only a title is "
        "cited.",
        examples=["国医保电〔2020〕7号", "令第5号"],
    )]
    number_kind: Annotated[Literal["document", "order"] | None, Field(
        description="'document' for a 发文字号, 'order' for 令第N号; null "
        "with cited_number.",
    )]
    cited_title: Annotated[str | None, Field(
        description="The title quoted in 《》 (layout spaces dropped), when "
        "one is given; a number in brackets right after it belongs to the "
        "same reference.",
        examples=["关于做好新型冠状病毒感染的肺炎疫情防控期间医疗保障经办"
                  "服务工作的通知"],
    )]
    resolved_doc_id: Annotated[str | None, Field(
        description="The cited document when it is in the collection, as a "
        "document of its own or as a forwarded, printed or attached part "
        "of one (then the carrying document); null otherwise.",
    )] = None
    resolved_part_id: Annotated[str | None, Field(
        description="The part that holds the cited text, when the cited "
        "document is a part of a document (or the letter, p0, of one).",
    )] = None
    resolved_by: Annotated[Literal["number", "title"] | None, Field(
        description="What matched: the document number (tried first) or "
        "the title; null when unresolved.",
    )] = None
    line_start: Annotated[int, Field(
        description="Raw line of the reference's first character.", ge=1,
    )]
    line_end: Annotated[int, Field(
        description="Raw line of its last character (a wrapped title runs "
        "over several lines).", ge=1,
    )]
    char_start: Annotated[int, Field(
        description="The reference's first character in line_start "
        "(0-based).", ge=0,
    )]
    char_end: Annotated[int, Field(
        description="The character after its last in line_end (0-based, "
        "excluded).", ge=0,
    )]

    @model_validator(mode="after")
    def _cites_something(self) -> "Citation":
        if self.cited_number is None and self.cited_title is None:
            raise ValueError("a citation needs a number or a title")
        if (self.cited_number is None) != (self.number_kind is None):
            raise ValueError("number_kind goes with cited_number")
        return self
