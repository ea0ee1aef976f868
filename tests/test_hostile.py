"""Hostile inputs: each with the outcome the pipeline promises."""

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.read import RawFile, read_raw
from pipeline.run import Extraction, extract_all, extract_raw
from pipeline.run import _extract_file_job as _real_job
from tests.conftest import REAL_DUMP, copy_real_dump


def _in_memory(text: str, name: str = "dump.txt") -> Extraction:
    raw = RawFile(name, "utf-8", "", tuple(text.split("\n")))
    return extract_raw(raw)


def _fingerprint(result: Extraction) -> list[tuple[object, ...]]:
    return [(d.line_start, d.line_end, d.title, d.publish_date, d.body)
            for d in result.documents]


@pytest.fixture(scope="module")
def original() -> Extraction:
    return extract_raw(read_raw(REAL_DUMP))


def test_empty_file_gives_no_documents(raw_dir: Path) -> None:
    (raw_dir / "empty.txt").write_bytes(b"")
    result = extract_all(raw_dir)
    assert result.documents == [] and result.lines == []


def test_header_only_gives_no_documents(raw_dir: Path) -> None:
    (raw_dir / "header.txt").write_text("标题\t时间\t文本\n", encoding="utf-8")
    result = extract_all(raw_dir)
    assert result.documents == []
    assert [p.role for p in result.lines] == ["header"]


@pytest.mark.parametrize("encoding, bom, newline", [
    ("gb18030", b"", "\n"),
    ("utf-8", b"\xef\xbb\xbf", "\n"),
    ("utf-8", b"", "\r\n"),
])
def test_re_encoded_copies_give_the_same_documents(
    raw_dir: Path, original: Extraction, encoding: str, bom: bytes,
    newline: str,
) -> None:
    text = REAL_DUMP.read_text(encoding="utf-8").replace("\n", newline)
    copy = raw_dir / REAL_DUMP.name
    copy.write_bytes(bom + text.encode(encoding))
    result = extract_all(raw_dir)
    assert _fingerprint(result) == _fingerprint(original)
    assert [d.doc_id for d in result.documents] == [
        d.doc_id for d in original.documents
    ]


@pytest.mark.parametrize("cut", [2500, 1300, 4590])
def test_dump_cut_off_keeps_everything_before_the_cut(
    original: Extraction, cut: int,
) -> None:
    lines = REAL_DUMP.read_text(encoding="utf-8").split("\n")[:cut]
    result = _in_memory("\n".join(lines), REAL_DUMP.name)
    whole = [d for d in original.documents if d.line_end < cut]
    assert _fingerprint(result)[:len(whole)] == _fingerprint(
        Extraction(rows={"documents": whole}))
    assert result.documents[-1].line_end <= cut


LONG = 20_000_000


