-- GET /api/audit lists entries newest first (by id) filtered by who, what or which record. Every
-- read of a petitioner's personal data appends an entry, so the log grows with use: without these
-- a filtered page walks the whole log backwards to find its rows.
CREATE INDEX audit_log_actor_idx ON audit_log (actor, id);
CREATE INDEX audit_log_action_idx ON audit_log (action, id);
CREATE INDEX audit_log_resource_idx ON audit_log (resource_type, resource_id, id);
