'use client';
/** A resource's text with the words its link's reasons talk about marked, and the passage the link came from set off. */
import { highlightEvidence } from './evidence';

export function EvidenceText({ text, terms, passage }: { text: string; terms: readonly string[]; passage?: string | null }) {
  return (
    <>
      {highlightEvidence(text, terms, passage).map((p, i) => {
        const inner = p.mark ? <mark>{p.text}</mark> : p.text;
        return <span key={i} className={p.passage ? 'ph-evidence-passage' : undefined}>{inner}</span>;
      })}
    </>
  );
}
