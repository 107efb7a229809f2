/**
 * Hand-written projects and the resources that name them loosely, one per hard kind of mention
 * (issue #12): a sales name, a brand without its company, roads only, plot and phase markers that
 * must agree, a home or a landmark, a wrong district, minutes deciding on several projects, a
 * colloquial name, and a letter about no project. Every name, number and person is invented.
 */
import type { ResourceType } from '../../services/resources/resource.schema.ts';

const PETITIONER = { name: '贾某某', phone: '13900001111', address: '武汉市某某区某某路8号' };

function petition(id: string, subject: string, text: string, receivedAt = '2025-06-01T10:00:00'): Record<string, unknown> {
  return {
    id, letter_no: `[2025]${id.replace(/\D/g, '').padStart(5, '0')}`, subject, text, received_at: receivedAt,
    channel: '网上信访', category: '城乡建设', office: '信访中心', deadline: '2025-07-31', status: '办理中',
    petitioner: PETITIONER, project_nos: [], people_count: 1,
  };
}

const project = (no: string, name: string, district: string, builder: string, address: string, extra: Record<string, unknown> = {}) => ({
  id: `prj-${no}`, project_no: no, name, builder, address, district, project_type: '房屋建筑', created_at: '2023-03-01', ...extra,
});

export const P = {
  lanqi: 'JXAA20230101', // 江夏区藏龙岛K9地块, sold as 鼎泓·澜栖湾
  yunqi2: 'HSAA20230102',
  yunqi1: 'HSAA20230103',
  qinhuK1: 'HSAA20230104',
  qinhuK3: 'HSAA20230105',
  qingwanRoad: 'HSSZ20230107',
  qixia: 'WCAA20230108',
  fengdan: 'JAAA20230109',
  jingui: 'JAAA20230110',
  cement: 'QKTD20230111',
  yangluoResettle: 'XZAA20230115',
  yangluoRental: 'XZAA20230116',
  beihuCentre: 'JHAA20230117',
  pipeGallery: 'JXSZ20230118',
  machineWorks: 'DHAA20230119',
  transferStation: 'HSSZ20230120',
  dongnan: 'HSAA20230121', // 洪山区黄家湖K4地块, sold as 福星惠誉·东南岸
} as const;

export const PROJECTS = [
  project(P.lanqi, '江夏区藏龙岛K9地块', '江夏', '武汉鼎泓置业有限公司', '江夏区藏龙岛街道杨桥湖大道以南、谭湖路以东',
    { estate_name: '鼎泓·澜栖湾', aliases: ['澜栖湾小区'] }),
  project(P.yunqi2, '鼎泓云栖台二期', '洪山', '湖北鼎泓洪山房地产开发有限公司', '洪山区青菱街道青菱大道以东、临湖大道以北', { created_at: '2024-09-01' }),
  project(P.yunqi1, '鼎泓云栖台一期', '洪山', '湖北鼎泓洪山房地产开发有限公司', '洪山区青菱街道青菱大道以东、临湖大道以南', { created_at: '2022-01-10' }),
  project(P.qinhuK1, '洪山区沁湖K1地块', '洪山', '武汉某某建设有限公司', '洪山区青菱街道沁湖路以北'),
  project(P.qinhuK3, '洪山区沁湖K3地块', '洪山', '武汉某某建设有限公司', '洪山区青菱街道沁湖路以南'),
  { ...project(P.qingwanRoad, '青湾路(临湖大道-沁湖路)道路工程', '洪山', '武汉市某某市政建设有限公司', '洪山区青菱街道临湖大道至沁湖路'), project_type: '市政工程' },
  project(P.qixia, '武昌区紫阳K2地块', '武昌', '武汉某某地产有限公司', '武昌区紫阳街道紫阳路以南', { estate_name: '栖霞府' }),
  project(P.fengdan, '江岸区后湖K5地块', '江岸', '武汉某某置地有限公司', '江岸区后湖街道后湖大道以西', { estate_name: '枫丹里' }),
  project(P.jingui, '江岸区堤角P3地块', '江岸', '武汉某某房地产有限公司', '江岸区丹水池街道堤角路以东', { estate_name: '金桂苑' }),
  { ...project(P.cement, '硚口区长丰片P7地块土地储备项目', '硚口', '武汉市某某土地整理中心', '硚口区长丰街道长丰大道以北', { aliases: ['老水泥厂那块地'] }), project_type: '土地储备' },
  project('DXAA20230112', '东西湖区金银湖K2地块', '东西湖', '武汉某某实业有限公司', '东西湖区金银湖街道金银湖路以东', { estate_name: '湖光悦府' }),
  project('HYAA20230113', '汉阳区四新P6地块', '汉阳', '武汉某某投资有限公司', '汉阳区四新街道四新大道以南', { estate_name: '锦绣澜庭' }),
  project('CDAA20230114', '蔡甸区中法生态城D1地块', '蔡甸', '武汉某某城建有限公司', '蔡甸区中法生态城街道知音湖大道以北'),
  project(P.yangluoResettle, '新洲区阳逻港C3地块还建房项目', '新洲', '武汉某某安居有限公司', '新洲区阳逻街道港城大道以东'),
  project(P.yangluoRental, '阳逻港公共租赁住房二期工程', '新洲', '武汉某某住房保障建设有限公司', '新洲区阳逻街道港城大道以西'),
  project(P.beihuCentre, '鼎泓北湖中心', '江汉', '湖北鼎泓江汉置业有限公司', '江汉区常青街道姑嫂树路以东'),
  { ...project(P.pipeGallery, '杨桥湖大道综合管廊工程', '江夏', '武汉某某管廊建设有限公司', '江夏区藏龙岛街道杨桥湖大道'), project_type: '市政工程' },
  project(P.machineWorks, '鑫泰精密机械产业园一期', '东湖高新', '武汉鑫泰精密机械有限公司', '东湖高新区佛祖岭街道高新四路以南'),
  { ...project(P.transferStation, '黄家湖垃圾转运站新建工程', '洪山', '武汉市洪山区某某环卫建设有限公司', '洪山区青菱街道黄家湖大道以东'), project_type: '市政工程' },
  project(P.dongnan, '洪山区黄家湖K4地块', '洪山', '湖北某某惠誉洪山房地产有限公司', '洪山区青菱街道黄家湖路以南', { estate_name: '某某惠誉·东南岸' }),
];

