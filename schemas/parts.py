"""The parts dataset: the letter, attachments and carried documents."""

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

PartKind = Literal["letter", "attachment", "forwarded", "printed"]


class Part(BaseModel):
    """One part of a document: the letter itself or a document it carries."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    part_id: Annotated[str, Field(
        description="Stable id: the document's id, p and the part's order "
        "(p0 is the letter).",
        examples=["liaoning-2020-02-1c9a4e0b-p1"],
        pattern=r"^[\w.\-]+-p\d+$",
    )]
    doc_id: Annotated[str, Field(
        description="The document the part belongs to.",
        examples=["liaoning-2020-02-1c9a4e0b"],
    )]
    source: Annotated[str, Field(
        description="Raw file name.", examples=["liaoning-2020-02.txt"],
    )]
    part_no: Annotated[int, Field(
        description="Order of the part in its document, 0 for the letter.",
        ge=0,
    )]
    part_kind: Annotated[
        PartKind, Field(
            description="'letter' (the notice itself), 'attachment' (附件), "
            "'forwarded' (the text a 转发 notice forwards) or 'printed' "
            "(the text an 印发 notice publishes).",
        )]
    carrier_part_id: Annotated[str | None, Field(
        description="The part that carries this one (a forwarded notice "
        "carries the plan it publishes); null for the letter.",
    )]
    label: Annotated[str | None, Field(
        description="The attachment label as printed (附件1), if any.",
        examples=["附件2"],
    )]
    title: Annotated[str | None, Field(
        description="The part's title: the document's for the letter, the "
        "heading printed at the part's start otherwise; null when none is "
        "printed.",
        examples=["关于设立应对疫情心理援助热线的通知"],
    )]
    issuers: Annotated[list[str], Field(
        description="Issuing bodies: those of the part's first signature "
        "block, else those its title names before 关于 (the document's "
        "issuers for the letter).",
        examples=[["国务院应对新型冠状病毒感染的肺炎疫情联防联控机制"]],
    )]
    signed_date: Annotated[dt.date | None, Field(
        description="Date of the part's first signature block (the "
        "document's for the letter); null when none or impossible.",
    )]
    doc_number: Annotated[str | None, Field(
        description="The part's own number, normalised: printed under its "
        "title, or for the letter the document's own number.",
        examples=["肺炎机制发〔2020〕18号"],
    )]
    line_start: Annotated[int, Field(
        description="First raw line of the part (1-based).", ge=1,
    )]
    line_end: Annotated[int, Field(
        description="Last raw line of the part (1-based, included).", ge=1,
    )]
    char_start: Annotated[int, Field(
        description="The part's first character in line_start (0-based); a "
        "row holds a whole document, so every part, on one line.", ge=0,
    )]
    char_end: Annotated[int, Field(
        description="The character after the part's last in line_end "
        "(0-based, excluded).", ge=0,
    )]
