/**
 * A project's aliases as SQL, for every read that needs them (search documents, type-ahead, the
 * linker, recommendations): the record's own `extra.aliases`, then those people added
 * (`project_aliases`), as text[] — NULL when there are none. `p` is the projects row's alias.
 */
export const projectAliasesSql = (p: string) => `(SELECT array_agg(a.alias ORDER BY a.o, a.n, a.alias) FROM (
    SELECT e.alias, 0 AS o, e.n FROM jsonb_array_elements_text(
      CASE WHEN jsonb_typeof(${p}.extra->'aliases') = 'array' THEN ${p}.extra->'aliases' ELSE '[]'::jsonb END) WITH ORDINALITY AS e(alias, n)
    UNION ALL
    SELECT pa.alias, 1, 0 FROM project_aliases pa WHERE pa.project_no = ${p}.project_no) a)`;
