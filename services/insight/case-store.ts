/**
 * The cases of one analysis held in columns (typed arrays, names interned), so that a
 * 100,000-project corpus (≈ 380,000 cases, 2.4 M steps) fits in tens of megabytes instead of an
 * object per step, and the analyses that need every case twice (pairs, conformance) can read
 * them again without a second trip to the database.
 */
import { Column } from './numbers.ts';
import type { CaseEvents, StepEvent } from './insight-types.ts';

/** A growable Int32 column. */
class IntColumn {
  private data = new Int32Array(16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i]!;
  }
}

class Names {
  private readonly index = new Map<string, number>();
  readonly list: string[] = [];
  id(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(name, i);
      this.list.push(name);
    }
    return i;
  }
}

export interface CaseStore {
  add(c: CaseEvents): void;
  readonly size: number;
  readonly stepCount: number;
  get(i: number): CaseEvents;
  /** Every case in the order added. */
  forEach(fn: (c: CaseEvents, i: number) => void): void;
}

export function createCaseStore(): CaseStore {
  const names = new Names();
  const ids: string[] = [];
  const projectNos: string[] = [];
  const days: string[] = [];
  const items = new IntColumn();
  const complete = new IntColumn();
  const cycle = new Column();
  const firstStep = new IntColumn();
  const stepCount = new IntColumn();
  const step = {
    name: new IntColumn(), office: new IntColumn(), layer: new IntColumn(), month: new IntColumn(),
    start: new Column(), finish: new Column(), arrival: new Column(),
  };

  function get(i: number): CaseEvents {
    const steps: StepEvent[] = [];
    const first = firstStep.get(i);
    for (let k = first; k < first + stepCount.get(i); k++) {
      const start = step.start.get(k);
      const finish = step.finish.get(k);
      const arrival = step.arrival.get(k);
      steps.push({
        name: names.list[step.name.get(k)]!, office: names.list[step.office.get(k)]!, start, finish, arrival,
        arrivalMonth: step.month.get(k), layer: step.layer.get(k), waiting: Math.max(0, start - arrival), service: finish - start,
      });
    }
    const c = cycle.get(i);
    return {
      id: ids[i]!, projectNo: projectNos[i]!, item: names.list[items.get(i)]!, receivedDay: days[i]!,
      complete: complete.get(i) === 1, cycle: Number.isNaN(c) ? null : c, steps,
    };
  }

  return {
    add(c) {
      ids.push(c.id);
      projectNos.push(c.projectNo);
      days.push(c.receivedDay);
      items.push(names.id(c.item));
      complete.push(c.complete ? 1 : 0);
      cycle.push(c.cycle ?? NaN);
      firstStep.push(step.name.length);
      stepCount.push(c.steps.length);
      for (const s of c.steps) {
        step.name.push(names.id(s.name));
        step.office.push(names.id(s.office));
        step.layer.push(s.layer);
        step.month.push(s.arrivalMonth);
        step.start.push(s.start);
        step.finish.push(s.finish);
        step.arrival.push(s.arrival);
      }
    },
    get size() {
      return ids.length;
    },
    get stepCount() {
      return step.name.length;
    },
    get,
    forEach(fn) {
      for (let i = 0; i < ids.length; i++) fn(get(i), i);
    },
  };
}
