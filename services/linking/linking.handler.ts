/**
 * Links resources as they are imported or changed (wired to `resource.changed` by the runtime):
 * petitions, documents and meetings are linked themselves; a new or changed project may be what
 * old resources named all along, so those that hold its name are relinked. Idempotent; a
 * person's confirmed or rejected pair is kept (see linkBatch).
 *
 * Shutdown must not wait for a large batch to be linked: when `signal` (read at the start of each
 * call) is aborted, the linker stops between chunks and this handler hands the rows it did not
 * link back to the outbox, so the rows it was given can be marked done and the next runner
 * links the rest. Throwing instead would make the runners retry the batch row by row and count
 * a failed attempt for every row, on every shutdown.
 */
import type { OutboxEntry, OutboxRow } from '../jobs/job-types.ts';
import { isLinkType, type LinkType } from './link-model.ts';
import type { LinkingService } from './linking.service.ts';

export interface LinkingHandlerDeps {
  linking: Pick<LinkingService, 'linkResources' | 'relinkForProjects' | 'handBack'>;
  /** Shutdown's request to stop; read when a batch starts. */
  signal?: () => AbortSignal;
}

export function linkingHandler(deps: LinkingHandlerDeps): (rows: OutboxRow<'resource.changed'>[]) => Promise<void> {
  return async (rows) => {
    const signal = deps.signal?.();
    const refs: { type: LinkType; id: string }[] = [];
    const projects: string[] = [];
    for (const r of rows) {
      if (isLinkType(r.resource_type)) refs.push({ type: r.resource_type, id: r.resource_id });
      else if (r.resource_type === 'project') projects.push(...r.payload.project_nos);
    }
    const linked = await deps.linking.linkResources(refs, { signal });
    const relinked = await deps.linking.relinkForProjects(projects, { signal });
    if (linked.left.length === 0 && relinked.leftProjects.length === 0) return;
    const left = new Set(linked.left.map((r) => `${r.type}|${r.id}`));
    const leftProjects = new Set(relinked.leftProjects);
    const undone = rows.filter((r) => left.has(`${r.resource_type}|${r.resource_id}`)
      || (r.resource_type === 'project' && r.payload.project_nos.some((no) => leftProjects.has(no))));
    // The same rows again (their other handlers are idempotent), each once.
    const seen = new Set<string>();
    const entries: OutboxEntry<'resource.changed'>[] = [];
    for (const r of undone) {
      const key = `${r.resource_type}|${r.resource_id}|${r.version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ topic: r.topic, resource_type: r.resource_type, resource_id: r.resource_id, version: r.version, payload: r.payload });
    }
    await deps.linking.handBack(entries);
  };
}
