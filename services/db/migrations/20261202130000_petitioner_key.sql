-- Repeat petitions (重复信访): a petitioner's phone number as a keyed hash (HMAC-SHA256 of the
-- digits, the key a random secret in `secrets`, name 'petitioner_phone_key'), so petitions from
-- the same number are found without comparing or indexing the numbers themselves. Written by the
-- import; rows imported before are keyed by the reading service the first time it needs them.
-- '-' marks a phone with too few digits to key.
ALTER TABLE petitioners ADD COLUMN phone_key text;

CREATE INDEX petitioners_phone_key_idx ON petitioners (phone_key) WHERE phone_key IS NOT NULL;
-- The rows still to key: empty once every petitioner is keyed, so checking is free.
CREATE INDEX petitioners_unkeyed_idx ON petitioners (petition_id) WHERE phone_key IS NULL AND phone IS NOT NULL;
