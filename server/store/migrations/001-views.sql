-- Saved views of the board. A view belongs to a company (the team); a
-- personal one also to its owner, who is a user id or, in shared-key mode
-- without a trusted header, an anonymous browser id.
CREATE TABLE views (
  id text PRIMARY KEY,
  company_id text NOT NULL,
  scope text NOT NULL CHECK (scope IN ('personal', 'team')),
  owner_id text NOT NULL,
  name text NOT NULL,
  query text NOT NULL,
  columns jsonb,
  density text,
  version integer NOT NULL DEFAULT 1,
  created_by text NOT NULL,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  updated_by_name text NOT NULL,
  updated_at timestamptz NOT NULL,
  deleted_at timestamptz,
  deleted_by text
);

-- Names are unique per scope among views that are not in the trash, whatever their case.
CREATE UNIQUE INDEX views_team_name ON views (company_id, lower(name))
  WHERE scope = 'team' AND deleted_at IS NULL;

CREATE UNIQUE INDEX views_personal_name ON views (company_id, owner_id, lower(name))
  WHERE scope = 'personal' AND deleted_at IS NULL;

CREATE INDEX views_company ON views (company_id);

-- Every earlier state of a view: a change never loses what was there before.
CREATE TABLE view_versions (
  view_id text NOT NULL REFERENCES views (id) ON DELETE CASCADE,
  version integer NOT NULL,
  scope text NOT NULL,
  name text NOT NULL,
  query text NOT NULL,
  columns jsonb,
  density text,
  updated_by text NOT NULL,
  updated_by_name text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (view_id, version)
);

CREATE TABLE view_usage (
  user_id text NOT NULL,
  view_id text NOT NULL REFERENCES views (id) ON DELETE CASCADE,
  last_used_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, view_id)
);

CREATE TABLE default_views (
  company_id text NOT NULL,
  user_id text NOT NULL,
  view_id text NOT NULL REFERENCES views (id) ON DELETE CASCADE,
  PRIMARY KEY (company_id, user_id)
);
