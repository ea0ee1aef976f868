"""Rows checked column by column refuse what their model refuses."""

from typing import Any, NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError, field_validator

from pipeline.datasets import DATASETS
from pipeline.rows import ColumnCheck, LinePieceRow
from schemas import LinePiece

GOOD = LinePieceRow(source="a.txt", line=3, char_start=0, char_end=4,
                    doc_id=None, role="body", text="一二三四")
CHECK = ColumnCheck(LinePiece, LinePieceRow)


@pytest.mark.parametrize("field, value, says", [
    ("line", 0, "field line: Input should be greater than or equal to 1"),
    ("role", "footer", "field role: Input should be 'title'"),
    ("line", "3", "field line: Input should be a valid integer"),
    ("text", 4, "field text: Input should be a valid string"),
])
def test_a_bad_value_is_refused_by_row_and_field(
    field: str, value: object, says: str,
) -> None:
    with pytest.raises(ValueError) as caught:
        CHECK.columns([GOOD, GOOD._replace(**{field: value})])
    assert str(caught.value).startswith(f"LinePiece row 1, {says}")


def test_good_rows_come_back_as_their_columns() -> None:
    other = GOOD._replace(line=4, doc_id="d", role="title")
    assert CHECK.columns([GOOD, other]) == {
        name: [GOOD[i], other[i]] for i, name in enumerate(GOOD._fields)}
    assert CHECK.columns([]) == {name: [] for name in GOOD._fields}


class _Swapped(NamedTuple):
    source: str
    char_start: int
    line: int
    char_end: int
    doc_id: str | None
    role: str
    text: str


class _Checked(BaseModel):
    text: str

    @field_validator("text")
    @classmethod
    def _short(cls, text: str) -> str:
        return text[:3]


class _CheckedRow(NamedTuple):
    text: str


def test_a_row_class_must_match_its_model() -> None:
    with pytest.raises(TypeError, match="fields differ"):
        ColumnCheck(LinePiece, _Swapped)
    with pytest.raises(TypeError, match="not validators"):
        ColumnCheck(_Checked, _CheckedRow)


def test_every_row_dataset_has_a_matching_row_class() -> None:
    rowed = [d for d in DATASETS if d.row is not None]
    assert rowed and not any(d.held for d in rowed)
    for dataset in rowed:
        ColumnCheck(dataset.model, dataset.row)  # raises on a mismatch


VALUES: dict[str, Any] = {
    "source": st.one_of(st.text(max_size=3), st.integers()),
    "line": st.one_of(st.integers(-2, 3), st.booleans(), st.just("1")),
    "char_start": st.integers(-2, 3),
    "char_end": st.one_of(st.integers(-2, 3), st.floats(0, 3)),
    "doc_id": st.one_of(st.none(), st.text(max_size=2)),
    "role": st.sampled_from(["body", "title", "unassigned", "x", ""]),
    "text": st.one_of(st.text(max_size=3), st.none()),
}


def _model_takes(row: LinePieceRow) -> bool:
    try:
        LinePiece.model_validate(row._asdict(), strict=True)
    except ValidationError:
        return False
    return True


@given(st.lists(st.fixed_dictionaries(VALUES).map(lambda d: LinePieceRow(**d)),
                max_size=4))
def test_columns_pass_exactly_when_the_model_takes_every_row(
    rows: list[LinePieceRow],
) -> None:
    try:
        CHECK.columns(rows)
        passed = True
    except ValueError:
        passed = False
    assert passed == all(_model_takes(r) for r in rows)


def test_the_encoder_takes_rows_only_where_the_dataset_has_them() -> None:
    from pipeline.write import Encoder

    with pytest.raises(TypeError, match="lines: expected LinePieceRow"):
        Encoder("lines", LinePiece, LinePieceRow).encode(
            [LinePiece(**GOOD._asdict())])
    with pytest.raises(TypeError, match="lines: expected LinePiece"):
        Encoder("lines", LinePiece).encode([GOOD])
    assert Encoder("lines", LinePiece, LinePieceRow).encode([GOOD]).rows == 1
