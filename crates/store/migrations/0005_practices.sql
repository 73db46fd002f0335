-- The global knowledge platform: practices, their places, themes and stakeholders, every
-- revision, and translatable text in long format (one row per entity, field and language).

CREATE TABLE translations (
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    field TEXT NOT NULL,
    lang TEXT NOT NULL,
    text TEXT NOT NULL,
    -- human | machine
    origin TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id, field, lang)
);

CREATE TABLE practices (
    id TEXT PRIMARY KEY,
    -- Stable id for bulk export and import (seed corpus ids, template rows, other platforms).
    external_id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    source TEXT NOT NULL,
    peer_reviewed BIGINT NOT NULL DEFAULT 0,
    org_id TEXT REFERENCES organisations (id),
    -- Free-text implementer when no organisation on the platform is linked (seed data).
    implementer TEXT,
    submitted_by TEXT,
    original_lang TEXT NOT NULL,
    scope TEXT,
    progress TEXT,
    start_year BIGINT,
    end_year BIGINT,
    funding TEXT,
    link TEXT,
    -- Where an imported practice was found: {"document": …, "line_start": …, "line_end": …}.
    provenance TEXT,
    pfp_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    published_at TEXT
);
CREATE INDEX practices_status ON practices (status, published_at);
CREATE INDEX practices_org ON practices (org_id);

CREATE TABLE practice_countries (
    practice_id TEXT NOT NULL REFERENCES practices (id),
    country TEXT NOT NULL,
    PRIMARY KEY (practice_id, country)
);
CREATE INDEX practice_countries_country ON practice_countries (country);

CREATE TABLE practice_regions (
    practice_id TEXT NOT NULL REFERENCES practices (id),
    region TEXT NOT NULL,
    PRIMARY KEY (practice_id, region)
);
CREATE INDEX practice_regions_region ON practice_regions (region);

CREATE TABLE practice_themes (
    practice_id TEXT NOT NULL REFERENCES practices (id),
    theme TEXT NOT NULL,
    PRIMARY KEY (practice_id, theme)
);

CREATE TABLE practice_stakeholders (
    practice_id TEXT NOT NULL REFERENCES practices (id),
    kind TEXT NOT NULL,
    PRIMARY KEY (practice_id, kind)
);

-- Every saved version, so reviewers and submitters can see what changed.
CREATE TABLE practice_revisions (
    practice_id TEXT NOT NULL REFERENCES practices (id),
    rev BIGINT NOT NULL,
    at TEXT NOT NULL,
    by_user TEXT,
    snapshot TEXT NOT NULL,
    PRIMARY KEY (practice_id, rev)
);
