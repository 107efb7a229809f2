/**
 * The linker on hand-written records (tests/helpers/linking-fixtures.ts), on PGlite and on the
 * PostgreSQL server: one fixture per hard kind of mention, imported by the real import and linked
 * by `linkAll` (what `planhub link` runs); then a person's decisions, which a relink keeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../services/runtime/services.ts';
import { DB_KINDS, createTestDb, type TestDb } from '../helpers/databases.ts';
import { importJsonl } from '../helpers/imports.ts';
import { EXPECT, LINKING_RECORDS, PETITION_COUNT, PETITIONER_NAME } from '../helpers/linking-fixtures.ts';
import { fromText, jsonl } from '../helpers/streams.ts';

interface Link { project_no: string; status: string; method: string; score: number; passage: string | null; reasons: { feature: string; text: string }[] }

describe.each(DB_KINDS)('linking on %s', (kind) => {
  let t: TestDb;
  let s: Services;
  const links = async (type: string, id: string) => ((await s.links.linksOf(type, id)).links as Link[]);
  const statusOf = async (type: string, id: string, no: string) => (await links(type, id)).find((l) => l.project_no === no)?.status;

  beforeAll(async () => {
    t = await createTestDb(kind);
    for (const [type, records] of LINKING_RECORDS) {
      const r = await importJsonl(t.db, type, fromText(jsonl(records)));
      if (r.rejected > 0) throw new Error(`${type}: ${r.errors[0]?.message}`);
    }
    s = createServices(t.db);
    await s.linking.linkAll();
  }, 60_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('links a petition that names an estate by its sales name only', async () => {
    expect(await statusOf('petition', EXPECT.estate.id, EXPECT.estate.auto)).toBe('auto');
  });

  it('links the phase the petition names, by brand without company, and not the other phase', async () => {
    expect(await statusOf('petition', EXPECT.brandPhase.id, EXPECT.brandPhase.auto)).toBe('auto');
    expect(await statusOf('petition', EXPECT.brandPhase.id, EXPECT.brandPhase.not)).not.toBe('auto');
    expect(await statusOf('petition', EXPECT.phaseOne.id, EXPECT.phaseOne.auto)).toBe('auto');
    expect(await statusOf('petition', EXPECT.phaseOne.id, EXPECT.phaseOne.not)).not.toBe('auto');
  });

  it('tells two phases apart by the letter\'s date when it names no phase', async () => {
    expect(await statusOf('petition', EXPECT.byDate.id, EXPECT.byDate.auto)).toBe('auto');
    expect(await statusOf('petition', EXPECT.byDate.id, EXPECT.byDate.not)).not.toBe('auto');
  });

  it('links the plot the petition names and never the plot that disagrees', async () => {
    expect(await statusOf('petition', EXPECT.plot.id, EXPECT.plot.auto)).toBe('auto');
    expect(await statusOf('petition', EXPECT.plot.id, EXPECT.plot.not)).not.toBe('auto');
  });

  it('only suggests a road project named by its roads and crossroad, with the roads as reasons', async () => {
    const ls = await links('petition', EXPECT.road.id);
    const road = ls.find((l) => l.project_no === EXPECT.road.suggested);
    expect(road?.status).toBe('suggested');
    expect(road!.reasons.map((r) => r.feature)).toContain('road');
    expect(ls.filter((l) => l.status === 'auto')).toEqual([]);
  });

  it('does not link by itself a project named as the writer\'s home or as a landmark', async () => {
    expect(await statusOf('petition', EXPECT.home.id, EXPECT.home.notAuto)).not.toBe('auto');
    const landmark = (await links('petition', EXPECT.landmark.id)).find((l) => l.project_no === EXPECT.landmark.notAuto);
    expect(landmark?.status).not.toBe('auto');
    if (landmark) expect(landmark.reasons.some((r) => r.feature === 'about')).toBe(true);
  });

  it('links a petition that names the wrong district, saying so in the reasons', async () => {
    const l = (await links('petition', EXPECT.wrongDistrict.id)).find((x) => x.project_no === EXPECT.wrongDistrict.auto);
    expect(l?.status).toBe('auto');
    expect(l!.reasons.some((r) => r.feature === 'district' && /不同/.test(r.text))).toBe(true);
  });

  it('links a colloquial name kept as an alias', async () => {
    expect(await statusOf('petition', EXPECT.colloquial.id, EXPECT.colloquial.auto)).toBe('auto');
  });

  it('links nothing to a letter about no project', async () => {
    expect(await links('petition', EXPECT.none.id)).toEqual([]);
  });

  it('links the site of a letter that also names the writer\'s home, and not the home', async () => {
    expect(await statusOf('petition', EXPECT.homeAndSite.id, EXPECT.homeAndSite.auto)).toBe('auto');
    expect(await statusOf('petition', EXPECT.homeAndSite.id, EXPECT.homeAndSite.notAuto)).not.toBe('auto');
  });

  it('links what residents say is to be built below their estate, and not the estate', async () => {
    expect(await statusOf('petition', EXPECT.residents.id, EXPECT.residents.auto)).toBe('auto');
    expect(await statusOf('petition', EXPECT.residents.id, EXPECT.residents.notAuto)).not.toBe('auto');
  });

  it('links a plot named by the road called after its place and its plot code, never the other plot', async () => {
    expect(await statusOf('petition', EXPECT.roadAndPlot.id, EXPECT.roadAndPlot.auto)).toBe('auto');
    expect(await statusOf('petition', EXPECT.roadAndPlot.id, EXPECT.roadAndPlot.not)).not.toBe('auto');
  });

  it('does not link a plot whose name is only a place when a letter names the place to say where', async () => {
    expect(await statusOf('petition', EXPECT.placeNotPlot.id, EXPECT.placeNotPlot.notAuto)).not.toBe('auto');
  });

  it('links works said by the road they lie on and what is being done there, with words between', async () => {
    expect(await statusOf('petition', EXPECT.worksAtPlace.id, EXPECT.worksAtPlace.auto)).toBe('auto');
  });

  it('links a facility filed under its whole name when a letter says its place and another word for it', async () => {
    expect(await statusOf('petition', EXPECT.facilityByPlace.id, EXPECT.facilityByPlace.auto)).toBe('auto');
    expect(await statusOf('petition', EXPECT.facilityByPlace.id, EXPECT.facilityByPlace.notAuto)).not.toBe('auto');
  });

  it('suggests a brand\'s estates in the area a letter names, and links none of the brand\'s by the brand and a kind word alone', async () => {
    for (const no of EXPECT.brandArea.suggested) expect(await statusOf('petition', EXPECT.brandArea.id, no)).toBe('suggested');
    expect(await statusOf('petition', EXPECT.brandArea.id, EXPECT.brandArea.notAuto)).not.toBe('auto');
  });

  it('links a colloquial alias said in other words (原来水泥厂那块地 for 老水泥厂那块地)', async () => {
    expect(await statusOf('petition', EXPECT.aliasReworded.id, EXPECT.aliasReworded.auto)).toBe('auto');
  });

  it('tells two kinds of housing at one place apart by what the letter says stands there', async () => {
    expect(await statusOf('petition', EXPECT.rental.id, EXPECT.rental.auto)).toBe('auto');
    expect(await statusOf('petition', EXPECT.rental.id, EXPECT.rental.not)).not.toBe('auto');
    expect(await statusOf('petition', EXPECT.resettlement.id, EXPECT.resettlement.auto)).toBe('auto');
    expect(await statusOf('petition', EXPECT.resettlement.id, EXPECT.resettlement.not)).not.toBe('auto');
  });

  it('links the road works a letter names as the stretch between two roads', async () => {
    const ls = await links('petition', EXPECT.stretch.id);
    expect(ls.find((l) => l.project_no === EXPECT.stretch.auto)?.status).toBe('auto');
    expect(ls.filter((l) => l.status === 'auto').map((l) => l.project_no)).toEqual([EXPECT.stretch.auto]);
  });

  it('does not link by itself the estate where the writer bought their home', async () => {
    expect(await statusOf('petition', EXPECT.bought.id, EXPECT.bought.notAuto)).not.toBe('auto');
  });

  it('links a project named by its brand and what it is, without its place', async () => {
    expect(await statusOf('petition', EXPECT.brandTail.id, EXPECT.brandTail.auto)).toBe('auto');
  });

  it('links works named by their road or their brand and what they are, in other words than the filed name', async () => {
    expect(await statusOf('petition', EXPECT.placeAndKind.id, EXPECT.placeAndKind.auto)).toBe('auto');
    expect(await statusOf('petition', EXPECT.brandAndKind.id, EXPECT.brandAndKind.auto)).toBe('auto');
  });

  it('links a 公文 to each project of its numbered items, and a general notice to none', async () => {
    const ls = await links('document', EXPECT.letter.id);
    EXPECT.letter.auto.forEach((no, k) => {
      const l = ls.find((x) => x.project_no === no);
      expect(l?.status, no).toBe('auto');
      expect(l!.passage).toMatch(new RegExp(`^${EXPECT.letter.passages[k]}`));
    });
    expect((await links('document', EXPECT.notice.id)).filter((l) => l.status === 'auto')).toEqual([]);
  });

  it('links minutes to each project they decide on, with its item, and not to one named in passing', async () => {
    const ls = await links('meeting', EXPECT.minutes.id);
    EXPECT.minutes.auto.forEach((no, k) => {
      const l = ls.find((x) => x.project_no === no);
      expect(l?.status, no).toBe('auto');
      expect(l!.passage).toMatch(new RegExp(`^${EXPECT.minutes.passages[k]}`));
    });
    expect(ls.find((x) => x.project_no === EXPECT.minutes.not)?.status).not.toBe('auto');
  });

  it('keeps reasons a person can read, and no petitioner data in them', async () => {
    const l = (await links('petition', EXPECT.estate.id)).find((x) => x.project_no === EXPECT.estate.auto)!;
    expect(l.reasons.length).toBeGreaterThan(0);
    expect(l.reasons[0]!.text).toMatch(/澜栖湾/);
    expect(JSON.stringify(await links('petition', EXPECT.home.id))).not.toContain(PETITIONER_NAME);
  });

  it('keeps a person\'s decisions through a relink, and never suggests a rejected pair again', async () => {
    await s.links.decide({ resource_type: 'petition', resource_id: EXPECT.estate.id, project_no: EXPECT.estate.auto, decision: 'reject', by: '审核员甲' });
    await s.links.decide({ resource_type: 'petition', resource_id: EXPECT.road.id, project_no: EXPECT.road.suggested, decision: 'confirm', by: '审核员甲' });
    const summary = await s.linking.linkAll();
    expect(summary.byType.petition!.resources).toBe(PETITION_COUNT);
    expect(await statusOf('petition', EXPECT.estate.id, EXPECT.estate.auto)).toBe('rejected');
    expect(await statusOf('petition', EXPECT.road.id, EXPECT.road.suggested)).toBe('confirmed');
    // Linking just this resource again (the job after an import) keeps them too.
    await s.linking.linkResources([{ type: 'petition', id: EXPECT.estate.id }, { type: 'petition', id: EXPECT.road.id }]);
    const estate = await links('petition', EXPECT.estate.id);
    expect(estate.filter((l) => l.project_no === EXPECT.estate.auto).map((l) => l.status)).toEqual(['rejected']);
    expect(await statusOf('petition', EXPECT.road.id, EXPECT.road.suggested)).toBe('confirmed');
  });
});

describe('linking as a job, before any full run', () => {
  let t: TestDb;
  afterAll(async () => {
    await t?.drop();
  });

  it('links the resources it is given with the reference model, without sampling the store first', async () => {
    t = await createTestDb('pglite');
    for (const [type, records] of LINKING_RECORDS) await importJsonl(t.db, type, fromText(jsonl(records)));
    const s = createServices(t.db);
    const counts = await s.linking.linkResources([{ type: 'petition', id: EXPECT.estate.id }, { type: 'meeting', id: EXPECT.minutes.id }]);
    expect(counts.resources).toBe(2);
    const { rows } = await t.db.query<{ trained_on: { priorOnly?: boolean } }>('SELECT trained_on FROM linker_models');
    expect(rows.map((r) => r.trained_on.priorOnly)).toEqual([true]);
    const links = (await s.links.linksOf('petition', EXPECT.estate.id)).links as Link[];
    expect(links.find((l) => l.project_no === EXPECT.estate.auto)?.status).toBe('auto');
  });
});
