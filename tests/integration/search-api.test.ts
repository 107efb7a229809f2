/** /api/search and /api/suggest over HTTP: shapes, bounds and plain errors. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../services/server/app.ts';
import { readJsonl, searchFixture, type SearchFixture } from '../helpers/search-fixture.ts';
import { actAs } from '../helpers/sign-in.ts';

describe('search API', () => {
  let f: SearchFixture;
  let app: FastifyInstance;
  let project: { project_no: string; name: string };

  beforeAll(async () => {
    f = await searchFixture('pglite', 60, 21);
    await f.rt.indexer.reindex();
    app = await actAs(buildApp({ ...f.rt, logLevel: 'silent' }), f.rt.db, 'officer');
    project = readJsonl<{ project_no: string; name: string }>(f.corpus.files.project!)[4]!;
  }, 240_000);
  afterAll(async () => {
    await app.close();
    await f.close();
  });

  const get = (url: string) => app.inject({ url });

  it('answers a search with total, took_ms, counts and hits', async () => {
    const res = await get(`/api/search?q=${encodeURIComponent(project.name)}&size=5`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ page: 1, size: 5, total_is_estimate: false });
    expect(typeof body.took_ms).toBe('number');
    expect(body.total).toBe(Object.values(body.counts as Record<string, number>).reduce((a, b) => a + b, 0));
    expect(body.hits[0]).toMatchObject({ project_name: project.name, project_no: project.project_no });
    expect(Object.keys(body.hits[0]).sort()).toEqual(
      ['date', 'id', 'matched', 'project_name', 'project_no', 'project_nos', 'score', 'snippet', 'status', 'title', 'title_html', 'type'],
    );
  });

  it('suggests by initials', async () => {
    const res = await get('/api/suggest?q=wh');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
  });

  it.each([
    ['a 10,000-character query', `/api/search?q=${'规'.repeat(10_000)}`, /q.*1000/],
    ['page 10,000', '/api/search?q=%E8%A7%84%E5%88%92&page=10000', /only the first 1000 results/],
    ['an unknown type', '/api/search?q=x&type=spaceship', /type/],
    ['a malformed date', '/api/search?q=x&from=2017-13-45', /from/],
    ['an unknown parameter', '/api/search?q=x&order=desc', /order|additional/],
    ['size 500', '/api/search?q=x&size=500', /size/],
    ['an empty suggestion', '/api/suggest', /q/],
  ])('answers %s with a plain 400', async (_what, url, message) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(res.json().message).toMatch(message);
  });
});
