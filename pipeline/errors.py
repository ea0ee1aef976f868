"""Errors that stop a run, each with the exit code the CLI returns."""


class PipelineError(Exception):
    """A problem the run cannot recover from."""

    exit_code = 1


class InputError(PipelineError):
    """A raw file cannot be read or decoded."""

    exit_code = 2

    def __init__(self, path: str, line: int | None, problem: str, fix: str):
        self.path = path
        self.line = line
        self._parts = (path, line, problem, fix)
        where = f"{path}, line {line}" if line else path
        super().__init__(f"{where}: {problem}. {fix}")

    def __reduce__(self) -> tuple[type["InputError"], tuple[object, ...]]:
        # Raised in a worker (--jobs), it is pickled back to the main
        # process, which must rebuild it from these arguments: from the
        # message alone, rebuilding it fails there.
        return (type(self), self._parts)


class OutputError(PipelineError):
    """The output folder cannot be written."""

    exit_code = 3
