"""Reading: encodings, line endings, and clear errors for bad bytes."""

from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.read import _LINE_BREAK, read_raw, split_lines
from tests.conftest import REAL_DUMP

TEXT = "标题\t时间\t文本\n关于测试的通知\n\n2020-02-01\n\n正文。\n"


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""),
    ("utf-8", b"\xef\xbb\xbf"),
    ("gb18030", b""),
    ("gbk", b""),
])
def test_encodings_decode_to_the_same_lines(tmp_path: Path, encoding: str,
                                            prefix: bytes) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(prefix + TEXT.encode(encoding))
    assert read_raw(path).lines == tuple(TEXT.splitlines())


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_keep_line_numbers(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(TEXT.replace("\n", newline).encode("utf-8"))
    lines = read_raw(path).lines
    assert len(lines) == 6
    assert lines[3] == "2020-02-01"


def test_form_feed_does_not_split_a_line(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text("第一行\x0c仍是第一行\n第二行\n", encoding="utf-8")
    assert read_raw(path).lines == ("第一行\x0c仍是第一行", "第二行")


def test_nul_byte_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes("一\n二\n".encode() + b"x\x00y\n")
    with pytest.raises(InputError) as caught:
        read_raw(path)
    assert caught.value.line == 3
    assert "NUL byte" in str(caught.value)
    assert "binary.txt, line 3" in str(caught.value)


def test_undecodable_bytes_name_their_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    # 0xff can start neither a UTF-8 nor a GB18030 character.
    path.write_bytes("一\r\n二\r\n".encode() + b"\xff\xff\n")
    with pytest.raises(InputError) as caught:
        read_raw(path)
    assert caught.value.line == 3
    assert "Re-export the dump as UTF-8" in str(caught.value)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot be read"):
        read_raw(tmp_path / "absent.txt")


def test_digest_is_of_the_raw_bytes(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(b"abc\n")
    expected = "edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb"
    assert read_raw(path).sha256 == expected


@pytest.mark.parametrize("text", [
    REAL_DUMP.read_text(encoding="utf-8"),
    "一\r\n二\r三\n\n四\x0c五\u2028六\x85七\n",
    "一\n\n二\n",
])
def test_split_lines_cuts_where_the_pattern_cuts(text: str) -> None:
    assert split_lines(text) == _LINE_BREAK.split(text)
