-- Click facts: one row per served redirect, partitioned by day on the click time. Partitions are
-- created ahead by PartitionMaintenance and on demand before a click for a new day is written.
CREATE TABLE click_fact (
    click_id         uuid        NOT NULL,
    at               timestamptz NOT NULL,
    code             text,
    link_id          uuid        NOT NULL,  -- nil UUID for orphan clicks (unknown code)
    link_version     bigint      NOT NULL,
    outcome          text        NOT NULL,
    branch           text        NOT NULL,
    destination_type text,
    sku              text,                  -- the link's primary SKU as the click saw it
    stock_state      text        NOT NULL,
    available        bigint,
    signal_age_ms    bigint,
    market           text        NOT NULL,
    device           text        NOT NULL,
    language         text,
    referrer_host    text,
    bot              boolean     NOT NULL,
    received_at      timestamptz NOT NULL,
    PRIMARY KEY (click_id, at)
) PARTITION BY RANGE (at);
CREATE INDEX click_fact_link_at ON click_fact (link_id, at);

-- The unique key that turns at-least-once delivery into exactly one fact: a primary key on a
-- partitioned table must contain the partition key, so uniqueness of click_id alone lives here.
CREATE TABLE click_seen (
    click_id uuid        PRIMARY KEY,
    at       timestamptz NOT NULL
);

-- Rollup maintained as facts and post-click events arrive; reports read it whenever the requested
-- range is whole days. Campaign and channel come from link_meta (they belong to the link).
CREATE TABLE click_rollup (
    day                  date    NOT NULL,
    link_id              uuid    NOT NULL,
    link_version         bigint  NOT NULL,
    branch               text    NOT NULL,
    stock_state          text    NOT NULL,
    market               text    NOT NULL,
    device               text    NOT NULL,
    bot                  boolean NOT NULL,
    clicks               bigint  NOT NULL DEFAULT 0,
    add_to_carts         bigint  NOT NULL DEFAULT 0,
    purchases            bigint  NOT NULL DEFAULT 0,
    revenue              numeric(18, 2) NOT NULL DEFAULT 0,
    waitlist_signups     bigint  NOT NULL DEFAULT 0,
    back_in_stock_clicks bigint  NOT NULL DEFAULT 0,
    variant_changes      bigint  NOT NULL DEFAULT 0,
    search_refinements   bigint  NOT NULL DEFAULT 0,
    bounces              bigint  NOT NULL DEFAULT 0,
    PRIMARY KEY (day, link_id, link_version, branch, stock_state, market, device, bot)
);
CREATE INDEX click_rollup_link_day ON click_rollup (link_id, day);

-- Post-click events keyed by the click id the redirect appended. attached_at is null while the
-- click is not known yet: such events are kept apart and attached when the click arrives.
CREATE TABLE postclick_event (
    id          uuid        PRIMARY KEY,   -- the sender's eventId, or derived from the natural key
    click_id    uuid        NOT NULL,
    type        text        NOT NULL,
    at          timestamptz NOT NULL,
    revenue     numeric(18, 2),
    currency    text,
    order_id    text,
    sku         text,
    received_at timestamptz NOT NULL,
    attached_at timestamptz
);
CREATE INDEX postclick_event_click ON postclick_event (click_id);
CREATE INDEX postclick_event_pending ON postclick_event (received_at) WHERE attached_at IS NULL;

CREATE TABLE impression (
    campaign    text    NOT NULL,
    channel     text    NOT NULL,
    day         date    NOT NULL,
    impressions bigint  NOT NULL,
    spend       numeric(18, 2) NOT NULL,
    currency    text,
    imported_at timestamptz NOT NULL,
    PRIMARY KEY (campaign, channel, day)
);

-- What reporting knows about links (from LinkPublished / LinkRetired), applied by version.
CREATE TABLE link_meta (
    link_id    uuid PRIMARY KEY,
    code       text   NOT NULL,
    version    bigint NOT NULL,
    status     text   NOT NULL,
    campaign   text,
    channel    text,
    owner      text,
    team       text,
    skus       text[] NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX link_meta_campaign ON link_meta (campaign);

CREATE TABLE availability_transition (
    sku            text        NOT NULL,
    market         text        NOT NULL,
    sequence       bigint      NOT NULL,
    state          text        NOT NULL,
    previous_state text,
    available      bigint      NOT NULL,
    source         text,
    observed_at    timestamptz NOT NULL,
    received_at    timestamptz NOT NULL,
    PRIMARY KEY (sku, market, sequence)
);
CREATE INDEX availability_transition_received ON availability_transition (received_at);
CREATE INDEX availability_transition_sku_observed ON availability_transition (sku, observed_at);

CREATE TABLE destination_audit (
    event_id     uuid PRIMARY KEY,
    link_id      uuid        NOT NULL,
    version      bigint      NOT NULL,
    branch       text,
    url          text,
    http_status  integer,
    ok           boolean     NOT NULL,
    problem      text,
    checked_at   timestamptz NOT NULL
);
CREATE INDEX destination_audit_link ON destination_audit (link_id, checked_at);

CREATE TABLE alert_log (
    alert_id        uuid PRIMARY KEY,
    alert_type      text,
    severity        text,
    subject         text,
    owner           text,
    team            text,
    link_id         uuid,
    sku             text,
    raised_at       timestamptz NOT NULL,
    resolved_at     timestamptz,
    resolved_reason text
);
CREATE INDEX alert_log_link ON alert_log (link_id);
CREATE INDEX alert_log_sku ON alert_log (sku);
