"""Benchmark: the run on the real dump and on synthetic collections.

Times `python -m pipeline run` end to end (interpreter start-up
included) on raw/ and on N copies of each dump as N raw files with their
titles made unique, next to the time of merely importing the libraries;
reports throughput per stage and end to end, peak memory and the CPU
time of all the run's processes, and appends the figures but CPU time
to bench/results.csv. Not a test: it asserts nothing, it measures.
"""

import argparse
import csv
import functools
import datetime as dt
import json
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from measure import process_stats  # beside this file

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.csv"
STAGE_LINE = re.compile(r"stage (\w+): ([\d.]+) s")
IMPORTS = {
    "import_baseline": "import pandas, pyarrow, pydantic, click",
    "import_run": ("import pyarrow.parquet, pyarrow.json, pydantic, click, "
                   "regex, phonenumbers, rensa"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, nargs="*", default=[10, 100])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of every case; the median is kept")
    args = parser.parse_args()
    first = {name: functools.partial(_imports, name, code)
             for name, code in IMPORTS.items()}
    first["real"] = functools.partial(_case, "real", ROOT / "raw")
    rows = _medians(first, args.repeat)
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        for copies in args.copies:
            raw = _synthetic(Path(scratch) / f"x{copies}", copies)
            cases = {1: functools.partial(_case, f"x{copies}", raw)}
            if copies == max(args.copies) and args.jobs > 1:
                cases[args.jobs] = functools.partial(
                    _case, f"x{copies}", raw, jobs=args.jobs)
            rows += _medians(cases, args.repeat)
            shutil.rmtree(raw)
    _report(rows)
    _append(rows)


def _medians(cases: dict[object, Callable[[], dict[str, object]]],
             repeat: int) -> list[dict[str, object]]:
    """Each case run repeat times, taking turns, and its median run.

    The machine is shared and its speed drifts over minutes; taking
    turns exposes the cases compared (imports and the real dump, one
    process and several) to the same drift.
    """
    runs: dict[object, list[dict[str, object]]] = {k: [] for k in cases}
    for _ in range(repeat):
        for key, case in cases.items():
            runs[key].append(case())
    return [_median(found) for found in runs.values()]


def _imports(name: str, code: str) -> dict[str, object]:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return {"case": name, "wall_s": round(time.perf_counter() - began, 3)}


def _case(name: str, raw: Path, jobs: int = 1) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="bench-out-") as out:
        command = [sys.executable, str(ROOT / "bench" / "measure.py"), "-v",
                   "run", "--raw", str(raw), "--out", str(Path(out) / "o")]
        if jobs > 1:
            command += ["--jobs", str(jobs)]
        began = time.perf_counter()
        log, tree_peak = _watched(command)
        wall = time.perf_counter() - began
    megabytes = sum(p.stat().st_size for p in raw.glob("*.txt")) / 1e6
    documents = _documents(log)
    stages = {m[1]: float(m[2]) for m in STAGE_LINE.finditer(log)}
    measured = json.loads(log.strip().splitlines()[-1])
    peak = max(measured["peak_mb"], tree_peak)
    return {
        "case": name, "jobs": jobs, "mb": round(megabytes, 2),
        "documents": documents, "wall_s": round(wall, 3),
        "mb_per_s": round(megabytes / wall, 2),
        "docs_per_s": round(documents / wall, 1), "peak_mb": peak,
        "cpu_s": measured["cpu_s"],
        "stages": {k: {"s": round(v, 3),
                       "mb_per_s": round(megabytes / v, 1) if v else None}
                   for k, v in stages.items()},
    }


# How often the memory of a run's processes is read.
SAMPLE_S = 0.2


def _watched(command: list[str]) -> tuple[str, float]:
    """Run a command; its log (stderr) and the peak of the summed memory
    of it and its worker processes, sampled every SAMPLE_S, in MB.

    measure.py reports the peak of one process exactly; with workers
    the sum is what the machine must hold. Each process's proportional
    set size counts the pages that forked workers share once.
    """
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        process = subprocess.Popen(command, cwd=ROOT, stderr=log,
                                   stdout=subprocess.DEVNULL, text=True)
        peak_kb = 0
        while process.poll() is None:
            peak_kb = max(peak_kb, _tree_pss_kb(process.pid))
            time.sleep(SAMPLE_S)
        log.seek(0)
        text = log.read()
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command,
                                            stderr=text)
    return text, round(peak_kb / 1024, 1)


