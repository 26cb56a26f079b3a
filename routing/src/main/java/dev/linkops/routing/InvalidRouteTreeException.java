package dev.linkops.routing;

/**
 * A link version that cannot be compiled. {@link #field()} points at the offending part in the
 * shape of the published link (for example {@code rules[1].when.stock.sku}) so the registry can turn
 * it into a field-level problem response.
 */
public final class InvalidRouteTreeException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidRouteTreeException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
