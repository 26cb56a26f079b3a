package dev.linkops.contracts.events.v1;

/** One branch of a link's routing tree: when every condition holds, go to {@code then}. */
public record RouteRule(String label, RouteCondition when, RouteTarget then) {
}
