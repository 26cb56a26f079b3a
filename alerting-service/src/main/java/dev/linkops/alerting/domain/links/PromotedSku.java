package dev.linkops.alerting.domain.links;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One (SKU, market) a link depends on; market "*" when the link names no market. */
@Entity
@Table(name = "promoted_sku")
public class PromotedSku extends PanacheEntityBase {
    public static final String ANY_MARKET = "*";

    @EmbeddedId
    public Key key;

    public PromotedSku() {
    }

    public PromotedSku(UUID linkId, String sku, String market) {
        this.key = new Key(linkId, sku, market);
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "link_id", nullable = false)
        public UUID linkId;
        @Column(nullable = false)
        public String sku;
        @Column(nullable = false)
        public String market;

        public Key() {
        }

        public Key(UUID linkId, String sku, String market) {
            this.linkId = linkId;
            this.sku = sku;
            this.market = market;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.linkId, linkId) && Objects.equals(k.sku, sku)
                    && Objects.equals(k.market, market);
        }

        @Override
        public int hashCode() {
            return Objects.hash(linkId, sku, market);
        }
    }
}
