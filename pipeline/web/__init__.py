"""Fetching from the Inspectorate's site (`hmip fetch`): what its pages look like (site) and the polite,
incremental crawler that keeps whole files only (fetch).

Imports models and pipeline.store (the fetch state, the sources table's writing)."""
