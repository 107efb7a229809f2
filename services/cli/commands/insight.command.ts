/**
 * `planhub insight`: runs the process analysis (流程分析) over every approval's step log now, in
 * this process, with a progress bar, and caches the result for the API; refused while another
 * process is computing one. Prints what it found.
 */
import { Command } from 'commander';
import { loadConfig } from '../../config/config.ts';
import type { JobSummary, Phase } from '../../insight/insight-job.ts';
import { openRuntime } from '../../runtime/runtime.ts';
import { progressBar, type Progress } from '../progress.ts';

const LABELS: Record<Phase, [string, string]> = { reading: ['insight   ', 'approvals'], analysing: ['analyse   ', 'steps'], saving: ['save      ', 'rows'] };

/** What a run found, as lines for a person. */
export function describeRun(s: JobSummary): string[] {
  const r = s.result;
  const mutual = r.pairs.filter((p) => p.kind === 'mutual');
  const parallel = r.pairs.filter((p) => p.kind === 'parallel');
  const lines = [`analysed ${r.cases} closed cases and ${r.steps} steps of ${r.items.length} items in ${(s.durationMs / 1000).toFixed(1)} s (run ${s.runId})`];
  lines.push(`阻滞节点 ${r.bottlenecks.length}:`);
  for (const b of r.bottlenecks.slice(0, 10)) lines.push(`  ${b.item} · ${b.step} @ ${b.office} ${b.from}…${b.to}: ${b.cases} cases, ${b.cost_days} working days lost`);
  lines.push(`互为前置 ${mutual.length}:`, ...mutual.map((p) => `  ${p.item} · ${p.a} ⇄ ${p.b} (${p.a_first}/${p.b_first}), effect ${p.effect} d`));
  lines.push(`潜在可并行 ${parallel.length}:`, ...parallel.map((p) => `  ${p.item} · ${p.a} ∥ ${p.b} (${p.a_first}/${p.b_first}), saves ${p.saved_days_p50} d a case`));
  const kinds = new Map<string, number>();
  for (const d of r.deviations) kinds.set(d.kind, (kinds.get(d.kind) ?? 0) + 1);
  lines.push(`不合规 ${r.deviations.length}: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
  return lines;
}

export function insightCommand(): Command {
  return new Command('insight')
    .description('process insight (流程分析): analyse every step log now (bottlenecks, mutual prerequisites, parallelizable steps, conformance) and cache the result for the API, with a progress bar')
    .action(async () => {
      const rt = await openRuntime(loadConfig());
      let bar: Progress | null = null;
      let phase: Phase | null = null;
      try {
        const summary = await rt.insight.runNow('cli', {
          onProgress: (p, done, total) => {
            if (p !== phase) {
              bar?.stop();
              phase = p;
              bar = progressBar(p === 'analysing' ? 1 : total, LABELS[p][1], LABELS[p][0]);
            }
            bar!.update(done);
          },
        });
        (bar as Progress | null)?.stop();
        for (const line of describeRun(summary)) console.log(line);
      } finally {
        (bar as Progress | null)?.stop();
        await rt.close();
      }
    });
}
