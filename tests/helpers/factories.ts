/** Records in the import format, with overridable fields. Names and people are invented. */

let n = 0;
const next = () => (n += 1);

export function buildProject(overrides: Record<string, unknown> = {}) {
  const i = next();
  return {
    id: `prj-t${i}`,
    project_no: `HSAA2016${String(1000 + (i % 9000)).padStart(4, '0')}`,
    name: `测试花园${i}期`,
    builder: '武汉示例置业有限公司',
    builder_credit_code: '91420100MA4KXXXX1A',
    address: '洪山区关山街道民族大道以东',
    district: '洪山',
    project_type: '房屋建筑',
    land_use: 'R2 二类居住用地',
    scale_m2: 52000,
    created_at: '2016-03-01',
    ...overrides,
  };
}

export function buildApproval(projectNo: string, overrides: Record<string, unknown> = {}) {
  const i = next();
  return {
    id: `apv-t${i}`,
    project_no: projectNo,
    item: '建设工程规划许可证',
    status: '在办',
    received_at: '2016-05-10T09:30:00',
    closed_at: null,
    office: '行政审批处',
    handler: '经办人甲',
    certificate_no: null,
    steps: [
      { name: '受理', stage: '技术审查', office: '行政审批处', handler: '经办人甲', limit_days: 1, started_at: '2016-05-10', finished_at: '2016-05-10' },
      { name: '方案会', stage: '技术审查', office: '规划处', handler: '经办人乙', limit_days: 5, started_at: '2016-05-11', finished_at: null },
    ],
    ...overrides,
  };
}

export function buildPetition(overrides: Record<string, unknown> = {}) {
  const i = next();
  return {
    id: `pet-t${i}`,
    letter_no: `[2017]${String(90000 + i)}`,
    subject: '小区旁工地夜间施工噪音扰民',
    text: '洪山区关山那边测试花园旁边的工地晚上十一点还在施工，请尽快处理。',
    received_at: '2017-06-01T10:00:00',
    channel: '市长专线',
    category: '城乡建设',
    office: '信访中心',
    deadline: '2017-06-15',
    status: '受理',
    petitioner: { name: '来信人甲', phone: '13800000000', email: 'someone@example.com', address: '某小区1栋' },
    project_nos: [],
    ...overrides,
  };
}
