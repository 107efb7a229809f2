/**
 * A petition's petitioner and, for a supervisor, their earlier petitions (重复信访). Both are
 * shown as the API sent them: the API masks what the role may not see; the page neither hides
 * nor unhides anything, and only says so in a note.
 */
import { AppLink as Link } from '../common/app-link';
import { formatDate } from '../common/format';
import { recordHref } from '../common/record-links';
import type { Petitioner, Reading, RepeatPetition } from './reading.types';
import { READING_TEXTS } from './texts';

const T = READING_TEXTS;
const PARTS = ['name', 'phone', 'email', 'address', 'district'] as const;

/** The fields that came, in order, with their labels. */
export function petitionerParts(p: Petitioner): { key: (typeof PARTS)[number]; label: string; value: string }[] {
  return PARTS.flatMap((key) => {
    const value = p[key];
    return typeof value === 'string' && value.trim() ? [{ key, label: T.fields.petitionerParts[key], value }] : [];
  });
}

export function PetitionerValue({ petitioner, masked }: { petitioner: Petitioner; masked: boolean }) {
  const parts = petitionerParts(petitioner);
  return (
    <span data-field="petitioner" data-masked={masked ? 'true' : 'false'}>
      {parts.length === 0 ? '—' : parts.map((p, i) => (
        <span key={p.key} data-part={p.key}>
          {i > 0 ? ' · ' : ''}
          <span className="ph-sr-only">{p.label}：</span>
          {p.value}
        </span>
      ))}
      {masked ? <span className="ph-muted">（{T.fields.petitionerNote}）</span> : null}
    </span>
  );
}

/** The repeat petitions the API sent, wherever it put them (beside the record or in it); none when it sent none. */
export function repeatPetitionsOf(reading: Reading): RepeatPetition[] {
  const list = reading.repeat_petitions ?? reading.record.repeat_petitions;
  return Array.isArray(list) ? (list as RepeatPetition[]) : [];
}

export function RepeatPetitions({ items }: { items: RepeatPetition[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="repeat-petitions" className="ph-panel" style={{ marginTop: 12 }}>
      <h2 id="repeat-petitions" className="ph-section-title">{T.repeats}<span className="ph-muted">{items.length}</span></h2>
      <p className="ph-muted" style={{ marginLeft: 0 }}>{T.repeatsIntro}</p>
      <ul className="ph-project-list">
        {items.map((r) => (
          <li key={r.id} data-repeat={r.id}>
            <Link href={recordHref('petition', r.id)}>{r.subject?.trim() || T.untitled}</Link>
            {r.received_at ? <span className="ph-muted">{formatDate(r.received_at)}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
