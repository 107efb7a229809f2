/**
 * The prose of the bureau's replies and letters about one case: addressee, receipt, numbered
 * findings and requirements, closing line, signature. Every value comes from the project and
 * its case, so the text agrees with the structured records.
 */
import { chineseDate, yearOf } from './calendar.ts';
import type { Rng } from './rng.ts';
import type { ProjectDraft } from './project-factory.ts';
import type { ApprovalDraft } from './approval-factory.ts';
import { bureauShortName, landUseLabel, projectRef, scaleSentence } from './prose-helpers.ts';
import type { DocFamily } from './prose-helpers.ts';

export interface DocText { title: string; text: string; family: DocFamily }

const NUMBERED = ['一', '二', '三', '四', '五', '六', '七'];

/** Planning indicators, kept within ranges a plan of that kind would get. */
function indicators(p: ProjectDraft, rng: Rng) {
  const housing = p.kind === 'residential' || p.kind === 'resettlement';
  const industrial = p.kind === 'industrial';
  const far = housing ? rng.float(1.8, 4.2) : industrial ? rng.float(1, 2) : p.kind === 'commercial' ? rng.float(2.5, 8) : rng.float(0.8, 2.5);
  return {
    far: far.toFixed(2),
    density: rng.int(industrial ? 35 : 18, industrial ? 55 : 35),
    green: rng.int(industrial ? 15 : 30, industrial ? 20 : 40),
    height: housing ? rng.pick([54, 80, 100, 120, 150]) : p.kind === 'commercial' ? rng.pick([50, 80, 100, 150, 200]) : rng.pick([15, 24, 36, 50]),
    // Roughly 0.5–1.2 spaces per 100 m², as the technical rules ask.
    parking: Math.max(10, Math.round((p.scaleM2 / 100) * rng.float(0.5, 1.2))),
  };
}

/** What a document calls the matter an item decides ("…规划设计方案的批复", not "…方案审查的批复"). */
const ITEM_SUBJECTS: Readonly<Record<string, string>> = {
  重大项目选址: '建设项目选址', 建设选址意见书: '建设项目选址', 规划设计方案审查: '规划设计方案', 建设工程规划许可证: '建设工程规划许可',
  规划调整审批: '规划调整', 新增建设用地报批: '新增建设用地', 国有建设用地供应审批: '国有建设用地供应方案', 土地储备要点: '土地储备规划要点',
  征收完毕确认: '土地征收完毕确认', 测绘登记: '测绘项目登记', 基础测绘成果使用审批: '基础测绘成果使用', 地图编制审批: '地图编制',
};

function subjectOf(item: string): string {
  const plain = item.replace('（市政）', '');
  return ITEM_SUBJECTS[plain] ?? plain;
}

const GENERAL_REQUIREMENTS = [
  '你单位应严格按照批准的方案组织建设，不得擅自变更；确需调整的，应按程序报我局审批。',
  '项目施工期间应落实文明施工和扬尘治理措施，合理安排施工时间，确需夜间连续施工的，应依法办理夜间施工许可，避免噪声扰民。',
  '项目应按照海绵城市建设要求同步设计、同步施工，年径流总量控制率不低于{sponge}%。',
  '请按规定缴纳城市基础设施配套费及相关规费。',
  '项目红线范围内及周边现状市政管线应予以保护，施工前请与相关管线权属单位做好衔接。',
  '你单位应在施工现场醒目位置设置规划公示牌，公示项目规划许可内容，接受社会监督。',
  '项目竣工后，应向我局申请规划条件核实，未经核实或核实不合格的，不得组织竣工验收。',
];
const HOUSING_REQUIREMENTS = [
  '配套建设的幼儿园、社区服务用房等公共服务设施应与住宅同步规划、同步建设、同步交付使用。',
  '住宅建筑日照应满足冬至日满窗日照不少于2小时的要求，不得影响周边现状住宅的日照条件。',
];
const MUNICIPAL_REQUIREMENTS = [
  '工程实施期间应制定交通疏解方案，报交通管理部门同意后实施，尽量减少对市民出行的影响。',
  '工程涉及的绿地占用及树木迁移，应按规定报园林部门审批。',
];

