package dev.linkops.reporting.domain.signals;

import dev.linkops.contracts.events.v1.AlertRaised;
import dev.linkops.contracts.events.v1.AlertResolved;
import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.contracts.events.v1.DestinationChecked;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkRetired;
import dev.linkops.reporting.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What reports need to know besides clicks: link metadata (applied by version), stock transitions
 * (by sku+market+sequence), audits (by event id) and alerts (by alert id). Every write is idempotent
 * on its natural key, so redelivery is harmless.
 */
@ApplicationScoped
public class SignalIntake {
    @Inject
    Sql sql;

    @Transactional
    public void linkPublished(LinkPublished l) {
        List<String> skus = l.skus() == null ? List.of() : l.skus();
        sql.update("""
                INSERT INTO link_meta (link_id, code, version, status, campaign, channel, owner, team, skus, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (link_id) DO UPDATE SET code = EXCLUDED.code, version = EXCLUDED.version,
                    status = EXCLUDED.status, campaign = EXCLUDED.campaign, channel = EXCLUDED.channel,
                    owner = EXCLUDED.owner, team = EXCLUDED.team, skus = EXCLUDED.skus, updated_at = EXCLUDED.updated_at
                WHERE link_meta.version <= EXCLUDED.version
                """, l.linkId(), l.code(), l.version(), l.status() == null ? "LIVE" : l.status().name(),
                l.campaign(), l.channel(), l.owner(), l.team(), skus.toArray(String[]::new), Instant.now());
    }

    @Transactional
    public void linkRetired(LinkRetired r) {
        sql.update("UPDATE link_meta SET status = 'ARCHIVED', updated_at = ? WHERE link_id = ? AND version <= ?",
                Instant.now(), r.linkId(), r.version());
    }

    @Transactional
    public void availabilityChanged(AvailabilityChanged a) {
        sql.update("""
                INSERT INTO availability_transition (sku, market, sequence, state, previous_state, available, source,
                    observed_at, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, a.sku(), a.market() == null ? "" : a.market(), a.sequence(),
                a.state() == null ? "UNKNOWN" : a.state().name(),
                a.previousState() == null ? null : a.previousState().name(), a.available(), a.source(),
                a.observedAt() == null ? Instant.now() : a.observedAt(),
                a.receivedAt() == null ? Instant.now() : a.receivedAt());
    }

    @Transactional
    public void destinationChecked(UUID eventId, DestinationChecked d) {
        sql.update("""
                INSERT INTO destination_audit (event_id, link_id, version, branch, url, http_status, ok, problem, checked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, eventId, d.linkId(), d.version(), d.branch(), d.url(), d.httpStatus(), d.ok(), d.problem(),
                d.checkedAt() == null ? Instant.now() : d.checkedAt());
    }

    @Transactional
    public void alertRaised(AlertRaised a) {
        sql.update("""
                INSERT INTO alert_log (alert_id, alert_type, severity, subject, owner, team, link_id, sku, raised_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (alert_id) DO UPDATE SET alert_type = EXCLUDED.alert_type, severity = EXCLUDED.severity,
                    subject = EXCLUDED.subject, owner = EXCLUDED.owner, team = EXCLUDED.team,
                    link_id = EXCLUDED.link_id, sku = EXCLUDED.sku, raised_at = EXCLUDED.raised_at
                """, a.alertId(), a.alertType(), a.severity(), a.subject(), a.owner(), a.team(), a.linkId(), a.sku(),
                a.raisedAt() == null ? Instant.now() : a.raisedAt());
    }

    /** A resolution may overtake its raise; the row is then made from it and completed later. */
    @Transactional
    public void alertResolved(AlertResolved r) {
        Instant at = r.resolvedAt() == null ? Instant.now() : r.resolvedAt();
        sql.update("""
                INSERT INTO alert_log (alert_id, alert_type, subject, raised_at, resolved_at, resolved_reason)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (alert_id) DO UPDATE SET resolved_at = EXCLUDED.resolved_at,
                    resolved_reason = EXCLUDED.resolved_reason
                """, r.alertId(), r.alertType(), r.subject(), at, at, r.reason());
    }
}
