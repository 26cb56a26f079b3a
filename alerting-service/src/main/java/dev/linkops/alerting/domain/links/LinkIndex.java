package dev.linkops.alerting.domain.links;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.linkops.contracts.events.v1.EventCodec;
import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkRetired;
import dev.linkops.contracts.events.v1.LinkStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which SKUs and markets each link depends on and who owns it, applied by version: an older or
 * repeated version never overwrites a newer one, so redelivery and reordering are harmless.
 */
@ApplicationScoped
public class LinkIndex {

    /** @return true when the event changed the index (it was newer than what we hold) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(LinkPublished event, Instant now) {
        PromotedLink link = PromotedLink.findById(event.linkId());
        if (link != null && link.version >= event.version()) {
            return false;
        }
        if (link == null) {
            link = new PromotedLink();
            link.linkId = event.linkId();
        }
        link.code = event.code();
        link.version = event.version();
        link.status = event.status() == null ? LinkStatus.DRAFT : event.status();
        link.owner = event.owner();
        link.team = event.team();
        List<String> skus = event.skus() == null ? List.of() : event.skus();
        link.primarySku = skus.isEmpty() ? null : skus.get(0);
        link.snapshot = toJson(event);
        link.updatedAt = now;
        link.persist();
        PromotedSku.delete("key.linkId", link.linkId);
        PromotedSku.flush();
        List<String> markets = event.markets() == null || event.markets().isEmpty()
                ? List.of(PromotedSku.ANY_MARKET) : event.markets();
        Set<String> seen = new LinkedHashSet<>();
        for (String sku : skus) {
            for (String market : markets) {
                if (sku != null && market != null && seen.add(sku + "\u0000" + market)) {
                    new PromotedSku(link.linkId, sku, market).persist();
                }
            }
        }
        return true;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(LinkRetired event, Instant now) {
        PromotedLink link = PromotedLink.findById(event.linkId());
        if (link != null && link.version > event.version()) {
            return false;
        }
        if (link == null) {
            link = new PromotedLink();
            link.linkId = event.linkId();
            link.snapshot = "{}";
        }
        link.code = event.code();
        link.version = event.version();
        link.status = LinkStatus.ARCHIVED;
        link.updatedAt = now;
        link.persist();
        PromotedSku.delete("key.linkId", link.linkId);
        return true;
    }

    /** LIVE links that promote the SKU in the market (or in every market). */
    public List<PromotedLink> liveLinksPromoting(String sku, String market) {
        return PromotedLink.find("select distinct l from PromotedLink l, PromotedSku s "
                        + "where s.key.linkId = l.linkId and l.status = ?1 and s.key.sku = ?2 "
                        + "and (s.key.market = ?3 or s.key.market = ?4) order by l.code",
                LinkStatus.LIVE, sku, market == null ? PromotedSku.ANY_MARKET : market, PromotedSku.ANY_MARKET)
                .list();
    }

    public List<PromotedLink> liveLinks() {
        return PromotedLink.list("status = ?1 order by code", LinkStatus.LIVE);
    }

    public Optional<PromotedLink> find(UUID linkId) {
        return PromotedLink.findByIdOptional(linkId);
    }

    public List<PromotedSku> skusOf(UUID linkId) {
        return PromotedSku.list("key.linkId", linkId);
    }

    public static LinkPublished snapshotOf(PromotedLink link) {
        try {
            return EventCodec.mapper().readValue(link.snapshot, LinkPublished.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable snapshot of link " + link.linkId, e);
        }
    }

    private static String toJson(LinkPublished event) {
        try {
            return EventCodec.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store snapshot of link " + event.linkId(), e);
        }
    }
}
