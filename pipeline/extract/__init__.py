"""The extract job (`hmip extract`): find the raw files, fingerprint them, run each document's extraction in
an isolated worker (worker, executor, parse), assemble and validate the tables and write them as one set (run).

Imports loaders, extractors, models, pipeline.store and pipeline.derive."""
