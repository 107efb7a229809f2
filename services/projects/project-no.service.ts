/** Issues project numbers for projects that arrive without one, and keeps counters ahead of imported numbers. */
import type { Queryable } from '../db/db.ts';
import { DISTRICT_CODES, PROJECT_TYPE_CODES, formatProjectNo, parseProjectNo } from './project-no.ts';
import { nextSerial, raiseCounters } from './project-no.store.ts';

export class ProjectNoError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

function districtCode(district: string | null | undefined): string {
  const short = (district ?? '').trim().replace(/(新区|区)$/, '');
  const code = (DISTRICT_CODES as Record<string, string>)[short];
  if (!code) {
    throw new ProjectNoError('district', `"${district ?? ''}" is not a district a number can be issued for (one of ${Object.keys(DISTRICT_CODES).join('、')})`);
  }
  return code;
}

function typeCode(projectType: string | null | undefined): string {
  const code = (PROJECT_TYPE_CODES as Record<string, string>)[(projectType ?? '').trim()];
  if (!code) {
    throw new ProjectNoError('project_type', `"${projectType ?? ''}" is not a project type a number can be issued for (one of ${Object.keys(PROJECT_TYPE_CODES).join('、')})`);
  }
  return code;
}

/** A new number for a project from its district, type and registration year. */
export async function issueProjectNo(
  tx: Queryable,
  p: { district?: string | null; project_type?: string | null; created_at?: string | null },
  now = new Date(),
): Promise<string> {
  const d = districtCode(p.district);
  const t = typeCode(p.project_type);
  const year = p.created_at ? new Date(p.created_at).getUTCFullYear() : now.getUTCFullYear();
  const serial = await nextSerial(tx, d, t, year);
  return formatProjectNo({ districtCode: d, typeCode: t, year, serial });
}

/** Raises the counters past every well-formed number in `projectNos`. */
export async function reserveImportedNos(tx: Queryable, projectNos: string[]): Promise<void> {
  const seen = projectNos.flatMap((no) => {
    const p = parseProjectNo(no);
    return p ? [{ district_code: p.districtCode, type_code: p.typeCode, year: p.year, serial: p.serial }] : [];
  });
  await raiseCounters(tx, seen);
}

export const projectNumbering = { issue: issueProjectNo, reserveImported: reserveImportedNos };
export type ProjectNumbering = typeof projectNumbering;
