"""Stages, run orchestration and the command line of the extraction pipeline."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hmip-youth-inspections")
except PackageNotFoundError:  # run from a checkout that is not installed
    __version__ = "0.0.0"
