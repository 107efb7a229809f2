/** `planhub link` and `planhub links export`: link resources to projects, and write every link out. */
import fs from 'node:fs';
import { once } from 'node:events';
import type { Config } from '../../config/config.ts';
import { LINK_TYPES, isLinkType, type LinkType } from '../../linking/link-model.ts';
import { openRuntime } from '../../runtime/runtime.ts';
import { progressBar } from '../progress.ts';

function typesOf(type: string | undefined): LinkType[] {
  if (type === undefined) return [...LINK_TYPES];
  if (!isLinkType(type)) throw new Error(`--type: "${type}" is not linked to projects; expected one of ${LINK_TYPES.join(', ')}`);
  return [type];
}

export async function runLink(config: Config, opts: { type?: string }): Promise<void> {
  const types = typesOf(opts.type);
  const rt = await openRuntime(config);
  try {
    let bar: ReturnType<typeof progressBar> | null = null;
    const summary = await rt.linking.linkAll({
      types,
      onProgress: (done, total) => {
        bar ??= progressBar(total, 'resources', 'link      ');
        bar.update(done);
      },
    });
    (bar as ReturnType<typeof progressBar> | null)?.stop();
    let resources = 0;
    for (const type of types) {
      const c = summary.byType[type]!;
      resources += c.resources;
      console.log(`${type.padEnd(9)} ${c.resources} resources: ${c.auto} auto, ${c.suggested} suggested links; ${c.changed} resources changed`);
    }
    const rate = summary.seconds > 0 ? Math.round(resources / summary.seconds) : resources;
    console.log(`linker model v${summary.modelVersion}: ${resources} resources in ${summary.seconds.toFixed(1)} s (${rate} resources/s); changed links are queued for the search index`);
  } finally {
    await rt.close();
  }
}

export async function runLinksExport(config: Config, opts: { type?: string; status?: string; out?: string }): Promise<void> {
  if (opts.type !== undefined) typesOf(opts.type);
  const rt = await openRuntime(config);
  const out = opts.out ? fs.createWriteStream(opts.out) : process.stdout;
  let n = 0;
  try {
    for await (const row of rt.links.exportLinks({ type: opts.type, status: opts.status })) {
      const line = JSON.stringify({
        resource_type: row.resource_type, resource_id: row.resource_id, project_no: row.project_no, status: row.status,
        score: Math.round(row.score * 10000) / 10000, method: row.method, reasons: row.reasons,
        doubt: row.doubt === null ? null : Math.round(row.doubt * 10000) / 10000, passage: row.passage, linker_version: row.linker_version,
      });
      if (!out.write(`${line}\n`)) await once(out, 'drain');
      n++;
    }
  } finally {
    if (opts.out) {
      (out as fs.WriteStream).end();
      await once(out, 'finish');
      console.error(`wrote ${n} links to ${opts.out}`);
    }
    await rt.close();
  }
}
