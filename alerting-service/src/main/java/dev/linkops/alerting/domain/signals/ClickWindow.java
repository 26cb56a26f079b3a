package dev.linkops.alerting.domain.signals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Non-bot clicks of one link in one tumbling window. */
@Entity
@Table(name = "click_window")
public class ClickWindow extends PanacheEntityBase {
    @EmbeddedId
    public Key key;
    @Column(nullable = false)
    public long total;
    /** Clicks that ended on a fallback or a waitlist. */
    @Column(nullable = false)
    public long fallback;
    /** Clicks on the link while it was expired or paused. */
    @Column(nullable = false)
    public long inactive;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "link_id", nullable = false)
        public UUID linkId;
        @Column(name = "window_start", nullable = false)
        public Instant windowStart;

        public Key() {
        }

        public Key(UUID linkId, Instant windowStart) {
            this.linkId = linkId;
            this.windowStart = windowStart;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.linkId, linkId) && Objects.equals(k.windowStart, windowStart);
        }

        @Override
        public int hashCode() {
            return Objects.hash(linkId, windowStart);
        }
    }
}
