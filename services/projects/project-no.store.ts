/** Serial counters behind project numbers, one per district / business type / year. */
import type { Queryable } from '../db/db.ts';

/** Takes the next serial for a district/type/year, atomically. */
export async function nextSerial(tx: Queryable, districtCode: string, typeCode: string, year: number): Promise<number> {
  const r = await tx.query<{ last_serial: number }>(
    `INSERT INTO project_no_counters (district_code, type_code, year, last_serial) VALUES ($1, $2, $3, 1)
     ON CONFLICT (district_code, type_code, year) DO UPDATE SET last_serial = project_no_counters.last_serial + 1
     RETURNING last_serial`,
    [districtCode, typeCode, year],
  );
  return r.rows[0]!.last_serial;
}

/** Moves counters past numbers that arrived from outside, so new numbers never collide. */
export async function raiseCounters(
  tx: Queryable,
  seen: { district_code: string; type_code: string; year: number; serial: number }[],
): Promise<void> {
  if (seen.length === 0) return;
  await tx.query(
    `INSERT INTO project_no_counters (district_code, type_code, year, last_serial)
     SELECT district_code, type_code, year, max(serial)
     FROM jsonb_to_recordset($1::jsonb) AS r(district_code text, type_code text, year integer, serial integer)
     GROUP BY district_code, type_code, year
     ON CONFLICT (district_code, type_code, year)
     DO UPDATE SET last_serial = GREATEST(project_no_counters.last_serial, excluded.last_serial)`,
    [JSON.stringify(seen)],
  );
}
