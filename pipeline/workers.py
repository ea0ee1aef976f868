"""The worker processes of `run --jobs`, and how a run encodes.

Kept apart from pipeline.run, and light to import, so that the command
line can start the worker server before it imports the stages itself:
the two imports then run side by side on two cores.
"""

import multiprocessing
import multiprocessing.forkserver
from multiprocessing.context import BaseContext
from pathlib import Path

# Runs over this many bytes of dumps build Arrow tables the bulk way
# (see write.Encoder): the one-off cost of importing pandas is then
# smaller than what the faster encoding saves.
BULK_BYTES = 5_000_000


def is_bulk(files: list[Path]) -> bool:
    """Whether a run over these dumps encodes the bulk way. A file that
    cannot be read counts for nothing here; reading it fails later with
    a clear message."""
    size = sum(p.stat().st_size for p in files if p.is_file())
    return size >= BULK_BYTES


def worker_context(bulk: bool) -> BaseContext:
    """Workers forked from a server that has imported the stages once.

    Spawned workers each imported every library again, which cost more
    than a second of CPU in all on two cores; forking the main process
    itself is unsafe once its libraries may run threads. The server
    imports pandas too when the bulk encoding will ask for it. Where
    there is no forkserver (Windows), workers are spawned.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(
        ["pipeline.run", *(["pandas"] if bulk else [])])
    return context


def start_server(files: list[Path]) -> None:
    """Start the worker server for a run over these dumps now, without
    waiting for it: it imports the stages while the caller does. The
    run's pool then finds it running (or starts it, if not started)."""
    context = worker_context(is_bulk(files))
    if context.get_start_method() == "forkserver":
        multiprocessing.forkserver.ensure_running()
