package dev.linkops.registry.domain.links;

/** Why a link exists; reports and audits group by it. */
public enum Purpose {
    ACQUISITION, REMARKETING, RETARGETING, SEASONAL_OFFER, INFLUENCER, AFFILIATE, LAUNCH, CLEARANCE, LOYALTY,
    NEWSLETTER, OTHER
}
