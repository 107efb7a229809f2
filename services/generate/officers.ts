/**
 * The bureau's invented staff. Each office gets its own small roster, drawn from a stream seeded
 * by the office's name, so a roster does not change with the order offices are first asked for.
 */
import { personName } from './people-names.ts';
import { createRng } from './rng.ts';
import type { Rng } from './rng.ts';

export interface Officers {
  /** A case handler (经办人) of `office`. */
  pick(office: string, rng: Rng): string;
  /** The office's head (处/科室负责人), who signs off. */
  head(office: string): string;
}

export function createOfficers(seed: number): Officers {
  const rosters = new Map<string, string[]>();
  const roster = (office: string) => {
    let names = rosters.get(office);
    if (!names) {
      const rng = createRng(seed, 'office', office);
      const unique = new Set<string>();
      const size = rng.int(4, 10);
      while (unique.size < size) unique.add(personName(rng));
      names = [...unique];
      rosters.set(office, names);
    }
    return names;
  };
  return {
    pick: (office, rng) => {
      // The last name on a roster is its head; the first names are the busiest handlers.
      const names = roster(office);
      const handlers = names.length - 1;
      return names[Math.min(handlers - 1, Math.floor(handlers * rng.next() * rng.next() * 1.6))]!;
    },
    head: (office) => roster(office).at(-1)!,
  };
}
