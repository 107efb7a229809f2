/**
 * What each resource type contributes to search: a title, a text, keys, dates and the
 * projects it belongs to. One small mapping per type, over the typed rows the index source
 * reads; everything after it is shared.
 */
import { maskPersonalText } from '../services/privacy/pii-text.ts';
import { OPEN_PETITION_STATUSES, isDishonest, isOpenApproval } from '../services/resources/resource.schema.ts';
import type { SearchType } from './engines/search-engine.ts';
import type { ProjectKey, SourceRows } from './index-source.store.ts';

export type { ProjectKey };

export interface Indexable {
  type: SearchType;
  id: string;
  version: number;
  title: string;
  /** Text to search and to cut snippets from; long texts are split into passages. */
  body: string;
  date: string | null;
  status: string | null;
  item: string | null;
  open: boolean;
  /** Exact keys of the record itself (numbers, titles), before normalization. */
  keys: (string | null | undefined)[];
  projects: ProjectKey[];
}

type Text = string | number | null | undefined;

const s = (v: Text) => (v === null || v === undefined ? '' : String(v));
const day = (v: string | null | undefined) => (v ? v.slice(0, 10) : null);
/** The non-empty parts, one a line; a part is written only when its value is there. */
const lines = (...parts: (Text | false)[]) => parts.map((p) => (p === false ? '' : s(p))).filter(Boolean).join('\n');
const labelled = (label: string, v: Text, unit = '') => (v === null || v === undefined || v === '' ? false : `${label}：${s(v)}${unit}`);

export const TO_INDEXABLE: { [T in SearchType]: (r: SourceRows[T]) => Indexable } = {
  project: (r) => ({
    type: 'project', id: r.id, version: r.version,
    title: r.name,
    body: lines(labelled('项目编号', r.project_no), labelled('楼盘名称', r.estate_name), labelled('又称', r.aliases?.join('、')),
      labelled('建设单位', r.builder), labelled('项目位置', r.address),
      labelled('所在区', r.district), labelled('项目类型', r.project_type), labelled('用地性质', r.land_use),
      labelled('建设规模', r.scale_m2 || null, '平方米')),
    date: day(r.created_at), status: null, item: null, open: true,
    keys: [r.project_no, r.name, r.builder, r.estate_name, ...(r.aliases ?? [])],
    projects: r.projects,
  }),
  approval: (r) => ({
    type: 'approval', id: r.id, version: r.version,
    title: `${r.item}${r.projects[0] ? `：${r.projects[0].name}` : ''}`,
    body: lines(`审批事项：${r.item}（${r.status}）`, r.office && `承办：${r.office} ${s(r.handler)}`,
      labelled('证照', r.certificate_no), labelled('环节', r.step_names)),
    date: day(r.closed_at ?? r.received_at), status: r.status, item: r.item, open: isOpenApproval(r.status),
    keys: [r.certificate_no, r.project_no],
    projects: r.projects,
  }),
  document: (r) => ({
    type: 'document', id: r.id, version: r.version,
    title: s(r.title) || s(r.doc_no),
    body: lines(labelled('文号', r.doc_no), labelled('发文单位', r.issuer), r.text),
    date: day(r.date), status: null, item: null, open: false,
    keys: [r.doc_no, r.title],
    projects: r.projects,
  }),
  meeting: (r) => ({
    type: 'meeting', id: r.id, version: r.version,
    title: r.title, body: lines(labelled('会议类型', r.kind), r.text),
    date: day(r.date), status: null, item: r.kind || null, open: false,
    keys: [r.title],
    projects: r.projects,
  }),
  // No personal data is indexed: the petitioner (another table) is read only to mask where the
  // subject or text repeats it, and the text's own phone numbers, ID numbers, e-mails, names and
  // flats are masked strictly (no digit kept), so a search for a petitioner's phone finds nothing.
  petition: (r) => {
    const hide = (text: Text) => maskPersonalText(s(text), { strict: true, known: r.petitioner });
    const subject = hide(r.subject);
    return {
      type: 'petition', id: r.id, version: r.version,
      title: subject,
      body: lines(labelled('信件编号', r.letter_no), labelled('事项分类', r.category), hide(r.text)),
      date: day(r.received_at), status: r.status || null, item: r.category || null,
      open: OPEN_PETITION_STATUSES.has(s(r.status)),
      keys: [r.letter_no, subject],
      projects: r.projects,
    };
  },
  regulation: (r) => ({
    type: 'regulation', id: r.id, version: r.version,
    title: r.title, body: s(r.text),
    date: day(r.date), status: null, item: r.category || null, open: false,
    keys: [r.title],
    projects: r.projects,
  }),
  // A 失信 record is in force against the builder: it ranks like an open case.
  credit: (r) => ({
    type: 'credit', id: r.id, version: r.version,
    title: `${r.builder}（${r.status}）`,
    body: lines(labelled('建设单位', r.builder), labelled('统一社会信用代码', r.credit_code), labelled('信用状况', r.status),
      labelled('原因', r.reason), labelled('认定日期', r.date),
      r.projects.length > 0 && `在建项目：${r.projects.map((p) => p.name).join('、')}`),
    date: day(r.date), status: r.status, item: null, open: isDishonest(r.status),
    keys: [r.credit_code, r.builder],
    projects: r.projects,
  }),
};
