package dev.linkops.redirect.clicks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** One counter name for every way a click can be lost, told apart by reason. */
final class ClickDrops {
    static final String NAME = "linkops.redirect.clicks.dropped";

    private ClickDrops() {
    }

    static Counter counter(MeterRegistry registry, String reason) {
        return Counter.builder(NAME).description("clicks lost before reaching the broker")
                .tag("reason", reason).register(registry);
    }
}
