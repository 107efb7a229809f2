/**
 * What each resource type contributes to search: a title, a text, keys, dates and the
 * projects it belongs to. One small mapping per type; everything after it is shared.
 */
import type { SearchType } from './engines/search-engine.ts';

export interface ProjectKey {
  no: string;
  name: string;
  district: string | null;
  builder: string | null;
}

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

type Row = Record<string, unknown> & { id: string; version: number; projects: ProjectKey[] };

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const day = (v: unknown) => (v ? String(v).slice(0, 10) : null);
const lines = (...parts: unknown[]) => parts.map(s).filter(Boolean).join('\n');

/** Petitions still in hand; everything else a petition can be is closed. */
const OPEN_PETITION = new Set(['受理', '办理中', '转办', '待受理']);

export const TO_INDEXABLE: Record<SearchType, (r: Row) => Indexable> = {
  project: (r) => ({
    type: 'project', id: r.id, version: r.version,
    title: s(r.name),
    body: lines(`项目编号：${s(r.project_no)}`, r.builder && `建设单位：${s(r.builder)}`, r.address && `项目位置：${s(r.address)}`,
      r.district && `所在区：${s(r.district)}`, r.project_type && `项目类型：${s(r.project_type)}`, r.land_use && `用地性质：${s(r.land_use)}`,
      r.scale_m2 && `建设规模：${s(r.scale_m2)}平方米`),
    date: day(r.created_at), status: null, item: null, open: true,
    keys: [r.project_no as string, r.name as string, r.builder as string],
    projects: r.projects,
  }),
  approval: (r) => ({
    type: 'approval', id: r.id, version: r.version,
    title: `${s(r.item)}${r.projects[0] ? `：${r.projects[0].name}` : ''}`,
    body: lines(`审批事项：${s(r.item)}（${s(r.status)}）`, r.office && `承办：${s(r.office)} ${s(r.handler)}`,
      r.certificate_no && `证照：${s(r.certificate_no)}`, r.steps && `环节：${s(r.steps)}`),
    date: day(r.closed_at ?? r.received_at), status: s(r.status) || null, item: s(r.item) || null, open: r.status !== '办结',
    keys: [r.certificate_no as string, r.project_no as string],
    projects: r.projects,
  }),
  document: (r) => ({
    type: 'document', id: r.id, version: r.version,
    title: s(r.title) || s(r.doc_no),
    body: lines(r.doc_no && `文号：${s(r.doc_no)}`, r.issuer && `发文单位：${s(r.issuer)}`, r.body),
    date: day(r.date), status: null, item: null, open: false,
    keys: [r.doc_no as string, r.title as string],
    projects: r.projects,
  }),
  meeting: (r) => ({
    type: 'meeting', id: r.id, version: r.version,
    title: s(r.title), body: lines(r.kind && `会议类型：${s(r.kind)}`, r.body),
    date: day(r.date), status: null, item: s(r.kind) || null, open: false,
    keys: [r.title as string],
    projects: r.projects,
  }),
  // The petitioner's personal data is never read here: it lives in another table.
  petition: (r) => ({
    type: 'petition', id: r.id, version: r.version,
    title: s(r.subject),
    body: lines(r.letter_no && `信件编号：${s(r.letter_no)}`, r.category && `事项分类：${s(r.category)}`, r.body),
    date: day(r.received_at), status: s(r.status) || null, item: s(r.category) || null,
    open: OPEN_PETITION.has(s(r.status)),
    keys: [r.letter_no as string, r.subject as string],
    projects: r.projects,
  }),
  regulation: (r) => ({
    type: 'regulation', id: r.id, version: r.version,
    title: s(r.title), body: s(r.body),
    date: day(r.date), status: null, item: s(r.category) || null, open: false,
    keys: [r.title as string],
    projects: r.projects,
  }),
};
