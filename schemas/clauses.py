"""The clauses dataset: one record per numbered clause of a document."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

NumberingStyle = Literal[
    "cn_comma", "cn_paren", "arabic_dot", "arabic_paren", "circled",
    "article", "cn_shi", "arabic_bare",
]


class Clause(BaseModel):
    """A numbered clause: its place in the document's clause tree and text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    clause_id: Annotated[str, Field(
        description="Stable id: the part's id, then c and the clause's "
        "path; -2, -3 for a path that a numbering repeats.",
        examples=["liaoning-2020-02-1c9a4e0b-p1-c2.6"],
        pattern=r"^[\w.\-]+-p\d+-c[\d.]+(-\d+)?$",
    )]
    doc_id: Annotated[str, Field(
        description="The document the clause belongs to.",
        examples=["liaoning-2020-02-1c9a4e0b"],
    )]
    source: Annotated[str, Field(
        description="Raw file name.", examples=["liaoning-2020-02.txt"],
    )]
    part_id: Annotated[str, Field(
        description="The part of the document the clause belongs to: "
        "the document id, p and the part's order (p0 is the letter, then "
        "attachments and forwarded or printed documents). Numbering "
        "restarts in each part.",
        examples=["liaoning-2020-02-1c9a4e0b-p0"],
    )]
    parent_id: Annotated[str | None, Field(
        description="The enclosing clause; null at the top of a part.",
    )]
    level: Annotated[int, Field(
        description="Depth in the part's clause tree, 1 at the top. Each "
        "document's own nesting of numbering styles decides it.",
        ge=1,
    )]
    path: Annotated[str, Field(
        description="Numbers from the top clause down to this one, as "
        "printed (a numbering that runs on across parents keeps its "
        "numbers: 3.6 is item 6 under 三).",
        examples=["2.3.1"],
    )]
    marker: Annotated[str, Field(
        description="The numbering marker as printed, without the list "
        "bullet or the spaces after it.",
        examples=["（三）", "1.", "第十条", "一是"],
    )]
    style: Annotated[NumberingStyle, Field(
        description="Numbering style: cn_comma 一、, cn_paren （一）, "
        "arabic_dot 1. 1、, arabic_paren (1), circled ①, article 第一条, "
        "cn_shi 一是 一要, arabic_bare a bare number inside a paragraph.",
    )]
    inline: Annotated[bool, Field(
        description="The marker stands inside a paragraph, after the end "
        "of a sentence or a colon, not at the paragraph's start.",
    )]
    number: Annotated[int | None, Field(
        description="The marker's number as an integer (Chinese numerals "
        "converted: 十一 is 11); null when it cannot be read.",
        examples=[3],
    )]
    heading: Annotated[str | None, Field(
        description="The short lead phrase the clause opens with (切实做好"
        "组织实施 from （一）切实做好组织实施。城乡社区……), or its whole "
        "first paragraph when that is a heading over the text below it; "
        "null otherwise.",
    )]
    text: Annotated[str, Field(
        description="The clause's own text without its marker: its first "
        "paragraph and continuation paragraphs (one per line), its child "
        "clauses excluded.",
    )]
    line_start: Annotated[int, Field(
        description="Raw line of the clause's marker (1-based).", ge=1,
    )]
    line_end: Annotated[int, Field(
        description="Raw line of the last character of the clause's own "
        "text (1-based, included).", ge=1,
    )]
    char_start: Annotated[int, Field(
        description="The marker's first character in line_start (0-based); "
        "a row holds a whole document, so many clauses, on one line.",
        ge=0,
    )]
    char_end: Annotated[int, Field(
        description="The character after the clause's own text in line_end "
        "(0-based, excluded).",
        ge=0,
    )]
