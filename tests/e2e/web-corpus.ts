/**
 * The hand-written records the browser tests look for, beside a small generated corpus: one
 * project with an open, overdue step, two 公文 of which one cites the other's 文号 in another
 * bracket form, a meeting that names the project's number, a petition, a credit record and a
 * regulation. Names and people are invented.
 */

export const SHOWCASE = {
  projectNo: 'QSAA20160020',
  name: '青山体育公园',
  initials: 'qstygy',
  builder: '武汉青山体育发展有限公司',
  citingDoc: 'doc-e2e-citing',
  citedDoc: 'doc-e2e-cited',
  citedDocNoAsWritten: '武规〔2016〕88号',
  citedTitle: '关于青山区体育设施布局规划的通知',
  openApproval: 'apv-e2e-permit',
  overdueStep: '消防',
  petition: 'pet-e2e-noise',
} as const;

export const OTHER = { projectNo: 'HSAA20170031', name: '洪山区光谷体育公园配套学校新建工程', district: '洪山' } as const;

export const CORPUS = {
  projects: [
    {
      id: 'prj-e2e-1', project_no: SHOWCASE.projectNo, name: SHOWCASE.name, builder: SHOWCASE.builder,
      builder_credit_code: '91420107MA4K00E2E1', address: '青山区和平大道与建设二路交汇处', district: '青山',
      project_type: '公共设施', land_use: 'A4 体育用地', scale_m2: 86500, created_at: '2016-03-01',
    },
    {
      id: 'prj-e2e-2', project_no: OTHER.projectNo, name: OTHER.name, builder: '武汉光谷教育建设有限公司',
      address: '洪山区关山大道以东', district: OTHER.district, project_type: '公共设施', land_use: 'A33 中小学用地',
      scale_m2: 32000, created_at: '2017-02-10',
    },
  ],
  credits: [
    { id: 'crd-e2e-1', builder: SHOWCASE.builder, credit_code: '91420107MA4K00E2E1', status: '守信', date: '2020-05-01' },
  ],
  regulations: [
    { id: 'reg-e2e-1', title: '武汉市城乡规划条例（测试）', date: '2013-01-10', region: '武汉', category: '地方性法规', text: '第一条 为了加强城乡规划管理，制定本条例。' },
  ],
  approvals: [
    {
      id: 'apv-e2e-conditions', project_no: SHOWCASE.projectNo, item: '规划设计条件', status: '办结',
      received_at: '2016-03-10T09:00:00', closed_at: '2016-03-18T16:00:00', office: '规划处', handler: '经办人甲',
      certificate_no: null,
      steps: [
        { name: '受理', stage: '技术审查', office: '市民之家窗口', handler: '经办人甲', limit_days: 1, started_at: '2016-03-10T09:00:00', finished_at: '2016-03-10T17:00:00' },
        { name: '签批', stage: '技术审查', office: '规划处', handler: '经办人乙', limit_days: 3, started_at: '2016-03-14T09:00:00', finished_at: '2016-03-16T11:00:00' },
      ],
    },
    {
      id: SHOWCASE.openApproval, project_no: SHOWCASE.projectNo, item: '建设工程规划许可证', status: '在办',
      received_at: '2016-06-01T09:00:00', closed_at: null, office: '行政审批处', handler: '经办人丙', certificate_no: null,
      steps: [
        { name: '受理', stage: '技术审查', office: '市民之家窗口', handler: '经办人甲', limit_days: 1, started_at: '2016-06-01T09:00:00', finished_at: '2016-06-01T15:00:00' },
        // Ten working days from 2016-06-02, and still open: overdue.
        { name: SHOWCASE.overdueStep, stage: '外部协审', office: '市消防支队', handler: '经办人丁', limit_days: 10, started_at: '2016-06-02T09:00:00', finished_at: null },
        { name: '发证', stage: '工程许可', office: '市民之家窗口', handler: null, limit_days: 1, started_at: null, finished_at: null },
      ],
    },
    {
      id: 'apv-e2e-school', project_no: OTHER.projectNo, item: '建设工程规划许可证', status: '在办',
      received_at: '2017-04-01T09:00:00', closed_at: null, office: '行政审批处', handler: '经办人戊', certificate_no: null,
      steps: [{ name: '受理', stage: '技术审查', office: '市民之家窗口', handler: '经办人甲', limit_days: 1, started_at: '2017-04-01T09:00:00', finished_at: null }],
    },
  ],
  documents: [
    {
      id: SHOWCASE.citedDoc, doc_no: '武规[2016]88号', title: SHOWCASE.citedTitle, date: '2016-02-20', issuer: '武汉市国土资源和规划局',
      text: '各分局：为完善青山区体育设施布局，现将有关事项通知如下。', project_nos: [],
    },
    {
      id: SHOWCASE.citingDoc, doc_no: '武规〔2017〕12号', title: '关于青山体育公园建设工程规划许可的批复', date: '2017-03-15',
      issuer: '武汉市国土资源和规划局',
      text: `${SHOWCASE.builder}：\n你单位关于青山体育公园的申请收悉。依据《武汉市城乡规划条例》及${SHOWCASE.citedDocNoAsWritten}，经研究，批复如下：同意青山体育公园（项目编号${SHOWCASE.projectNo}）的建设工程设计方案。`,
      project_nos: [SHOWCASE.projectNo],
    },
  ],
  meetings: [
    {
      id: 'mtg-e2e-1', title: '2016年第12次方案会纪要', date: '2016-05-20', kind: '方案会',
      text: `会议审议了青山体育公园（${SHOWCASE.projectNo}）规划设计方案，原则同意。`, project_nos: [SHOWCASE.projectNo],
    },
  ],
  petitions: [
    {
      id: SHOWCASE.petition, letter_no: '[2017]90001', subject: '青山体育公园工地夜间施工噪音扰民',
      text: '青山体育公园工地晚上十一点后仍在施工，影响附近居民休息，请尽快处理。', received_at: '2017-06-01T10:00:00',
      channel: '市长专线', category: '城乡建设', office: '信访中心', deadline: '2017-07-31', status: '办理中',
      petitioner: { name: '测试来信人', phone: '13800000000', email: 'someone@example.com', address: '青山区某小区1栋' },
      project_nos: [SHOWCASE.projectNo],
    },
  ],
} as const;
