"""Stages, run orchestration and the command line of the extraction pipeline."""