@pytest.mark.parametrize("line", [
    "政" * LONG,
    "-" * LONG + "x",
    " " * LONG + "通知",
    "|" + " |" * (LONG // 2),
    "。" * LONG,
    "<p>" + "段" * LONG + "</p>\t<p>2020-02-01</p>\t" + "<p>x</p>" * 1000,
], ids=["han", "dashes", "spaces", "pipes", "stops", "row"])
def test_a_20_mb_line_is_read_in_linear_time(line: str) -> None:
    text = "关于测试的通知\n\n2020-02-01\n\n" + line + "\n"
    result = _in_memory(text)
    placed = sum(p.char_end - p.char_start for p in result.lines
                 if p.line == 5)
    blank = line.count(" ") + line.count("\t")
    assert placed >= len(line) - blank


@pytest.mark.parametrize("date", ["2020-02-30", "2020-13-01", "0000-00-00"])
def test_impossible_dates_become_null_with_a_warning(date: str) -> None:
    (doc,) = _in_memory(f"关于测试的通知\n\n{date}\n\n正文。\n").documents
    assert doc.publish_date is None
    assert doc.warnings == ["invalid_publish_date"]


def test_row_with_a_title_and_no_date() -> None:
    (doc,) = _in_memory("<p>关于测试的通知</p>\t\t<p>正文。</p>\n").documents
    assert doc.publish_date is None
    assert doc.warnings == ["missing_publish_date"]


def test_date_with_no_title() -> None:
    (doc,) = _in_memory("2020-02-01\n\n正文。\n").documents
    assert doc.title == ""
    assert doc.warnings == ["missing_title"]


def test_continuation_before_any_document_is_kept_and_flagged() -> None:
    result = _in_memory("\t\t<p>孤立的续行。</p>\n关于测试的通知\n\n2020-02-01\n")
    assert [p.role for p in result.lines if p.line == 1] == ["unassigned"]
    assert [w.code for w in result.rows["warnings"]] == [
        "orphan_continuation",
    ]


def test_non_txt_files_are_skipped(raw_dir: Path,
                                   original: Extraction) -> None:
    copy_real_dump(raw_dir)
    (raw_dir / "notes.md").write_text("# not a dump", encoding="utf-8")
    (raw_dir / "export.xlsx").write_bytes(b"PK\x03\x04\x00\x00")
    assert _fingerprint(extract_all(raw_dir)) == _fingerprint(original)


@pytest.mark.parametrize("jobs", ["1", "2"])  # with 2, a worker fails
def test_unreadable_dump_exits_2(raw_dir: Path, tmp_path: Path,
                                 jobs: str) -> None:
    copy_real_dump(raw_dir)
    os.symlink(tmp_path / "gone.txt", raw_dir / "broken-link.txt")
    result = CliRunner().invoke(
        main, ["run", "--raw", str(raw_dir), "--out", str(tmp_path / "o"),
               "--jobs", jobs])
    assert result.exit_code == 2, result.output
    assert "broken-link.txt: cannot be read" in result.output
    assert not (tmp_path / "o").exists()


def test_an_error_a_worker_cannot_send_back_is_sent_as_its_message(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    import pipeline.run
    from pipeline.errors import PipelineError

    class Unsendable(Exception):
        def __init__(self, a: str, b: str):
            super().__init__(f"{a} {b}")

    def fail(path: Path, bulk: bool) -> None:
        raise Unsendable("bad", "cell")

    monkeypatch.setattr(pipeline.run, "_extract_encoded", fail)
    with pytest.raises(PipelineError) as raised:
        pipeline.run._extract_file_job(REAL_DUMP, False)
    assert "Unsendable: bad cell" in str(pickle.loads(pickle.dumps(
        raised.value)))


def _die_in_a_worker(path: Path, bulk: bool) -> Extraction:
    import multiprocessing
    import time

    if multiprocessing.parent_process() is not None:
        os._exit(9)  # as a worker that the system kills
    # The main process extracts files of its own while the workers
    # start: slowly here, so that the workers get the others.
    time.sleep(0.3)
    return _real_job(path, bulk)


def test_a_worker_that_dies_ends_the_run_with_an_error(
        raw_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.run

    for n in range(8):
        copy_real_dump(raw_dir, f"copy{n}.txt")
    # Workers find the job by its name, so they run this module's
    # function; imported there, pipeline.run is not patched.
    monkeypatch.setattr(pipeline.run, "_extract_file_job", _die_in_a_worker)
    result = CliRunner().invoke(main, [
        "run", "--raw", str(raw_dir), "--out", str(tmp_path / "o"),
        "--jobs", "2"])
    assert result.exit_code == 1, result.output
    assert "a worker process ended abruptly" in result.output
    assert "Rerun with fewer --jobs" in result.output
    assert not (tmp_path / "o").exists()
    assert not list(tmp_path.glob(".o.*"))  # no staging folder left


def test_sigterm_ends_a_run_leaving_no_output(
        raw_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import signal

    import pipeline.run

    copy_real_dump(raw_dir)
    finish = pipeline.run._finish

    def killed_meanwhile(total: Extraction) -> None:
        os.kill(os.getpid(), signal.SIGTERM)
        finish(total)

    monkeypatch.setattr(pipeline.run, "_finish", killed_meanwhile)
    before = signal.getsignal(signal.SIGTERM)
    result = CliRunner().invoke(
        main, ["run", "--raw", str(raw_dir), "--out", str(tmp_path / "o")])
    assert result.exit_code == 128 + signal.SIGTERM, result.output
    assert not (tmp_path / "o").exists()
    assert not list(tmp_path.glob(".o.*"))  # no staging folder left
    assert signal.getsignal(signal.SIGTERM) == before
