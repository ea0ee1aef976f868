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
    # Defaults stand for a record built without the classify stage.
    kind: Annotated[
        Literal["notice", "order", "directory", "policy_list"] | None,
        Field(
            description="What the document is: 'order' (a numbered command, "
            "令第N号), 'directory' (mostly tables of places or bodies with "
            "addresses or phones), 'policy_list' (mostly a list of measures, "
            "rules or plan items that the title names), 'notice' (every "
            "other letter). Rules in the README.",
            examples=["notice"],
        ),
    ] = None
    kind_reason: Annotated[str | None, Field(
        description="The rule and the evidence that decided kind.",
        examples=["published title names a 方案, items 0.79 of body"],
    )] = None
    table_share: Annotated[float, Field(
        description="Share of the body's non-blank characters in tables "
        "(0 to 1).", ge=0, le=1,
    )] = 0.0
    item_share: Annotated[float, Field(
        description="Share of the body's non-blank characters in "
        "paragraphs that open with a numbering or list marker (0 to 1).",
        ge=0, le=1,
    )] = 0.0
    prose_share: Annotated[float, Field(
        description="Share of the body's non-blank characters in other "
        "paragraphs (0 to 1); the three shares add up to 1, or are all 0 "
        "for an empty body.", ge=0, le=1,
    )] = 0.0
    genre: Annotated[str | None, Field(
        description="The 公文 type word that ends the (full) title: 通知, "
        "通告, 公告, 令, 意见, 方案, 措施, 清单, 解读...; null when the title "
        "ends otherwise or is cut off.",
        examples=["通知"],
    )] = None
    issuers: Annotated[list[str], Field(
        description="Issuing bodies as printed, one per body: those of the "
        "first signature block, else those the title names before 关于; "
        "a forwarding notice's issuer is the forwarding body.",
        examples=[["辽宁省民政厅", "辽宁省卫生健康委"]],
    )] = []
    issuers_source: Annotated[Literal["signature", "title"] | None, Field(
        description="Where issuers come from; null when there are none.",
    )] = None
    signed_date: Annotated[dt.date | None, Field(
        description="Date of the first signature block (成文日期), which "
        "often differs from publish_date; null when there is none or it "
        "is impossible.",
    )] = None
    signature_line: Annotated[int | None, Field(
        description="Raw line of the first signature block's date.", ge=1,
    )] = None
    serial_no: Annotated[int | None, Field(
        description="N of 第N号 at the end of the title (令第4号, 通告第3号).",
        examples=[4],
    )] = None
    doc_numbers: Annotated[list[str], Field(
        description="Every document number (发文字号) and order number "
        "(令第N号) the body cites, normalised (〔〕 brackets, no spaces), "
        "in order of first mention.",
        examples=[["辽政办明电〔2020〕6号"]],
    )] = []
    own_doc_number: Annotated[str | None, Field(
        description="The document's own number: an order's 令第N号, or a "
        "发文字号 printed alone under the title.",
        examples=["令第4号"],
    )] = None
    recipients: Annotated[list[str], Field(
        description="The 主送机关 line split into bodies; a name that holds "
        "、 itself (各区、县（市）党委和人民政府) stays whole.",
        examples=[["各市金融局", "省农信联社"]],
    )] = []
    disclosure: Annotated[str | None, Field(
        description="The disclosure note without its brackets.",
        examples=["此件公开发布", "信息公开形式：主动公开"],
    )] = None
    attachments: Annotated[list[str], Field(
        description="Titles listed after 附件： (or 【附件下载】), numbers "
        "and enclosing 《》 dropped.",
    )] = []
    title_source: Annotated[Literal["printed", "recovered"] | None, Field(
        description="'printed': title is the listed title; 'recovered': "
        "the listing cut the title off with '...' and title is the full "
        "one the body states at title_source_line (title_raw keeps the "
        "printed form).",
    )] = None
    title_source_line: Annotated[int | None, Field(
        description="Raw line where the body states the recovered title.",
        ge=1,
    )] = None

    # Relations between documents (issue 6) go here.
    # Defaults stand for a record that the relations stage has not seen.
    content_hash: Annotated[str | None, Field(
        description="First 16 hex digits of the SHA-256 of the normalised "
        "body (NFKC, no whitespace, pipes or list bullets); equal hashes "
        "mean equal texts. Null for an empty body.",
        examples=["5f2c0e8a9b1d4e77"], pattern=r"^[0-9a-f]{16}$",
    )] = None
    duplicate_of: Annotated[str | None, Field(
        description="The earliest listing of the same document (same title "
        "without edition marks, same or nearly the same body), in this or "
        "another raw file; null when this is the first.",
    )] = None
    body_same_as: Annotated[str | None, Field(
        description="The earlier document whose body this one repeats under "
        "another title: a likely crawl error (the listed title's own text "
        "is missing), not an edition.",
    )] = None
    edition_of: Annotated[str | None, Field(
        description="The first edition of the series this document belongs "
        "to (same title without edition marks such as (最新) or （第二版）, "
        "similar body); null for a first edition and for a document in no "
        "series.",
    )] = None
    edition: Annotated[int | None, Field(
        description="Place in its series by listing date (1 the first); "
        "null for a document in no series.", ge=1, examples=[2],
    )] = None
    is_latest: Annotated[bool, Field(
        description="False for an edition that a later one in the "
        "collection replaces, and for a duplicate or copied body (counted "
        "with the document it repeats); true otherwise. Counts for people "
        "default to the rows where it is true.",
    )] = True

    @field_validator("warnings")
    @classmethod
    def _known_codes(cls, codes: list[str]) -> list[str]:
        unknown = [code for code in codes if code not in WARNING_CODES]
        if unknown:
            raise ValueError(f"unknown warning codes: {unknown}")
        return codes
