"""Command line: `python -m pipeline COMMAND`."""

import logging
import os
import signal
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from pipeline import __version__
from pipeline.errors import PipelineError

if TYPE_CHECKING:
    from pipeline.run import Extraction

log = logging.getLogger("pipeline")


class _Failure(click.ClickException):
    """A PipelineError shown as `Error: ...` with its own exit code."""

    def __init__(self, error: PipelineError):
        super().__init__(str(error))
        # Click types exit_code as a class variable, yet reads it from
        # the instance; each failure carries its own.
        self.exit_code = error.exit_code  # type: ignore[misc]


def exit_at_once(code: int) -> NoReturn:
    """End the process without tearing the interpreter down.

    Once a command is done, all that is left is freeing memory and
    unloading pandas and Arrow: 0.07 s of a 0.6 s run on the dump, and
    more as the collection grows. Every file is closed and every worker
    has ended by then; the standard streams are flushed in case a
    library left something in their buffers.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing to add
            pass
    os._exit(code)


@click.group()
@click.version_option(__version__, prog_name="pipeline")
@click.option("-v", "--verbose", count=True,
              help="Show per-stage timings (-v) and debugging detail (-vv).")
def main(verbose: int) -> None:
    """Extract documents from raw dumps of Chinese government notices.

    Exit codes: 0 done (recoverable problems are recorded as warnings in
    the outputs), 1 unexpected failure, 2 a raw file cannot be read,
    3 the output folder cannot be written, 4 validate found a problem.
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(
        "%(name)s: %(message)s" if verbose else "%(message)s"))
    log.handlers[:] = [handler]
    log.propagate = False
    log.setLevel(logging.DEBUG if verbose else logging.INFO)


@main.command()
@click.option("--raw", "raw_dir", default="raw", show_default=True,
              type=click.Path(path_type=Path),
              help="Folder of raw dumps; every *.txt file in it is read.")
@click.option("--out", "out_dir", default="out", show_default=True,
              type=click.Path(path_type=Path),
              help="Folder to (re)write the datasets in.")
@click.option("--jobs", "-j", default=1, show_default=True,
              type=click.IntRange(min=1),
              help="Worker processes over raw files; the output is the "
              "same for any number.")
@click.option("--golden", "golden", default="tests/golden/figures.json",
              show_default=True, type=click.Path(path_type=Path),
              help="Golden figures the report compares the run with.")
def run(raw_dir: Path, out_dir: Path, jobs: int, golden: Path) -> None:
    """Regenerate every dataset in OUT from the dumps in RAW.

    Writes each dataset as Parquet and CSV, plus datapackage.json and
    report.html. The previous OUT is replaced only when the whole run
    succeeds. Ends with a summary of what was written.

    Example: python -m pipeline run --raw raw --out out --jobs 2
    """
    from pipeline.read import raw_files
    from pipeline.workers import start_server

    try:
        files = raw_files(raw_dir)
        if jobs > 1 and len(files) > 1:
            start_server(files)  # its imports run beside the next one
        from pipeline.run import run as run_pipeline

        with _progress(files) as advance, _ended_by_sigterm():
            result = run_pipeline(raw_dir, out_dir, jobs, golden,
                                  on_file=advance)
    except PipelineError as error:
        raise _Failure(error) from error
    click.echo(_summary(result, out_dir), err=True)


@contextmanager
def _ended_by_sigterm() -> Iterator[None]:
    """SIGTERM (`kill`, a job runner's time limit) ends a run as Ctrl-C
    does, removing its unfinished output; by default it ends the
    process at once and leaves the staging folder behind."""
    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# Runs over this many bytes of dumps take a couple of seconds or more,
# so they show a progress bar (on a terminal only).
PROGRESS_BYTES = 4_000_000


@contextmanager
def _progress(files: list[Path]) -> Iterator[Callable[[str], None]]:
    size = sum(p.stat().st_size for p in files if p.is_file())
    if size < PROGRESS_BYTES or not sys.stderr.isatty():
        yield lambda name: None
        return
    with click.progressbar(length=len(files), label="extracting",
                           file=sys.stderr) as bar:
        yield lambda name: bar.update(1)