/** Each project's own approval 批复, declaring it: the labelled pairs the linker estimates its weights from. */
const DECLARED_DOCS = PROJECTS.map((p, k) => ({
  id: `doc-l${k + 1}`, doc_no: `武某规〔2024〕${101 + k}号`, title: `关于${p.name}规划方案的批复`, date: '2024-04-01', issuer: '市局',
  text: `你单位报来的${p.name}规划方案收悉。经研究，原则同意该方案。`, project_nos: [p.project_no],
}));

/** What each undeclared resource is about: the project the linker should link by itself, or none. */
export const EXPECT = {
  /** The sales name only (澜栖湾), never the filed name (藏龙岛K9地块). */
  estate: { id: 'pet-l1', auto: P.lanqi },
  /** The builder's brand without its company, and the phase that tells two phases apart. */
  brandPhase: { id: 'pet-l2', auto: P.yunqi2, not: P.yunqi1 },
  phaseOne: { id: 'pet-l3', auto: P.yunqi1, not: P.yunqi2 },
  /** A plot code that must agree: K3 named, the K1 project of the same lake is not it. */
  plot: { id: 'pet-l4', auto: P.qinhuK3, not: P.qinhuK1 },
  /** Two roads and their crossroad only: the road project is suggested for review, never linked by itself. */
  road: { id: 'pet-l5', suggested: P.qingwanRoad },
  /** The writer's home: not what the letter is about. */
  home: { id: 'pet-l6', notAuto: P.lanqi },
  /** A landmark (`…门口`): where something else is. */
  landmark: { id: 'pet-l7', notAuto: P.yunqi2 },
  /** The wrong district (洪山区 for a site in 江夏). */
  wrongDistrict: { id: 'pet-l8', auto: P.lanqi },
  /** A colloquial name that a supervisor recorded as an alias. */
  colloquial: { id: 'pet-l9', auto: P.cement },
  /** About no project at all. */
  none: { id: 'pet-l10' },
  /** The writer's home and the site in one letter: the site is linked, the home is not. */
  homeAndSite: { id: 'pet-l11', auto: P.qinhuK3, notAuto: P.lanqi },
  /** Two phases, the phase unsaid: the letter came while only the first was being built. */
  byDate: { id: 'pet-l12', auto: P.yunqi1, not: P.yunqi2 },
  /** One place, two kinds of housing: what the letter says stands there (公租房, 还建楼) tells them apart. */
  rental: { id: 'pet-l13', auto: P.yangluoRental, not: P.yangluoResettle },
  resettlement: { id: 'pet-l14', auto: P.yangluoResettle, not: P.yangluoRental },
  /** The works between two roads, named as the stretch `A到B那段`: the road project, and neither road's own. */
  stretch: { id: 'pet-l15', auto: P.qingwanRoad },
  /** Where the writer bought their home (`我在X买的房子`) is their home, not a site. */
  bought: { id: 'pet-l16', notAuto: P.fengdan },
  /** The brand with what the place is, without the place (鼎泓中心 for 鼎泓北湖中心). */
  brandTail: { id: 'pet-l17', auto: P.beihuCentre },
  /** Works named by the road they lie on and what they are, said in other words (杨桥湖大道管廊). */
  placeAndKind: { id: 'pet-l18', auto: P.pipeGallery },
  /** Works named by their builder's brand and what stands there (鑫泰精密机械厂). */
  brandAndKind: { id: 'pet-l19', auto: P.machineWorks },
  /** The writers named as an estate's residents, complaining of what is to be built below it: that is the subject, their estate is home. */
  residents: { id: 'pet-l20', auto: P.transferStation, notAuto: P.dongnan },
  /** A plot named by the road called after its place (`沁湖路北边的K1地块`), not by the place itself: that plot, never the other. */
  roadAndPlot: { id: 'pet-l21', auto: P.qinhuK1, not: P.qinhuK3 },
  /** A place that is all a plot's name says (藏龙岛 of 江夏区藏龙岛K9地块) only says where: no plot named, none linked by itself. */
  placeNotPlot: { id: 'pet-l22', notAuto: P.lanqi },
  /** …and the works said by the road and what is being done there (`杨桥湖大道那边挖管廊`) are the subject. */
  worksAtPlace: { id: 'pet-l22', auto: P.pipeGallery },
  /** A facility named whole in its filing, said by its place and another word for it (`黄家湖要建的那个垃圾站`). */
  facilityByPlace: { id: 'pet-l23', auto: P.transferStation, notAuto: P.dongnan },
  /**
   * A brand's housing said by the brand and a kind word (`鼎泓楼盘`, `鼎泓地产在青菱的楼盘`): the brand's
   * estates are suggested, and the one whose name alone says housing (澜栖湾's 地块) is not linked.
   */
  brandArea: { id: 'pet-l24', suggested: [P.yunqi1, P.yunqi2], notAuto: P.lanqi },
  /** A colloquial alias said in other words (`原来水泥厂那块地` for the alias 老水泥厂那块地). */
  aliasReworded: { id: 'pet-l25', auto: P.cement },
  /** A 公文 on two projects, one numbered item each, and a general notice about none. */
  letter: { id: 'doc-l20', auto: [P.qinhuK1, P.fengdan], passages: ['一、沁湖K1地块', '二、枫丹里'] },
  notice: { id: 'doc-l21' },
  /** Minutes deciding on two projects, each in its numbered item, and naming a third in passing. */
  minutes: { id: 'mtg-l1', auto: [P.qixia, P.fengdan], passages: ['一、审议栖霞府', '二、审议枫丹里'], not: P.jingui },
} as const;

