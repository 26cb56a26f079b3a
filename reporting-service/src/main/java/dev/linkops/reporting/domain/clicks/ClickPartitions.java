package dev.linkops.reporting.domain.clicks;

import dev.linkops.reporting.config.ReportingConfig;
import dev.linkops.reporting.persistence.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Daily range partitions of click_fact: kept ready a few days ahead by a scheduler, and created on
 * demand (in their own short transaction, before the click's transaction) for a day that has none,
 * e.g. a click replayed from a redirect's journal long after it happened.
 */
@ApplicationScoped
public class ClickPartitions {
    private static final Logger LOG = Logger.getLogger(ClickPartitions.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");

    @Inject
    Sql sql;
    @Inject
    ReportingConfig config;

    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();

    void onStart(@Observes StartupEvent ignored) {
        createAhead();
    }

    @Scheduled(every = "${linkops.reporting.partition-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void createAhead() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int d = -1; d <= config.partitions().daysAhead(); d++) {
            ensure(today.plusDays(d));
        }
    }

    public void ensure(LocalDate day) {
        if (known.contains(day)) {
            return;
        }
        String name = partitionName(day);
        try {
            QuarkusTransaction.requiringNew().run(() -> sql.update("CREATE TABLE IF NOT EXISTS " + name
                    + " PARTITION OF click_fact FOR VALUES FROM ('" + day + " 00:00:00+00') TO ('"
                    + day.plusDays(1) + " 00:00:00+00')"));
        } catch (RuntimeException e) {
            // another replica may have created it a moment earlier; only a missing partition is a failure
            if (!exists(name)) {
                throw e;
            }
            LOG.debugf("partition %s was created concurrently", name);
        }
        known.add(day);
    }

    public static String partitionName(LocalDate day) {
        return "click_fact_p" + SUFFIX.format(day);
    }

    public List<String> partitions() {
        return sql.query("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'click_fact' ORDER BY c.relname
                """, rs -> rs.getString(1));
    }

    private boolean exists(String name) {
        return partitions().contains(name);
    }
}
