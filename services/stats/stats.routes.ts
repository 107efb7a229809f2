import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { DrillQuery, StatsDrillService } from './stats-drill.service.ts';
import type { HandlingQuery, OverdueQuery, PeriodQuery, StatsService } from './stats.service.ts';
import { certificatesCsv, handlingCsv, overdueCsv, projectsCsv } from './stats-csv.ts';
import {
  certificatesQuery, certificatesResponse, drillQuery, drillResponse, errorResponse, handlingQuery, handlingResponse,
  overdueQuery, overdueResponse, projectsQuery, projectsResponse,
} from './stats.schema.ts';

type Csv = { format?: 'json' | 'csv' };

const csv = (reply: FastifyReply, name: string, body: string | AsyncIterable<string>) => reply
  .type('text/csv; charset=utf-8')
  .header('content-disposition', `attachment; filename="${name}.csv"`)
  .send(typeof body === 'string' ? body : Readable.from(body));

const CSV_NOTE = 'format=csv 时为 text/csv 文件（UTF-8 带 BOM，中文表头，含合计行）';

export function statsRoutes(deps: { stats: StatsService; statsDrill: StatsDrillService }): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: HandlingQuery & Csv }>('/api/stats/handling', {
      config: { access: 'stats:read' },
      schema: {
        tags: ['stats'],
        summary: '业务办理情况：新增（期间收件）、在办（期末未办结）、办结（期间办结），按业务事项、月份、区域或办理处室分组，含合计',
        description: `按月份分组时列出期间每个月（含 0），在办为各月月末（或 to）的在办数。${CSV_NOTE}`,
        querystring: handlingQuery,
        response: { 200: handlingResponse, '4xx': errorResponse },
      },
    }, async (req, reply) => {
      const { format, ...q } = req.query;
      const r = await deps.stats.handling(q);
      return format === 'csv' ? csv(reply, `handling-${r.group}-${r.from}-${r.to}`, handlingCsv(r)) : r;
    });

    app.get<{ Querystring: PeriodQuery & Csv }>('/api/stats/certificates', {
      config: { access: 'stats:read' },
      schema: {
        tags: ['stats'],
        summary: '证照情况统计：各办理部门、各证照类型的发证数、已传、未传与上传率，含总计',
        description: `发证：审批办结且有证书编号，类型按编号前缀（武规选、武规地、武规建、武规验）。${CSV_NOTE}`,
        querystring: certificatesQuery,
        response: { 200: certificatesResponse, '4xx': errorResponse },
      },
    }, async (req, reply) => {
      const { format, ...q } = req.query;
      const r = await deps.stats.certificates(q);
      return format === 'csv' ? csv(reply, `certificates-${r.from}-${r.to}`, certificatesCsv(r)) : r;
    });

    app.get<{ Querystring: { by?: string } & Csv }>('/api/stats/projects', {
      config: { access: 'stats:read' },
      schema: {
        tags: ['stats'],
        summary: '项目数：按区域，或按办理处室（有该处室办理的审批的项目），含合计',
        description: CSV_NOTE,
        querystring: projectsQuery,
        response: { 200: projectsResponse, '4xx': errorResponse },
      },
    }, async (req, reply) => {
      const { format, ...q } = req.query;
      const r = await deps.stats.projects(q);
      return format === 'csv' ? csv(reply, `projects-${r.by}`, projectsCsv(r)) : r;
    });

    app.get<{ Querystring: OverdueQuery & Csv }>('/api/stats/overdue', {
      config: { access: 'stats:read' },
      schema: {
        tags: ['stats'],
        summary: '超期环节：按办理处室与到期月份，到期环节数与超期环节数（工作日计，含法定节假日与调休）',
        description: `环节自开始次日起计 limit_days 个工作日到期；到期后办结，或至今未办结且今天已过到期日，即为超期。只列到期数大于 0 的格。${CSV_NOTE}`,
        querystring: overdueQuery,
        response: { 200: overdueResponse, '4xx': errorResponse },
      },
    }, async (req, reply) => {
      const { format, ...q } = req.query;
      const r = await deps.stats.overdue(q);
      return format === 'csv' ? csv(reply, `overdue-${r.from}-${r.to}`, overdueCsv(r)) : r;
    });

    app.get<{ Querystring: DrillQuery & Csv }>('/api/stats/approvals', {
      config: { access: 'stats:read' },
      schema: {
        tags: ['stats'],
        summary: '统计数字背后的审批：与该数字同样计数（total 即该数字），新的在前',
        description: 'month 只看该月（与月份行同样计数）；unit、type、uploaded 只用于 issued；overdue 的 office 指环节的办理处室，每个超期环节一条。'
          + 'format=csv 导出全部（UTF-8 带 BOM，中文表头）。',
        querystring: drillQuery,
        response: { 200: drillResponse, '4xx': errorResponse },
      },
    }, async (req, reply) => {
      const { format, page, size, ...q } = req.query;
      if (format === 'csv') return csv(reply, `approvals-${q.measure ?? ''}`, await deps.statsDrill.approvalsCsv(q));
      return deps.statsDrill.approvals({ ...q, page, size });
    });
  };
}
