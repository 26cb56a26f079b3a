package dev.linkops.routing;

import java.time.Instant;
import java.util.Objects;

/** Half-open window [from, to); a null end is open. */
final class TimeCheck implements Check {

    private final Instant from;
    private final Instant to;

    TimeCheck(Instant from, Instant to) {
        this.from = from;
        this.to = to;
    }

    @Override
    public boolean holds(RequestContext request, Instant now, StockSnapshot stock) {
        return (from == null || !now.isBefore(from)) && (to == null || now.isBefore(to));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeCheck other && Objects.equals(from, other.from) && Objects.equals(to, other.to);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to);
    }
}
