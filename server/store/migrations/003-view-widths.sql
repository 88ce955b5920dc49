-- Column widths (rem by column id) a view was saved with; null for views
-- saved without them, as every view saved before widths were kept.
ALTER TABLE views ADD COLUMN widths jsonb;

ALTER TABLE view_versions ADD COLUMN widths jsonb;
