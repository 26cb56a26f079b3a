-- Shared by every database-owning service (quarkus.flyway.locations=db/platform,db/migration).
CREATE TABLE outbox (
    id          uuid PRIMARY KEY,
    address     text        NOT NULL,
    event_type  text        NOT NULL,
    envelope    text        NOT NULL,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz,
    attempts    integer     NOT NULL DEFAULT 0
);
CREATE INDEX outbox_unsent ON outbox (created_at) WHERE sent_at IS NULL;

-- Idempotent consumers: an event id is applied once per consumer.
CREATE TABLE processed_event (
    event_id     uuid        NOT NULL,
    consumer     text        NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (event_id, consumer)
);
