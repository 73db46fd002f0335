-- Tags that tie any item (practice, pledge, request, project, review, …) to the Compact and the
-- other frameworks through stable references (gcm:obj:20:c, gcm:gp:human-rights, sdg:10.7.2, …).
CREATE TABLE framework_links (
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    ref TEXT NOT NULL,
    -- The objective the reference falls under (gcm:obj:20 and gcm:obj:20:c both give 20), kept so
    -- that "what is linked to objective N" is one indexed lookup.
    objective BIGINT,
    note TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id, ref)
);
CREATE INDEX framework_links_ref ON framework_links (ref);
CREATE INDEX framework_links_objective ON framework_links (objective, entity);
