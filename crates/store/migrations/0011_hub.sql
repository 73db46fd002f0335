-- The connection hub (GCM para 43(a)): countries' requests for support and their processing,
-- partner profiles and offers of support, the partners and workplan of each request, links
-- to similar requests and practices, and the funding priorities donors state.
--
-- Translatable text lives in `translations`: entity 'hub_request' (fields title, description,
-- stakeholders_consulted, existing_initiatives, timeline) and 'hub_offer' (title, description).
-- Objectives, actions and guiding principles live in `framework_links` (entities 'hub_request'
-- and 'hub_offer'); a partner's expertise has its own table because it carries a level.

CREATE TABLE hub_requests (
    id TEXT PRIMARY KEY,
    -- REQ-YYYY-NNNN, given on submission (NULL while a draft): year of submission, then the
    -- running number within that year.
    reference TEXT UNIQUE,
    status TEXT NOT NULL,
    -- The requesting organisation: a member state's government, or a local authority or
    -- stakeholder whose request the government endorsed.
    org_id TEXT NOT NULL REFERENCES organisations (id),
    -- For a request not made by a government: the government organisation that endorsed it,
    -- when, and how (letter reference, decision number).
    endorsed_by_org TEXT REFERENCES organisations (id),
    endorsed_on TEXT,
    endorsement_note TEXT,
    -- ISO 3166-1 alpha-3 country the support is for (as organisations and practices store it),
    -- and its UN M49 region.
    country TEXT NOT NULL,
    region TEXT,
    -- ISO dates: when support is wanted from and until.
    starts_on TEXT,
    ends_on TEXT,
    -- Budget estimate in whole US dollars.
    budget_usd BIGINT,
    -- Space-separated language codes the work can be done in.
    languages TEXT,
    original_lang TEXT NOT NULL,
    -- What the requester makes public: 1 shows title, description, objectives, country, kinds
    -- of support and status to everyone; the budget and counterparts only with their own flag.
    is_public BIGINT NOT NULL DEFAULT 0,
    budget_public BIGINT NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    submitted_at TEXT,
    -- First step the secretariat took after submission (for the time-to-first-response figure).
    first_response_at TEXT,
    -- When implementation set-up was completed (partners agreed, workplan set).
    setup_done_at TEXT,
    -- When the request entered its current step, and when a reminder was last sent for it.
    status_since TEXT NOT NULL,
    reminded_at TEXT
);
CREATE INDEX hub_requests_status ON hub_requests (status, status_since);
CREATE INDEX hub_requests_org ON hub_requests (org_id);
CREATE INDEX hub_requests_country ON hub_requests (country);

-- Kinds of support sought (gcm_core::hub::SupportKind).
CREATE TABLE hub_request_support (
    request_id TEXT NOT NULL REFERENCES hub_requests (id),
    kind TEXT NOT NULL,
    PRIMARY KEY (request_id, kind)
);

-- Whole of government: the national counterparts (ministries, agencies) and their part.
CREATE TABLE hub_request_counterparts (
    request_id TEXT NOT NULL REFERENCES hub_requests (id),
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    role TEXT,
    PRIMARY KEY (request_id, position)
);

