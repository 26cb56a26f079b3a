package dev.linkops.contracts.events.v1;

/** A destination URL template ({sku}, {market}, {language}) and what kind of page it is. */
public record RouteTarget(String destination, DestinationType destinationType) {
}
