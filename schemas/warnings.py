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
    # Tables and directories (issue 5).
    "seq_missing": "A table row prints no 序号; seq is null.",
    "seq_gap": (
        "A table row's 序号 skips numbers after the one before it; it is "
        "kept as printed."
    ),
    "seq_repeat": (
        "A table row's 序号 repeats the one before it; it is kept as "
        "printed and no row is merged."
    ),
    "seq_restart": (
        "A table row's 序号 is lower than the one before it (numbering "
        "restarts, e.g. per group); it is kept as printed."
    ),
    "table_incomplete": (
        "The table is cut off: its last row prints its 序号 and nothing "
        "else; the table's complete is false."
    ),
    "phone_malformed": (
        "A phone number is visibly mistyped (0412--7130260) though a phone "
        "library would read it; kept as printed, its E.164 form is null."
    ),
    "phone_invalid": (
        "A phone number does not validate (no area code, too few digits, "
        "a short service number); kept as printed, its E.164 form is null."
    ),
    "special_zone": (
        "The place is a special zone, not a GB/T 2260 division (沈抚新区, "
        "长兴岛, 金普新区); kept as named, district_code is null."
    ),
    "place_unresolved": (
        "A district cell names several districts or one outside the row's "
        "city; kept as printed, district_code is null where not one."
    ),
    "invalid_signed_date": (
        "The signature's date is not a real calendar date (e.g. "
        "2020年2月30日); signed_date is null."
    ),
    "signed_after_listing": (
        "The signature's date is later than the listing date; both are "
        "kept as printed."
    ),
    "signed_long_before_listing": (
        "The signature's date is more than 180 days before the listing "
        "date; it is kept as printed."
    ),
    "clause_number_gap": (
        "A numbered clause skips numbers after the previous clause of its "
        "sequence (3 after 1); the clause is kept with its printed number."
    ),
    "clause_number_repeat": (
        "Two clauses of one sequence carry the same number; both are "
        "kept, the second's clause_id ends in -2."
    ),
    "clause_number_unreadable": (
        "A clause marker's numeral cannot be read as a number; the clause "
        "is kept with a null number."
    ),
    "body_copied": (
        "The body repeats an earlier document's under another title "
        "(body_same_as names it): the listed title's own text is likely "
        "missing from the crawl."
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
