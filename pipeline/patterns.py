"""Regular expressions of the pipeline, compiled once, by section."""

import regex

# 1. Line shapes of the dumps ------------------------------------------

# A listing date alone on its line: 2020-02-01.
DATE_LINE = regex.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")

# A markdown rule row holds only these characters and a run of two
# dashes (`---<TAB>---`, `|--|--|---|`); `- | | | |` is handled apart.
# Checked with sets, not a pattern, so that a long line cannot make a
# regular expression backtrack.
SEPARATOR_CHARS = frozenset(" \t|:-")


# The dump's own header row: 标题<TAB>时间<TAB>文本.
HEADER_FIELDS = ("标题", "时间", "文本")

# 2. Title runs ---------------------------------------------------------

# A line that closes a sentence, a recipients line or a signature date
# cannot belong to a title run; it ends the run going backwards.
NOT_TITLE_LINE = regex.compile(
    r"[。；;：:！!？?]\s*$"
    r"|^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$"
)

# How a title cut off by the crawl ends.
TRUNCATION_MARKS = ("...", "…")

# 3. Tables (only what segmentation needs) ------------------------------

# The first header cell of a flattened table: 序号, also spaced out.
SEQ_HEADER = regex.compile(r"^\s*序\s*号\s*$")

# A bare row number, the first cell of a table row.
ROW_NUMBER = regex.compile(r"^\s*(\d{1,4})\s*$")

# 4. Layout spaces ------------------------------------------------------

# Whitespace with a CJK character or full-width punctuation on either
# side is left over from line wrapping, not part of the text. Runs are
# matched whole and judged by their neighbours, in one linear pass.
WHITESPACE_RUN = regex.compile(r"\s+")
CJK_CHAR = regex.compile(
    r"[\p{Han}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d]"
)

# 5. Classification and metadata (documents' kind, issuers, dates) -----

# 6. Clauses and paragraphs (numbering markers, page breaks) ------------

# 7. Tables (header cells, rows, phone numbers, places) -----------------

# 8. Relations (editions, copies, citations) ----------------------------
