/**
 * What a petition's reading page sends of personal data, by who asks. Supervisors get the
 * petitioner whole and the text as stored (and the service audits it); everyone else gets the
 * petitioner masked (petitioner-mask.ts) and every text field of the record masked
 * (privacy/pii-text.ts), with the petitioner's own name, phone, e-mail and address masked
 * wherever the text repeats them. Pure.
 */
import { findPersonalData, maskPersonalText, type KnownPerson } from '../privacy/pii-text.ts';
import { maskAddress, maskPetitioner, type MaskedPetitioner } from './petitioner-mask.ts';
import type { StoredPetitioner } from './reading.store.ts';

/** The petitioner as a supervisor reads it. */
export interface WholePetitioner {
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  /** The district of the address, as the masked form has it. */
  district: string | null;
}

/** The record's fields that are not free text: ids, numbers, dates, and fields the hub sets. */
const NOT_TEXT = new Set(['id', 'letter_no', 'received_at', 'deadline', 'project_nos', 'people_count']);

const knownOf = (p: StoredPetitioner | null): KnownPerson | null =>
  p && { name: p.name, phone: p.phone, email: p.email, address: p.address };

/** The record with every string field but its ids and dates masked. */
export function maskPetitionRecord(record: Record<string, unknown>, petitioner: StoredPetitioner | null): Record<string, unknown> {
  const known = knownOf(petitioner);
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(record)) {
    out[field] = typeof value === 'string' && !NOT_TEXT.has(field) ? maskPersonalText(value, { known }) : value;
  }
  return out;
}

export function maskedPetitioner(p: StoredPetitioner | null): MaskedPetitioner | null {
  return p && maskPetitioner({ ...p, gender: p.extra.gender ?? p.extra.sex });
}

export function wholePetitioner(p: StoredPetitioner | null): WholePetitioner | null {
  return p && { name: p.name, phone: p.phone, email: p.email, address: p.address, district: maskAddress(p.address) };
}

/**
 * The personal fields a supervisor's page carries, for the audit log: the petitioner's fields
 * that have a value, and `subject`/`text` when personal data was found in them.
 */
export function personalFieldsSent(record: Record<string, unknown>, petitioner: StoredPetitioner | null): string[] {
  const fields: string[] = [];
  if (petitioner) {
    for (const f of ['name', 'phone', 'email', 'address'] as const) if (petitioner[f]) fields.push(`petitioner.${f}`);
  }
  const known = knownOf(petitioner);
  for (const [field, value] of Object.entries(record)) {
    if (typeof value === 'string' && !NOT_TEXT.has(field) && findPersonalData(value, known).length > 0) fields.push(field);
  }
  return fields;
}
