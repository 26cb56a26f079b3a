package dev.linkops.redirect.domain;

import dev.linkops.routing.RequestContext;

/**
 * What one request tells about its visitor: the routing context plus what the click records.
 * Never holds the IP address: {@code key} is its day's {@link VisitorKeys} key, or null.
 */
public record Visitor(RequestContext context, boolean bot, String referrerHost, String key) {
}
