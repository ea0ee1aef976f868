"""The tables, table_cells and directory_entries datasets (issue 5)."""

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from schemas.warnings import WARNING_CODES

_TABLE_ID = r"^[\w.\-]+-[0-9a-f]{8}(-\d+)?-t\d+$"


def _known(codes: list[str]) -> list[str]:
    unknown = [code for code in codes if code not in WARNING_CODES]
    if unknown:
        raise ValueError(f"unknown warning codes: {unknown}")
    return codes


# Known codes are checked by the type, not by a validator on the model,
# so that rows checked column by column (pipeline.rows) are checked too.
KnownCodes = Annotated[list[str], AfterValidator(_known)]


class Table(BaseModel):
    """One table of a document, rebuilt from cells flattened one per line."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    table_id: Annotated[str, Field(
        description="Stable id: the document's id and the table's order "
        "in it, from 1.",
        examples=["liaoning-2020-02-1c9a4e0b-t1"], pattern=_TABLE_ID,
    )]
    doc_id: Annotated[str, Field(description="Document holding the table.")]
    part_id: Annotated[str | None, Field(
        description="Part of the document (letter, attachment) that holds "
        "the table's first piece; null when no part holds it.",
        examples=["liaoning-2020-02-1c9a4e0b-p1"],
    )]
    source: Annotated[str, Field(
        description="Raw file the table comes from.",
        examples=["liaoning-2020-02.txt"],
    )]
    caption: Annotated[str | None, Field(
        description="The title line printed right before the table, "
        "layout spaces removed; null when none is printed.",
        examples=["全省各市应急物资运输电话"],
    )]
    columns: Annotated[list[str], Field(
        description="Column names in order: 分组 (and 分组说明) for group "
        "labels, then the printed header cells without layout spaces, or "
        "姓名 and 职务 for a list of people.",
        examples=[["分组", "序号", "地区", "名称", "地址", "联系电话"]],
    )]
    n_rows: Annotated[int, Field(description="Rows of the table.", ge=0)]
    groups: Annotated[list[str], Field(
        description="Group labels in the order printed (a city, a role, "
        "a label and its note joined by ' / '); empty when ungrouped.",
        examples=[["沈阳市", "大连市"]],
    )]
    complete: Annotated[bool, Field(
        description="False when the table is cut off at its end.",
    )]
    line_start: Annotated[int, Field(
        description="First raw line of the table: its first group label "
        "or header cell.", ge=1,
    )]
    line_end: Annotated[int, Field(
        description="Last raw line of the table's last row.", ge=1,
    )]
    warnings: Annotated[list[str], Field(
        description="Stable warning codes of the table and its rows "
        "(see the README), each once, sorted.",
        examples=[["seq_missing", "table_incomplete"]],
    )]

    @field_validator("warnings")
    @classmethod
    def _known_codes(cls, codes: list[str]) -> list[str]:
        return _known(codes)


class TableCell(BaseModel):
    """One cell of a rebuilt table, in long format."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    table_id: Annotated[str, Field(
        description="Table of the cell.", pattern=_TABLE_ID,
    )]
    doc_id: Annotated[str, Field(description="Document holding the table.")]
    source: Annotated[str, Field(description="Raw file of the cell.")]
    row_no: Annotated[int, Field(
        description="Row of the table, from 1 in printed order (not the "
        "printed 序号).", ge=1,
    )]
    column_no: Annotated[int, Field(
        description="Position of the column in the table's columns, "
        "from 1.", ge=1,
    )]
    column_name: Annotated[str, Field(
        description="The column's name, as in the table's columns.",
        examples=["联系电话"],
    )]
    value: Annotated[str, Field(
        description="The cell's text: wrapped lines joined, layout spaces "
        "removed. A group label or 级别 label is repeated on every row it "
        "heads, with the label's own line.",
        examples=["024-62165888"],
    )]
    line_start: Annotated[int, Field(
        description="First raw line of the cell.", ge=1,
    )]
    line_end: Annotated[int, Field(
        description="Last raw line of the cell.", ge=1,
    )]
    char_start: Annotated[int, Field(
        description="Start of the cell in its first line (0-based).", ge=0,
    )]
    char_end: Annotated[int, Field(
        description="End of the cell in its last line (excluded).", ge=0,
    )]


class DirectoryEntry(BaseModel):
    """One place or body listed by a directory table, fields typed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_id: Annotated[str, Field(description="Document holding the table.")]
    table_id: Annotated[str, Field(
        description="Table of the entry.", pattern=_TABLE_ID,
    )]
    source: Annotated[str, Field(description="Raw file of the entry.")]
    row_no: Annotated[int, Field(
        description="Row of the table the entry comes from.", ge=1,
    )]
    seq: Annotated[int | None, Field(
        description="The 序号 as printed (restarts, gaps and repeats "
        "kept); null when the row prints none.",
    )]
    group_label: Annotated[str | None, Field(
        description="The group the row stands under (a city, a 级别 "
        "label, a label and its note joined by ' / ').",
        examples=["沈阳市"],
    )]
    city: Annotated[str | None, Field(
        description="Prefecture-level city, full name; null when unknown "
        "or not one city.",
        examples=["沈阳市"],
    )]
    city_code: Annotated[str | None, Field(
        description="GB/T 2260 code of the city.", examples=["210100"],
        pattern=r"^\d{6}$",
    )]
    district: Annotated[str | None, Field(
        description="County-level division (区, 县, county-level 市), full "
        "name; a special zone (沈抚新区, 长兴岛) as named.",
        examples=["和平区"],
    )]
    district_code: Annotated[str | None, Field(
        description="GB/T 2260 code of the district; null for a special "
        "zone.", examples=["210102"], pattern=r"^\d{6}$",
    )]
    name: Annotated[str | None, Field(
        description="The listed place or body.", examples=["沈阳饭店"],
    )]
    address: Annotated[str | None, Field(
        description="Address as printed, layout spaces removed.",
        examples=["和平区中华路2号"],
    )]
    phones: Annotated[list[str], Field(
        description="Phone numbers as printed, one per number; a number "
        "printed as the last digits of the one before it (0418-6626960/89) "
        "is written out in full.",
        examples=[["024-89566789", "13897921213"]],
    )]
    phones_e164: Annotated[list[str | None], Field(
        description="Each number of phones in E.164 form, extension left "
        "out; null where it does not validate or is malformed.",
        examples=[["+862489566789", "+8613897921213"]],
    )]
    phone_extensions: Annotated[list[str | None], Field(
        description="Each number's extension (0411-39888888-8850 has "
        "8850), null where none.",
        examples=[["8850"]],
    )]
    line_start: Annotated[int, Field(
        description="First raw line of the row.", ge=1,
    )]
    line_end: Annotated[int, Field(
        description="Last raw line of the row.", ge=1,
    )]
    warnings: Annotated[KnownCodes, Field(
        description="Stable warning codes of the row (see the README).",
        examples=[["phone_invalid"]],
    )]
