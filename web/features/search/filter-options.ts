/**
 * The choices the search filters offer. The API accepts any value (an unknown district is a 400
 * that lists the known ones); these are the values the bureau's records hold.
 */

/** Wuhan's districts by their short names, as the API answers them (indexers/districts.ts). */
export const DISTRICTS = ['江岸', '江汉', '硚口', '汉阳', '武昌', '青山', '洪山', '东湖', '东西湖', '蔡甸', '江夏', '黄陂', '新洲', '汉南', '中心城区'] as const;

/** 业务事项 by what they belong to: the `item` filter reads each type's own field. */
export const ITEM_OPTIONS = {
  approval: [
    '重大项目选址', '建设选址意见书', '建设选址意见书（市政）', '规划设计条件', '建设用地规划许可', '建设用地规划许可（市政）',
    '土地储备要点', '规划设计方案审查', '规划设计方案审查（市政）', '规划方案预审', '建设工程规划许可证', '建设工程规划许可证（市政）',
    '规划调整审批', '新增建设用地报批', '征收土地公告', '征收土地补偿安置方案公告', '征收完毕确认', '国有建设用地供应审批',
    '基础测绘成果使用审批', '地图编制审批', '测绘登记', '规划条件核实',
  ],
  meeting: ['方案会', '局务会', '专题会'],
  petition: ['规划管理', '城乡建设', '市政建设', '环境保护', '土地征收', '国土资源'],
  regulation: ['法律', '行政法规', '地方性法规', '部门规章', '规范性文件', '技术规定'],
} as const;

/** Statuses by type: approvals 新增/在办/办结, petitions as the petition centre writes them, credit standings. */
export const STATUS_OPTIONS = {
  approval: ['新增', '在办', '办结'],
  petition: ['受理', '办理中', '已办结', '不予受理'],
  credit: ['守信', '一般', '失信'],
} as const;
