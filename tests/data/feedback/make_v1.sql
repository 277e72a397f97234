-- Recreates v1.db, a feedback DB as written by feedback schema v1 (codeloom
-- before n_candidates and the per-user indexes). Kept for the record; the
-- committed v1.db is the reference and must not be regenerated with a newer schema.
--   sqlite3 v1.db < make_v1.sql
PRAGMA journal_mode = WAL;
BEGIN IMMEDIATE;
PRAGMA application_id = 1131177570;
CREATE TABLE completions (
  id TEXT PRIMARY KEY NOT NULL,
  user_id TEXT NOT NULL DEFAULT '',
  model TEXT NOT NULL DEFAULT '',
  endpoint TEXT NOT NULL DEFAULT '',
  prompt_hash TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  params_json TEXT NOT NULL DEFAULT '',
  candidates_json TEXT NOT NULL DEFAULT '[]',
  created_ms INTEGER NOT NULL,
  latency_ms INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  completion_id TEXT NOT NULL REFERENCES completions(id),
  user_id TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL CHECK (type IN ('shown', 'accepted', 'rejected', 'edited')),
  candidate_index INTEGER NOT NULL DEFAULT -1,
  accepted_text TEXT NOT NULL DEFAULT '',
  edited_text TEXT NOT NULL DEFAULT '',
  client_ms INTEGER NOT NULL DEFAULT 0,
  server_ms INTEGER NOT NULL
);
CREATE INDEX events_by_completion ON events(completion_id);
INSERT INTO completions VALUES
  ('cmpl-1', 'alice', 'qwen2.5-coder-0.5b', '/v1/completions', 'h1', 'python', '{"temperature":0.2}',
   '["return a + b","return b + a"]', 1763790000000, 120),
  ('cmpl-2', 'bob', 'qwen2.5-coder-0.5b', '/infill', 'h2', 'java', '{}',
   '["i++;","i += 1;","++i;"]', 1763790001000, 95),
  ('cmpl-3', 'alice', 'starcoder2-3b', '/infill', 'h3', 'cpp', '',
   '["std::vector<int> v;"]', 1763790002000, 310);
INSERT INTO events (completion_id, user_id, type, candidate_index, accepted_text, edited_text, client_ms, server_ms) VALUES
  ('cmpl-1', 'alice', 'shown', -1, '', '', 1763790000100, 1763790000150),
  ('cmpl-1', 'alice', 'accepted', 1, 'return b + a', '', 1763790000900, 1763790000950),
  ('cmpl-1', 'alice', 'edited', 1, '', 'return b + a  # sum', 1763790005000, 1763790005050),
  ('cmpl-2', 'bob', 'shown', -1, '', '', 0, 1763790001100),
  ('cmpl-2', 'bob', 'rejected', -1, '', '', 0, 1763790001500),
  ('cmpl-3', 'alice', 'shown', 0, '', '', 0, 1763790002100);
PRAGMA user_version = 1;
COMMIT;
