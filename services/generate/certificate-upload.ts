/**
 * Whether an issued certificate's scan was uploaded to the certificate library (证照上传), as the
 * seed's 证照情况统计 counts it: most are (its 总计 rates run 96–98%), the city bureau's own
 * divisions a little less often, a few district branches noticeably less, and certificates
 * issued in the last weeks before the corpus ends often not yet.
 *
 * Drawn from its own stream keyed by the approval, so adding the field shifted no other record.
 */
import { CORPUS_END, addDays } from './calendar.ts';
import { createRng } from './rng.ts';

/** Branches whose clerks fall behind on uploads (the seed's 硚口 and 洪山 rows run below 90%). */
const SLOW_BRANCHES = new Set(['硚口分局', '洪山分局']);
const RECENT_DAYS = 30;

export function uploadRate(office: string, issuedMs: number): number {
  if (issuedMs > addDays(CORPUS_END, -RECENT_DAYS)) return 0.55;
  const branch = /^(.+?分局)/.exec(office)?.[1];
  if (branch && SLOW_BRANCHES.has(branch)) return 0.88;
  if (!branch) return 0.94;
  return 0.975;
}

export function certificateUploaded(approvalId: string, office: string, issuedMs: number): boolean {
  return createRng('certificate-upload', approvalId).next() < uploadRate(office, issuedMs);
}
