-- Recommendations: the GFMD's policy options and options for practical action, their own kind
-- of item, tagged with cluster, focus area and objectives through framework_links; their text
-- lives in translations (entity 'recommendation', field 'text').
CREATE TABLE recommendations (
    id TEXT PRIMARY KEY,
    external_id TEXT NOT NULL UNIQUE,
    -- policy_option | practical_action
    kind TEXT NOT NULL,
    gfmd_cluster BIGINT,
    focus_area TEXT,
    original_lang TEXT NOT NULL,
    provenance TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX recommendations_cluster ON recommendations (gfmd_cluster, focus_area);
