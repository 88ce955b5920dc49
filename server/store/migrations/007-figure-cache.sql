-- Figures every app server on the store shares (an exact count, a
-- workload's tally): once taken by one server, answered by all for their
-- lifetime, and while one server takes a figure (`counting_until`, a short
-- claim in the database's clock) the others wait for it instead of taking
-- it too. `since` is the company's newest change number
-- (task_changes.feed_seq) when the figure was begun: one from before a
-- later change is not answered. Unlogged: a crash loses only figures,
-- which are taken again.
CREATE UNLOGGED TABLE figure_cache (
  id text PRIMARY KEY,
  company_id text NOT NULL,
  value jsonb,
  as_of bigint,
  since bigint NOT NULL DEFAULT 0,
  counting_until timestamptz,
  -- The claim's own token: a server whose claim lapsed clears nobody else's.
  claimed_by text
);

-- The figures' upstream requests of the last minute, per upstream key (its
-- hash), in the database's clock: every app server on the store spends one
-- budget per key (COUNT_BUDGET_PER_MINUTE), as the API limits the key.
CREATE UNLOGGED TABLE figure_spends (
  owner text NOT NULL,
  spent_at timestamptz NOT NULL
);

CREATE INDEX figure_spends_owner ON figure_spends (owner, spent_at);
