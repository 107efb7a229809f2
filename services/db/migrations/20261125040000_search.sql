-- Search on PostgreSQL: which generation of the search table readers use, and the suggestion
-- terms. The generation tables themselves (search_docs_g<n>) are made by the engine, since
-- `planhub reindex` creates a new one each time and drops the old.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE search_state (
  id                          integer PRIMARY KEY CHECK (id = 1),
  generation                  integer NOT NULL,
  building                    integer,
  dictionary_version          text,
  building_dictionary_version text,
  switched_at                 timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE search_suggestions (
  text     text NOT NULL,
  kind     text NOT NULL,
  ref      text,
  pinyin   text NOT NULL,
  initials text NOT NULL,
  weight   real NOT NULL,
  PRIMARY KEY (kind, text)
);
CREATE INDEX search_suggestions_text_idx ON search_suggestions (text text_pattern_ops);
CREATE INDEX search_suggestions_pinyin_idx ON search_suggestions (pinyin text_pattern_ops);
CREATE INDEX search_suggestions_initials_idx ON search_suggestions (initials text_pattern_ops);

-- The domain words the index was built with (jieba's extra dictionary). Processes load them at
-- start so that index and query segment alike; a reindex replaces them.
CREATE TABLE search_dictionary (
  word text PRIMARY KEY
);