const PETITIONS = [
  petition('pet-l1', '澜栖湾工地夜间施工扰民', '澜栖湾的工地每天晚上施工到凌晨两三点，打桩机的声音震耳欲聋，请尽快查处。'),
  petition('pet-l2', '投诉鼎泓云栖台二期扬尘污染', '鼎泓云栖台二期的渣土车不冲洗就上路，工地土方也没有覆盖，一刮风到处都是灰。'),
  petition('pet-l3', '云栖台一期遮挡采光', '云栖台一期的楼已经盖到二十多层，完全挡住了我们的采光，请规划部门核实日照间距。'),
  petition('pet-l4', '沁湖K3地块违法建设', '沁湖K3地块工地实际盖的楼层比公示牌上写的多了两层，请执法部门依法查处。'),
  petition('pet-l5', '临湖大道沁湖路路口道路施工', '临湖大道和沁湖路交叉口那段新修的路修了两年还没修好，路面坑坑洼洼，雨天全是积水。'),
  petition('pet-l6', '小区门口路灯损坏', '我家住在澜栖湾小区，小区外面的路灯坏了一个多月，晚上黑漆漆的，很不安全。'),
  petition('pet-l7', '夜间施工噪音', '云栖台二期门口新开的工地每天晚上施工，渣土车进进出出，吵得人睡不着。'),
  petition('pet-l8', '反映洪山区澜栖湾配套设施未建', '洪山区澜栖湾买房的时候开发商承诺配建幼儿园，现在交房两年了还是一片空地。'),
  petition('pet-l9', '老水泥厂那块地征收补偿', '老水泥厂那块地征收的时候丈量的面积比实际少了三十多平方米，补偿标准比周边低很多。'),
  petition('pet-l10', '消防通道被占用', '小区内消防通道长期被私家车占用，物业不管，万一发生火灾后果不堪设想。'),
  petition('pet-l12', '云栖台工地扬尘', '云栖台的工地土方没有覆盖，一刮风到处都是灰，渣土车也不冲洗就上路。', '2022-06-01T10:00:00'),
  petition('pet-l13', '反映阳逻港的公租房施工噪音', '阳逻港的公租房工地每天早上六点就开始施工，打桩机的声音震耳欲聋，周末也不停。'),
  petition('pet-l14', '阳逻港还建楼交房问题', '阳逻港还建楼说好去年年底交房，到现在还没有交付，过渡费也停发了。'),
  petition('pet-l15', '新路施工噪音扰民', '临湖大道到沁湖路那段新路的工地每天晚上施工，挖掘机的声音很大，请督促施工单位合理安排时间。'),
  petition('pet-l16', '不动产证办理缓慢', '我在枫丹里买的房子交房已经三年了，到现在还办不了不动产权证，请问到底什么时候能办？'),
  petition('pet-l17', '鼎泓中心夜间施工', '鼎泓中心的工地连续一个多月通宵浇筑混凝土，晚上十点以后还有渣土车进出。'),
  petition('pet-l18', '管廊工地夜间施工', '杨桥湖大道管廊的工地晚上施工到凌晨两三点，渣土车进进出出，吵得人睡不着。'),
  petition('pet-l19', '工厂排放废气', '鑫泰精密机械厂的厂房晚上排放废气，气味刺鼻，夏天都不敢开窗。'),
  petition('pet-l11', '夜间施工扰民', '我家住在澜栖湾小区，最近沁湖K3地块的工地天天晚上施工到凌晨，吵得老人孩子都睡不着。'),
  petition('pet-l21', '人行道被工地围挡占用', '沁湖路北边的K1地块围挡占了人行道，行人只能走机动车道。'),
  petition('pet-l22', '道路长期封闭', '江夏藏龙岛杨桥湖大道那边挖管廊，路封了半年，绕路要多走两公里。'),
  petition('pet-l23', '垃圾站选址离小区太近', '黄家湖要建的那个垃圾站离我们楼不到五十米，强烈要求换个地方。'),
  petition('pet-l24', '鼎泓楼盘施工扰民', '鼎泓地产在青菱的楼盘晚上一直施工，吵得睡不着。'),
  petition('pet-l25', '征收补偿款未发放', '长丰大道边上原来水泥厂那块地征收两年了，补偿款到现在没发。'),
  petition('pet-l20', '反映小区楼下准备建垃圾转运站',
    '洪山区黄家湖某某惠誉东南岸小区的居民反映小区楼下准备建垃圾转运站，离住宅楼不到三十米，夏天臭气熏天，要求重新选址。'),
];

