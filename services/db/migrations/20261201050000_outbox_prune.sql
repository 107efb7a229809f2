-- Done outbox rows are pruned once they are older than PLANHUB_OUTBOX_KEEP_DAYS: the pruner
-- takes the oldest first, by this index, without reading the pending or dead rows.
CREATE INDEX outbox_done_idx ON outbox (processed_at) WHERE status = 'done';
