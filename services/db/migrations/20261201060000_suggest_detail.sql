-- Type-ahead entries are keyed by what they name as well as by their text: 万科中央公馆 in three
-- districts is three entries, each with what tells it apart (`detail`: district and number).
-- Builders and places had no ref; their own name is it now, so every entry can be opened.
-- Project details fill in at the next reindex.

ALTER TABLE search_suggestions ADD COLUMN detail text;
UPDATE search_suggestions SET ref = text WHERE ref IS NULL;
ALTER TABLE search_suggestions ALTER COLUMN ref SET NOT NULL;
ALTER TABLE search_suggestions DROP CONSTRAINT search_suggestions_pkey;
ALTER TABLE search_suggestions ADD PRIMARY KEY (kind, text, ref);
