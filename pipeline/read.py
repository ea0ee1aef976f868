"""Stage 1, read: find the raw dumps, decode each into numbered lines."""

import hashlib
import logging
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import regex

from pipeline.errors import InputError

log = logging.getLogger(__name__)

# CRLF, CR and LF all end a line; nothing else does (str.splitlines
# would also split on form feeds and U+2028, shifting line numbers).
_LINE_BREAK = regex.compile(r"\r\n|\r|\n")

# Exports of Chinese government sites come as UTF-8 or as GB18030 (a
# superset of GBK and GB2312); a UTF-16 file announces itself by a BOM.
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class RawFile:
    """A decoded dump: its name, encoding, digest and lines."""

    source: str
    encoding: str
    sha256: str
    lines: tuple[str, ...]

    @cached_property
    def stem(self) -> str:
        """The file name without its suffix (asked once per document)."""
        return Path(self.source).stem


def raw_files(raw_dir: Path) -> list[Path]:
    """The dumps of a raw folder: every *.txt file, by name."""
    if not raw_dir.is_dir():
        raise InputError(str(raw_dir), None, "is not a folder",
                         "Pass the folder of raw dumps with --raw.")
    # A *.txt entry that is not a readable file (a broken link, a file
    # without read permission) is kept, so that reading it fails loudly.
    files = sorted(p for p in raw_dir.iterdir()
                   if p.suffix == ".txt" and not p.is_dir())
    skipped = sorted(p.name for p in raw_dir.iterdir()
                     if p.suffix != ".txt" and not p.name.startswith("."))
    for name in skipped:
        log.debug("skipped %s: not a .txt dump", name)
    if not files:
        raise InputError(str(raw_dir), None, "holds no *.txt dump",
                         "Put the raw text dumps in this folder.")
    return files


def read_raw(path: Path) -> RawFile:
    """Read and decode one dump; raise InputError when it cannot be."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(
            str(path), None, f"cannot be read ({err.strerror})",
            "Check that the file exists and is readable.",
        ) from err
    text, encoding = decode(data, str(path))
    lines = tuple(split_lines(text))
    if lines and lines[-1] == "":
        lines = lines[:-1]  # the break after the last line ends it
    log.debug("read %s: %s, %d lines", path.name, encoding, len(lines))
    return RawFile(
        source=path.name,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        lines=lines,
    )


def split_lines(text: str) -> list[str]:
    """The text cut at every line break (_LINE_BREAK)."""
    if "\r" in text:
        return _LINE_BREAK.split(text)
    # Without a CR every break is an LF: str.split is the same cut, eight
    # times faster than the pattern.
    return text.split("\n")


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (BOM optional), UTF-16 (BOM) or GB18030."""
    if data.startswith(_UTF16_BOMS):
        return _strict(data, "utf-16", name), "utf-16"
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            name, _line_of(data, nul), "holds a NUL byte, so it is binary "
            "or in an encoding the pipeline does not read",
            "Remove the file from the raw folder or re-export it as "
            "UTF-8 text.",
        )
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            pass
        raise InputError(
            name, _line_of(data, utf8_error.start),
            "is neither UTF-8 nor GB18030 text (undecodable byte "
            f"0x{data[utf8_error.start]:02x})",
            "Re-export the dump as UTF-8 text.",
        ) from utf8_error


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(
            name, _line_of(data, err.start),
            f"is not valid {encoding.upper()} text",
            "Re-export the dump as UTF-8 text.",
        ) from err


def _line_of(data: bytes, offset: int) -> int:
    """1-based line number of a byte offset (LF, CRLF or CR breaks)."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1
