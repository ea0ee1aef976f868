"""Entry point for `python -m pipeline`."""

from pipeline.cli import exit_at_once, main

try:
    main()
except SystemExit as done:
    if done.code is None or isinstance(done.code, int):
        exit_at_once(done.code or 0)
    raise
