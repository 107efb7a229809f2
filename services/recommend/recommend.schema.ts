/** Request and response schemas of the recommendations API (OpenAPI tag `recommendations`). */
import { DEFAULT_RECOMMENDATIONS, MAX_RECOMMENDATIONS } from './recommend.service.ts';

export const recommendQuerystring = {
  type: 'object',
  additionalProperties: false,
  properties: { size: { type: 'integer', minimum: 1, maximum: MAX_RECOMMENDATIONS, default: DEFAULT_RECOMMENDATIONS } },
};

const recommendation = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['document', 'meeting', 'petition', 'credit', 'approval', 'regulation'] },
    id: { type: 'string' },
    title: { type: 'string' },
    date: { type: ['string', 'null'] },
    group: {
      type: 'string', enum: ['about', 'builder', 'case', 'regulation', 'nearby'],
      description: 'about 本项目材料（关联）；builder 建设单位信用；case 相似案例（同一业务事项）；regulation 适用法规；nearby 同一地点的其他材料',
    },
    score: { type: 'number', description: '0–1，越高越值得先读' },
    project_no: { type: ['string', 'null'], description: '相似案例或邻近项目材料所属的项目' },
    reasons: {
      type: 'array',
      items: { type: 'object', properties: { kind: { type: 'string' }, text: { type: 'string', description: '可供核对的中文说明' } } },
    },
  },
};

export const recommendResponse = {
  type: 'object',
  properties: {
    project_no: { type: 'string' },
    approval_id: { type: ['string', 'null'] },
    items: { type: 'array', items: recommendation },
  },
};

export const projectParams = {
  type: 'object', required: ['projectNo'], properties: { projectNo: { type: 'string', minLength: 1, maxLength: 40 } },
};

export const approvalParams = {
  type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
};
