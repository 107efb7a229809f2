/** What type-ahead terms are built from: projects with their activity, builders, regulations. Plain SQL. */
import type { Queryable } from '../services/db/db.ts';
import { projectAliasesSql } from '../services/db/project-aliases-sql.ts';

export interface SuggestionSources {
  /**
   * Every project, with how many records it has collected (busier projects suggest first), and
   * the other names it goes by: its sales name (楼盘名) and aliases, as the record gave them.
   */
  projects: { name: string; project_no: string; district: string | null; n: number; estate_name: string | null; aliases: string[] | null }[];
  /** Every builder named by a project, with its number of projects. */
  builders: { name: string; n: number }[];
  regulations: { title: string; id: string; date: string | null }[];
}

async function load(db: Queryable): Promise<SuggestionSources> {
  const [projects, builders, regulations] = await Promise.all([
    db.query<SuggestionSources['projects'][number]>(
      `SELECT p.name, p.project_no, p.district, coalesce(s.approvals + s.documents + s.meetings + s.petitions, 0) AS n,
              p.extra->>'estate_name' AS estate_name,
              ${projectAliasesSql('p')} AS aliases
       FROM projects p LEFT JOIN project_summaries s USING (project_no)`,
    ),
    db.query<SuggestionSources['builders'][number]>(
      'SELECT builder AS name, count(*)::int AS n FROM projects WHERE builder IS NOT NULL GROUP BY builder',
    ),
    db.query<SuggestionSources['regulations'][number]>('SELECT title, id, date::text AS date FROM regulations'),
  ]);
  return { projects: projects.rows, builders: builders.rows, regulations: regulations.rows };
}

export const suggestionSourceStore = { load };
