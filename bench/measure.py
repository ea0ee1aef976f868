"""Run `python -m pipeline ...` in this process and report its peak memory.

Used by bench/bench.py: prints one JSON line with the peak resident set
size on stderr after the command ends, whatever its exit code.
"""

import json
import resource
import runpy
import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)


def main() -> int:
    sys.argv = ["pipeline", *sys.argv[1:]]
    code = 0
    try:
        runpy.run_module("pipeline", run_name="__main__", alter_sys=True)
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    # Worker processes (--jobs) count too: the larger of the two peaks.
    peak_kb = max(resource.getrusage(who).ru_maxrss for who in
                  (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    print(json.dumps({"peak_mb": round(peak_kb / 1024, 1)}), file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
