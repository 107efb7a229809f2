/** What the reading APIs answer: GET /api/<plural>/:id (services/reading/reading.schema.ts). */
import type { ReadingType } from '../common/record-links';

export interface ReferenceTarget {
  type: 'document' | 'regulation' | 'approval' | 'project';
  /** The record's id; a project's number for a project. */
  id: string;
}

export interface ReadingReference {
  /** The record's field the text stands in (`text`, `title`, `certificate_no` …). */
  field: string;
  text: string;
  /** JavaScript string offsets (UTF-16) into record[field]. */
  start: number;
  end: number;
  target: ReferenceTarget | null;
}

export interface LinkedProject {
  project_no: string;
  name: string;
  district: string | null;
  /** How it was linked: `declared` by the record itself, `builder` through its builder, else a confirmed recommendation. */
  method: string;
}

export interface ReadingStep {
  name: string;
  stage: string | null;
  office: string | null;
  handler: string | null;
  limit_days: number | null;
  started_at: string | null;
  finished_at: string | null;
  due: string | null;
  overdue: boolean;
}

export interface MaskedPetitioner {
  name: string | null;
  phone: string | null;
  district: string | null;
}

export type ReadingRecord = { id: string } & Record<string, unknown>;

export interface Reading {
  type: ReadingType;
  id: string;
  record: ReadingRecord;
  projects: LinkedProject[];
  references: ReadingReference[];
}
