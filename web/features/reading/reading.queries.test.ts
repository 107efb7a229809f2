import { describe, expect, it } from 'vitest';
import { readingKeys } from './reading.queries';

describe('reading query keys', () => {
  it('nest each record under its type and every type under readingKeys.all', () => {
    const doc = readingKeys.record('document', 'doc-1');
    expect(doc.slice(0, 2)).toEqual([...readingKeys.type('document')]);
    expect(doc.slice(0, 1)).toEqual([...readingKeys.all]);
    expect(readingKeys.record('meeting', 'doc-1')).not.toEqual(doc);
  });
});
