package dev.linkops.routing;

/**
 * Read access to the current availability signals. Implementations must be non-blocking and
 * thread-safe: the redirect calls this on the event loop.
 */
@FunctionalInterface
public interface AvailabilityView {

    /** A view that knows nothing: every SKU is UNKNOWN. */
    AvailabilityView NONE = (sku, market) -> null;

    /**
     * @param market ISO 3166 alpha-2 as the link spells it, or null when the link has no markets
     * @return the latest signal, or null when there is none
     */
    AvailabilitySignal signal(String sku, String market);
}
