-- What is promoted: one row per link (latest version seen), one row per (link, sku, market) it depends on.
CREATE TABLE promoted_link (
    link_id    uuid PRIMARY KEY,
    code       text        NOT NULL,
    version    bigint      NOT NULL,
    status     text        NOT NULL,
    owner      text,
    team       text,
    primary_sku text,
    snapshot   text        NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE TABLE promoted_sku (
    link_id uuid NOT NULL REFERENCES promoted_link (link_id) ON DELETE CASCADE,
    sku     text NOT NULL,
    market  text NOT NULL, -- '*' when the link names no market
    PRIMARY KEY (link_id, sku, market)
);
CREATE INDEX promoted_sku_by_sku ON promoted_sku (sku, market);

-- The latest availability seen per (sku, market), applied by sequence.
CREATE TABLE sku_signal (
    sku         text        NOT NULL,
    market      text        NOT NULL,
    state       text        NOT NULL,
    available   bigint      NOT NULL,
    source      text,
    sequence    bigint      NOT NULL,
    observed_at timestamptz,
    PRIMARY KEY (sku, market)
);

CREATE TABLE alert_policy (
    alert_type   text    NOT NULL,
    severity     text    NOT NULL,
    respond_within_seconds bigint NOT NULL,
    repeat_every_seconds   bigint NOT NULL,
    updated_by   text,
    updated_at   timestamptz NOT NULL,
    PRIMARY KEY (alert_type, severity)
);

CREATE TABLE alert (
    id               uuid PRIMARY KEY,
    alert_type       text        NOT NULL,
    severity         text        NOT NULL,
    subject          text        NOT NULL,
    owner            text,
    team             text,
    link_id          uuid,
    sku              text,
    facts            text        NOT NULL,
    status           text        NOT NULL,
    raised_at        timestamptz NOT NULL,
    deadline         timestamptz NOT NULL,
    escalated        boolean     NOT NULL,
    escalation_count integer     NOT NULL,
    last_escalated_at timestamptz,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    resolved_at      timestamptz,
    resolved_by      text,
    resolution       text,
    reopen_count     integer     NOT NULL,
    row_version      bigint      NOT NULL
);
-- One open alert per (type, subject), enforced by the database too.
CREATE UNIQUE INDEX alert_one_open ON alert (alert_type, subject) WHERE status <> 'RESOLVED';
CREATE INDEX alert_by_status ON alert (status, deadline);

CREATE TABLE subscription (
    id           uuid PRIMARY KEY,
    subscriber_kind text     NOT NULL, -- PERSON | TEAM
    subscriber   text        NOT NULL,
    channel      text        NOT NULL, -- EMAIL | WEBHOOK
    url          text,
    secret       text,
    alert_types  text,                 -- comma separated; null = every type
    min_severity text        NOT NULL,
    disabled     boolean     NOT NULL,
    disabled_reason text,
    consecutive_failures integer NOT NULL,
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL
);

-- Notifications are written with the alert change and sent after commit (retried with backoff).
CREATE TABLE notification (
    id              uuid PRIMARY KEY,
    alert_id        uuid,
    channel         text        NOT NULL, -- EMAIL | WEBHOOK
    recipient_kind  text        NOT NULL, -- USER | TEAM_MEMBERS | TEAM_ESCALATION | ADDRESS | SUBSCRIPTION
    recipient       text        NOT NULL,
    subscription_id uuid,
    title           text        NOT NULL,
    body            text        NOT NULL,
    payload         text,
    status          text        NOT NULL, -- PENDING | SENT | FAILED
    attempts        integer     NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'PENDING';

-- A simple tumbling-window counter of non-bot clicks per link.
CREATE TABLE click_window (
    link_id      uuid        NOT NULL,
    window_start timestamptz NOT NULL,
    total        bigint      NOT NULL,
    fallback     bigint      NOT NULL,
    inactive     bigint      NOT NULL,
    PRIMARY KEY (link_id, window_start)
);

CREATE TABLE destination_audit (
    id            uuid PRIMARY KEY,
    run_id        uuid        NOT NULL,
    link_id       uuid        NOT NULL,
    link_version  bigint      NOT NULL,
    code          text        NOT NULL,
    branch        text        NOT NULL,
    url           text        NOT NULL,
    final_url     text,
    http_status   integer,
    hops          text        NOT NULL,
    params_preserved boolean  NOT NULL,
    availability_on_page text,
    signal_state  text,
    ok            boolean     NOT NULL,
    problem       text,
    checked_at    timestamptz NOT NULL
);
CREATE INDEX destination_audit_latest ON destination_audit (link_id, branch, checked_at DESC);
