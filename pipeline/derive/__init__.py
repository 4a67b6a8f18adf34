"""What is worked out from the per-document rows: the Inspectorate's arithmetic and completeness (checks),
documents joined into inspections with their ids and the per-inspection tables (inspections), and what the
site lists beside what was extracted (catalogue).

Pure functions over table rows; imports models only (a theme's name in a sentence is found with the
framework's names for its areas, models.frameworks), never extractors, files, processes or the command line."""
