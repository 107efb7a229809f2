import type { FastifyPluginAsync } from 'fastify';
import type { AliasInput, ProjectAliasService } from './project-alias.service.ts';
import { MAX_ALIAS_CHARS } from './project-alias.service.ts';

const params = { type: 'object', required: ['projectNo'], properties: { projectNo: { type: 'string', minLength: 1, maxLength: 40 } } };
const aliasRow = {
  type: 'object',
  properties: { alias: { type: 'string' }, note: { type: ['string', 'null'] }, added_by: { type: 'string' }, added_at: { type: 'string' } },
};
const aliasList = { type: 'array', items: aliasRow };

export function projectAliasRoutes(deps: { aliases: Pick<ProjectAliasService, 'list' | 'add' | 'remove'> }): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { projectNo: string } }>('/api/projects/:projectNo/aliases', {
      config: { access: 'project:read' },
      schema: {
        tags: ['projects'],
        summary: '项目别名：记录自带的名称与人工添加的别名（检索、联想与关联都会用到）',
        params,
        response: {
          200: { type: 'object', properties: { project_no: { type: 'string' }, record_names: { type: 'array', items: { type: 'string' } }, aliases: aliasList } },
        },
      },
    }, async (req) => deps.aliases.list(req.params.projectNo));

    app.post<{ Params: { projectNo: string }; Body: Omit<AliasInput, 'by'> }>('/api/projects/:projectNo/aliases', {
      config: { access: 'alias:write' },
      schema: {
        tags: ['projects'],
        summary: '添加别名（如“老水泥厂那块地”）：记入审计日志，检索与关联随后采用；shared_with 列出已用此名的其他项目',
        params,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['alias'],
          properties: {
            alias: { type: 'string', minLength: 1, maxLength: MAX_ALIAS_CHARS * 2 },
            note: { type: ['string', 'null'], maxLength: 200 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              project_no: { type: 'string' }, alias: { type: 'string' }, added: { type: 'boolean', description: 'false：该别名已存在' },
              shared_with: { type: 'array', items: { type: 'string' } }, aliases: aliasList,
            },
          },
        },
      },
    }, async (req) => deps.aliases.add(req.params.projectNo, { ...req.body, by: req.principal.username }));

    app.delete<{ Params: { projectNo: string }; Querystring: { alias: string } }>('/api/projects/:projectNo/aliases', {
      config: { access: 'alias:write' },
      schema: {
        tags: ['projects'],
        summary: '删除人工添加的别名（记录自带的名称需重新导入记录才能修改）',
        params,
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['alias'],
          properties: { alias: { type: 'string', minLength: 1, maxLength: MAX_ALIAS_CHARS * 2 } },
        },
        response: {
          200: { type: 'object', properties: { project_no: { type: 'string' }, alias: { type: 'string' }, removed: { type: 'boolean' }, aliases: aliasList } },
        },
      },
    }, async (req) => deps.aliases.remove(req.params.projectNo, req.query.alias, req.principal.username));
  };
}
