/** The topics outbox rows are written under; every topic needs at least one job handler. */
export const TOPICS = {
  /** A resource was created or changed; payload `{ project_nos }` lists the projects affected before and after. */
  resourceChanged: 'resource.changed',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];
