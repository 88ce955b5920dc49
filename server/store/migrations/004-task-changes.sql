-- Every change to a task attempted from the board: who (the person and the
-- upstream user whose key wrote), which task and field, the value the board
-- saw and the one it asked for, what the API held when re-read, and how it
-- ended. A row is made before the write goes upstream (outcome null until it
-- ends), so an attempt is on record even when the server stops mid-way.
CREATE TABLE task_changes (
  id bigserial PRIMARY KEY,
  company_id text NOT NULL,
  task_id text NOT NULL,
  field text NOT NULL,
  seen jsonb,
  wanted jsonb,
  found jsonb,
  outcome text,
  message text,
  person_id text NOT NULL,
  person_name text NOT NULL,
  key_user_id text,
  created_at timestamptz NOT NULL,
  finished_at timestamptz
);

CREATE INDEX task_changes_task ON task_changes (company_id, task_id, created_at DESC);
CREATE INDEX task_changes_created ON task_changes (created_at);