const LETTERS = [
  {
    id: 'doc-l20', doc_no: '武某规函〔2025〕31号', title: '关于两个项目规划条件有关意见的函', date: '2025-03-10', issuer: '市局',
    text: ['洪山分局、江岸分局：', '经研究，现将有关意见函告如下：', '一、沁湖K1地块。同意按二类居住用地出具规划条件，容积率不大于2.5。',
      '二、枫丹里项目。同意调整配套幼儿园位置，请按程序办理。', '特此函告。'].join('\n'),
    project_nos: [],
  },
  {
    id: 'doc-l21', doc_no: '武某规通〔2025〕5号', title: '关于做好2025年汛期工地安全检查工作的通知', date: '2025-05-06', issuer: '市局',
    text: '各分局：为做好汛期在建工地安全检查，请各单位于6月底前完成辖区内在建项目的排查，并报送排查情况。', project_nos: [],
  },
];

const MEETINGS = [{
  id: 'mtg-l1', title: '2025年第7次规划方案审查会议纪要', date: '2025-05-20', kind: '方案会',
  text: [
    '会议听取了有关处室的汇报，议定事项如下：',
    '一、审议栖霞府项目建设工程设计方案。会议原则同意该方案，请建设单位按专家意见修改后报批。',
    '二、审议枫丹里项目规划条件调整。会议同意调整容积率，配套幼儿园参照金桂苑的做法独立占地。',
    '出席：某某某、某某某。',
  ].join('\n'),
  project_nos: [],
}];

export const LINKING_RECORDS: [ResourceType, Record<string, unknown>[]][] = [
  ['project', PROJECTS],
  ['document', [...DECLARED_DOCS, ...LETTERS]],
  ['petition', PETITIONS],
  ['meeting', MEETINGS],
];

/** How many petitions the fixtures import (a full relink goes through each). */
export const PETITION_COUNT = PETITIONS.length;

/** The petitioner's name, which must never appear in links, reasons or exports. */
export const PETITIONER_NAME = PETITIONER.name;
