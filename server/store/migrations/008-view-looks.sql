-- When each person last opened each saved view, so the board can say what
-- changed in it since ("3 new · 5 changed"). A person is a user id or, in
-- shared-key mode without a trusted header, a browser id; a view purged from
-- the trash takes its looks along.
CREATE TABLE view_looks (
  view_id text NOT NULL REFERENCES views (id) ON DELETE CASCADE,
  user_id text NOT NULL,
  looked_at timestamptz NOT NULL,
  PRIMARY KEY (view_id, user_id)
);
