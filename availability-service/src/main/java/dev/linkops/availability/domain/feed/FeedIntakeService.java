package dev.linkops.availability.domain.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkops.availability.config.AvailabilityConfig;
import dev.linkops.availability.domain.sources.FeedSource;
import dev.linkops.availability.domain.sources.MarketAuthority;
import dev.linkops.availability.domain.sources.SourceRecovery;
import dev.linkops.availability.domain.stock.Availability;
import dev.linkops.availability.domain.stock.AvailabilityLedger;
import dev.linkops.availability.domain.stock.SkuMarket;
import dev.linkops.availability.domain.thresholds.ThresholdResolver;
import dev.linkops.platform.problem.FieldError;
import dev.linkops.platform.problem.ProblemException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Takes one feed batch in one transaction. Batches of a source are serialised by locking the source
 * row, which also makes the (source, batchId) replay check exact under concurrent resends.
 */
@ApplicationScoped
public class FeedIntakeService {
    public static final int MAX_BATCH_ID_LENGTH = 200;
    private static final int CHUNK = 1000;
    private static final int LOG_TIMING_FROM = 1000;
    private static final Logger LOG = Logger.getLogger(FeedIntakeService.class);

    @Inject
    AvailabilityConfig config;

    @Inject
    AvailabilityLedger ledger;

    @Inject
    ThresholdResolver thresholds;

    @Inject
    SourceRecovery recovery;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    /**
     * @param itemCount how many items the sender sent (items may hold fewer: a reader stops at the limit)
     */
    @Transactional
    public FeedResult ingest(String sourceName, String batchId, Instant sentAt, List<JsonNode> items, int itemCount) {
        long started = System.nanoTime();
        checkShape(batchId, items, itemCount);
        FeedSource source = FeedSource.findById(sourceName, LockModeType.PESSIMISTIC_WRITE);
        if (source == null) {
            throw ProblemException.notFound("no feed source '" + sourceName
                    + "'; register it first with PUT /api/sources/" + sourceName);
        }
        FeedBatch earlier = FeedBatch.findById(new FeedBatch.Key(sourceName, batchId));
        if (earlier != null) {
            return replay(earlier);
        }
        Instant now = Instant.now();
        FeedItemParser parser = new FeedItemParser(now.plus(config.maxClockSkew()));
        List<FeedItem> valid = new ArrayList<>(items.size());
        List<RejectedItem> rejected = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object parsed = parser.parse(i, items.get(i));
            if (parsed instanceof FeedItem item) {
                valid.add(item);
            } else {
                rejected.add((RejectedItem) parsed);
            }
        }

        Set<String> authoritative = new HashSet<>(MarketAuthority.marketsOf(sourceName));
        if (source.stale) {
            recovery.recover(source, authoritative, now);
        }
        source.lastBatchId = batchId;
        source.lastBatchAt = now;
        source.lastSentAt = sentAt;

        DistributionSummary lag = DistributionSummary.builder("linkops.availability.feed.lag")
                .description("receivedAt - observedAt of accepted feed items").baseUnit("milliseconds")
                .tag("source", sourceName).publishPercentiles(0.5, 0.99).register(metrics);
        Map<SourceObservation.Key, SourceObservation> known = observations(sourceName, valid);
        Map<SkuMarket, SourceObservation> driving = new LinkedHashMap<>();
        int accepted = 0;
        int stale = 0;
        int duplicates = 0;
        int nonAuthoritative = 0;
        for (FeedItem item : valid) {
            SourceObservation.Key key = new SourceObservation.Key(sourceName, item.sku(), item.market());
            SourceObservation obs = known.get(key);
            if (obs != null) {
                int order = item.observedAt().compareTo(obs.observedAt);
                if (order < 0) {
                    stale++;
                    continue;
                }
                if (order == 0) {
                    duplicates++;
                    continue;
                }
            } else {
                obs = new SourceObservation();
                obs.source = sourceName;
                obs.sku = item.sku();
                obs.market = item.market();
                known.put(key, obs);
            }
            obs.onHand = item.onHand();
            obs.reserved = item.reserved();
            obs.available = item.available();
            obs.backorderable = item.backorderable();
            obs.observedAt = item.observedAt();
            obs.receivedAt = now;
            lag.record(Math.max(0, now.toEpochMilli() - item.observedAt().toEpochMilli()));
            if (!obs.isPersistent()) {
                obs.persist();
            }
            accepted++;
            if (authoritative.contains(item.market())) {
                driving.put(item.key(), obs);
            } else {
                nonAuthoritative++;
            }
        }

