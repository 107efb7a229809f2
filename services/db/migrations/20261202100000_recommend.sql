-- Recommendations (issue #12): similar past cases are approvals of projects in the same district
-- with the same land use, nearest in scale first, walked from this index in both directions.
CREATE INDEX projects_district_use_scale_idx ON projects (district, land_use, scale_m2);
