package dev.linkops.redirect.domain;

import dev.linkops.contracts.events.v1.LinkPublished;
import dev.linkops.contracts.events.v1.LinkRetired;
import dev.linkops.routing.CompiledLink;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * code → compiled link version. Versions only move forward: an older LinkPublished (redelivery, or a
 * snapshot taken before an event) is ignored, and a retired code keeps a tombstone with its version
 * so a late LinkPublished cannot bring it back.
 */
@Singleton
public class RoutingTable {
    private static final Logger LOG = Logger.getLogger(RoutingTable.class);

    /** One code's state; {@code link} is null once retired. {@code touchedAt} is System.nanoTime(). */
    public record Entry(CompiledLink link, long version, long touchedAt) {
    }

    public enum Applied { APPLIED, STALE, INVALID }

    private final Map<String, Entry> byCode = new ConcurrentHashMap<>(1 << 12);

    /** Hot path: no allocation, no lock. */
    public CompiledLink find(String code) {
        Entry entry = byCode.get(code);
        return entry == null ? null : entry.link();
    }

    public Applied apply(LinkPublished published) {
        if (published == null || published.code() == null) {
            return Applied.INVALID;
        }
        Entry held = byCode.get(published.code());
        if (held != null && held.version() >= published.version()) {
            // a periodic reconcile re-reads every link; only changed ones are worth compiling
            return Applied.STALE;
        }
        CompiledLink compiled;
        try {
            compiled = CompiledLink.compile(published);
        } catch (RuntimeException e) {
            // the registry compiles before it publishes; keep serving the version we have
            LOG.warnf("link %s version %d does not compile, keeping the previous version: %s",
                    published.code(), published.version(), e.getMessage());
            return Applied.INVALID;
        }
        return install(published.code(), compiled, published.version());
    }

    public Applied retire(LinkRetired retired) {
        if (retired == null || retired.code() == null) {
            return Applied.INVALID;
        }
        return install(retired.code(), null, retired.version());
    }

    private Applied install(String code, CompiledLink link, long version) {
        boolean[] applied = {false};
        Entry next = new Entry(link, version, System.nanoTime());
        byCode.compute(code, (k, held) -> {
            if (held != null && held.version() >= version) {
                return held;
            }
            applied[0] = true;
            return next;
        });
        return applied[0] ? Applied.APPLIED : Applied.STALE;
    }

    /**
     * After a full snapshot: codes it no longer lists stop routing, unless an event touched them after
     * the snapshot was requested (the snapshot cannot know about those yet).
     */
    public int removeAbsent(Set<String> codesInSnapshot, long snapshotRequestedAt) {
        int removed = 0;
        for (Map.Entry<String, Entry> e : byCode.entrySet()) {
            if (!codesInSnapshot.contains(e.getKey()) && e.getValue().link() != null
                    && e.getValue().touchedAt() - snapshotRequestedAt < 0) {
                if (byCode.remove(e.getKey(), e.getValue())) {
                    removed++;
                }
            }
        }
        return removed;
    }

    public int size() {
        return byCode.size();
    }

    /** Every routable link, for the local snapshot file. */
    public List<LinkPublished> links() {
        Collection<Entry> entries = byCode.values();
        List<LinkPublished> links = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            if (entry.link() != null) {
                links.add(entry.link().link());
            }
        }
        return links;
    }
}
