'use client';
/** A field's text with its references as links and the query's terms marked. */
import { AppLink as Link } from '../common/app-link';
import { recordHref } from '../common/record-links';
import { annotate } from './annotate';
import type { ReadingReference, ReferenceTarget } from './reading.types';

export const targetHref = (t: ReferenceTarget) => recordHref(t.type, t.id);

export function AnnotatedText({ text, field, references, q }: { text: string; field: string; references: readonly ReadingReference[]; q?: string | null }) {
  const pieces = annotate(text, references.filter((r) => r.field === field), q);
  return (
    <>
      {pieces.map((p, i) => {
        const inner = p.mark ? <mark>{p.text}</mark> : p.text;
        return p.link ? (
          <Link key={i} href={targetHref(p.link)} className="ph-ref" data-ref-type={p.link.type}>{inner}</Link>
        ) : (
          <span key={i}>{inner}</span>
        );
      })}
    </>
  );
}
