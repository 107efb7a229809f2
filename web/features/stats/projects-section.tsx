'use client';
/**
 * 项目按区属统计 and 按办理部门统计: the projects of each district (each count opens the
 * district's projects in 检索) and the distinct projects each office has handled an approval of.
 */
import { AppLink as Link } from '../common/app-link';
import { searchHref } from '../search/search-state';
import { StatsSection } from './stats-section';
import { statsCsvHref } from './stats-state';
import { useProjects } from './stats.queries';
import type { ProjectsAnswer, ProjectsBy } from './stats.types';
import { STATS_TEXTS } from './texts';

const P = STATS_TEXTS.projects;

function ProjectsTable({ answer }: { answer: ProjectsAnswer }) {
  const byDistrict = answer.by === 'district';
  return (
    <table className="ph-audit-table ph-stats-table" data-table={`projects-${answer.by}`}>
      <thead>
        <tr>
          <th scope="col">{byDistrict ? P.district : P.office}</th>
          <th scope="col" className="ph-num">{P.count}</th>
        </tr>
      </thead>
      <tbody>
        {answer.rows.map((r) => (
          <tr key={r.key} data-row={r.key}>
            <th scope="row">{r.key}</th>
            <td className="ph-num">
              {byDistrict && r.projects > 0 ? <Link href={searchHref({ type: 'project', district: r.key })}>{r.projects}</Link> : r.projects}
            </td>
          </tr>
        ))}
        <tr className="ph-stats-total" data-row="合计">
          <th scope="row">{P.total}</th>
          <td className="ph-num">{answer.total.projects}</td>
        </tr>
      </tbody>
    </table>
  );
}

function ProjectsBlock({ by }: { by: ProjectsBy }) {
  const query = useProjects(by);
  return (
    <StatsSection id={`projects-${by}`} title={by === 'district' ? P.byDistrict : P.byOffice} csv={statsCsvHref('projects', { by })} query={query}>
      {(answer) => <ProjectsTable answer={answer} />}
    </StatsSection>
  );
}

export function ProjectsSection() {
  return (
    <div className="ph-stats-pair">
      <ProjectsBlock by="district" />
      <ProjectsBlock by="office" />
    </div>
  );
}
