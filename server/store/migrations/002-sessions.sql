-- Signed-in dispatchers (personal-key mode). The cookie holds a random id;
-- only its SHA-256 is stored, and the API key only encrypted.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id text NOT NULL,
  user_name text NOT NULL,
  company_id text NOT NULL,
  encrypted_key text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE INDEX sessions_expires ON sessions (expires_at);