function requirements(p: ProjectDraft, year: number, rng: Rng, count: number): string[] {
  const pool = [
    // Sponge-city targets only entered planning conditions with the 2015 pilot.
    ...GENERAL_REQUIREMENTS.filter((r) => year >= 2015 || !r.includes('海绵城市')),
    ...(p.kind === 'residential' || p.kind === 'resettlement' ? HOUSING_REQUIREMENTS : []),
    ...(p.spec.projectType === '市政交通' ? MUNICIPAL_REQUIREMENTS : []),
  ];
  return rng.sample(pool, count).map((r) => r.replace('{sponge}', String(rng.pick([70, 75, 80, 85]))));
}

/** The finding that carries the decision, worded for the item. */
function decision(p: ProjectDraft, a: ApprovalDraft, rng: Rng): string {
  const ind = indicators(p, rng);
  const cert = a.certificateNo ? `（${a.certificateNo}）` : '';
  const item = a.item.replace('（市政）', '');
  switch (item) {
    case '建设选址意见书':
    case '重大项目选址':
      return `经审查，该项目选址符合武汉市城市总体规划及${p.district.short}片区控制性详细规划，同意该项目选址，核发《建设项目选址意见书》${cert}。项目用地范围以核定的规划用地红线为准。`;
    case '规划设计条件':
      return `该地块规划设计条件如下：（一）用地性质：${landUseLabel(p.landUse)}；（二）容积率：不大于${ind.far}；（三）建筑密度：不大于${ind.density}%；（四）绿地率：不小于${ind.green}%；（五）建筑限高：${ind.height}米；（六）机动车停车位：按《武汉市建设工程规划管理技术规定》配建，不少于${ind.parking}个。`;
    case '建设用地规划许可':
      return `经审查，同意核发该项目《建设用地规划许可证》${cert}，核定规划用地面积${(p.scaleM2 / rng.float(1.5, 3.5)).toFixed(2)}平方米，用地性质为${landUseLabel(p.landUse) || '公用设施用地'}。`;
    case '规划设计方案审查':
    case '规划方案预审':
      return `经${a.item === '规划方案预审' ? '预审' : '审查'}，原则同意你单位报送的规划设计方案。方案容积率${ind.far}，建筑密度${ind.density}%，绿地率${ind.green}%，建筑高度不超过${ind.height}米，配建机动车停车位${ind.parking}个。方案应按${rng.pick(['规划方案审查会', '专家评审会', '局务会'])}意见进一步优化建筑立面及沿街界面设计。`;
    case '建设工程规划许可证':
      return `经审查，该项目建设工程设计方案符合规划设计条件及审定的规划设计方案，同意核发《建设工程规划许可证》${cert}。许可建设内容以附图及附件为准。`;
    case '规划调整审批':
      return `你单位申请将该项目容积率由${ind.far}调整为${(Number(ind.far) + rng.float(0.1, 0.5)).toFixed(2)}，经公示及专家论证，${rng.chance(0.6) ? '同意调整，调整后的规划指标以本批复为准' : '鉴于调整将影响周边居民日照及公共服务设施配套，不同意调整'}。`;
    case '规划条件核实':
      return `经现场核实，该项目建筑位置、层数、高度及建筑面积与《建设工程规划许可证》核准内容一致，配套设施已按规划要求建成，同意通过规划条件核实，出具《建设工程规划条件核实合格证》${cert}。`;
    case '土地储备要点':
      return `该地块规划用途为${landUseLabel(p.landUse)}，储备范围以附图红线为准。请按照规划要点做好土地前期开发及征收补偿工作，储备期间不得擅自改变土地现状用途。`;
    case '新增建设用地报批':
      return `该项目拟占用农用地${(p.scaleM2 / 666.67 / rng.float(1.5, 3)).toFixed(1)}亩，其中耕地${(p.scaleM2 / 666.67 / rng.float(4, 8)).toFixed(1)}亩，已落实耕地占补平衡，拟报请省人民政府批准转为建设用地。`;
    case '征收土地公告':
    case '征收土地补偿安置方案公告':
      return `经湖北省人民政府批准（鄂政土批〔${yearOf(a.receivedMs)}〕${rng.int(10, 400)}号），征收${p.landmark}村集体土地用于${p.name}建设。被征收土地所有权人、使用权人应在公告规定期限内持土地权属证书到${p.district.short}区征地事务机构办理征地补偿登记。`;
    case '征收完毕确认':
      return `经核查，${p.name}范围内土地征收补偿费用已足额支付到位，被征地农民社会保障费用已落实，地上附着物已清理完毕，确认该项目土地征收工作完毕。`;
    case '国有建设用地供应审批':
      return `同意该地块以${rng.pick(['挂牌出让', '拍卖出让', '划拨'])}方式供应，出让年限按法定最高年限确定，土地出让起始价由市土地交易中心按程序确定。`;
    default:
      return `经审查，同意你单位${item}申请，相关成果应按规定汇交并做好保密管理。`;
  }
}

