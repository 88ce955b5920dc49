-- Changes to many tasks at once, run on the server so they go on when the
-- tab closes and survive a restart. A job is one change (field and value)
-- made on each of its items; every item keeps what the board saw of that
-- task, so a colleague's newer edit is never overwritten.
-- A job is held by one claim at a time (`owner`, a token per claim) until
-- `lease_until`, in the database's clock, so servers' clocks never matter.
-- The key a job writes with is never copied: `key_ref` names the session
-- whose key it is (its hash), or 'server' for the server's own key.
CREATE TABLE task_jobs (
  id text PRIMARY KEY,
  company_id text NOT NULL,
  person_id text NOT NULL,
  person_name text NOT NULL,
  key_user_id text,
  key_ref text NOT NULL,
  field text NOT NULL,
  target jsonb,
  state text NOT NULL,
  -- Asked to stop: its server finishes the task under way, then ends it.
  cancel_requested boolean NOT NULL DEFAULT false,
  message text,
  owner text,
  lease_until timestamptz,
  created_at timestamptz NOT NULL,
  finished_at timestamptz
);

CREATE INDEX task_jobs_open ON task_jobs (state, created_at);
CREATE INDEX task_jobs_person ON task_jobs (company_id, person_id, created_at DESC);

CREATE TABLE task_job_items (
  job_id text NOT NULL REFERENCES task_jobs (id) ON DELETE CASCADE,
  position integer NOT NULL,
  task_id text NOT NULL,
  seen jsonb,
  seen_modified_at bigint,
  outcome text,
  message text,
  found jsonb,
  result_modified_at bigint,
  attempts integer NOT NULL DEFAULT 0,
  started_at timestamptz,
  finished_at timestamptz,
  PRIMARY KEY (job_id, position)
);

CREATE INDEX task_job_items_task ON task_job_items (task_id);

-- One write budget per upstream key, shared by every app server: the
-- earliest moment the key's next job write may go.
CREATE TABLE write_budgets (
  key_hash text PRIMARY KEY,
  next_at timestamptz NOT NULL
);