def _summary(result: "Extraction", out_dir: Path) -> str:
    """One screen: rows per dataset, kinds, warnings, where to look."""
    latest = [d for d in result.documents if getattr(d, "is_latest", True)]
    kinds = Counter(getattr(d, "kind", None) or "?" for d in latest)
    warnings = Counter(w.code for w in result.rows["warnings"])
    lines = [f"wrote {out_dir}/:"]
    lines += [f"  {name:<18} {n:>8} rows"
              for name, n in result.counts.items()]
    lines.append(f"documents by kind (latest {len(latest)} of "
                 f"{len(result.documents)}): "
                 + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    if warnings:
        lines.append("warnings: " + ", ".join(
            f"{code} {n}" for code, n in sorted(warnings.items())))
    lines.append(f"see {out_dir}/report.html, or `python -m pipeline "
                 f"stats {out_dir}`")
    return "\n".join(lines)


@main.command()
@click.option("--raw", "raw_dir", default="raw", show_default=True,
              type=click.Path(path_type=Path), help="Folder of raw dumps.")
@click.option("--golden", "golden_dir", default="tests/golden",
              show_default=True, type=click.Path(path_type=Path),
              help="Folder of the golden snapshots.")
def golden(raw_dir: Path, golden_dir: Path) -> None:
    """Rewrite the golden snapshots from a fresh extraction of RAW.

    Run it only on purpose (`make golden`), and review the diff of
    tests/golden/ in the commit that changes a count.
    """
    from pipeline.figures import golden_texts, write_golden
    from pipeline.run import extract_all

    try:
        result = extract_all(raw_dir)
    except PipelineError as error:
        raise _Failure(error) from error
    write_golden(golden_dir, golden_texts(result.rows))
    click.echo(f"rewrote {golden_dir}/; review it with git diff", err=True)


@main.command()
@click.argument("out_dir", default="out", required=False,
                type=click.Path(path_type=Path))
@click.option("--raw", "raw_dir", default="raw", show_default=True,
              type=click.Path(path_type=Path),
              help="Folder of the raw dumps the outputs came from.")
def validate(out_dir: Path, raw_dir: Path) -> None:
    """Re-check every dataset in OUT_DIR (default out/).

    Checks each file against its record model and schema, that ids are
    unique, that every doc_id exists in documents, and that every span
    lies inside its raw file. Exits 4 when it finds a problem.
    """
    from pipeline.validate import validate_outputs

    try:
        problems = validate_outputs(out_dir, raw_dir)
    except PipelineError as error:
        raise _Failure(error) from error
    for problem in problems[:50]:
        click.echo(problem, err=True)
    if len(problems) > 50:
        click.echo(f"... and {len(problems) - 50} more", err=True)
    if problems:
        raise SystemExit(4)
    click.echo(f"{out_dir}/: every dataset is valid", err=True)


@main.command()
@click.option("--check", is_flag=True,
              help="Exit 1 if docs/datasets.md is not current; write nothing.")
@click.option("--path", default="docs/datasets.md", show_default=True,
              type=click.Path(path_type=Path), help="Where the dictionary is.")
def docs(check: bool, path: Path) -> None:
    """Write the data dictionary, docs/datasets.md, from the record models."""
    from pipeline.package import data_dictionary

    text = data_dictionary()
    if check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            raise click.ClickException(
                f"{path} is out of date; run `python -m pipeline docs`")
        click.echo(f"{path} is current", err=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    click.echo(f"wrote {path}", err=True)


@main.command()
@click.argument("out_dir", default="out", required=False,
                type=click.Path(path_type=Path))
@click.option("--all", "every_edition", is_flag=True,
              help="Count every edition, not only the latest ones.")
def stats(out_dir: Path, every_edition: bool) -> None:
    """Counts per dataset, kind, listing date and warning code.

    Documents are counted on the latest edition of each series unless
    --all is given. Example: python -m pipeline stats out
    """
    from pipeline.browse import stats as stats_text

    try:
        click.echo(stats_text(out_dir, latest_only=not every_edition))
    except PipelineError as error:
        raise _Failure(error) from error


@main.command()
@click.argument("doc_id")
@click.option("--out", "out_dir", default="out", show_default=True,
              type=click.Path(path_type=Path), help="Folder of the datasets.")
def show(doc_id: str, out_dir: Path) -> None:
    """One document: metadata, clause tree and tables, as text.

    Example: python -m pipeline show liaoning-2020-02-2980da37
    """
    from pipeline.browse import show as show_text

    try:
        click.echo(show_text(out_dir, doc_id))
    except PipelineError as error:
        raise _Failure(error) from error
