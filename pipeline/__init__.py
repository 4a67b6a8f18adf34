"""Stages, run orchestration and the command line of the extraction pipeline."""

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
