import type { FastifyPluginAsync } from 'fastify';
import { searchQuerystring, searchResponse, suggestQuerystring, suggestResponse, type SearchParams } from './search.schema.ts';
import type { SearchService } from './search.service.ts';
import type { SuggestService } from './suggest.service.ts';

export function searchRoutes(deps: { search: Pick<SearchService, 'search'>; suggest: Pick<SuggestService, 'suggest'> }): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: SearchParams }>('/api/search', {
      config: { access: 'search:read' },
      schema: {
        tags: ['search'],
        summary: '综合检索：审批、公文、会议、信访、法规与项目，按项目关联',
        description: '项目编号或文号（任意括号形式）精确命中者排在最前，仅在标题或正文中引用该文号的文件排在其后；项目名称命中时该项目的资源置顶。'
          + 'counts 为各标签页的命中记录数，total 为其和，均已计入筛选条件（超过精确计数上限时为估计值）。'
          + '不填 q 而给出筛选条件或 type 时，列出选中的记录，按日期从新到旧（PostgreSQL 上每类最多回溯约一万条最新记录，更早的请用 from/to 缩小日期）。'
          + '响应的 filters 为实际采用的规范化筛选条件。',
        querystring: searchQuerystring,
        response: { 200: searchResponse },
      },
    }, async (req) => deps.search.search(req.query));

    app.get<{ Querystring: { q: string; size?: number } }>('/api/suggest', {
      config: { access: 'search:read' },
      schema: {
        tags: ['search'],
        summary: '输入提示：项目名称、建设单位、地名与法规，支持全拼与首字母',
        description: '同名项目各为一条，以 detail（区 · 项目编号）区分；每条的 href 可直接打开。',
        querystring: suggestQuerystring,
        response: { 200: suggestResponse },
      },
    }, async (req) => deps.suggest.suggest(req.query.q, req.query.size));
  };
}
