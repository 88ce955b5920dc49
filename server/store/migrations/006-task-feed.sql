-- The change feed: every change applied through the board takes the next
-- number of one sequence when it ends, and is announced on the channel
-- `task_feed` (NOTIFY, sent at commit to every app server listening on the
-- same database). The numbers order the feed: a browser that reconnects
-- says the last it saw and is sent the rest of its company's.
CREATE SEQUENCE task_feed_seq;

ALTER TABLE task_changes ADD COLUMN feed_seq bigint;

CREATE INDEX task_changes_feed_seq ON task_changes (feed_seq) WHERE feed_seq IS NOT NULL;

CREATE INDEX task_changes_feed ON task_changes (company_id, feed_seq) WHERE feed_seq IS NOT NULL;
