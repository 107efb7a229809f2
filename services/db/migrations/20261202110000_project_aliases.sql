-- Names people use for a project that its record does not carry (issue #12's alias table):
-- added by a person, kept apart from the record so that a re-import never drops them. Search,
-- type-ahead and the linker read them beside the record's own `extra.aliases`.
CREATE TABLE project_aliases (
  project_no text NOT NULL,
  alias      text NOT NULL,
  note       text,
  added_by   text NOT NULL,
  added_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_no, alias)
);
CREATE INDEX project_aliases_alias_idx ON project_aliases (alias);
