"""What is worked out from the per-document rows: the Inspectorate's arithmetic and completeness (checks),
documents joined into inspections with their ids and the per-inspection tables (inspections), and what the
site lists beside what was extracted (catalogue).

Pure functions over table rows; imports models and extractors (a theme's name read from words), never files,
processes or the command line."""
