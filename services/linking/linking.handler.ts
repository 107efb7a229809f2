/**
 * Links resources as they are imported or changed (wired to `resource.changed` by the runtime):
 * petitions, documents and meetings are linked themselves; a new or changed project may be what
 * old resources named all along, so those that hold its name are relinked. Idempotent.
 */
import { isLinkType, type LinkType } from './link-model.ts';
import type { LinkingService } from './linking.service.ts';

/** A changed record as the outbox hands it over. */
interface Change {
  resource_type: string;
  resource_id: string;
  payload: { project_nos: string[] };
}

export function linkingHandler(deps: { linking: Pick<LinkingService, 'linkResources' | 'relinkForProjects'> }): (changes: Change[]) => Promise<void> {
  return async (changes) => {
    const refs: { type: LinkType; id: string }[] = [];
    const projects: string[] = [];
    for (const c of changes) {
      if (isLinkType(c.resource_type)) refs.push({ type: c.resource_type, id: c.resource_id });
      else if (c.resource_type === 'project') projects.push(...c.payload.project_nos);
    }
    await deps.linking.linkResources(refs);
    await deps.linking.relinkForProjects(projects);
  };
}