-- What happened to a request, when and by whom: each step, clarification asked and given,
-- partners invited and answering, milestones, links, reminders.
CREATE TABLE hub_request_events (
    id @SEQ_PK@,
    request_id TEXT NOT NULL REFERENCES hub_requests (id),
    at TEXT NOT NULL,
    by_user TEXT,
    kind TEXT NOT NULL,
    -- For step changes: the step left and the step entered.
    from_status TEXT,
    to_status TEXT,
    -- Reasons, advice, a question or an answer; shown to the requester when `shared` is 1.
    note TEXT,
    shared BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX hub_request_events_request ON hub_request_events (request_id, id);

-- Partners of a request with their role (gcm_core::hub::PartnerRole) and their answer.
CREATE TABLE hub_request_partners (
    request_id TEXT NOT NULL REFERENCES hub_requests (id),
    org_id TEXT NOT NULL REFERENCES organisations (id),
    role TEXT NOT NULL,
    -- invited | accepted | declined | withdrawn
    state TEXT NOT NULL,
    -- The suggestion score when picked (NULL when the secretariat chose someone not suggested)
    -- and why the secretariat overrode the ranking, if it did.
    suggested_score DOUBLE PRECISION,
    override_reason TEXT,
    invited_by TEXT NOT NULL,
    invited_at TEXT NOT NULL,
    answered_by TEXT,
    answered_at TEXT,
    answer_note TEXT,
    PRIMARY KEY (request_id, org_id)
);
CREATE INDEX hub_request_partners_org ON hub_request_partners (org_id, state);

-- The workplan: milestones with a due date and the partner responsible.
CREATE TABLE hub_milestones (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL REFERENCES hub_requests (id),
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    due_on TEXT,
    responsible_org TEXT REFERENCES organisations (id),
    done_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX hub_milestones_request ON hub_milestones (request_id, position);

-- Links from a request to a similar request or practice (gcm_core::hub::LinkKind), and
-- whether the two countries' focal points were put in touch.
CREATE TABLE hub_request_links (
    request_id TEXT NOT NULL REFERENCES hub_requests (id),
    -- hub_request | practice
    other_kind TEXT NOT NULL,
    other_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    connected_at TEXT,
    PRIMARY KEY (request_id, other_kind, other_id)
);

-- An organisation's partner profile (para 43(a)(ii)): capacity as declared. Expertise and
-- presence are in the two tables below; evidence (published practices, partnerships) is read
-- from the rest of the platform.
CREATE TABLE partner_profiles (
    org_id TEXT PRIMARY KEY REFERENCES organisations (id),
    staff_range TEXT,
    budget_range TEXT,
    -- Space-separated language codes the organisation works in.
    languages TEXT,
    summary TEXT,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Declared expertise by objective, 1 (some) to 3 (core mandate).
CREATE TABLE partner_expertise (
    org_id TEXT NOT NULL REFERENCES organisations (id),
    objective BIGINT NOT NULL,
    level BIGINT NOT NULL,
    PRIMARY KEY (org_id, objective)
);
CREATE INDEX partner_expertise_objective ON partner_expertise (objective);

-- Operational presence: a country (ISO alpha-2) or a whole UN M49 region, one per row.
CREATE TABLE partner_presence (
    org_id TEXT NOT NULL REFERENCES organisations (id),
    -- country | region
    place_kind TEXT NOT NULL,
    place TEXT NOT NULL,
    PRIMARY KEY (org_id, place_kind, place)
);
CREATE INDEX partner_presence_place ON partner_presence (place_kind, place);

-- Funding priorities a donor states: objectives (NULL: any), regions (NULL: anywhere), and the
-- largest grant it makes, in US dollars.
CREATE TABLE donor_priorities (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organisations (id),
    objective BIGINT,
    region TEXT,
    ceiling_usd BIGINT,
    note TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX donor_priorities_org ON donor_priorities (org_id);

-- Offers of support an organisation publishes ("training on bilateral labour migration
-- agreements, in French, West Africa"), matched to requests in both directions.
CREATE TABLE hub_offers (
    id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES organisations (id),
    -- gcm_core::hub::SupportKind
    support_kind TEXT NOT NULL,
    -- open | closed
    status TEXT NOT NULL,
    languages TEXT,
    -- For financial offers: the largest amount, in US dollars.
    ceiling_usd BIGINT,
    original_lang TEXT NOT NULL,
    -- ISO date after which the offer no longer stands (NULL: until closed).
    until_on TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX hub_offers_status ON hub_offers (status, support_kind);
CREATE INDEX hub_offers_org ON hub_offers (org_id);

-- Where an offer applies: countries or whole regions (none: anywhere).
CREATE TABLE hub_offer_places (
    offer_id TEXT NOT NULL REFERENCES hub_offers (id),
    place_kind TEXT NOT NULL,
    place TEXT NOT NULL,
    PRIMARY KEY (offer_id, place_kind, place)
);
