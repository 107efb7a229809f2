-- Type-ahead from inside a name: the pinyin and initials of each entry from each of its inner
-- words on (at most eight words; `ggxx…` for 武昌区某某街光谷小学新建工程), so that a prefix
-- typed from a word in the middle finds the entry. One row per key; the entry is
-- search_suggestions' (kind, text, ref). No foreign key: setSuggestions replaces both tables in
-- one transaction, and a cascade would scan this table once per deleted entry.
-- Filled at the next reindex; until then type-ahead matches whole names only, as before.

CREATE TABLE search_suggestion_keys (
  kind text NOT NULL,
  text text NOT NULL,
  ref  text NOT NULL,
  key  text NOT NULL
);
CREATE INDEX search_suggestion_keys_key_idx ON search_suggestion_keys (key text_pattern_ops);
