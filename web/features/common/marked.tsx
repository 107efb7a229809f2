'use client';
import { parseMarked } from './marked-text';

/** Text with the API's <mark> highlights, rendered as React text (never as HTML). */
export function Marked({ html }: { html: string }) {
  return (
    <>
      {parseMarked(html).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
