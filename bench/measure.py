"""Run `python -m pipeline ...` in this process and report its peak memory.

Used by bench/bench.py: prints one JSON line with the peak resident set
size of this process on stderr after the command ends, whatever its
exit code.
"""

import json
import os
import resource
import sys
from collections.abc import Iterator
from pathlib import Path


def main() -> None:
    sys.path[0] = str(Path(__file__).resolve().parent.parent)
    sys.argv = ["pipeline", *sys.argv[1:]]
    from pipeline.cli import exit_at_once
    from pipeline.cli import main as pipeline_main

    code = 0
    try:
        pipeline_main()
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    # This process only: bench.py samples the sum with workers (--jobs),
    # which a forkserver starts, so they are not this process's children.
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_mb": round(peak_kb / 1024, 1),
                      "cpu_s": round(_cpu_seconds(), 2)}), file=sys.stderr)
    exit_at_once(code)  # as `python -m pipeline` ends


def _cpu_seconds() -> float:
    """CPU time of this process and of every process it started: those
    it has waited for, and those still running (the forkserver, which
    has waited for the workers), read from /proc where there is one."""
    spent = sum(u.ru_utime + u.ru_stime for u in (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN)))
    tick = os.sysconf("SC_CLK_TCK")
    for _, fields in process_stats():
        if int(fields[1]) == os.getpid():
            # utime, stime, cutime, cstime (fields 14 to 17 of stat)
            spent += sum(int(f) for f in fields[11:15]) / tick
    return spent


def process_stats() -> Iterator[tuple[int, list[str]]]:
    """Each process's pid and the fields of its /proc stat after the
    command's name (state first, then the parent's pid); none where
    there is no /proc."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        yield int(stat.parent.name), fields


if __name__ == "__main__":
    main()
