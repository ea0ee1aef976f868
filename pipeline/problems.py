"""Recoverable problems as rows of the warnings dataset."""

from pipeline.records import sharing_field_names
from schemas import Document, WarningRecord
from schemas.warnings import WARNING_CODES


def document_warnings(documents: list[Document]) -> list[WarningRecord]:
    """One row per warning code recorded on a document."""
    return sharing_field_names(
        warning(d.source, d.line_start, d.doc_id, code)
        for d in documents for code in d.warnings
    )


def warning(source: str, line: int, doc_id: str | None,
            code: str) -> WarningRecord:
    return WarningRecord(source=source, line=line, doc_id=doc_id,
                         code=code, message=WARNING_CODES[code])
