package dev.linkops.redirect.state;

import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Whether a snapshot has been loaded, where from, and when the state last changed. */
@Singleton
public class StateStatus {

    public enum Source { NONE, SERVICES, FILE }

    private volatile Source source = Source.NONE;
    private final AtomicLong lastChangeMillis = new AtomicLong();
    private final AtomicLong lastSyncMillis = new AtomicLong();
    private final AtomicBoolean dirty = new AtomicBoolean();

    public boolean loaded() {
        return source != Source.NONE;
    }

    public Source source() {
        return source;
    }

    public void loadedFrom(Source from) {
        if (from == Source.SERVICES || source == Source.NONE) {
            source = from;
        }
        lastSyncMillis.set(System.currentTimeMillis());
    }

    /** An event or snapshot changed the state: the file is out of date. */
    public void changed() {
        lastChangeMillis.set(System.currentTimeMillis());
        dirty.set(true);
    }

    /** @return whether there was something to write since the last call */
    public boolean takeDirty() {
        return dirty.getAndSet(false);
    }

    public void markDirty() {
        dirty.set(true);
    }

    /** Seconds since the state last heard from its sources (snapshot or event); -1 before any. */
    public double ageSeconds() {
        long last = Math.max(lastChangeMillis.get(), lastSyncMillis.get());
        return last == 0 ? -1 : (System.currentTimeMillis() - last) / 1000.0;
    }
}
