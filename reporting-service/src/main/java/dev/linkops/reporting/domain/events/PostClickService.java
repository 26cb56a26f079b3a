package dev.linkops.reporting.domain.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.linkops.platform.problem.ProblemException;
import dev.linkops.reporting.config.ReportingConfig;
import dev.linkops.reporting.domain.clicks.RollupKey;
import dev.linkops.reporting.persistence.ClickStore;
import dev.linkops.reporting.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Intake of post-click events. Each item is validated on its own (a bad item is reported by index
 * and does not stop the others); every accepted item is idempotent by its eventId or, without one,
 * by the natural key clickId + type + (orderId or at).
 */
@ApplicationScoped
public class PostClickService {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);

    @Inject
    Sql sql;
    @Inject
    ClickStore clicks;
    @Inject
    PostClickAttachment attachment;
    @Inject
    ReportingConfig config;

    record ValidEvent(UUID id, UUID clickId, PostClickType type, Instant at, BigDecimal revenue, String currency,
                      String orderId, String sku) {
    }

    @Transactional
    public EventBatchResult ingest(JsonNode body) {
        if (body == null || !body.isArray()) {
            throw ProblemException.invalid("", "expected a JSON array of post-click events");
        }
        if (body.isEmpty()) {
            throw ProblemException.invalid("", "the array holds no events");
        }
        if (body.size() > config.events().maxBatch()) {
            throw ProblemException.invalid("", "at most " + config.events().maxBatch() + " events per request, got "
                    + body.size());
        }
        List<EventBatchResult.Rejection> rejected = new ArrayList<>();
        List<ValidEvent> valid = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < body.size(); i++) {
            try {
                valid.add(validate(body.get(i), now));
            } catch (ItemInvalid e) {
                rejected.add(new EventBatchResult.Rejection(i, "/" + i + e.field, e.getMessage()));
            }
        }
        int accepted = 0;
        int attached = 0;
        int pending = 0;
        int duplicates = 0;
        for (ValidEvent e : valid) {
            int inserted = sql.update("""
                    INSERT INTO postclick_event (id, click_id, type, at, revenue, currency, order_id, sku, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
                    """, e.id(), e.clickId(), e.type().wireName, e.at(), e.revenue(), e.currency(), e.orderId(),
                    e.sku(), now);
            if (inserted == 0) {
                duplicates++;
                continue;
            }
            accepted++;
            RollupKey key = clicks.rollupKeyOf(e.clickId());
            if (key != null && attachment.attachOne(e.id(), key)) {
                attached++;
            } else {
                pending++;
            }
        }
        return new EventBatchResult(body.size(), accepted, attached, pending, duplicates, rejected);
    }

    private ValidEvent validate(JsonNode item, Instant now) {
        if (item == null || !item.isObject()) {
            throw new ItemInvalid("", "must be an object");
        }
        UUID clickId = uuid(item, "clickId", true);
        String typeName = text(item, "type", true);
        PostClickType type = PostClickType.ofWireName(typeName);
        if (type == null) {
            throw new ItemInvalid("/type", "unknown event type '" + typeName + "'; expected one of "
                    + PostClickType.allowed());
        }
        String atText = text(item, "at", true);
        Instant at;
        try {
            at = Instant.parse(atText);
        } catch (DateTimeParseException e) {
            throw new ItemInvalid("/at", "must be an ISO-8601 instant such as 2026-12-05T10:15:00Z");
        }
        if (at.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new ItemInvalid("/at", "lies in the future");
        }
        BigDecimal revenue = null;
        String currency = null;
        if (type == PostClickType.PURCHASE) {
            JsonNode r = item.get("revenue");
            if (r == null || r.isNull()) {
                throw new ItemInvalid("/revenue", "a purchase needs its revenue");
            }
            if (!r.isNumber()) {
                throw new ItemInvalid("/revenue", "must be a number");
            }
            revenue = r.decimalValue();
            if (revenue.signum() < 0) {
                throw new ItemInvalid("/revenue", "must not be negative");
            }
            if (revenue.scale() > 2 || revenue.compareTo(new BigDecimal("1e15")) >= 0) {
                throw new ItemInvalid("/revenue", "must have at most 2 decimals and stay below 10^15");
            }
            currency = text(item, "currency", true);
            if (!CURRENCY.matcher(currency).matches()) {
                throw new ItemInvalid("/currency", "must be an ISO 4217 code such as USD");
            }
        }
        String orderId = text(item, "orderId", false);
        String sku = text(item, "sku", false);
        UUID id = uuid(item, "eventId", false);
        if (id == null) {
            String natural = clickId + "|" + type.wireName + "|" + (orderId != null ? "order:" + orderId : at.toString());
            id = UUID.nameUUIDFromBytes(natural.getBytes(StandardCharsets.UTF_8));
        }
        return new ValidEvent(id, clickId, type, at, revenue, currency, orderId, sku);
    }

    private static String text(JsonNode item, String field, boolean required) {
        JsonNode v = item.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new ItemInvalid("/" + field, "is required");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new ItemInvalid("/" + field, "must be a non-empty string");
        }
        if (v.asText().length() > 200) {
            throw new ItemInvalid("/" + field, "must be at most 200 characters");
        }
        return v.asText();
    }

    private static UUID uuid(JsonNode item, String field, boolean required) {
        String text = text(item, field, required);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new ItemInvalid("/" + field, "must be a UUID");
        }
    }

    private static final class ItemInvalid extends RuntimeException {
        final String field;

        ItemInvalid(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }
}
