package dev.linkops.routing;

import dev.linkops.contracts.events.v1.ClickRecorded.SkuAtClick;
import dev.linkops.contracts.events.v1.StockState;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stock condition over one SKU, some SKU ("any") or every SKU ("all") of the link. SKUs are
 * addressed by their index in the link's {@link StockSnapshot}.
 */
abstract class StockCheck implements Check {

    static final int ANY = -1;
    static final int ALL = -2;

    /** A snapshot index, {@link #ANY} or {@link #ALL}. */
    private final int sku;
    /** any/all range over the link's own SKUs, not SKUs named only by other conditions. */
    private final int linkSkuCount;

    private StockCheck(int sku, int linkSkuCount) {
        this.sku = sku;
        this.linkSkuCount = linkSkuCount;
    }

    static StockCheck stateIn(int sku, int linkSkuCount, List<StockState> states) {
        int mask = 0;
        for (StockState state : states) {
            mask |= 1 << state.ordinal();
        }
        return new StateIn(sku, linkSkuCount, mask);
    }

    static StockCheck availableAtMost(int sku, int linkSkuCount, long most) {
        return new AvailableAtMost(sku, linkSkuCount, most);
    }

    static StockCheck percentOfBaselineAtMost(int sku, int linkSkuCount, int percent) {
        return new PercentOfBaselineAtMost(sku, linkSkuCount, percent);
    }

    @Override
    public final boolean holds(RequestContext request, Instant now, StockSnapshot stock) {
        if (sku >= 0) {
            return matches(stock.seen[sku], stock.signals[sku]);
        }
        boolean all = sku == ALL;
        for (int i = 0; i < linkSkuCount; i++) {
            if (matches(stock.seen[i], stock.signals[i]) != all) {
                return !all;
            }
        }
        return all;
    }

    abstract boolean matches(SkuAtClick seen, AvailabilitySignal signal);

    /** The state mask or limit the subclass compares with; with the class, what makes two checks equal. */
    abstract long limit();

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((StockCheck) o).sku == sku
                && ((StockCheck) o).linkSkuCount == linkSkuCount && ((StockCheck) o).limit() == limit();
    }

    @Override
    public final int hashCode() {
        return Objects.hash(getClass().getName(), sku, linkSkuCount, limit());
    }

    private static final class StateIn extends StockCheck {
        private final int stateMask;

        StateIn(int sku, int linkSkuCount, int stateMask) {
            super(sku, linkSkuCount);
            this.stateMask = stateMask;
        }

        @Override
        boolean matches(SkuAtClick seen, AvailabilitySignal signal) {
            return (stateMask & (1 << seen.state().ordinal())) != 0;
        }

        @Override
        long limit() {
            return stateMask;
        }
    }

    /** A quantity is only trusted when the state is known: a stale "0 left" must not send people away. */
    private static final class AvailableAtMost extends StockCheck {
        private final long most;

        AvailableAtMost(int sku, int linkSkuCount, long most) {
            super(sku, linkSkuCount);
            this.most = most;
        }

        @Override
        boolean matches(SkuAtClick seen, AvailabilitySignal signal) {
            return seen.state() != StockState.UNKNOWN && signal.available() <= most;
        }

        @Override
        long limit() {
            return most;
        }
    }

    private static final class PercentOfBaselineAtMost extends StockCheck {
        private final long percent;

        PercentOfBaselineAtMost(int sku, int linkSkuCount, int percent) {
            super(sku, linkSkuCount);
            this.percent = percent;
        }

        /** A zero or negative baseline says nothing about depletion, so it counts as no baseline. */
        @Override
        boolean matches(SkuAtClick seen, AvailabilitySignal signal) {
            if (seen.state() == StockState.UNKNOWN) {
                return false;
            }
            Long baseline = signal.baseline();
            return baseline != null && baseline > 0 && signal.available() * 100 <= percent * baseline;
        }

        @Override
        long limit() {
            return percent;
        }
    }
}
