-- Themed calls for practices: the UN Network's secretariat asks for practices on a theme and
-- some objectives by a deadline. Title and description live in `translations` (entity 'call',
-- long format), the objectives sought in `framework_links` (entity 'call'); practices answer a
-- call through `practices.call_id`.
CREATE TABLE practice_calls (
    id TEXT PRIMARY KEY,
    -- A cross-cutting theme (gcm_core::practices::Theme), or NULL for any theme.
    theme TEXT,
    -- The language the title and description were written in.
    original_lang TEXT NOT NULL,
    -- ISO dates (YYYY-MM-DD): open from the start of opens_on through the end of deadline, UTC.
    opens_on TEXT NOT NULL,
    deadline TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- Set when the secretariat closes the call before its deadline.
    closed_at TEXT
);
CREATE INDEX practice_calls_deadline ON practice_calls (deadline);
CREATE INDEX practices_call ON practices (call_id, status);
