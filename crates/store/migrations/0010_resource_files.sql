-- A resource may be a file shared on the platform rather than a link elsewhere (a guidance
-- note, a data set). Kept apart from `resources` so listing never reads the bytes.
CREATE TABLE resource_files (
    resource_id TEXT PRIMARY KEY REFERENCES resources (id),
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    data @BLOB@ NOT NULL,
    created_at TEXT NOT NULL
);
