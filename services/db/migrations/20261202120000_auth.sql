-- Sign-in: users get a password (Argon2id, never the password itself), can be disabled, and
-- sign in to sessions. A session row is what makes a token revocable: the token (a JWT) names
-- its session by `jti`, and a token whose session is revoked, expired or whose user is disabled
-- or deleted is refused even while its signature and `exp` are still good.

ALTER TABLE users
  ADD COLUMN password_hash text,
  ADD COLUMN disabled_at   timestamptz,
  ADD COLUMN updated_at    timestamptz NOT NULL DEFAULT now();

CREATE TABLE sessions (
  id         text PRIMARY KEY,               -- the token's jti
  user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  issued_at  timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  client_ip  text
);
-- Revoking every session of a user (disable, new password) reads by user.
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

-- Values every process of a hub must share and that survive restarts: the key tokens are
-- signed with, written by whichever process needs it first.
CREATE TABLE secrets (
  name       text PRIMARY KEY,
  value      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