        long observed = System.nanoTime();
        if (!driving.isEmpty()) {
            Map<SkuMarket, Availability> rows = ledger.lock(driving.keySet());
            Set<String> skus = new HashSet<>();
            driving.keySet().forEach(k -> skus.add(k.sku()));
            ThresholdResolver.Lookup lookup = thresholds.forSkus(skus);
            for (var e : new java.util.TreeMap<>(driving).entrySet()) {
                SkuMarket k = e.getKey();
                ledger.observe(rows.get(k), e.getValue(), lookup.of(k.sku(), k.market()), now);
            }
        }

        long applied = System.nanoTime();
        FeedBatch batch = new FeedBatch();
        batch.source = sourceName;
        batch.batchId = batchId;
        batch.receivedAt = now;
        batch.sentAt = sentAt;
        batch.itemCount = items.size();
        batch.accepted = accepted;
        batch.stale = stale;
        batch.duplicates = duplicates;
        batch.nonAuthoritative = nonAuthoritative;
        batch.rejected = write(rejected);
        batch.persist();
        FeedBatch.flush();
        long flushed = System.nanoTime();
        count(sourceName, "accepted", accepted - nonAuthoritative);
        count(sourceName, "non_authoritative", nonAuthoritative);
        count(sourceName, "stale", stale);
        count(sourceName, "duplicate", duplicates);
        count(sourceName, "rejected", rejected.size());
        metrics.timer("linkops.availability.feed.batch", "source", sourceName).record(flushed - started,
                java.util.concurrent.TimeUnit.NANOSECONDS);
        if (items.size() >= LOG_TIMING_FROM) {
            LOG.infof("batch %s/%s: %d items in %d ms (validate+observations %d ms, availability %d ms, flush %d ms)",
                    sourceName, batchId, items.size(), (flushed - started) / 1_000_000, (observed - started) / 1_000_000,
                    (applied - observed) / 1_000_000, (flushed - applied) / 1_000_000);
        }
        return new FeedResult(sourceName, batchId, items.size(), accepted, stale, duplicates, nonAuthoritative,
                rejected, false);
    }

    private void count(String source, String outcome, int n) {
        if (n > 0) {
            metrics.counter("linkops.availability.feed.items", "source", source, "outcome", outcome).increment(n);
        }
    }

    private void checkShape(String batchId, List<JsonNode> items, int itemCount) {
        if (itemCount > config.maxBatchItems()) {
            throw new ProblemException(413, "Batch too large", "the batch has " + itemCount
                    + " items; at most " + config.maxBatchItems() + " are taken at once, split it",
                    List.of(new FieldError("/items", "has " + itemCount + " items, more than the limit of "
                            + config.maxBatchItems())),
                    Map.of("maxItems", config.maxBatchItems()));
        }
        List<FieldError> errors = new ArrayList<>();
        if (batchId == null || batchId.isBlank()) {
            errors.add(new FieldError("/batchId", "is required: the sender's id of this batch, so a resend is recognised"));
        } else if (batchId.length() > MAX_BATCH_ID_LENGTH) {
            errors.add(new FieldError("/batchId", "must be at most " + MAX_BATCH_ID_LENGTH + " characters"));
        }
        if (items == null) {
            errors.add(new FieldError("/items", "is required: a list of items (may be empty for a heartbeat)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private Map<SourceObservation.Key, SourceObservation> observations(String source, List<FeedItem> items) {
        Set<String> skus = new TreeSet<>();
        items.forEach(i -> skus.add(i.sku()));
        Map<SourceObservation.Key, SourceObservation> known = new HashMap<>();
        List<String> all = new ArrayList<>(skus);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            for (SourceObservation o : SourceObservation.<SourceObservation>list("source = ?1 and sku in ?2", source, chunk)) {
                known.put(new SourceObservation.Key(o.source, o.sku, o.market), o);
            }
        }
        return known;
    }

    private FeedResult replay(FeedBatch b) {
        List<RejectedItem> rejected;
        try {
            rejected = json.readValue(b.rejected, new TypeReference<List<RejectedItem>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored batch result unreadable", e);
        }
        return new FeedResult(b.source, b.batchId, b.itemCount, b.accepted, b.stale, b.duplicates,
                b.nonAuthoritative, rejected, true);
    }

    private String write(List<RejectedItem> rejected) {
        try {
            return json.writeValueAsString(rejected);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
