/**
 * The one map from outbox topic to the handlers that do its follow-up work. Both runners (the
 * in-process one and BullMQ) use it, and both refuse to start when a topic has no handler.
 */
import { TOPICS, type JobHandler, type JobHandlers, type OutboxRow, type Topic } from './job-types.ts';

export type JobRegistry = ReadonlyMap<Topic, readonly JobHandler[]>;

export function createJobRegistry(handlers: JobHandlers): JobRegistry {
  const missing = Object.values(TOPICS).filter((t) => !(handlers[t]?.length > 0));
  if (missing.length > 0) throw new Error(`no job handler for topic ${missing.join(', ')}`);
  return new Map(Object.entries(handlers) as [Topic, JobHandler[]][]);
}

/** Runs every handler of the rows' topic (the rows must share one topic). */
export async function runHandlers(registry: JobRegistry, topic: Topic, rows: OutboxRow[]): Promise<void> {
  const handlers = registry.get(topic);
  if (!handlers) throw new Error(`no job handler for topic ${topic}`);
  for (const h of handlers) await h.handle(rows);
}
