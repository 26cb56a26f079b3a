-- A link and its current state; spec is the current version's full definition (LinkSpec as JSON).
-- The scalar columns repeat what the inventory filters on.
CREATE TABLE link (
    id          uuid PRIMARY KEY,
    code        text        NOT NULL UNIQUE,
    status      text        NOT NULL,
    version     bigint      NOT NULL,
    owner       text        NOT NULL,
    team        text        NOT NULL,
    campaign    text        NOT NULL,
    channel     text        NOT NULL,
    purpose     text        NOT NULL,
    starts_at   timestamptz,
    ends_at     timestamptz,
    spec        jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX link_code_ci ON link (lower(code)); -- "Spk" and "spk" would confuse people
CREATE INDEX link_status ON link (status);
CREATE INDEX link_campaign ON link (campaign);
CREATE INDEX link_owner ON link (owner);
CREATE INDEX link_window ON link (starts_at, ends_at);
CREATE INDEX link_skus ON link USING gin ((spec -> 'skus'));

-- Immutable: one row per change, never updated.
CREATE TABLE link_version (
    id                uuid PRIMARY KEY,
    link_id           uuid        NOT NULL REFERENCES link (id),
    version           bigint      NOT NULL,
    status            text        NOT NULL,
    spec              jsonb       NOT NULL,
    kind              text        NOT NULL,
    created_by        text        NOT NULL,
    created_at        timestamptz NOT NULL,
    reason            text,
    change_request_id uuid,
    UNIQUE (link_id, version)
);

-- Who did what, when and why, including what made no version (a rejected change, say).
CREATE TABLE link_history (
    id                uuid PRIMARY KEY,
    link_id           uuid        NOT NULL REFERENCES link (id),
    at                timestamptz NOT NULL,
    actor             text        NOT NULL,
    action            text        NOT NULL,
    version           bigint,
    reason            text,
    changes           text,
    change_request_id uuid
);
CREATE INDEX link_history_link ON link_history (link_id, at);

CREATE TABLE change_request (
    id                uuid PRIMARY KEY,
    link_id           uuid        NOT NULL REFERENCES link (id),
    base_version      bigint      NOT NULL,
    spec              jsonb       NOT NULL,
    changes           text        NOT NULL,
    proposed_by       text        NOT NULL,
    proposed_at       timestamptz NOT NULL,
    reason            text,
    status            text        NOT NULL,
    decided_by        text,
    decided_at        timestamptz,
    decision_note     text,
    resulting_version bigint
);
CREATE INDEX change_request_status ON change_request (status, proposed_at);

CREATE TABLE naming_convention (
    target      text PRIMARY KEY,
    pattern     text        NOT NULL,
    parts       jsonb       NOT NULL,
    mode        text        NOT NULL,
    updated_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL
);

-- The latest AvailabilityChanged per SKU and market, applied by sequence (preflight stock check).
CREATE TABLE availability_signal (
    sku         text        NOT NULL,
    market      text        NOT NULL,
    state       text        NOT NULL,
    available   bigint      NOT NULL,
    baseline    bigint,
    observed_at timestamptz NOT NULL,
    received_at timestamptz,
    sequence    bigint      NOT NULL,
    PRIMARY KEY (sku, market)
);

-- The latest DestinationChecked per link and branch (preflight page validation).
CREATE TABLE destination_audit (
    link_id              uuid        NOT NULL,
    branch               text        NOT NULL,
    version              bigint      NOT NULL,
    url                  text,
    http_status          integer,
    final_url            text,
    params_preserved     boolean     NOT NULL,
    availability_on_page text,
    ok                   boolean     NOT NULL,
    problem              text,
    checked_at           timestamptz NOT NULL,
    PRIMARY KEY (link_id, branch)
);