/** Title of the document a closed case produces. */
function title(p: ProjectDraft, a: ApprovalDraft, rng: Rng): { title: string; family: DocFamily } {
  const item = a.item.replace('（市政）', '');
  const prefix = rng.chance(0.2) ? bureauShortName(yearOf(a.closedMs!)) : '';
  const land = a.spec.lead !== 'planning' && a.spec.lead !== 'municipal' && a.spec.lead !== 'survey';
  if (item === '规划设计条件') return { title: `${prefix}关于${p.name}规划设计条件的函`, family: 'letter' };
  if (item === '规划条件核实' || item === '规划方案预审') return { title: `${prefix}关于${p.name}${item}意见的函`, family: 'letter' };
  if (item === '征收土地公告') return { title: `${prefix}关于${p.name}征收土地的公告`, family: 'land' };
  if (item === '征收土地补偿安置方案公告') return { title: `${prefix}关于${p.name}征地补偿安置方案的公告`, family: 'land' };
  if (item === '规划设计方案审查' && rng.chance(0.4)) return { title: `${prefix}关于${p.name}修建性详细规划及建筑设计方案审查意见的函`, family: 'letter' };
  return { title: `${prefix}关于${p.name}${subjectOf(item)}的批复`, family: land ? 'land' : 'reply' };
}

const REVIEWS: Readonly<Record<string, string>> = {
  交评: '交通影响评价审查', 海绵城市: '海绵城市专项审查', 三维: '三维仿真审查', 方案会: '规划方案审查会审议', 市政处协审: '市政处协审',
  消防: '消防、人防、供电等部门协审', 面积校核: '建筑面积校核', 核位红线: '用地红线核位', 公示: '批前公示',
};

/** What the case went through, in the order it happened: "经交通影响评价审查、…及批前公示". */
function reviewSentence(p: ProjectDraft, a: ApprovalDraft, rng: Rng): string {
  const done = [...new Set(a.steps.map((s) => REVIEWS[s.name]).filter((r): r is string => Boolean(r)))];
  const received = `我局于${chineseDate(a.receivedMs)}受理该申请`;
  const publicity = a.steps.some((s) => s.name === '公示')
    ? `公示期间${rng.chance(0.8) ? '未收到利害关系人书面异议' : `共收到${rng.int(2, 30)}份意见，经研究已予以答复`}。`
    : '';
  // Land sold at auction comes with a transfer contract; allocated land with an approval.
  const sold = p.spec.chain === 'building';
  const basis = p.spec.projectType === '测绘地信' || p.spec.projectType === '土地储备'
    ? ''
    : `该项目已取得${rng.pick(sold ? ['企业投资项目备案证明', '国有建设用地使用权出让合同'] : ['发展改革部门立项批复', '划拨用地批准文件'])}，`;
  return `${basis}${received}${done.length > 0 ? `，先后进行了${done.join('、')}` : ''}。${publicity}`;
}

const ATTACHMENTS: Readonly<Record<string, string>> = {
  规划设计条件: '规划设计条件图', 建设用地规划许可: '用地红线图', 规划设计方案审查: '规划设计方案总平面图',
  建设工程规划许可证: '建设工程规划许可证附图', 规划条件核实: '竣工测量成果报告',
};

