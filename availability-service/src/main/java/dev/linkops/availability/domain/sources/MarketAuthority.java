package dev.linkops.availability.domain.sources;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Optional;

/** The one source whose feed drives a market's availability; the primary key makes it exactly one. */
@Entity
@Table(name = "market_authority")
public class MarketAuthority extends PanacheEntityBase {
    @Id
    public String market;
    @Column(nullable = false)
    public String source;

    public static Optional<String> sourceOf(String market) {
        return MarketAuthority.<MarketAuthority>findByIdOptional(market).map(a -> a.source);
    }

    public static List<String> marketsOf(String source) {
        return MarketAuthority.<MarketAuthority>list("source = ?1 order by market", source).stream()
                .map(a -> a.market).toList();
    }
}
