-- Resources: publications, guidance, tools and data sets, shared by organisations. Title and
-- summary live in translations (entity 'resource'); objectives and themes are tags.
CREATE TABLE resources (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    org_id TEXT NOT NULL REFERENCES organisations (id),
    created_by TEXT NOT NULL,
    publisher TEXT NOT NULL,
    audience TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL,
    scale TEXT,
    link TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX resources_kind ON resources (kind);

CREATE TABLE resource_themes (
    resource_id TEXT NOT NULL REFERENCES resources (id),
    theme TEXT NOT NULL,
    PRIMARY KEY (resource_id, theme)
);