/** The document a closed case produced, addressed to the builder. */
export function approvalDocument(p: ProjectDraft, a: ApprovalDraft, withNo: boolean, issuer: string, rng: Rng): DocText {
  const { title: t, family } = title(p, a, rng);
  const notice = t.endsWith('公告');
  const findings = [
    `${projectRef(p, withNo)}位于${p.address}，建设单位为${p.builder.name}${p.landUse ? `，用地性质为${landUseLabel(p.landUse)}` : ''}，${scaleSentence(p, rng)}。`,
    decision(p, a, rng),
    ...(a.spec.certificate === '武规验'
      ? ['请持本函及相关材料按规定办理竣工验收备案及不动产首次登记。']
      : requirements(p, yearOf(a.closedMs!), rng, rng.int(2, 3))),
  ];
  // Permits expire if unused; a completion check or a letter does not.
  if (!notice && a.spec.certificate && a.spec.certificate !== '武规验') findings.push('本批复及所附图件是项目建设的法定依据，有效期一年；逾期未开工建设又未申请延期的，本批复自行失效。');
  const head = notice
    ? [`根据《中华人民共和国土地管理法》及《湖北省土地管理实施办法》的规定，现将有关事项公告如下：`]
    : [
      `你单位《关于申请办理${p.name}${subjectOf(a.item)}的报告》及相关材料收悉。${reviewSentence(p, a, rng)}`,
      `经研究，现${family === 'letter' ? '函复' : '批复'}如下：`,
    ];
  const body = findings.map((f, i) => `${NUMBERED[i]}、${f}`).join('\n');
  const closing = notice ? '特此公告。' : family === 'letter' ? '特此函复。' : '此复。';
  const attachment = ATTACHMENTS[a.item.replace('（市政）', '')];
  const copies = `抄送：${p.district.short === '东湖' ? '东湖新技术开发区管委会' : `${p.district.full}人民政府`}，${rng.pick(['市城乡建设局', '市发展改革委', '市住房保障和房屋管理局'])}${issuer.includes('分局') ? '' : `，${p.district.short}分局`}。`;
  const text = [
    ...(notice ? [] : [`${p.builder.name}：`]),
    ...head,
    body,
    closing,
    ...(attachment && !notice ? [`附件：${p.name}${attachment}`] : []),
    issuer,
    chineseDate(a.closedMs!),
    copies,
  ].join('\n');
  return { title: t, text, family };
}

/** The builder's own request (请示) that opened the case, filed with the bureau's documents. */
export function requestDocument(p: ProjectDraft, a: ApprovalDraft, bureau: string, rng: Rng): { title: string; text: string } {
  const item = a.item.replace('（市政）', '');
  const t = rng.chance(0.5) ? `${p.builder.name}关于申请办理${p.name}${item}的请示` : `关于${p.name}${item}有关事项的请示`;
  const reasons = rng.pick([
    `该项目已列入${yearOf(a.receivedMs)}年度${p.district.short}区重点建设项目计划，前期工作已基本完成。`,
    `该项目已取得发展改革部门${rng.pick(['立项批复', '备案证明'])}，设计单位已完成${rng.pick(['方案设计', '初步设计', '施工图设计'])}。`,
    `为加快推进项目建设，我单位已委托具备资质的设计单位编制完成相关技术文件，并征求了${p.street}及周边社区意见。`,
  ]);
  const text = [
    `${bureau}：`,
    `我单位${p.kind === 'residential' ? '开发建设' : '承建'}的${p.name}位于${p.address}，${scaleSentence(p, rng)}${p.landUse ? `，规划用地性质为${landUseLabel(p.landUse)}` : ''}。${reasons}`,
    `项目建成后，将${rng.pick(['进一步完善片区公共服务配套', '有效改善周边居民的居住条件', '缓解片区交通压力', '带动片区产业发展'])}，对${p.landmark}片区的发展具有重要意义。目前，项目${rng.pick(['资金已落实到位', '前期手续已基本完备', '施工单位已通过招标确定'])}，具备办理${item}的条件。`,
    `根据有关规定，现特申请办理该项目${item}，恳请贵局予以审查批准。`,
    `附件：1.${item}申请表；2.${rng.pick(['项目立项文件', '土地权属证明', '规划设计方案图纸'])}；3.法人诚信证明`,
    p.builder.name,
    chineseDate(a.receivedMs),
  ].join('\n');
  return { title: t, text };
}
