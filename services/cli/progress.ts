/** Progress bars for long commands, on stderr so that output can still be piped. */
import cliProgress from 'cli-progress';

export interface Progress {
  update(value: number, label?: string): void;
  stop(): void;
}

export function progressBar(total: number, unit: string, label = ''): Progress {
  const bar = new cliProgress.SingleBar(
    {
      format: `{label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label });
  return {
    update: (value, l) => bar.update(Math.min(value, total), l === undefined ? {} : { label: l }),
    stop: () => bar.stop(),
  };
}