def _tree_pss_kb(root: int) -> int:
    """The summed proportional set size of a process and its
    descendants, from /proc (0 where there is none, as off Linux)."""
    children: dict[int, list[int]] = {}
    for pid, fields in process_stats():
        children.setdefault(int(fields[1]), []).append(pid)
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        total += _pss_kb(pid)
    return total


def _pss_kb(pid: int) -> int:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    match = re.search(r"^Pss:\s+(\d+) kB", rollup, re.MULTILINE)
    return int(match[1]) if match else 0


def _documents(log: str) -> int:
    match = re.search(r"documents\s+(\d+) rows", log)
    return int(match[1]) if match else 0


def _median(runs: list[dict[str, object]]) -> dict[str, object]:
    ordered = sorted(runs, key=lambda r: float(r["wall_s"]))  # type: ignore[arg-type]
    return ordered[len(ordered) // 2]


def _synthetic(folder: Path, copies: int) -> Path:
    """N copies of every dump in raw/, with every title made unique."""
    from pipeline.read import raw_files, read_raw
    from pipeline.run import extract_raw

    folder.mkdir(parents=True)
    for path in raw_files(ROOT / "raw"):
        raw = read_raw(path)
        titles = [p for p in extract_raw(raw).lines if p.role == "title"]
        for copy in range(1, copies + 1):
            lines = list(raw.lines)
            for piece in titles:
                line = lines[piece.line - 1]
                lines[piece.line - 1] = (line[:piece.char_end]
                                         + f"（第{copy}份）"
                                         + line[piece.char_end:])
            target = folder / f"{path.stem}-copy{copy:03d}.txt"
            target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _report(rows: list[dict[str, object]]) -> None:
    baseline = next(r["wall_s"] for r in rows if r["case"] == "import_baseline")
    for row in rows:
        if "mb" not in row:
            print(f"{row['case']:>16}: {row['wall_s']:.3f} s")
            continue
        ratio = row["wall_s"] / baseline  # type: ignore[operator]
        alone = next(r["wall_s"] for r in rows
                     if r["case"] == row["case"] and r.get("jobs") == 1)
        speedup = (f", {alone / row['wall_s']:.2f}x one process"  # type: ignore[operator]
                   if row["jobs"] != 1 else "")
        cores = row["cpu_s"] / row["wall_s"]  # type: ignore[operator]
        print(f"{row['case']:>8} jobs={row['jobs']}: {row['wall_s']:.2f} s "
              f"({ratio:.1f}x import{speedup}), {row['mb_per_s']} MB/s, "
              f"{row['docs_per_s']} docs/s, peak {row['peak_mb']} MB, "
              f"CPU {row['cpu_s']} s ({cores:.2f} cores busy)")
        for stage, figures in row["stages"].items():  # type: ignore[union-attr]
            print(f"{'':>12}{stage:>10}: {figures['s']:.3f} s, "
                  f"{figures['mb_per_s']} MB/s")


def _append(rows: list[dict[str, object]]) -> None:
    fresh = not RESULTS.exists()
    with RESULTS.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        if fresh:
            writer.writerow(["date", "machine", "python", "case", "jobs",
                             "mb", "documents", "wall_s", "mb_per_s",
                             "docs_per_s", "peak_mb", "stages"])
        machine = f"{platform.machine()} {_cpus()} cores"
        today = dt.date.today().isoformat()
        for row in rows:
            writer.writerow([
                today, machine, platform.python_version(), row["case"],
                row.get("jobs", ""), row.get("mb", ""),
                row.get("documents", ""), row["wall_s"],
                row.get("mb_per_s", ""), row.get("docs_per_s", ""),
                row.get("peak_mb", ""),
                json.dumps(row.get("stages", {}), sort_keys=True),
            ])


def _cpus() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
