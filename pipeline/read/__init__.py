"""What analysts and reviewers read: the tables loaded with Arrow types and the notebook's views (analysis),
CSV and Excel exports (export), and the review pages (review).

Reads the output folder's tables; imports models and pipeline.store only."""
