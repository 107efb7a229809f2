/** `planhub generate`: the demo corpus, with a progress bar. */
import { progressBar } from '../progress.ts';

export async function runGenerate(opts: { projects: number; seed: number; out: string }) {
  // Loaded on demand: the generator's vocabulary and place lists are of no use to other commands.
  const { generateCorpus } = await import('../../generate/generate.service.ts');
  const bar = progressBar(opts.projects, 'projects', 'generate  ');
  try {
    const result = await generateCorpus({
      projects: opts.projects,
      seed: opts.seed,
      outDir: opts.out,
      showcase: true,
      onProgress: (done) => bar.update(done),
    });
    bar.stop();
    const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
    console.log(`wrote ${total} records to ${opts.out}: ${Object.entries(result.counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    console.log(`ground truth for linking: ${result.groundTruthPath}`);
    if (result.showcaseProjectNo) console.log(`showcase project (hundreds of records about it): ${result.showcaseProjectNo}`);
    return result;
  } finally {
    bar.stop();
  }
}
