-- Feed sources. A market has at most one authoritative source (market_authority.market is the key).
CREATE TABLE feed_source (
    name                 text        PRIMARY KEY,
    expected_interval_ms bigint      NOT NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    last_batch_id        text,
    last_batch_at        timestamptz,
    last_sent_at         timestamptz,
    stale                boolean     NOT NULL DEFAULT false,
    stale_since          timestamptz
);

CREATE TABLE market_authority (
    market text PRIMARY KEY,
    source text NOT NULL REFERENCES feed_source (name)
);
CREATE INDEX market_authority_source ON market_authority (source);

-- One row per received batch: makes intake idempotent by (source, batch_id) and replays the same answer.
CREATE TABLE feed_batch (
    source            text        NOT NULL,
    batch_id          text        NOT NULL,
    received_at       timestamptz NOT NULL,
    sent_at           timestamptz,
    item_count        integer     NOT NULL,
    accepted          integer     NOT NULL,
    stale             integer     NOT NULL,
    duplicates        integer     NOT NULL,
    non_authoritative integer     NOT NULL,
    rejected          text        NOT NULL,
    PRIMARY KEY (source, batch_id)
);

-- The newest observation of every source per (sku, market), authoritative or not (discrepancy view).
CREATE TABLE source_observation (
    source        text        NOT NULL,
    sku           text        NOT NULL,
    market        text        NOT NULL,
    on_hand       bigint      NOT NULL,
    reserved      bigint      NOT NULL,
    available     bigint      NOT NULL,
    backorderable boolean     NOT NULL,
    observed_at   timestamptz NOT NULL,
    received_at   timestamptz NOT NULL,
    PRIMARY KEY (source, sku, market)
);
CREATE INDEX source_observation_sku ON source_observation (sku, market);
CREATE INDEX source_observation_received ON source_observation (source, received_at);

-- The authoritative signal per (sku, market). pending_since marks a change not yet published
-- (coalescing window); sequence counts published AvailabilityChanged events.
CREATE TABLE availability (
    sku                     text        NOT NULL,
    market                  text        NOT NULL,
    state                   text        NOT NULL,
    previous_state          text,
    state_since             timestamptz NOT NULL,
    on_hand                 bigint      NOT NULL,
    reserved                bigint      NOT NULL,
    available               bigint      NOT NULL,
    backorderable           boolean     NOT NULL,
    source                  text        NOT NULL,
    observed_at             timestamptz NOT NULL,
    received_at             timestamptz NOT NULL,
    low_at_most             bigint,
    baseline                bigint,
    low_percent_of_baseline integer,
    hysteresis              integer,
    sequence                bigint      NOT NULL DEFAULT 0,
    published_state         text,
    published_at            timestamptz,
    pending_since           timestamptz,
    PRIMARY KEY (sku, market)
);
CREATE INDEX availability_state ON availability (state, market);
CREATE INDEX availability_market ON availability (market);
CREATE INDEX availability_pending ON availability (pending_since) WHERE pending_since IS NOT NULL;

CREATE SEQUENCE state_transition_seq INCREMENT BY 500;
CREATE TABLE state_transition (
    id         bigint      PRIMARY KEY,
    sku        text        NOT NULL,
    market     text        NOT NULL,
    from_state text,
    to_state   text        NOT NULL,
    available  bigint      NOT NULL,
    source     text        NOT NULL,
    reason     text        NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX state_transition_sku ON state_transition (sku, market, at);

-- Thresholds: per SKU (market '*' = every market) and defaults per SKU prefix ('' = global).
CREATE TABLE sku_threshold (
    sku                     text        NOT NULL,
    market                  text        NOT NULL,
    low_at_most             bigint,
    baseline                bigint,
    low_percent_of_baseline integer,
    hysteresis              integer,
    updated_at              timestamptz NOT NULL,
    updated_by              text,
    PRIMARY KEY (sku, market)
);

CREATE TABLE threshold_default (
    sku_prefix              text        NOT NULL,
    market                  text        NOT NULL,
    low_at_most             bigint,
    baseline                bigint,
    low_percent_of_baseline integer,
    hysteresis              integer,
    updated_at              timestamptz NOT NULL,
    updated_by              text,
    PRIMARY KEY (sku_prefix, market)
);
