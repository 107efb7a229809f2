/**
 * The one map from outbox topic to the handlers that do its follow-up work. Both runners (the
 * in-process one and BullMQ) use it, and both refuse to start when a topic has no handler.
 */
import type { OutboxRow } from '../outbox/outbox.store.ts';
import { TOPICS, type Topic } from '../outbox/topics.ts';

export interface JobHandler {
  /** A name for logs and errors. */
  name: string;
  topic: Topic;
  /** Does the work for the rows; must be idempotent, as a row may be handled more than once. */
  handle(rows: OutboxRow[]): Promise<void>;
}

export type JobRegistry = ReadonlyMap<string, readonly JobHandler[]>;

export function createJobRegistry(handlers: JobHandler[]): JobRegistry {
  const registry = new Map<string, JobHandler[]>();
  for (const h of handlers) registry.set(h.topic, [...(registry.get(h.topic) ?? []), h]);
  const missing = Object.values(TOPICS).filter((t) => !registry.has(t));
  if (missing.length > 0) throw new Error(`no job handler for topic ${missing.join(', ')}`);
  return registry;
}

/** Runs every handler of the rows' topic (the rows must share one topic). */
export async function runHandlers(registry: JobRegistry, topic: string, rows: OutboxRow[]): Promise<void> {
  const handlers = registry.get(topic);
  if (!handlers) throw new Error(`no job handler for topic ${topic}`);
  for (const h of handlers) await h.handle(rows);
}
