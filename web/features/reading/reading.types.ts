/** What the reading APIs answer: GET /api/<plural>/:id (services/reading/reading.schema.ts). */
import type { ReadingType } from '../common/record-links';
import type { ProjectStep } from '../projects/project.types';

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

/** An approval's step: the same shape as on the project API, due day and 超期 included. */
export type ReadingStep = ProjectStep;

/**
 * A petition's petitioner as the API sends it to the caller's role: whole to a supervisor
 * (name, phone, e-mail, address), masked to everyone else (`漆女士`, `139****1736`, the district
 * of the address). The page shows whichever fields came, as they came.
 */
export interface Petitioner {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  district?: string | null;
}

/** Earlier petitions by the same person (重复信访), sent to supervisors only. */
export interface RepeatPetition {
  id: string;
  subject: string | null;
  received_at: string | null;
}

export type ReadingRecord = { id: string } & Record<string, unknown>;

export interface Reading {
  type: ReadingType;
  id: string;
  record: ReadingRecord;
  projects: LinkedProject[];
  references: ReadingReference[];
  repeat_petitions?: RepeatPetition[];
}
