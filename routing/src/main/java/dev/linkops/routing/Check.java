package dev.linkops.routing;

import java.time.Instant;

/** One precompiled part of a branch's {@code when}; a branch matches when all of its parts hold. */
interface Check {

    boolean holds(RequestContext request, Instant now, StockSnapshot stock);
}
