/**
 * What citizens write to the petition centre, as data: per complaint its subject, category,
 * handling office and the sentences letters are built from. `{place}` is where the writer says
 * the site is, `{name}` a loose name of the project, `{road}` a nearby road.
 */
import type { ComplaintKey } from './project-kinds.ts';

export type PetitionOffice = 'branch' | 'planning' | 'municipal' | 'enforcement' | 'land';

export interface ComplaintSpec {
  issue: string;
  category: string;
  office: PetitionOffice;
  details: readonly string[];
  demands: readonly string[];
  /** A nuisance felt every day (noise, dust), rather than a grievance about a decision. */
  nuisance?: boolean;
}

export const COMPLAINTS: Readonly<Record<ComplaintKey, ComplaintSpec>> = {
  noise: {
    issue: '施工噪音扰民', category: '环境保护', office: 'branch', nuisance: true,
    details: [
      '{place}的工地每天早上六点就开始施工，打桩机、挖掘机的声音震耳欲聋',
      '{place}工地的混凝土泵车和渣土车噪音非常大，周末也不停工',
      '{place}的工地离我们住的楼不到五十米，机器声音大到关上窗户都听得见',
    ],
    demands: ['请相关部门尽快查处，督促施工单位合理安排施工时间', '希望有关部门管一管，还我们一个安静的生活环境'],
  },
  'night-work': {
    issue: '夜间施工', category: '城乡建设', office: 'branch', nuisance: true,
    details: [
      '{place}的工地晚上施工噪音太大，经常干到凌晨两三点',
      '{place}晚上十点以后还有渣土车进出，工地的灯光照得家里像白天一样',
      '{place}的工地连续一个多月通宵浇筑混凝土，我们打过12345，施工方说有夜间施工许可',
    ],
    demands: ['请问夜间施工许可是谁批的？请求依法查处', '请求督促施工单位停止夜间施工，恳请领导重视'],
  },
  sunlight: {
    issue: '遮挡采光', category: '规划管理', office: 'planning',
    details: [
      '{place}新建的楼离我们小区只有十几米，楼盖起来以后我家冬天一点阳光都晒不到',
      '规划公示的时候我们就提过意见，现在{name}的楼已经盖到二十多层，完全挡住了我们的采光',
    ],
    demands: ['请规划部门核实该项目是否符合日照间距要求，是否按规划许可建设', '请求重新进行日照分析，并给予受影响住户合理补偿'],
  },
  'green-space': {
    issue: '绿地被占', category: '规划管理', office: 'planning',
    details: [
      '原来规划图上{name}这块地有一片公园绿地，现在却被围起来准备盖房子',
      '小区门口的绿化带被{name}的施工单位占用，几十棵树都被砍了',
    ],
    demands: ['请问这块绿地的规划是否调整过？为什么没有公示？', '请求恢复规划绿地，还给居民休闲的地方'],
  },
  'road-plan': {
    issue: '道路规划', category: '市政建设', office: 'municipal',
    details: [
      '听说规划中的{name}要从我们小区门口穿过，离住宅楼只有几米',
      '{road}的{name}修了两年还没修好，路面坑坑洼洼，雨天全是积水',
      '{name}的规划线路调整了，原来承诺的人行天桥也取消了',
    ],
    demands: ['请公开道路规划红线和施工工期', '请求优化道路方案，并增设隔音屏障'],
  },
  compensation: {
    issue: '拆迁补偿', category: '土地征收', office: 'land',
    details: [
      '我家房屋被划入{name}的征收范围，但补偿标准比周边低很多',
      '{name}征地已经三年了，还建房一直没有交付，过渡费也停发了',
      '{place}征地时丈量的面积比我家实际面积少了三十多平方米',
    ],
    demands: ['请求按照政策给予合理补偿，尽快安置', '请相关部门公开征收补偿方案和补偿标准'],
  },
  'illegal-building': {
    issue: '违法建设', category: '规划管理', office: 'enforcement',
    details: [
      '{place}有人在楼顶私自加建，搭了好几间彩钢板房',
      '{name}工地实际盖的楼层比公示牌上写的多了两层',
      '{place}的施工单位占用集体土地违法建房，已经盖到三层了',
    ],
    demands: ['请求执法部门依法查处，拆除违法建筑', '举报多次无人处理，请领导督办'],
  },
  publicity: {
    issue: '规划公示异议', category: '规划管理', office: 'planning',
    details: [
      '我们看到{name}的规划公示，要把容积率调高，还要在小区旁边加建一栋高层',
      '{name}的公示牌挂在工地围墙里面，根本看不到，公示期只有十天',
    ],
    demands: ['我们小区业主强烈反对该调整方案，请求召开听证会', '请延长公示期，并在小区内张贴公示'],
  },
  dust: {
    issue: '扬尘污染', category: '环境保护', office: 'branch', nuisance: true,
    details: ['{place}的工地土方没有覆盖，一刮风到处都是灰', '{place}的渣土车不冲洗就上路，{road}上全是泥'],
    demands: ['请督促施工单位落实扬尘治理措施', '请环保和城管部门联合执法'],
  },
  facilities: {
    issue: '配套设施未建', category: '城乡建设', office: 'planning',
    details: [
      '买房的时候开发商承诺{name}配建幼儿园和社区医院，现在交房两年了还是一片空地',
      '{place}规划的小学一直没有动工，孩子上学要跑好几公里',
    ],
    demands: ['请规划部门督促开发商按照规划要求建设配套设施', '请公开该地块的规划设计条件'],
  },
  siting: {
    issue: '选址异议', category: '规划管理', office: 'planning',
    details: [
      '听说{name}要建在我们小区旁边，离居民楼很近，我们非常担心',
      '{name}选址在{place}，周边已经有三所学校，交通本来就很拥堵',
    ],
    demands: ['请问这个选址是怎么确定的？有没有征求周边居民意见？', '请求重新论证选址'],
  },
  pollution: {
    issue: '环境污染', category: '环境保护', office: 'branch', nuisance: true,
    details: ['{place}的厂房晚上排放废气，气味刺鼻', '{name}的臭味飘到我们小区，夏天都不敢开窗'],
    demands: ['请求环保部门检测处理', '请求责令企业整改'],
  },
  traffic: {
    issue: '交通拥堵', category: '市政建设', office: 'municipal', nuisance: true,
    details: ['{name}施工把{road}围了一半，早晚高峰堵得走不动', '{place}的工地车辆没有地方停，把{road}堵死了'],
    demands: ['请求优化交通组织方案', '请增设临时停车位并加强交通疏导'],
  },
};

