import { describe, expect, it } from 'vitest';
import { docsIndexDefinition, metaIndexDefinition, suggestIndexDefinition } from '../../indexers/engines/cluster/index-definitions.ts';

describe('index layout', () => {
  it('is one shard and no replica by default, for one node', () => {
    for (const def of [docsIndexDefinition('project'), suggestIndexDefinition(), metaIndexDefinition()]) {
      expect(def.settings).toMatchObject({ number_of_shards: 1, number_of_replicas: 0 });
    }
  });

  it('spreads every index over a cluster as configured', () => {
    const layout = { shards: 3, replicas: 1 };
    for (const def of [docsIndexDefinition('petition', layout), suggestIndexDefinition(layout), metaIndexDefinition(layout)]) {
      expect(def.settings).toMatchObject({ number_of_shards: 3, number_of_replicas: 1 });
    }
    expect(docsIndexDefinition('petition', layout).settings.analysis).toEqual(docsIndexDefinition('petition').settings.analysis);
  });
});
