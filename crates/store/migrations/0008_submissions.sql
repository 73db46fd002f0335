-- Submission and peer review of practices (GCM para 43(c); the UN Network Hub's repository):
-- the fields a submission adds, attachments, reviewer assignments with rubric scores, and the
-- dated history the submitter and the secretariat follow.

-- Partner organisations (free text), the languages the practice works in (space-separated
-- codes), a focal point for the practice (named when submitting on behalf of another
-- organisation; never in open data), the call for practices it answers, and the current
-- peer-review round (1 for the first, +1 after each revision).
ALTER TABLE practices ADD COLUMN partners TEXT;
ALTER TABLE practices ADD COLUMN languages TEXT;
ALTER TABLE practices ADD COLUMN on_behalf BIGINT NOT NULL DEFAULT 0;
ALTER TABLE practices ADD COLUMN focal_point_name TEXT;
ALTER TABLE practices ADD COLUMN focal_point_email TEXT;
ALTER TABLE practices ADD COLUMN call_id TEXT;
ALTER TABLE practices ADD COLUMN review_round BIGINT NOT NULL DEFAULT 0;
ALTER TABLE practices ADD COLUMN submitted_at TEXT;
CREATE INDEX practices_submitted_by ON practices (submitted_by);

-- Files attached to a practice (reports, evaluations, photos). Kept in the database so every
-- node sharing it serves them; sizes and types are limited by the application.
CREATE TABLE practice_attachments (
    id TEXT PRIMARY KEY,
    practice_id TEXT NOT NULL REFERENCES practices (id),
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    data @BLOB@ NOT NULL,
    uploaded_by TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX practice_attachments_practice ON practice_attachments (practice_id);

-- One reviewer's assignment to one round of one practice.
CREATE TABLE practice_reviews (
    id TEXT PRIMARY KEY,
    practice_id TEXT NOT NULL REFERENCES practices (id),
    reviewer_id TEXT NOT NULL REFERENCES users (id),
    round BIGINT NOT NULL,
    -- un | external: whether the reviewer speaks for a UN entity.
    reviewer_kind TEXT NOT NULL,
    -- Pulled in because the first reviewers disagreed beyond the threshold.
    tie_break BIGINT NOT NULL DEFAULT 0,
    -- assigned | conflict | submitted
    state TEXT NOT NULL,
    conflict_note TEXT,
    -- {"relevance": 1-5, "principles": …, "evidence": …, "replicability": …,
    --  "innovation": …, "sustainability": …}
    scores TEXT,
    comment TEXT,
    -- publish | revise | reject
    recommendation TEXT,
    assigned_by TEXT,
    assigned_at TEXT NOT NULL,
    submitted_at TEXT,
    UNIQUE (practice_id, reviewer_id, round)
);
CREATE INDEX practice_reviews_reviewer ON practice_reviews (reviewer_id, state);

-- What happened to a submission, when and by whom: submitted, reviewer assigned, conflict
-- declared, review submitted, revision requested, resubmitted, tie-break, decision.
CREATE TABLE practice_events (
    id @SEQ_PK@,
    practice_id TEXT NOT NULL REFERENCES practices (id),
    at TEXT NOT NULL,
    by_user TEXT,
    kind TEXT NOT NULL,
    round BIGINT NOT NULL,
    -- Reasons, requested changes or a comment; shown to the submitter when `shared` is 1.
    note TEXT,
    shared BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX practice_events_practice ON practice_events (practice_id, id);