export const OPENINGS = ['', '', '您好！', '市长您好，', '尊敬的领导：', '我要反映一个问题。'];
export const SELF_INTROS = ['我是住在{home}的居民，', '我们是{home}的业主，', '本人住在{home}，', ''];
export const DURATIONS = ['从{month}开始', '这几个月来', '最近一段时间', '已经持续半年多了，', ''];
export const NUISANCE_IMPACTS = ['严重影响了周边居民的正常生活。', '家里有老人小孩，晚上根本睡不着。', '周边几个小区的居民都苦不堪言。'];
export const GRIEVANCE_IMPACTS = ['我们多次向有关单位反映，一直没有得到解决。', '周边居民意见很大。', '希望相关部门给个说法。'];
export const CLOSINGS = ['', '谢谢！', '盼复！', '望尽快解决，谢谢！', '请尽快给予答复。'];

/**
 * Complaints that name no project: part of a real petition stream, with an empty ground truth.
 * `homeIsSubject`: the letter is about the writer's estate itself, so its home is never a project.
 */
export const UNRELATED: readonly { issue: string; category: string; text: string; homeIsSubject?: boolean }[] = [
  { issue: '不动产证办理缓慢', category: '国土资源', homeIsSubject: true, text: '我在{home}买的房子交房已经三年了，到现在还办不了不动产权证，开发商说是规划验收的问题，请问到底什么时候能办？' },
  { issue: '公交站点设置不合理', category: '市政建设', text: '{road}上的公交站离小区太远，老人出行很不方便，建议在{street}附近增设公交站点。' },
  { issue: '老旧小区改造进度慢', category: '城乡建设', homeIsSubject: true, text: '{home}所在的老旧小区改造去年就说要开始，到现在也没动静，雨天小区内积水严重。' },
  { issue: '违章停车占用消防通道', category: '城乡建设', text: '{home}小区内消防通道长期被私家车占用，物业不管，万一发生火灾后果不堪设想。' },
  { issue: '路灯损坏', category: '市政建设', text: '{road}靠近{street}一段的路灯坏了一个多月，晚上黑漆漆的，很不安全。' },
];

export const CHANNELS: readonly (readonly [string, number])[] = [
  ['市长专线', 25], ['网上信访', 25], ['12345热线', 20], ['来信', 15], ['来访', 10], ['领导信箱', 5],
];

export const HANDLING_TYPES: readonly (readonly [string, number])[] = [['直办件', 50], ['转办件', 35], ['督办件', 15]];

/** Characters citizens swap for a same-sounding one when writing an estate's name from memory. */
export const HOMOPHONES: Readonly<Record<string, string>> = {
  誉: '域', 府: '甫', 园: '元', 城: '成', 湖: '胡', 湾: '弯', 苑: '院', 锦: '金', 华: '花', 星: '新', 福: '富',
  景: '境', 悦: '月', 御: '玉', 郡: '君', 庭: '亭', 岸: '案', 璟: '景', 翰: '汉', 汇: '会', 澜: '兰', 观: '冠',
  翠: '萃', 轩: '宣', 博: '伯', 域: '誉',
};

/** Estates where petitioners live, for their addresses. */
export const HOME_ESTATES = ['花园', '小区', '社区', '家园', '新村', '公寓', '苑', '还建小区'];
