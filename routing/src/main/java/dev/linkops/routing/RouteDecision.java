package dev.linkops.routing;

import dev.linkops.contracts.events.v1.ClickRecorded.SkuAtClick;
import dev.linkops.contracts.events.v1.DestinationType;

import java.util.List;

/**
 * Where one request goes and what it saw on the way.
 *
 * @param outcome         routed, or which fallback answered
 * @param branch          the matching rule's label, {@link #DEFAULT_BRANCH} or {@link #FALLBACK_BRANCH}
 * @param destinationType the page kind of the chosen target; null for fallbacks
 * @param destination     the expanded URL, before query merging; null only when a fallback outcome
 *                        finds no URL on the link (the caller then serves its global fallback)
 * @param skus            every SKU the tree can look at, in link order (then SKUs named only in
 *                        conditions), with the state the evaluator used: UNKNOWN when the signal is
 *                        missing or older than the link's maxSignalAge
 */
public record RouteDecision(RouteOutcome outcome, String branch, DestinationType destinationType,
                            String destination, List<SkuAtClick> skus) {

    public static final String DEFAULT_BRANCH = "default";
    public static final String FALLBACK_BRANCH = "fallback";
}
