/** What each reading page shows of its record: its title, the fields above the text, and the text. */
import type { ReadingType } from '../common/record-links';
import { READING_TEXTS } from './texts';
import type { ReadingRecord } from './reading.types';

const F = READING_TEXTS.fields;

export type FieldKind = 'text' | 'date' | 'datetime' | 'status' | 'project' | 'petitioner';

export interface FieldSpec {
  label: string;
  /** The record's key. */
  field: string;
  kind: FieldKind;
}

const f = (label: string, field: string, kind: FieldKind = 'text'): FieldSpec => ({ label, field, kind });

export const META_FIELDS: Record<ReadingType, FieldSpec[]> = {
  approval: [
    f(F.projectNo, 'project_no', 'project'), f(F.item, 'item'), f(F.status, 'status', 'status'),
    f(F.received, 'received_at', 'datetime'), f(F.closed, 'closed_at', 'datetime'),
    f(F.leadOffice, 'office'), f(F.handler, 'handler'), f(F.certificate, 'certificate_no'),
  ],
  document: [f(F.docNo, 'doc_no'), f(F.issuer, 'issuer'), f(F.issued, 'date', 'date')],
  meeting: [f(F.kind, 'kind'), f(F.date, 'date', 'date')],
  petition: [
    f(F.letterNo, 'letter_no'), f(F.receivedAt, 'received_at', 'date'), f(F.channel, 'channel'), f(F.category, 'category'),
    f(F.office, 'office'), f(F.deadline, 'deadline', 'date'), f(F.status, 'status', 'status'), f(F.petitioner, 'petitioner', 'petitioner'),
  ],
  regulation: [f(F.docNo, 'doc_no'), f(F.regCategory, 'category'), f(F.region, 'region'), f(F.date, 'date', 'date')],
  credit: [
    f(F.builder, 'builder'), f(F.creditCode, 'credit_code'), f(F.standing, 'status', 'status'),
    f(F.reason, 'reason'), f(F.decidedAt, 'date', 'date'),
  ],
};

/** The field holding the full text, for the types that have one. */
export const TEXT_FIELD: Partial<Record<ReadingType, string>> = { document: 'text', meeting: 'text', petition: 'text', regulation: 'text' };

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The page's heading: what the bureau calls the record. */
export function titleOf(type: ReadingType, record: ReadingRecord, projectName?: string | null): string {
  switch (type) {
    case 'document':
      return str(record.title) ?? str(record.doc_no) ?? READING_TEXTS.untitled;
    case 'petition':
      return str(record.subject) ?? READING_TEXTS.untitled;
    case 'credit':
      return `${str(record.builder) ?? READING_TEXTS.untitled}${str(record.status) ? `（${str(record.status)}）` : ''}`;
    case 'approval': {
      const item = str(record.item) ?? READING_TEXTS.untitled;
      return projectName ? `${item}：${projectName}` : item;
    }
    default:
      return str(record.title) ?? READING_TEXTS.untitled;
  }
}

/** The meta fields the record has a value for (an empty field is left out, not shown as —). */
export function presentFields(type: ReadingType, record: ReadingRecord): FieldSpec[] {
  return META_FIELDS[type].filter((spec) => {
    const v = record[spec.field];
    if (spec.kind === 'petitioner') return v !== null && typeof v === 'object';
    return v !== null && v !== undefined && v !== '';
  });
}
