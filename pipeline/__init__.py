"""Files, processes, tables and the command line, a room per job (each room's docstring says what it is for
and what it may import; tests/test_layers.py holds the arrows):

- store: the output folder (lock, manifest, caches, tables, run history, fetch state), below every job;
- derive: checks, inspections and the catalogue, worked out from the per-document rows;
- extract: the extract job (`hmip extract`);
- web: fetching from the Inspectorate's site (`hmip fetch`);
- read: what analysts and reviewers read (analysis, export, review);
- dev: development tools (evaluate, bench, readme);
- cli.py, on top: the command line.
"""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version is looked up when asked for (the fetcher's User-Agent), not at every import: reading the
    # installed packages' metadata costs a command's start-up 20 ms.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("hmip-youth-facts")
        except PackageNotFoundError:  # run from a checkout that is not installed
            return "0.0.0"
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
