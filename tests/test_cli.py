"""The command line: help, exit codes, all-or-nothing outputs, reruns."""

import hashlib
import multiprocessing
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.datasets import DATASETS
from tests.conftest import ROOT, copy_real_dump, share_field_names


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
    }


def _run(*args: str) -> "object":
    return CliRunner().invoke(main, ["run", *args])


@pytest.mark.parametrize("command", [
    [], ["run"], ["golden"], ["validate"], ["docs"], ["stats"], ["show"],
])
def test_every_command_has_help(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert len(result.output.splitlines()) > 5


def test_reruns_are_byte_identical(raw_dir: Path, tmp_path: Path) -> None:
    copy_real_dump(raw_dir)
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        result = _run("--raw", str(raw_dir), "--out", str(out))
        assert result.exit_code == 0, result.output
    assert _digests(first) == _digests(second)
    assert set(_digests(first)) == {
        f"{d.name}.{ext}" for d in DATASETS for ext in ("csv", "parquet")
    } | {"datapackage.json", "report.html"}


def test_binary_input_exits_2_and_leaves_out_untouched(
    raw_dir: Path, tmp_path: Path,
) -> None:
    copy_real_dump(raw_dir)
    out = tmp_path / "out"
    assert _run("--raw", str(raw_dir), "--out", str(out)).exit_code == 0
    before = _digests(out)
    (raw_dir / "zz-binary.txt").write_bytes(b"ok\n\x00\x01\x02")
    result = _run("--raw", str(raw_dir), "--out", str(out))
    assert result.exit_code == 2, result.output
    assert "zz-binary.txt, line 2: holds a NUL byte" in result.output
    assert _digests(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "raw"]


def test_missing_raw_folder_exits_2(tmp_path: Path) -> None:
    result = _run("--raw", str(tmp_path / "nope"), "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "is not a folder" in result.output


def test_raw_folder_without_dumps_exits_2(raw_dir: Path, tmp_path: Path) -> None:
    (raw_dir / "notes.md").write_text("not a dump", encoding="utf-8")
    result = _run("--raw", str(raw_dir), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "holds no *.txt dump" in result.output


def test_unwritable_output_exits_3(raw_dir: Path, tmp_path: Path) -> None:
    copy_real_dump(raw_dir)
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    result = _run("--raw", str(raw_dir), "--out", str(blocker / "out"))
    assert result.exit_code == 3, result.output
    assert "cannot create the output folder" in result.output


def test_doc_ids_do_not_depend_on_other_raw_files(
    raw_dir: Path, tmp_path: Path,
) -> None:
    import pyarrow.parquet as pq

    copy_real_dump(raw_dir)
    alone = tmp_path / "alone"
    assert _run("--raw", str(raw_dir), "--out", str(alone)).exit_code == 0
    copy_real_dump(raw_dir, "another-2020-03.txt")
    both = tmp_path / "both"
    assert _run("--raw", str(raw_dir), "--out", str(both)).exit_code == 0
    ids_alone = pq.read_table(alone / "documents.parquet")["doc_id"]
    ids_both = set(pq.read_table(both / "documents.parquet")["doc_id"]
                   .to_pylist())
    assert set(ids_alone.to_pylist()) <= ids_both
    assert len(ids_both) == 2 * len(ids_alone)
    shutil.rmtree(both)


@pytest.mark.parametrize("method, extra_files, fails_at", [
    ("append", [], 1),  # the main thread, on the second dataset
    ("_write", ["second.txt"], 2),  # a writing thread, on the third write
], ids=["while appending", "in a writing thread"])
def test_a_disk_that_fills_fails_the_run_cleanly(
    raw_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    method: str, extra_files: list[str], fails_at: int,
) -> None:
    from pipeline.write import DatasetWriter

    copy_real_dump(raw_dir)
    for name in extra_files:
        copy_real_dump(raw_dir, name)
    out = tmp_path / "out"
    assert _run("--raw", str(raw_dir), "--out", str(out)).exit_code == 0
    before = _digests(out)
    real = getattr(DatasetWriter, method)
    done: list[str] = []

    def fill_up(self: DatasetWriter, encoded: object) -> None:
        if len(done) == fails_at:
            raise OSError(28, "No space left on device")
        done.append(self.name)
        real(self, encoded)

    monkeypatch.setattr(DatasetWriter, method, fill_up)
    result = _run("--raw", str(raw_dir), "--out", str(out))
    assert result.exit_code == 3, result.output
    assert "No space left on device" in result.output
    assert _digests(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "raw"]


def test_validate_passes_on_a_fresh_run_and_fails_on_a_broken_one(
    raw_dir: Path, tmp_path: Path,
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    copy_real_dump(raw_dir)
    out = tmp_path / "out"
    assert _run("--raw", str(raw_dir), "--out", str(out)).exit_code == 0
    ok = CliRunner().invoke(main, ["validate", str(out), "--raw", str(raw_dir)])
    assert ok.exit_code == 0, ok.output
    lines = pq.read_table(out / "lines.parquet")
    broken = lines.set_column(
        lines.schema.get_field_index("doc_id"),
        lines.schema.field("doc_id"),
        pa.array(["nobody"] * len(lines), pa.string()),
    )
    pq.write_table(broken, out / "lines.parquet")
    bad = CliRunner().invoke(main, ["validate", str(out), "--raw", str(raw_dir)])
    assert bad.exit_code == 4
    assert "lines: doc_id nobody is not in documents" in bad.output


def test_jobs_give_the_same_bytes(raw_dir: Path, tmp_path: Path) -> None:
    copy_real_dump(raw_dir)
    copy_real_dump(raw_dir, "liaoning-2020-02-copy.txt")
    one, two = tmp_path / "one", tmp_path / "two"
    assert _run("--raw", str(raw_dir), "--out", str(one)).exit_code == 0
    result = _run("--raw", str(raw_dir), "--out", str(two), "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert _digests(one) == _digests(two)


def test_jobs_give_the_same_bytes_from_spawned_workers(
        raw_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # As on a system without a forkserver (Windows).
    copy_real_dump(raw_dir)
    copy_real_dump(raw_dir, "liaoning-2020-02-copy.txt")
    one, two = tmp_path / "one", tmp_path / "two"
    assert _run("--raw", str(raw_dir), "--out", str(one)).exit_code == 0
    monkeypatch.setattr(multiprocessing, "get_all_start_methods",
                        lambda: ["spawn"])
    result = _run("--raw", str(raw_dir), "--out", str(two), "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert _digests(one) == _digests(two)


def test_stats_counts_latest_editions_by_default(real_out: Path) -> None:
    result = CliRunner().invoke(main, ["stats", str(real_out)])
    assert result.exit_code == 0, result.output
    assert "documents per kind (latest editions only)" in result.output
    every = CliRunner().invoke(main, ["stats", str(real_out), "--all"])
    assert "all documents, every edition" in every.output


def test_show_prints_one_document(real_out: Path) -> None:
    import pyarrow.parquet as pq

    doc_id = pq.read_table(real_out / "documents.parquet")["doc_id"][0].as_py()
    result = CliRunner().invoke(main, ["show", doc_id, "--out", str(real_out)])
    assert result.exit_code == 0, result.output
    assert "关于行政事业单位实行弹性工作制的通知" in result.output
    missing = CliRunner().invoke(main, ["show", "nope", "--out", str(real_out)])
    assert missing.exit_code == 1
    assert "no document nope" in missing.output


def test_stats_without_outputs_says_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["stats", str(tmp_path)])
    assert result.exit_code == 1
    assert "run `make all` first" in result.output


def test_both_ways_of_encoding_give_the_same_bytes(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    from pipeline.datasets import DATASETS
    from pipeline.run import extract_file
    from pipeline.write import CSV_OPTIONS, Encoded, Encoder
    from tests.conftest import REAL_DUMP

    def csv_lines(encoder: Encoder, encoded: Encoded) -> bytes:
        sink = pa.BufferOutputStream()
        pacsv.write_csv(encoder.csv_table(encoded), sink, CSV_OPTIONS)
        return bytes(sink.getvalue().to_pybytes())

    one = extract_file(REAL_DUMP)
    one.sort()
    for dataset in DATASETS:
        encoder = Encoder(dataset.name, dataset.model, dataset.row)
        rows = one.rows[dataset.name]
        by_json, by_array = encoder.encode(rows), encoder.encode(rows, True)
        assert (csv_lines(encoder, by_json)
                == csv_lines(encoder, by_array))
        pq.write_table(by_json.table, tmp_path / "json.parquet")
        pq.write_table(by_array.table, tmp_path / "array.parquet")
        assert (tmp_path / "json.parquet").read_bytes() == (
            tmp_path / "array.parquet").read_bytes(), dataset.name


def test_encoding_keeps_no_utf8_copy_of_the_held_texts() -> None:
    # Handed a str, Arrow has CPython make its UTF-8 form, which CPython
    # keeps on the str (sys.getsizeof counts it): the held documents'
    # bodies would carry it until the run ends.
    from pipeline.run import extract_file
    from pipeline.write import Encoder
    from schemas import Document
    from tests.conftest import REAL_DUMP

    documents = extract_file(REAL_DUMP).documents
    before = [sys.getsizeof(d.body) for d in documents]
    Encoder("documents", Document).encode(documents, bulk=True)
    assert [sys.getsizeof(d.body) for d in documents] == before


def test_a_bulk_run_writes_the_same_bytes(
    raw_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pipeline.workers

    copy_real_dump(raw_dir)
    small, bulk = tmp_path / "small", tmp_path / "bulk"
    assert _run("--raw", str(raw_dir), "--out", str(small)).exit_code == 0
    monkeypatch.setattr(pipeline.workers, "BULK_BYTES", 0)
    assert _run("--raw", str(raw_dir), "--out", str(bulk)).exit_code == 0
    assert _digests(small) == _digests(bulk)


def test_run_ends_with_a_one_screen_summary(raw_dir: Path,
                                            tmp_path: Path) -> None:
    copy_real_dump(raw_dir)
    result = _run("--raw", str(raw_dir), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    summary = result.output[result.output.index("wrote "):]
    assert "documents by kind (latest 78 of 82)" in summary
    assert "report.html" in summary
    assert len(summary.splitlines()) < 25


def test_long_runs_show_a_progress_bar_on_a_terminal(
    raw_dir: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    import pipeline.cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(pipeline.cli.sys, "stderr", terminal)
    monkeypatch.setattr(pipeline.cli, "PROGRESS_BYTES", 0)
    files = [copy_real_dump(raw_dir), copy_real_dump(raw_dir, "b.txt")]
    with pipeline.cli._progress(files) as advance:
        for path in files:
            advance(path.name)
    assert "extracting" in terminal.getvalue()
    assert "100%" in terminal.getvalue()


@pytest.mark.parametrize("jobs", [1, 2])
def test_held_records_share_their_sets_of_field_names(
        raw_dir: Path, tmp_path: Path, jobs: int) -> None:
    # One set per record took a third of the memory the held records take.
    from pipeline.run import run

    copy_real_dump(raw_dir)
    copy_real_dump(raw_dir, "second.txt")
    held = run(raw_dir, tmp_path / "o", jobs=jobs)
    for name in ("documents", "warnings", "citations", "tables"):
        assert share_field_names(held.rows[name]), name


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_run_leaves_garbage_collection_as_it_was(
        raw_dir: Path, tmp_path: Path, jobs: str) -> None:
    import gc

    copy_real_dump(raw_dir)
    copy_real_dump(raw_dir, "second.txt")  # two files, so two workers
    frozen = gc.get_freeze_count()
    assert _run("--raw", str(raw_dir), "--out", str(tmp_path / "o"),
                "--jobs", jobs).exit_code == 0
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_a_small_run_imports_neither_pandas_nor_arrow_compute(
        tmp_path: Path) -> None:
    # They cost about a third and a tenth of a run on one dump
    # (see write.Encoder).
    code = ("import sys; from pathlib import Path; "
            "from pipeline.run import run; "
            f"run(Path('raw'), Path({str(tmp_path / 'o')!r})); "
            "print(sorted({'pandas', 'pyarrow.compute'} & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True,
                          text=True, check=True,
                          cwd=ROOT)
    assert done.stdout.strip() == "[]"


_SERVER_SPY = """
import sys
import multiprocessing.forkserver as server
from pipeline.cli import main

start = server.ensure_running

def spy():
    print("stages imported:", "pipeline.run" in sys.modules)
    start()

server.ensure_running = spy
main(["run", "--raw", sys.argv[1], "--out", sys.argv[2], "--jobs", "2"])
"""


@pytest.mark.skipif(
    "forkserver" not in multiprocessing.get_all_start_methods(),
    reason="workers are spawned where there is no forkserver")
def test_jobs_start_the_worker_server_before_importing_the_stages(
        raw_dir: Path, tmp_path: Path) -> None:
    # The server's imports then run beside the command line's own.
    copy_real_dump(raw_dir)
    copy_real_dump(raw_dir, "liaoning-2020-02-copy.txt")
    done = subprocess.run(
        [sys.executable, "-c", _SERVER_SPY, str(raw_dir),
         str(tmp_path / "o")],
        capture_output=True, text=True,
        cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "stages imported: False"


def _module_run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], capture_output=True,
        text=True, cwd=ROOT)


def test_python_m_pipeline_writes_all_and_keeps_exit_codes(
        raw_dir: Path, tmp_path: Path) -> None:
    # `python -m pipeline` ends without tearing the interpreter down:
    # what it printed and wrote must all be there, its exit code kept.
    copy_real_dump(raw_dir)
    done = _module_run("run", "--raw", str(raw_dir),
                       "--out", str(tmp_path / "module"))
    assert done.returncode == 0, done.stderr
    assert done.stderr.rstrip().endswith(
        f"`python -m pipeline stats {tmp_path / 'module'}`")
    assert _run("--raw", str(raw_dir),
                "--out", str(tmp_path / "runner")).exit_code == 0
    assert _digests(tmp_path / "module") == _digests(tmp_path / "runner")
    stats = _module_run("stats", str(tmp_path / "module"))
    assert stats.returncode == 0 and "documents" in stats.stdout
    missing = _module_run("run", "--raw", str(tmp_path / "nowhere"),
                          "--out", str(tmp_path / "o"))
    assert missing.returncode == 2
    assert "is not a folder" in missing.stderr
