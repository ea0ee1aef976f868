"""Run `python -m pipeline ...` in this process and report its peak memory.

Used by bench/bench.py: prints one JSON line with the peak resident set
size of this process on stderr after the command ends, whatever its
exit code.
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
    # This process only: bench.py samples the sum with workers (--jobs),
    # which a forkserver starts, so they are not this process's children.
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_mb": round(peak_kb / 1024, 1)}), file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
