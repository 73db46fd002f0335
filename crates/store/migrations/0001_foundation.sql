-- Foundation: instance metadata, the change log that derived indexes follow, and background jobs.
-- Portable SQL for SQLite and PostgreSQL; @SEQ_PK@ becomes each engine's auto-increment key.

CREATE TABLE instance_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Every write that a derived index (search, caches, exports) must see appends one row here.
CREATE TABLE change_log (
    seq @SEQ_PK@,
    entity TEXT NOT NULL,
    id TEXT NOT NULL,
    op TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX change_log_entity_id ON change_log (entity, id);

CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    max_attempts BIGINT NOT NULL DEFAULT 3,
    run_at TEXT NOT NULL,
    locked_by TEXT,
    locked_until TEXT,
    progress_done BIGINT NOT NULL DEFAULT 0,
    progress_total BIGINT,
    progress_message TEXT,
    last_error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE INDEX jobs_status_run_at ON jobs (status, run_at);
