"""The output folder and what is kept in it: the lock and the manifest (outdir), the per-document caches
(cache), the tables' building, validation and Parquet writing (tables), the run history (history), the fetch
state (fetch_state), the versions that key the caches (versions) and the errors they raise (errors).

Used by every job; imports only models and loaders (for their versions) and itself."""
