package dev.linkops.routing;

import dev.linkops.contracts.events.v1.DestinationType;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/** One branch, ready to evaluate: cheap request checks first, stock checks last. */
final class CompiledRule {

    final String label;
    final Check[] conditions;
    final DestinationTemplate target;
    final DestinationType destinationType;

    CompiledRule(String label, Check[] conditions, DestinationTemplate target, DestinationType destinationType) {
        this.label = label;
        this.conditions = conditions;
        this.target = target;
        this.destinationType = destinationType;
    }

    boolean matches(RequestContext request, Instant now, StockSnapshot stock) {
        for (Check condition : conditions) {
            if (!condition.holds(request, now, stock)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompiledRule other && label.equals(other.label) && Arrays.equals(conditions, other.conditions)
                && target.equals(other.target) && destinationType == other.destinationType;
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, Arrays.hashCode(conditions), target, destinationType);
    }
}
