"""Record models of every dataset the pipeline writes."""

from schemas.clauses import Clause
from schemas.documents import Document
from schemas.lines import LinePiece
from schemas.warnings import WARNING_CODES, WarningRecord

SCHEMA_VERSION = "1.0"

__all__ = [
    "SCHEMA_VERSION", "WARNING_CODES", "Clause", "Document", "LinePiece",
    "WarningRecord",
]
