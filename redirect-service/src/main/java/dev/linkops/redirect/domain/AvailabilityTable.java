package dev.linkops.redirect.domain;

import dev.linkops.contracts.events.v1.AvailabilityChanged;
import dev.linkops.routing.AvailabilitySignal;
import dev.linkops.routing.AvailabilityView;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest availability signal per (sku, market), applied by sequence: an event not newer than
 * what is held is ignored, so redelivery and a snapshot racing with events never move a SKU back.
 * Keyed sku → market → signal so the hot path looks a signal up without building a key.
 */
@Singleton
public class AvailabilityTable implements AvailabilityView {

    /** What is held for one (sku, market): the evaluator's signal and the event it came from. */
    record Held(AvailabilitySignal signal, AvailabilityChanged event) {
    }

    private final Map<String, Map<String, Held>> bySku = new ConcurrentHashMap<>();

    @Override
    public AvailabilitySignal signal(String sku, String market) {
        Map<String, Held> markets = bySku.get(sku);
        if (markets == null) {
            return null;
        }
        if (market == null) {
            // a link without markets: only an unambiguous signal counts
            if (markets.size() != 1) {
                return null;
            }
            for (Held held : markets.values()) {
                return held.signal();
            }
            return null;
        }
        Held held = markets.get(market);
        return held == null ? null : held.signal();
    }

    /** @return whether the event was newer than what was held and is now in force */
    public boolean apply(AvailabilityChanged event) {
        if (event == null || event.sku() == null || event.market() == null || event.state() == null) {
            return false;
        }
        String market = event.market().toUpperCase(Locale.ROOT);
        var observedAt = event.observedAt() != null ? event.observedAt()
                : event.receivedAt() != null ? event.receivedAt() : java.time.Instant.EPOCH;
        Held next = new Held(new AvailabilitySignal(event.state(), event.available(), event.baseline(), observedAt), event);
        boolean[] applied = {false};
        bySku.computeIfAbsent(event.sku(), k -> new ConcurrentHashMap<>(2))
                .compute(market, (k, held) -> {
                    if (held != null && held.event().sequence() >= event.sequence()) {
                        return held;
                    }
                    applied[0] = true;
                    return next;
                });
        return applied[0];
    }

    public int size() {
        int n = 0;
        for (Map<String, Held> markets : bySku.values()) {
            n += markets.size();
        }
        return n;
    }

    /** Every event in force, for the local snapshot file. */
    public List<AvailabilityChanged> events() {
        List<AvailabilityChanged> events = new ArrayList<>();
        for (Map<String, Held> markets : bySku.values()) {
            for (Held held : markets.values()) {
                events.add(held.event());
            }
        }
        return events;
    }
}
