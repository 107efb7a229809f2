/**
 * Every outbox topic and the payload its rows carry: the one typed map (Infisical's
 * `TQueueJobTypes`, immich's `JobName → payload`). Writers, runners and handlers all read their
 * payload types from here, so a payload is typed from the import that writes it to the handler
 * that reads it. `runtime` wires each topic to its handlers; the registry refuses to start when a
 * topic has none.
 */
import type { ResourceType } from '../resources/resource.schema.ts';

export interface JobPayloads {
  /** A resource was created or changed: the projects it belonged to before and belongs to now. */
  'resource.changed': { project_nos: string[] };
  /** The linker changed which projects a resource counts as linked to: those it gained or lost. */
  'links.changed': { project_nos: string[] };
}

export type Topic = keyof JobPayloads;

export const TOPICS = {
  resourceChanged: 'resource.changed',
  linksChanged: 'links.changed',
} as const satisfies Record<string, Topic>;

/** What a writer appends to the outbox, in the transaction of the change that causes it. */
export interface OutboxEntry<T extends Topic = Topic> {
  topic: T;
  resource_type: ResourceType;
  resource_id: string;
  version: number;
  payload: JobPayloads[T];
}

/** An outbox row as the runners hand it to a handler. */
export interface OutboxRow<T extends Topic = Topic> extends OutboxEntry<T> {
  id: number;
  attempts: number;
  /** Bumped by each replay, so a replayed row gets a new queue job id. */
  generation: number;
}

/** A named piece of follow-up work for a topic's rows; must be idempotent (a row may be handled twice). */
export interface JobHandler<T extends Topic = Topic> {
  /** For logs and errors. */
  name: string;
  handle(rows: OutboxRow<T>[]): Promise<void>;
}

/** Every topic's handlers: leaving a topic out is a type error, and an empty list fails at startup. */
export type JobHandlers = { [T in Topic]: JobHandler<T>[] };
