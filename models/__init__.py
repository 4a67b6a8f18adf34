"""The domain model: typed fact records, table schemas and pattern vocabularies."""
